"""Definite descriptions resolved to the named entity they stand for.

"the utility" after "Hydro One", "the team" after "Afghan Girls", "this nation" after
"the United States", "the foundation" after "Andy Warhol Foundation". The entities stage
first tries its rules (:func:`according.entities.match_description`: a role noun from
the entity's own descriptions, a word of its name, a class noun, an age); a definite
description they leave alone comes here, where the nominal ranker
(:mod:`.nominals`) scores every entity named before it and takes the best one when its
probability reaches the trained threshold; "the country" / "the nation" and "the city" go
first to the place named last that the gazetteer says is one, a city only when named at least
twice (:func:`_place_named_before`).
Descriptions written beside a name are read by :mod:`.beside_names`. Descriptions that refer
to no named entity ("the police", "the public", "the war") must stay unresolved: the threshold
was chosen
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

from ..entities.describe import name_head
from ..lang.descriptions import (
    CITY_HEADS,
    COUNTRY_HEADS,
    NON_ANAPHORIC_HEADS,
    ORGANISATION_HEADS,
    PERSON_HEADS,
    PLACE_HEADS,
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
# "the city" is a city the article named at least this often before it (see _place_named_before).
CITY_MENTIONS = 2
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
    """ "the country", "this nation": the country named last within the window. On the unsealed GUM
    documents the first candidate the gazetteer calls a country is the gold one for 7 of 9 singular
    country heads (the ranker, trained on 24 offered descriptions, took 5 out of fold), and no such
    description referred to no named entity. "the city": the place named last that may be a city
    (see below), when the gazetteer knows it as a city by its own name and the article named it at
    least :data:`CITY_MENTIONS` times before. Without these guards (coref6's rule: the last place
    the gazetteer knows as a city) the project's own example's "the city's health directorate"
    went to Geneva, named once in passing, instead of the besieged city the article is about,
    which no gazetteer holds; with the count alone, to Larnaca (the dateline's, named twice).
    GUM tuned anaphors 662 -> 664 of 883 (Taipei twice), sealed 154 unchanged; PolNeAR dev 7
    firings on the tuned half, 6 right by reading (Charlotte, Phoenix, Chicago; wrong: the
    Manhattan neighbourhood Chelsea for New York's "the city"), 6 on the sealed half."""
    if site.plural or site.restricted:
        return None
    if site.fine_kind == "country":
        return _salient([c for c in cands if c.kind_match])
    if site.head != "city":
        return None
    from ..places import get_gazetteer  # loaded once per process; the places stage uses it too

    g = get_gazetteer()

    def city(c: NominalCandidate) -> bool:  # by its own name, not an alternate one ("New Jersey")
        return any(
            g.rec(i).kind == "city" and not alternate for i, alternate in g.lookup(infos[c.entity]["name"])
        )

    # The place named last that may be a city (not a country, nor a region that is no city:
    # "Houston, Texas"), subject first within its sentence, must be a city the gazetteer knows,
    # named at least twice: in the project's own example the besieged city no gazetteer holds is
    # "the city", not Geneva (named last, once, in passing) nor Larnaca (named twice, earlier).
    places = [
        c
        for c in cands
        if c.label in ("GPE", "LOC") and c.place_kind != "country" and (c.place_kind != "admin1" or city(c))
    ]
    pick = _salient(places)
    chosen = next((c for c in places if c.entity == pick), None)
    if chosen is None or chosen.count < CITY_MENTIONS or not city(chosen):
        return None
    return chosen.entity


def _salient(matches: list[NominalCandidate]) -> str | None:
    """The nearest match, or a subject named in the same sentence as it ("Rafah was Gaza's last
    refuge. The overcrowded city ..." is Rafah, not the possessor Gaza)."""
    if not matches:
        return None
    first = matches[0]
    if not first.subject:
        for c in matches[1:]:
            if c.sent_distance != first.sent_distance:
                break
            if c.subject:
                return c.entity
    return first.entity
