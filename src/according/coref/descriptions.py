"""Definite descriptions resolved to the named entity they stand for.

"the utility" after "Hydro One", "the team" after "Afghan Girls", "this nation" after
"the United States", "the foundation" after "Andy Warhol Foundation". The entities stage
first tries its rules (:func:`according.entities.match_description`: a role noun from
the entity's own descriptions, a word of its name, a class noun, an age); a definite
description they leave alone comes here, where the nominal ranker
(:mod:`.nominals`) scores every entity named before it and takes the best one when its
probability reaches the trained threshold. Descriptions that refer to no named entity
("the police", "the public", "the war") must stay unresolved: the threshold was chosen
out of fold so that right links outnumber wrong ones by the most (see
``scripts/train_nominals.py``).

:func:`description_site` reads what the description says (head noun and its kind,
modifiers, number, a restricting complement); :func:`candidates` what the article said
before about each entity (distance, salience, name and role words, type). Both are plain
dataclasses; :mod:`.nominals` turns them into features and scores them.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..entities.describe import GENDERED_NOUNS, name_head
from ..lang.descriptions import (
    BODY_KIND_HEADS,
    CITY_HEADS,
    COUNTRY_HEADS,
    NON_ANAPHORIC_HEADS,
    ORGANISATION_HEADS,
    PERSON_HEADS,
    PLACE_HEADS,
    PLACES_NAMED_BY_OF,
    REGION_HEADS,
    RESTRICTING_PREPOSITIONS,
    TEAM_HEADS,
)
from ..nlp import Parse
from .nominals import Model, best, load_model

if TYPE_CHECKING:
    from ..entities import Mention

# Entities a description may stand for: those mentioned at most this many sentences
# before it. 12 covers 98% of the unsealed gold descriptions of a named entity that has an
# earlier gold mention (166 of 169; 10 covers 97%), measured on the GUM sentences as parsed.
WINDOW = 12
LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
_MODIFIER_DEPS = ("amod", "compound", "nmod", "npadvmod")


@dataclass(frozen=True, slots=True)
class DescriptionSite:
    """What a definite description says of its referent."""

    head: str  # lemma, casefolded
    kind_org: bool
    kind_place: bool
    kind_person: bool
    fine_kind: str  # country | city | region | team | "" (see lang/descriptions.py)
    plural: bool
    proper_head: bool  # "the Antarctic", "the Mets"
    modifiers: tuple[str, ...]  # casefolded words before the head
    restricted: bool  # a complement that makes a new referent ("the group for families")
    demonstrative: bool  # "this nation", "that company"
    subject: bool


@dataclass(frozen=True, slots=True)
class NominalCandidate:
    """What the article said, before a description, about one entity."""

    entity: str
    label: str
    plural: bool
    sent_distance: int
    rank: int  # 0 = the most recently mentioned entity
    label_rank: int  # rank among entities whose kind suits the head
    count: int  # mentions before the description
    head_in_name: bool  # a word of a body's or place's name ("the station"), a person's only if capitalised
    head_is_name_head: bool  # the head word of its name (entities.describe.name_head)
    head_in_roles: bool
    modifiers_known: float  # share of the description's modifiers among its words (1.0 if none)
    modifier_in_name: bool
    subject: bool  # its last mention is a subject
    same_sentence: bool
    suits: bool  # the head's kind suits the entity's type ("the team" for an organisation)
    place_kind: str  # for places: what the gazetteer says it is (see place_kind)
    kind_match: bool  # the head's finer kind is what the entity is ("the country" for a country)
    kind_clash: bool  # ... or clearly is not ("the country" for a city, "the team" for a person)
    match_rank: int  # rank among the entities whose kind matches (9 when this one's does not)


def description_site(p: Parse, a: int, head: int) -> DescriptionSite | None:
    """The site of the definite description ``a..head`` (None for heads never linked)."""
    toks = p.toks
    h = toks[head]
    lemma = h.lemma.casefold()
    if lemma in NON_ANAPHORIC_HEADS or not lemma.isalpha():
        return None
    mods = tuple(
        toks[i].text.casefold()
        for i in range(a + 1, head)
        if toks[i].dep in _MODIFIER_DEPS and not toks[i].is_punct
    )
    restricted = any(
        toks[k].dep == "prep" and toks[k].text.casefold() in RESTRICTING_PREPOSITIONS
        for k in p.children[head]
        if k > head
    ) or any(toks[k].dep in ("relcl", "acl") for k in p.children[head] if k > head)
    return DescriptionSite(
        head=lemma,
        kind_org=lemma in ORGANISATION_HEADS,
        kind_place=lemma in PLACE_HEADS,
        kind_person=lemma in PERSON_HEADS,
        fine_kind=next((k for k, heads in _FINE_KINDS if lemma in heads), ""),
        plural=h.tag in ("NNS", "NNPS"),
        proper_head=h.pos == "PROPN",
        modifiers=mods,
        restricted=restricted,
        demonstrative=toks[a].text.casefold() in ("this", "that", "these", "those"),
        subject=h.dep in ("nsubj", "nsubjpass"),
    )


_FINE_KINDS = (
    ("country", COUNTRY_HEADS),
    ("city", CITY_HEADS),
    ("region", REGION_HEADS),
    ("team", TEAM_HEADS),
)


def place_kind(name: str) -> str:
    """What the gazetteer says a place called ``name`` is: country | admin1 | city | other
    ("" when it knows no such place). A name that is a country's wins."""
    from ..places import get_gazetteer  # loaded once per process; the places stage uses it too

    g = get_gazetteer()
    kinds = {g.rec(idx).kind for idx, alternate in g.lookup(name) if not alternate} or {
        g.rec(idx).kind for idx, _ in g.lookup(name)
    }
    for kind in ("country", "admin1", "city"):
        if kind in kinds:
            return kind
    return "other" if kinds else ""


