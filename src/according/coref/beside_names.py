"""Descriptions that stand beside a name or say it again, added as mentions of its entity.

The nominal ranker (:mod:`.descriptions`) looks back from a description to the entities named
before it; these rules read a name written in or right beside the description itself, which
the ranker never sees: "his wife, Manju Sam" and "the head of NATO, Hoop Scheffer," (a
description before a name, :func:`descriptions_before_names`), "the NATO military alliance"
and "the city of Toronto" (a name inside the description) and "the hangar, known as Orbiter
Processing Facility-1" (a participle of naming, :func:`descriptions_naming_bodies`), "his
brother ... his brother" (a possessive description said again, :func:`repeated_descriptions`).
The coreference pass (:func:`according.coref.resolve_all`) runs them after the appositions.
Numbers (GUM Wikinews, tuned / sealed documents) are in the commits and in each docstring.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..entities.describe import GENDERED_NOUNS
from ..lang.descriptions import (
    BODY_KIND_HEADS,
    NAMING_VERBS,
    ORGANISATION_HEADS,
    PERSON_HEADS,
    PLACE_HEADS,
    PLACES_NAMED_BY_OF,
    POSSESSIVE_DETERMINERS,
)
from ..nlp import Parse

if TYPE_CHECKING:
    from ..entities import Mention

_NAMED_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
_TRIM = ("ADP", "DET", "CCONJ", "SCONJ", "PART", "PRON", "PUNCT")


def token_entities(mentions: Sequence[Mention]) -> dict[int, str]:
    """Token -> entity of the first mention (in timeline order) covering it."""
    at: dict[int, str] = {}
    for m in mentions:
        for k in range(m.tok_start, m.tok_end):
            at.setdefault(k, m.entity)
    return at


def cover(at: dict[int, str], added: Sequence[Mention]) -> None:
    """Update :func:`token_entities`' map with mentions just added to the timeline, none of
    them on a token the map holds (each rule here and the appositions stop short of other
    mentions): among themselves they come in timeline order (by first token, then as added),
    so the map is the one :func:`token_entities` would build again, without the rescan."""
    for m in sorted(added, key=lambda m: m.tok_start):
        for k in range(m.tok_start, m.tok_end):
            at.setdefault(k, m.entity)


def _head_suits(lemma: str, label: str) -> bool:
    """A description's head noun can name an entity of this type ("wife" a person, "team" a body)."""
    if label == "PERSON":
        return lemma in PERSON_HEADS or lemma in GENDERED_NOUNS
    if label in ("ORG", "NORP"):
        return lemma in ORGANISATION_HEADS
    return lemma in PLACE_HEADS


def _propn_title(t) -> bool:
    """A title the tagger took for part of a name ("CEO", "Coach"): a person head word."""
    return t.pos == "PROPN" and t.lemma.casefold() in PERSON_HEADS


def _bracketed(p: Parse, m: Mention) -> bool:
    """A name between commas (or a comma and the sentence's end): "..., Albert Jaquier, ..."."""
    toks = p.toks
    before = m.tok_start - 1
    if before < 0 or toks[before].text != ",":
        return False
    return m.tok_end >= len(toks) or toks[m.tok_end].is_punct or toks[m.tok_end].sent != toks[before].sent


def _apposed_to(p: Parse, start: int, label: str) -> int | None:
    """The description noun a bracketed name at ``start`` stands beside: the phrase that ends
    at the comma before it, read from its last word up through "of"-complements ("the head of
    NATO, Hoop Scheffer", "Co-founder of Google, Sergey Brin", "Paris's father, Albert
    Jaquier"), whatever the parser hung the name on (the complement's noun, a noun far back)."""
    toks = p.toks
    j = start - 2  # the word before the comma
    for _ in range(6):
        t = toks[j]
        if t.pos in ("VERB", "AUX"):
            return None
        if t.pos == "NOUN" and _head_suits(t.lemma.casefold(), label):
            # one person or body: "the swing states of Ohio, Florida, and Nevada" is no Florida
            return j if t.tag == "NN" else None
        if t.dep not in ("pobj", "prep") or not (p.sents[t.sent].start <= t.head < j):
            return None
        j = t.head
    return None


