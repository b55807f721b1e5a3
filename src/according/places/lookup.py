"""The place mention and what a span of text may name: :class:`Mention` (a span with its
candidate gazetteer records and what the words around it ask of them) and :func:`lookup_text`
(the records a text may name: a country alias, a demonym, a state or province abbreviation, a
name as written or with or without an Arabic article). Shared by the scanner (:mod:`.mentions`)
and the area parentheses (:mod:`.parentheses`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lang.place_abbreviations import AP_STATES, PROVINCE_ABBR
from ..lang.places import ARABIC_ARTICLES, COUNTRY_ALIASES, DEMONYM_ALIASES, PLACE_DEMONYMS
from ..lang.region_demonyms import REGION_DEMONYMS
from .gazetteer import GENERIC, Gazetteer, norm


@dataclass
class Mention:
    start: int  # character offsets
    end: int
    tok: int  # first token
    tok_end: int
    text: str
    label: str  # spaCy label of the entity the mention lies in ("" outside any)
    whole: bool  # the mention is the whole entity (after trimming "the" and "'s")
    cands: list[int] = field(default_factory=list)  # gazetteer record indices
    alt: dict[int, bool] = field(default_factory=dict)  # record -> matched by an alternate name
    demonym: bool = False
    qualifier: tuple[tuple[int, ...], ...] | None = None  # groups of records the reading must lie inside
    qualifier_of: int | None = (
        None  # this mention qualifies the mention with this index ("La." of "Alexandria")
    )
    qualifies: tuple[int, ...] = ()  # candidates of the mention it qualifies
    paren: str = ""  # "Kidal (Kidal, Kidal)": "head" for the first Kidal, "inner" for the others
    want: str = ""  # the kind of record the words around ask for ("city", "admin2", ...)
    sentence_initial: bool = False


def capital(tok) -> bool:
    return tok.text[:1].isupper()


def lookup_text(g: Gazetteer, text: str) -> tuple[list[int], dict[int, bool], bool]:
    """Gazetteer records a span of text may name: (records, alternate-name flags, is a demonym).

    A pure function of the text for one gazetteer, asked for every capitalised span of every
    article (9,300 times in 50 PolNeAR articles, most spans repeated): kept per text on the
    gazetteer (``Gazetteer.texts``, bounded), each caller getting its own list and dict."""
    found = g.texts.get(text)
    if found is None:
        if len(g.texts) > 100_000:  # a long stream asks many; keep memory flat
            g.texts.clear()
        records, alternates, demonym = _lookup_text(g, text)
        found = g.texts[text] = (tuple(records), tuple(alternates.items()), demonym)
    return list(found[0]), dict(found[1]), found[2]


def _lookup_text(g: Gazetteer, text: str) -> tuple[list[int], dict[int, bool], bool]:
    text = text.replace(". ", ".") if len(text) < 8 else text  # "W. Va."
    if norm(text) in GENERIC:
        return [], {}, False
    if text in AP_STATES:
        idx = g.admin1.get(("US", AP_STATES[text]))
        return ([idx], {}, False) if idx is not None else ([], {}, False)
    if text in PROVINCE_ABBR:
        admin1 = [i for i, _ in g.lookup(PROVINCE_ABBR[text]) if g.rec(i).kind == "admin1"]
        return admin1, {}, False
    key = norm(text)
    if key in COUNTRY_ALIASES and (text.isupper() or text[:1].isupper()):
        idx = g.country.get(COUNTRY_ALIASES[key])
        if idx is not None and (len(key) > 3 or text.replace(".", "").isupper()):
            return [idx], {}, False
    dem = g.demonyms.get(key)
    if dem is None and (alias := DEMONYM_ALIASES.get(key)):
        dem = g.country.get(alias)
    if dem is not None:
        return [dem], {}, True
    if (region := PLACE_DEMONYMS.get(key) or REGION_DEMONYMS.get(key)) is not None:
        hits = g.lookup(region)
        hits = [h for h in hits if not h[1]] or hits  # "Gazans" are of Gaza, not of Gaza Province
        return [i for i, _ in hits], {i: a for i, a in hits}, True
    hits = g.lookup(text)
    if not hits and key.startswith("the "):
        hits = g.lookup(key[4:])
    if not hits and text[:1].isupper():
        hits = _with_article(g, key)
    return [i for i, _ in hits], {i: a for i, a in hits}, False


_ARTICLE_RE = re.compile(r"^(?:" + "|".join(ARABIC_ARTICLES) + r")[ -](?=\w{3})")


def _with_article(g: Gazetteer, key: str) -> list[tuple[int, bool]]:
    if _ARTICLE_RE.match(key):
        return g.lookup(_ARTICLE_RE.sub("", key, count=1))
    if " " in key or len(key) < 4:
        return []
    if not key.isascii():
        for art in ARABIC_ARTICLES:
            hits = g.lookup(f"{art} {key}")
            if hits:
                return hits
        return []
    # an ASCII key (norm's own output) with an article and a space before it is its own index key:
    # asked directly, without norm (whose cache these 14 new strings per unknown word only evicted)
    names = g.names
    for art in ARABIC_ARTICLES:
        v = names.get(f"{art} {key}")
        if v:
            return [(x >> 1, bool(x & 1)) for x in v]
    return []