def _suits(site: DescriptionSite, label: str) -> bool:
    if label == "PERSON":
        return site.kind_person
    if label in ("ORG", "NORP"):
        return site.kind_org
    return site.kind_place


class EarlierMentions:
    """Each entity's latest mention and its number of mentions so far, kept as mentions are
    added in text order: what :func:`candidates` reads of the article before a description,
    without rescanning every earlier mention for each description (that scan made the
    entities stage quadratic in its mentions), nor sorting every entity seen so far (the
    walk back from the latest mention stops at the window)."""

    def __init__(self, mentions: Sequence[Mention] = ()):
        self.latest: dict[str, Mention] = {}
        self.count: dict[str, int] = {}
        self._seen: dict[str, int] = {}  # entity -> order of its first mention added (ties below)
        self._starts: list[tuple[int, str]] = []  # (start token, entity) of each latest mention, by start
        for m in mentions:
            self.add(m)

    def add(self, m: Mention) -> None:
        self.count[m.entity] = self.count.get(m.entity, 0) + 1
        known = self.latest.get(m.entity)
        if known is None or m.tok_start >= known.tok_start:
            self.latest[m.entity] = m
            self._seen.setdefault(m.entity, len(self._seen))
            entry = (m.tok_start, m.entity)
            if not self._starts or self._starts[-1][0] <= m.tok_start:
                self._starts.append(entry)  # in text order: the usual case
            else:
                self._starts.insert(bisect.bisect_right(self._starts, m.tok_start, key=lambda e: e[0]), entry)

    def nearest(self) -> Iterator[str]:
        """Entities from the most recently mentioned back (by their latest mention's start;
        at one start, in the order first seen, as a stable sort of ``latest`` gives)."""
        starts, seen = self._starts, self._seen
        done: set[str] = set()
        k = len(starts) - 1
        while k >= 0:
            start = starts[k][0]
            j = k
            while j > 0 and starts[j - 1][0] == start:
                j -= 1
            # an entity later mentioned again left its older entries behind: skipped (done)
            for eid in sorted({e for _, e in starts[j : k + 1]} - done, key=seen.__getitem__):
                done.add(eid)
                yield eid
            k = j - 1