def descriptions_before_names(
    p: Parse, mentions: Sequence[Mention], infos: dict[str, dict], at: dict[int, str] | None = None
) -> list[Mention]:
    """Descriptions written just before a name of the entity they describe, as new mentions.

    "his wife, Manju Sam" and "the Crown prosecutor, Mark Tedeschi" (the name in
    apposition to the description's head noun), "Israeli mathematician and writer Aner
    Shalev" and "Tunisia's goalkeeper Mouez Hassen" (title words attached to the name).
    The span stops short of other mentions ("Tunisia's goalkeeper" -> "goalkeeper"), as
    appositions after a name do (:meth:`according.coref._Walk.descriptions`), and of a
    complement naming another entity ("the head of NATO, Hoop Scheffer" -> "the head": the
    scorer finds a mention by its head word). A capitalised title word ("former Museum of
    Flight CEO Bonnie Dunbar") is a title too, and so is a title the parser hung beside the
    name rather than on it ("interviews Israeli mathematician and writer Aner Shalev").
    A name between commas takes the phrase before the first comma whatever the parser hung
    it on ("the head of NATO, Hoop Scheffer," often hangs on "NATO"; :func:`_apposed_to`),
    and both descriptions of a coordination ("her ex-husband and Paris's father, Albert
    Jaquier,"): unsealed GUM documents 637 -> 640 of 883 anaphors right, sealed 150 of 256
    unchanged.
    """
    from ..entities import Mention as _Mention  # the entities package imports this module's caller

    toks = p.toks
    at = token_entities(mentions) if at is None else at
    out: list[Mention] = []
    for m in mentions:
        info = infos.get(m.entity)
        if m.kind not in ("name", "alias") or info is None or info["label"] not in _NAMED_LABELS:
            continue
        head = next(
            (
                k
                for k in range(m.tok_start, m.tok_end)
                if not (m.tok_start <= toks[k].head < m.tok_end) or toks[k].head == k
            ),
            m.tok_end - 1,
        )
        noun: int | None = None
        lo = m.tok_start
        h = toks[head].head
        apposed = _apposed_to(p, m.tok_start, info["label"]) if _bracketed(p, m) else None
        if apposed is not None:
            h = apposed
        if (
            (toks[head].dep == "appos" or apposed is not None)
            and h < m.tok_start
            and toks[h].pos == "NOUN"
            and h not in at
            and _head_suits(toks[h].lemma.casefold(), info["label"])
        ):
            noun = h  # "his wife, Manju Sam"
            lo = p.subtree(h)[0]
            first = toks[h].head
            if (
                apposed is not None
                and toks[h].dep == "conj"
                and first < h
                and toks[first].pos == "NOUN"
                and first not in at
            ):
                # "her ex-husband and Paris's father, Albert Jaquier": the coordination's first
                # description is one too
                if _head_suits(toks[first].lemma.casefold(), info["label"]):
                    a = max(p.subtree(first)[0], p.sents[toks[first].sent].start)
                    if not any(k in at for k in range(a, first + 1)):
                        out.append(
                            _Mention(
                                toks[a].start,
                                toks[first].end,
                                p.text[toks[a].start : toks[first].end],
                                a,
                                first + 1,
                                m.entity,
                                "description",
                            )
                        )
        else:
            # title words: the part of the name's phrase before it ("Israeli mathematician
            # and writer Aner Shalev", "the Afghan team's coach Alireza Mehraban")
            first = p.sents[toks[head].sent].start
            left = max(p.subtree(head)[0], first)
            k = m.tok_start - 1
            if left == m.tok_start and k >= first and k not in at and toks[k].pos == "NOUN":
                # the parser split the title from the name ("interviews Israeli mathematician
                # and writer Aner Shalev": the title and the name both hang from the verb):
                # the title's own phrase, from the head of its coordination
                top = k
                while toks[top].dep == "conj" and toks[top].head < top:
                    top = toks[top].head
                if _head_suits(toks[k].lemma.casefold(), info["label"]):
                    left = max(p.subtree(top)[0], first)
            while k >= left and not (toks[k].is_punct and toks[k].text not in ("-", "'", "’")):
                if toks[k].pos in ("VERB", "AUX"):
                    break
                # a capitalised title word is one too ("former Museum of Flight CEO Bonnie Dunbar")
                if noun is None and k not in at and (toks[k].pos == "NOUN" or _propn_title(toks[k])):
                    noun = k
                k -= 1
            lo = k + 1
        if noun is None or not _head_suits(toks[noun].lemma.casefold(), info["label"]):
            continue
        # a possessor is its own mention ("the nation's capital": "the nation's" is the country)
        for k in p.children[noun]:
            if toks[k].dep == "poss" and k < noun:
                lo = max(lo, p.subtree(k)[1])
        hi = m.tok_start
        # a complement naming another entity ends the description short of it: "the head of
        # NATO, Hoop Scheffer" -> "the head" (the scorer finds a mention by its head word)
        hi = next((j for j in range(noun + 1, hi) if j in at), hi)
        lo = max([lo, p.sents[toks[m.tok_start].sent].start] + [j + 1 for j in range(lo, noun) if j in at])
        while hi - 1 > noun and (toks[hi - 1].is_punct or toks[hi - 1].pos in _TRIM):
            hi -= 1
        while lo < noun and toks[lo].is_punct:
            lo += 1
        # a word the tokenizer cut at its hyphen is whole ("Co-founder", "ex-husband")
        while (
            lo >= 2
            and toks[lo - 1].text == "-"
            and toks[lo - 1].start == toks[lo - 2].end
            and toks[lo].start == toks[lo - 1].end
            and lo - 2 not in at
            and toks[lo - 2].sent == toks[lo].sent
        ):
            lo -= 2
        if any(j in at for j in range(lo, hi)):
            continue
        out.append(
            _Mention(
                toks[lo].start,
                toks[hi - 1].end,
                p.text[toks[lo].start : toks[hi - 1].end],
                lo,
                hi,
                m.entity,
                "description",
            )
        )
    return out


