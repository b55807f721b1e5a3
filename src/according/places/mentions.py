"""Finding place mentions in a Parse: which character spans name a place, and
which gazetteer records each could be.

News toponym annotation (LGL, TR-News) counts a place wherever it is named:
alone ("in Cairo"), inside an organisation's name ("the Ohio Supreme Court",
"Laurel County Sheriff's Office"), as a demonym ("Israeli forces" -> Israel),
as a state abbreviation ("Alexandria, La."), and streets and buildings. So the
scanner reads every capitalised run of tokens and keeps the longest sub-span
the gazetteer knows, and how much it trusts a match depends on where it is:
inside a spaCy GPE/LOC/FAC entity any match counts; inside an organisation or
a person's name, or outside any entity, only places that are hard to mistake
(countries, states, counties, regions, large cities) or that the same article
uses as a place elsewhere. Some words around a name say what it is: "City, State"
chains qualify it; a parenthesis of area names after it ("Jilib (Middle Juba)",
"Kidal (Kidal, Kidal)") makes it a town inside them, found even when the entity
recogniser missed it; "Becker and Clay counties" makes both counties; "Lake" or
"Gulf of" before a state's name makes another place. Where such words say a place is
meant and the gazetteer lacks the name as written, it is looked up in other spellings
(:mod:`.spelling`; the parentheses are read in :mod:`.parentheses`, the records a text may
name in :mod:`.lookup`): the parenthesis's areas ("(Hiraan)": Hiiraan) only when the name before
it then lies inside them, that town inside them, and "the village of X" only in a country
the text names.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import compress
from operator import itemgetter

from ..lang.place_abbreviations import (
    AMBIGUOUS_ABBR,  # noqa: F401 - read by resolve from here
    AP_STATES,
    NAME_PREFIX_ABBREVIATIONS,
    POSTAL,
    PROVINCE_ABBR,
)
from ..lang.places import (  # noqa: F401 - PLACE_NOUNS: imported from here by resolve, events
    FEATURE_WORDS,
    HEAD_WORDS,
    LEAD_FEATURES,
    NAME_CONNECTORS,
    PLACE_NOUNS,
)
from ..nlp import Parse
from . import parentheses
from .gazetteer import Gazetteer
from .lookup import Mention, lookup_text  # noqa: F401 - Mention, lookup_text: imported from here
from .lookup import capital as _capital

_DROP_LEAD = {"the", "a", "an"}
_FIRST_CHAR = itemgetter(slice(0, 1))
_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _ent_ids(parse: Parse) -> list[int]:
    ids = [-1] * len(parse.toks)
    for k, e in enumerate(parse.ents):
        for i in range(e.start, e.end):
            ids[i] = k
    return ids


def _in_name_run(tok, ent: int, first_ent: int, sent: int, cap: bool) -> bool:
    """May ``tok`` (``cap``: capitalised) stand in a place name that starts in entity
    ``first_ent`` and sentence ``sent``?"""
    return (
        ent == first_ent
        and not tok.is_space
        and (cap or tok.text.lower() in NAME_CONNECTORS or tok.like_num)
        and tok.sent == sent
    )


def find_mentions(parse: Parse, g: Gazetteer) -> list[Mention]:
    """Every gazetteer match in capitalised runs, plus place entities the gazetteer lacks."""
    toks = parse.toks
    text = parse.text
    ent_of = _ent_ids(parse)
    out: list[Mention] = []
    covered = [False] * len(toks)
    n = len(toks)
    # the tokens a name can start at (capitalised words, not "The"), in order: the scan jumps from
    # one to the next instead of testing every token in the loop
    # (a word's capital read once per parse: the run below asks it again for every token it scans)
    texts = parse.column("text")
    caps = list(map(str.isupper, map(_FIRST_CHAR, texts)))
    starts = [
        k
        for k in compress(range(n), caps)
        if not (toks[k].is_space or toks[k].is_punct) and texts[k].lower() not in _DROP_LEAD
    ]
    i = 0
    next_start = 0
    while True:
        next_start = bisect_left(starts, i, next_start)
        if next_start == len(starts):
            break
        i = starts[next_start]
        t = toks[i]
        e = ent_of[i]
        best = None
        if (
            i + 1 < n
            and toks[i + 1].text == "."
            and toks[i + 1].start == t.end
            and (t.text + "." in AP_STATES or t.text + "." in PROVINCE_ABBR)
        ):
            # "Man." split as "Man" + ".": the abbreviation, not the Ivorian city
            span_text = t.text + "."
            cands, alt, dem = lookup_text(g, span_text)
            if cands:
                best = (i + 2, span_text, cands, alt, dem)
        if (
            best is None
            and i + 2 < n
            and t.text.lower() in NAME_PREFIX_ABBREVIATIONS
            and toks[i + 1].text == "."
            and toks[i + 1].start == t.end
            and toks[i + 2].sent == t.sent
        ):
            # "ST. PAUL, Minn.": a dateline's capitals split "ST" from its period, which would leave
            # "PAUL" to be looked up alone (a district of Cape Verde)
            last_name = i + 2
            while (
                last_name + 1 < min(n, i + 6)
                and _capital(toks[last_name + 1])
                and not toks[last_name + 1].is_punct
            ):
                last_name += 1
            for j in range(last_name + 1, i + 2, -1) if _capital(toks[i + 2]) else ():
                span_text = text[t.start : toks[j - 1].end]
                cands, alt, dem = lookup_text(g, span_text)
                if cands:
                    best = (j, span_text, cands, alt, dem)
                    break
        # longest capitalised sub-span within the same entity (or outside any), up to 6 tokens:
        # every token of it in the entity, no space, capitalised (or a connector or a number),
        # in the sentence of the first: the run of such tokens from i bounds the span
        run = 0
        while run < min(6, n - i) and _in_name_run(toks[i + run], ent_of[i + run], e, t.sent, caps[i + run]):
            run += 1
        for m in range(run, 0, -1) if best is None else ():
            j = i + m  # exclusive
            last = toks[j - 1]
            if not (caps[j - 1] or last.text in AP_STATES or last.text in PROVINCE_ABBR):
                continue
            span_text = text[t.start : last.end]
            cands, alt, dem = lookup_text(g, span_text)
            if cands:
                best = (j, span_text, cands, alt, dem)
                break
        if best is None or best[0] == i + 1:
            if (
                t.text.lower() in LEAD_FEATURES
                and e >= 0
                and parse.ents[e].label in _PLACE_LABELS
                and parse.ents[e].end > i + 1
            ):
                # "Lake Vermont", "Gulf of Mexico": a water body or mountain the gazetteer lacks,
                # not the state or country inside its name
                j = i + 1
                while j < n and ent_of[j] == e and toks[j].sent == t.sent:
                    j += 1
                out.append(
                    Mention(
                        t.start,
                        toks[j - 1].end,
                        i,
                        j,
                        text[t.start : toks[j - 1].end],
                        parse.ents[e].label,
                        True,
                    )
                )
                for k in range(i, j):
                    covered[k] = True
                i = j
                continue
        if best is None:
            i += 1
            continue
        j, span_text, cands, alt, dem = best
        label = parse.ents[e].label if e >= 0 else ""
        if (
            j < n
            and ent_of[j] == e
            and toks[j].sent == t.sent
            and _capital(toks[j])
            and toks[j].text.lower().rstrip(".") in FEATURE_WORDS
            and not dem
        ):
            # "Red River", "Dublin Road": a different place, which the gazetteer lacks
            while j < n and ent_of[j] == e and toks[j].sent == t.sent and _capital(toks[j]):
                j += 1
            span_text, cands, alt = text[t.start : toks[j - 1].end], [], {}
            label = label or "FAC"
        whole = False
        if e >= 0:
            ent = parse.ents[e]
            a, b = ent.start, ent.end
            while a < b and toks[a].text.lower() in _DROP_LEAD:
                a += 1
            while b > a and toks[b - 1].text in ("'s", "’s", "'", "’"):
                b -= 1
            whole = (a, b) == (i, j)
        sent_start = parse.sents[t.sent].start if parse.sents else 0
        out.append(
            Mention(
                t.start,
                toks[j - 1].end,
                i,
                j,
                span_text,
                label,
                whole,
                cands,
                alt,
                dem,
                sentence_initial=(i == sent_start),
            )
        )
        for k in range(i, j):
            covered[k] = True
        i = j
    # place entities the gazetteer does not know (streets, buildings, small places)
    for ent in parse.ents:
        if ent.label not in _PLACE_LABELS or any(covered[k] for k in range(ent.start, ent.end)):
            continue
        a, b = ent.start, ent.end
        while a < b and toks[a].text.lower() in _DROP_LEAD:
            a += 1
        while b > a and (
            toks[b - 1].text in ("'s", "’s", "'", "’") or toks[b - 1].is_punct or toks[b - 1].is_space
        ):
            b -= 1
        if a >= b or not any(_capital(toks[k]) for k in range(a, b)):
            continue
        s, end = toks[a].start, toks[b - 1].end
        out.append(Mention(s, end, a, b, text[s:end], ent.label, True))
    out.sort(key=lambda m: m.start)
    out = parentheses.apply(out, parse, g)
    _qualifiers(out, parse, g)
    _county_lists(out, parse)
    _kind_words(out, parse, g)
    return out


def _kind_words(ms: list[Mention], parse: Parse, g: Gazetteer) -> None:
    """A lowercase place noun before "of" or right after a name says which kind of place is meant:
    "the city of Mersin" is the city, not the province named after it; "Mykolaiv oblast" the province.
    A town or village so named that the gazetteer lacks as written is looked up in other
    spellings ("the village of Tal Rifaat": Tall Rif'at), towns only."""
    text = parse.text
    for m in list(ms):  # (a respelt town may take the place of the mentions inside it)
        if m.want or m.demonym:
            continue
        before = _KIND_OF.search(text[max(0, m.start - 16) : m.start])
        after = _KIND_AFTER.match(text[m.end : m.end + 14])
        kind_word = before or after
        word = kind_word.group("w") if kind_word else None
        if word and HEAD_WORDS.get(word):
            m.want = HEAD_WORDS[word]
            if before and m.want == "city":
                _respell_town(m, ms, parse, g)


def _respell_town(m: Mention, ms: list[Mention], parse: Parse, g: Gazetteer) -> None:
    """ "the village of Tal Rifaat": the capitalised run after "village of" names one town. When
    the gazetteer knows neither the run nor the mention as written ("Tal" of it matched a town in
    Austria), the run is looked up in other spellings (Tall Rif'at) and, if found, is the mention."""
    toks = parse.toks
    b = m.tok
    while b < len(toks) and toks[b].sent == toks[m.tok].sent and _capital(toks[b]) and not toks[b].is_punct:
        b += 1
    if b <= m.tok:
        return
    s, e = toks[m.tok].start, toks[b - 1].end
    if g.lookup(parse.text[s:e]) or (m.cands and e == m.end):
        return  # known as written
    # a respelling is believed only in a country the text names ("the village of Prisi" in a story
    # on Georgia is no Paris; "Syrian forces ... the village of Tal Rifaat" is Tall Rif'at, Syria)
    named = {g.rec(i).cc for x in ms for i in x.cands if x is not m and g.rec(i).kind == "country"}
    found = [
        (i, a)
        for i, a in g.lookup_spelling(parse.text[s:e])
        if g.rec(i).kind == "city" and g.rec(i).cc in named
    ]
    if not found:
        return
    m.start, m.end, m.tok_end, m.text = s, e, b, parse.text[s:e]
    m.cands, m.alt = [i for i, _ in found], dict(found)
    ms[:] = [x for x in ms if x is m or x.end <= s or x.start >= e]


def _county_lists(ms: list[Mention], parse: Parse) -> None:
    """ "Becker, Grant, Swift and Clay counties", "Orange county": names followed by a
    lowercase "county"/"counties" (or "parish(es)") are counties, and so is every name of a
    list that the plural closes."""
    text = parse.text
    for k, m in enumerate(ms):
        word = re.match(r"^ (counties|county|parishes|parish)\b", text[m.end : m.end + 10])
        if not word:
            continue
        m.want = m.want or "admin2"
        if word.group(1) not in ("counties", "parishes"):
            continue
        j = k
        while j > 0:  # walk back over "A, B and C"
            gap = text[ms[j - 1].end : ms[j].start]
            if gap not in (", ", " and ", ", and ", " or ", ", or ", " & "):
                break
            j -= 1
            ms[j].want = ms[j].want or "admin2"


_POSTAL_RE = re.compile(r"^[A-Z]{2}$")


def _qualifiers(ms: list[Mention], parse: Parse, g: Gazetteer) -> None:
    """Mark "City, State" / "City, County, State" / "City, Country" chains: each later name
    qualifies the earlier ones. ``qualifier`` holds one group of candidate records per
    qualifying name (the reading must lie inside one record of every group); the qualifying
    name learns the candidates it qualifies (``qualifies``) so that it is read as the area
    around one of them ("Athens, Georgia": the state, not the country)."""
    text = parse.text
    for k in range(len(ms) - 2, -1, -1):
        a, b = ms[k], ms[k + 1]
        gap = text[a.end : b.start]
        if gap.strip() != "," or "\n" in gap or not b.cands or b.demonym or not a.cands and not a.paren:
            continue
        a.qualifier = (tuple(b.cands), *(b.qualifier or ()))
        b.qualifier_of = k
        b.qualifies = tuple(a.cands)
    # bare postal codes after "City,": "Paris, TX"
    for m in ms:
        if m.qualifier is not None or not m.cands:
            continue
        rest = text[m.end : m.end + 5]
        mt = re.match(r"^, ([A-Z]{2})\b", rest)
        if mt and mt.group(1) in POSTAL and ("US", mt.group(1)) in g.admin1:
            m.qualifier = ((g.admin1[("US", mt.group(1))],),)


# "the Turkish city of Mersin", "the town of Kidal", "the province of Idlib": the kind asked for
_KIND_OF = re.compile(
    r"\b(?P<w>city|town|village|province|governorate|region|district|oblast|prefecture) of $"
)
# "Kharkiv city", "Mykolaiv oblast", "Idlib province" (lowercase: "Kansas City" is a name)
_KIND_AFTER = re.compile(
    r"^ (?P<w>city|town|village|province|governorate|district|oblast|raion|township|prefecture)\b"
)