def candidates(
    p: Parse,
    a: int,
    site: DescriptionSite,
    infos: dict[str, dict],
    before: Sequence[Mention] | EarlierMentions,
) -> list[NominalCandidate]:
    """Entities mentioned in the last :data:`WINDOW` sentences before token ``a``
    (``before``: mentions ending before ``a``, in any order, or their :class:`EarlierMentions`)."""
    sent = p.toks[a].sent
    earlier = before if isinstance(before, EarlierMentions) else EarlierMentions(before)
    latest, count = earlier.latest, earlier.count
    out = []
    label_rank = 0
    rank = -1
    mods = site.modifiers
    for eid in earlier.nearest():
        m = latest[eid]
        distance = sent - p.toks[m.tok_start].sent
        if distance > WINDOW:
            break  # nearest first: every later one is further
        info = infos.get(eid)
        if info is None or info["label"] not in LABELS:
            continue
        rank += 1
        suits = _suits(site, info["label"])
        head_in_name = site.head in info["name_words"] and (info["label"] != "PERSON" or site.proper_head)
        head_in_roles = site.head in info["roles"]
        if not (suits or head_in_name or head_in_roles):
            continue  # no agreement between what the description says and what the entity is
        words = set(info["words"])
        name_words = set(info["name_words"])
        known = sum(1 for w in mods if w in words or any(len(x) >= 4 and w.startswith(x) for x in name_words))
        out.append(
            NominalCandidate(
                entity=eid,
                label=info["label"],
                plural=bool(info.get("plural")),
                sent_distance=distance,
                rank=rank,
                label_rank=label_rank if suits else 9,
                count=count[eid],
                head_in_name=head_in_name,
                head_is_name_head=head_in_name and site.head == name_head(info["name_words"]),
                head_in_roles=head_in_roles,
                modifiers_known=known / len(mods) if mods else 1.0,
                modifier_in_name=any(w in name_words for w in mods),
                subject=any(p.toks[k].dep in ("nsubj", "nsubjpass") for k in range(m.tok_start, m.tok_end)),
                same_sentence=distance == 0,
                suits=suits,
                place_kind=place_kind(info["name"]) if info["label"] in ("GPE", "LOC") else "",
                kind_match=False,
                kind_clash=False,
                match_rank=9,
            )
        )
        label_rank += suits
    return _with_kind_match(site, out)


# The gazetteer kinds (or entity label, for teams) each finer head kind names.
_FINE_MATCH = {"country": {"country"}, "city": {"city"}, "region": {"admin1"}, "team": {"ORG", "NORP"}}


def _with_kind_match(site: DescriptionSite, cands: list[NominalCandidate]) -> list[NominalCandidate]:
    if not site.fine_kind:
        return cands
    wanted = _FINE_MATCH[site.fine_kind]
    out = []
    match_rank = 0
    for c in cands:  # nearest first
        kind = c.label if site.fine_kind == "team" else c.place_kind
        match = kind in wanted
        clash = not match and (site.fine_kind == "team" or bool(kind))
        out.append(replace(c, kind_match=match, kind_clash=clash, match_rank=match_rank if match else 9))
        match_rank += match
    return out


# Training hook: (determiner token, head token, site, candidates, the entities' infos).
Collector = Callable[[int, int, DescriptionSite, list[NominalCandidate], dict[str, dict]], None]


def resolve_description(
    p: Parse,
    a: int,
    head: int,
    infos: dict[str, dict],
    before: Sequence[Mention] | EarlierMentions,
    model: Model | None = None,
    collect: Collector | None = None,
) -> str | None:
    """The entity the definite description ``a..head`` stands for, or None.

    ``model`` defaults to the packaged nominal ranker; ``collect`` (training)
    receives each description's site and candidates.
    """
    site = description_site(p, a, head)
    if site is None:
        return None
    cands = candidates(p, a, site, infos, before)
    if collect is not None:
        collect(a, head, site, cands, infos)
        return None
    place = _place_named_before(site, cands, infos)
    if place is not None:
        return place
    model = model or load_model()
    if model is None or not cands:
        return None
    top = best(model, site, cands)
    if top is not None and top[1] >= model.threshold:
        return top[0]
    return None