def descriptions_naming_bodies(
    p: Parse, mentions: Sequence[Mention], infos: dict[str, dict], at: dict[int, str] | None = None
) -> list[Mention]:
    """A definite description whose modifier is an organisation's name is that organisation:
    "the NATO military alliance", "the Gliders team" (the name a compound of a head noun that
    says what kind of body it is, :data:`BODY_KIND_HEADS`, no other mention in the phrase; not a
    part of it: "the Senate banking committee", "the NAACP board", "the Obama administration"
    were 3 of PolNeAR dev's 6 tuned-half firings with any organisation head). Only bodies (ORG): a nationality with "team"
    ("the Afghan team") is a team of that country, not the nationality."""
    from ..entities import Mention as _Mention  # the entities package imports this module's caller

    toks = p.toks
    at = token_entities(mentions) if at is None else at
    out: list[Mention] = []
    for m in mentions:
        info = infos.get(m.entity)
        if m.kind in ("name", "alias") and info is not None and info["label"] in _NAMED_LABELS:
            known_as = _known_as(p, m, at, info["label"])
            if known_as is not None:
                out.append(known_as)
                continue
        if m.kind in ("name", "alias") and info is not None and info["label"] in ("GPE", "LOC", "FAC"):
            place = _place_named_in(p, m, at)
            if place is not None:
                out.append(place)
            continue
        if m.kind not in ("name", "alias") or info is None or info["label"] != "ORG":
            continue
        last = m.tok_end - 1
        h = toks[last].head
        if not (
            toks[last].dep == "compound"
            and h >= m.tok_end
            and toks[h].pos == "NOUN"
            and toks[h].tag == "NN"
            and h not in at
            and toks[h].lemma.casefold() in BODY_KIND_HEADS
        ):
            continue
        lo = max(p.subtree(h)[0], p.sents[toks[h].sent].start)
        if toks[lo].text.casefold() != "the" or any(k in at and at[k] != m.entity for k in range(lo, h)):
            continue
        if any(
            toks[k].dep in ("compound", "amod") and k not in at and toks[k].pos == "PROPN"
            for k in range(m.tok_end, h)
        ):
            continue
        out.append(
            _Mention(
                toks[lo].start,
                toks[h].end,
                p.text[toks[lo].start : toks[h].end],
                lo,
                h + 1,
                m.entity,
                "description",
            )
        )
    return out


def _place_named_in(p: Parse, m: Mention, at: dict[int, str]) -> Mention | None:
    """ "the city of Toronto", "the leafy Melbourne suburb of Preston": a definite place
    description whose "of" complement is the place's name. Only heads that "of" names
    (:data:`PLACES_NAMED_BY_OF`): "the capital of France" is no France, and "the town in
    Ontario" is in it, not it."""
    from ..entities import Mention as _Mention

    toks = p.toks
    head = next(
        (k for k in range(m.tok_start, m.tok_end) if not (m.tok_start <= toks[k].head < m.tok_end)), None
    )
    if head is None or toks[head].dep != "pobj":
        return None
    prep = toks[head].head
    if toks[prep].text.casefold() != "of" or prep != m.tok_start - 1:
        return None
    h = toks[prep].head
    if not (h < prep and toks[h].pos == "NOUN" and toks[h].tag == "NN" and h not in at):
        return None
    if toks[h].lemma.casefold() not in PLACES_NAMED_BY_OF or h != prep - 1:
        return None
    lo = max(p.subtree(h)[0], p.sents[toks[h].sent].start)
    if toks[lo].text.casefold() != "the":
        return None
    if any(k in at for k in range(lo, h)):
        return None  # "the Darfur region of Sudan": "of" names where it lies, not what it is
    return _Mention(
        toks[lo].start, toks[h].end, p.text[toks[lo].start : toks[h].end], lo, h + 1, m.entity, "description"
    )


def _known_as(p: Parse, m: Mention, at: dict[int, str], label: str) -> Mention | None:
    """ "the hangar, known as Orbiter Processing Facility-1", "the ... team, known as the
    Gliders", "this guy named Mario": the description a participle of naming hangs on."""
    from ..entities import Mention as _Mention

    toks = p.toks
    k = m.tok_end - 1
    while toks[k].dep == "compound" and toks[k].head > k:  # up to the phrase the name heads
        k = toks[k].head
    v = toks[k].head
    if toks[k].dep == "pobj" and toks[v].text.casefold() == "as":
        v = toks[v].head
    elif toks[k].dep not in ("oprd", "dobj", "attr"):
        return None
    if not (toks[v].lemma.casefold() in NAMING_VERBS and toks[v].tag == "VBN" and toks[v].dep == "acl"):
        return None
    h = toks[v].head
    lemma = toks[h].lemma.casefold()
    # the participle says who or what it is: only person against non-person must agree (the
    # tagger confuses bodies and places: "the hangar, known as Orbiter Processing Facility")
    suits = (
        _head_suits(lemma, "PERSON")
        if label == "PERSON"
        else lemma in ORGANISATION_HEADS or lemma in PLACE_HEADS
    )
    if not (h < v and toks[h].pos == "NOUN" and h not in at and suits):
        return None
    first = p.sents[toks[h].sent].start
    lo = max([p.subtree(h)[0], first] + [j + 1 for j in range(p.subtree(h)[0], h) if j in at])
    while lo < h and (toks[lo].is_punct or toks[lo].pos in ("ADP", "CCONJ")):
        lo += 1
    return _Mention(
        toks[lo].start, toks[h].end, p.text[toks[lo].start : toks[h].end], lo, h + 1, m.entity, "description"
    )


def named_tokens(mentions: Sequence[Mention]) -> set[int]:
    """The tokens of the mentions that are no pronoun."""
    return {k for m in mentions if m.kind != "pronoun" for k in range(m.tok_start, m.tok_end)}


# Sentences either way. Set, not tuned (the three sayings it links on the unsealed GUM documents
# are all right at 5): near enough that "his" still means the same person.
REPEAT_WINDOW = 5


def repeated_descriptions(
    p: Parse, mentions: Sequence[Mention], infos: dict[str, dict], named: set[int] | None = None
) -> list[Mention]:
    """A possessive person description said again ("his father ... His father Mohamed
    El-Hassan Mohamed said", "his brother, George Whitman, ... his brother was injured") is the
    person the other saying was linked to, within :data:`REPEAT_WINDOW` sentences either way."""
    from ..entities import Mention as _Mention

    toks = p.toks
    at = named_tokens(mentions) if named is None else named
    said: dict[str, list[tuple[int, str]]] = {}
    for m in mentions:
        if m.kind == "pronoun" or infos.get(m.entity, {}).get("label") != "PERSON":
            continue
        a = m.tok_start
        if (
            toks[a].text.casefold() in POSSESSIVE_DETERMINERS
            and a + 1 < m.tok_end
            and toks[a + 1].pos == "NOUN"
        ):
            first = a  # "his father" (a description), "His father Mohamed El-Hassan Mohamed" (a name)
        elif a >= 3 and toks[a - 1].text == "," and toks[a - 3].text.casefold() in POSSESSIVE_DETERMINERS:
            first = a - 3  # "his brother, George Whitman"
        else:
            continue
        noun = toks[first + 1]
        if noun.pos == "NOUN" and noun.tag == "NN" and _head_suits(noun.lemma.casefold(), "PERSON"):
            key = f"{toks[first].text.casefold()} {toks[first + 1].text.casefold()}"
            said.setdefault(key, []).append((toks[a].sent, m.entity))
    if not said:
        return []
    out: list[Mention] = []
    for t in map(toks.__getitem__, p.tokens_with("pos", ("NOUN",))):
        if t.i in at or t.i == 0 or t.tag != "NN" or not _head_suits(t.lemma.casefold(), "PERSON"):
            continue  # a person noun ("In his speech, Graham urged" says nothing of a "his speech" later)
        d = toks[t.i - 1]
        if d.text.casefold() not in POSSESSIVE_DETERMINERS or d.head != t.i or d.i in at:
            continue
        seen = said.get(f"{d.text.casefold()} {t.text.casefold()}", [])
        near = {e for sent, e in seen if abs(sent - t.sent) <= REPEAT_WINDOW}
        if len(near) == 1:
            out.append(
                _Mention(d.start, t.end, p.text[d.start : t.end], d.i, t.i + 1, near.pop(), "description")
            )
    return out