def _place_named_before(
    site: DescriptionSite, cands: list[NominalCandidate], infos: dict[str, dict]
) -> str | None:
    """ "the country", "this nation": the country named last within the window; "the city": the
    place named last that the gazetteer knows as a city (also when it is a province too: Taipei,
    Kabul, which :func:`place_kind` calls admin1). On the unsealed GUM documents the first
    candidate the gazetteer calls a country is the gold one for 7 of 9 singular country heads (the
    ranker, trained on 24 offered descriptions, took 5 out of fold), and no such description
    referred to no named entity; "the city" went to Taipei twice, both right ("the town" never
    occurs there: left to the ranker)."""
    if site.plural or site.restricted:
        return None
    if site.fine_kind == "country":
        return next((c.entity for c in cands if c.kind_match), None)
    if site.head != "city":
        return None
    from ..places import get_gazetteer  # loaded once per process; the places stage uses it too

    g = get_gazetteer()
    for c in cands:
        # by its own name, not an alternate one ("New Jersey" is also another name of a town)
        if c.label in ("GPE", "LOC") and any(
            g.rec(i).kind == "city" and not alternate for i, alternate in g.lookup(infos[c.entity]["name"])
        ):
            return c.entity
    return None


_NAMED_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
_TRIM = ("ADP", "DET", "CCONJ", "SCONJ", "PART", "PRON", "PUNCT")


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


def descriptions_before_names(p: Parse, mentions: Sequence[Mention], infos: dict[str, dict]) -> list[Mention]:
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
    at: dict[int, str] = {}
    for m in mentions:
        for k in range(m.tok_start, m.tok_end):
            at.setdefault(k, m.entity)
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
    p: Parse, mentions: Sequence[Mention], infos: dict[str, dict]
) -> list[Mention]:
    """A definite description whose modifier is an organisation's name is that organisation:
    "the NATO military alliance", "the Gliders team" (the name a compound of a head noun that
    says what kind of body it is, :data:`BODY_KIND_HEADS`, no other mention in the phrase; not a
    part of it: "the Senate banking committee", "the NAACP board", "the Obama administration"
    were 3 of PolNeAR dev's 6 tuned-half firings with any organisation head). Only bodies (ORG): a nationality with "team"
    ("the Afghan team") is a team of that country, not the nationality."""
    from ..entities import Mention as _Mention  # the entities package imports this module's caller

    toks = p.toks
    at: dict[int, str] = {}
    for m in mentions:
        for k in range(m.tok_start, m.tok_end):
            at.setdefault(k, m.entity)
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


_NAMING_VERBS = ("know", "call", "name", "dub")


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
    if not (toks[v].lemma.casefold() in _NAMING_VERBS and toks[v].tag == "VBN" and toks[v].dep == "acl"):
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


_POSSESSIVES = frozenset({"his", "her", "their", "its", "my", "our", "your"})
REPEAT_WINDOW = 5  # sentences; see repeated_descriptions


def repeated_descriptions(p: Parse, mentions: Sequence[Mention], infos: dict[str, dict]) -> list[Mention]:
    """A possessive person description said again ("his father ... His father Mohamed
    El-Hassan Mohamed said", "his brother, George Whitman, ... his brother was injured") is the
    person the other saying was linked to, within :data:`REPEAT_WINDOW` sentences either way."""
    from ..entities import Mention as _Mention

    toks = p.toks
    at = {k for m in mentions if m.kind != "pronoun" for k in range(m.tok_start, m.tok_end)}
    said: dict[str, list[tuple[int, str]]] = {}
    for m in mentions:
        if m.kind == "pronoun" or infos.get(m.entity, {}).get("label") != "PERSON":
            continue
        a = m.tok_start
        if toks[a].text.casefold() in _POSSESSIVES and a + 1 < m.tok_end and toks[a + 1].pos == "NOUN":
            first = a  # "his father" (a description), "His father Mohamed El-Hassan Mohamed" (a name)
        elif a >= 3 and toks[a - 1].text == "," and toks[a - 3].text.casefold() in _POSSESSIVES:
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
    for t in toks:
        if (
            t.pos != "NOUN"
            or t.i in at
            or t.i == 0
            or t.tag != "NN"
            or not _head_suits(t.lemma.casefold(), "PERSON")
        ):
            continue  # a person noun ("In his speech, Graham urged" says nothing of a "his speech" later)
        d = toks[t.i - 1]
        if d.text.casefold() not in _POSSESSIVES or d.head != t.i or d.i in at:
            continue
        seen = said.get(f"{d.text.casefold()} {t.text.casefold()}", [])
        near = {e for sent, e in seen if abs(sent - t.sent) <= REPEAT_WINDOW}
        if len(near) == 1:
            out.append(
                _Mention(d.start, t.end, p.text[d.start : t.end], d.i, t.i + 1, near.pop(), "description")
            )
    return out