# Determiners of a description that may say an earlier person description's head noun again.
_SAME_HEAD_DETERMINERS = POSSESSIVE_DETERMINERS | {"the", "this", "that"}
_MODIFIER_DEPS = ("amod", "compound", "nmod")


def same_head_descriptions(
    p: Parse, mentions: Sequence[Mention], infos: dict[str, dict], named: set[int] | None = None
) -> list[Mention]:
    """A definite or possessive person description whose head noun an earlier description of
    exactly one person had, within :data:`REPEAT_WINDOW` sentences before it, is that person:
    "their nine-month-old child, Gloria ... send the child to a skin specialist". Its own
    modifiers must all be words of the earlier mention ("the video assistant referee" is not
    "the match referee Joel Aguilar"). GUM tuned / sealed anaphors 660 -> 661 of 883 / 152 -> 153
    of 256 (no wrong link added in either part, by the scorer's rule); on PolNeAR dev it adds 1
    mention on the tuned half (right by reading: "Keith Lamont Scott's wife ... The wife") and 3
    on the sealed half."""
    from ..entities import Mention as _Mention

    toks = p.toks
    children = p.children
    at = named_tokens(mentions) if named is None else named
    said: dict[str, list[tuple[int, str, frozenset[str]]]] = {}
    for m in mentions:
        info = infos.get(m.entity, {})
        if m.kind == "pronoun" or info.get("label") != "PERSON" or info.get("plural"):
            continue
        head = next(
            (k for k in range(m.tok_start, m.tok_end) if not m.tok_start <= toks[k].head < m.tok_end),
            m.tok_end - 1,
        )
        words: frozenset[str] | None = None
        for k in range(m.tok_start, m.tok_end):
            t = toks[k]
            # the mention's head noun, or one it is in apposition with ("their child, Gloria")
            if (
                t.pos == "NOUN"
                and t.tag == "NN"
                and (k == head or t.head == head or toks[head].head == k)
                and _head_suits(t.lemma.casefold(), "PERSON")
            ):
                if words is None:
                    words = frozenset(toks[j].text.casefold() for j in range(m.tok_start, m.tok_end))
                said.setdefault(t.lemma.casefold(), []).append((t.sent, m.entity, words))
    if not said:
        return []
    out: list[Mention] = []
    for t in map(toks.__getitem__, p.tokens_with("tag", ("NN",))):
        if t.pos != "NOUN" or t.i in at:
            continue
        seen = said.get(t.lemma.casefold())
        if not seen:
            continue
        dets = [k for k in children[t.i] if k < t.i and toks[k].dep in ("det", "poss")]
        if not dets or dets[0] in at or toks[dets[0]].text.casefold() not in _SAME_HEAD_DETERMINERS:
            continue
        mods = {toks[k].text.casefold() for k in children[t.i] if k < t.i and toks[k].dep in _MODIFIER_DEPS}
        near = {e for sent, e, words in seen if 0 <= t.sent - sent <= REPEAT_WINDOW and mods <= words}
        if len(near) == 1:
            d = toks[dets[0]]
            out.append(
                _Mention(d.start, t.end, p.text[d.start : t.end], d.i, t.i + 1, near.pop(), "description")
            )
    return out
