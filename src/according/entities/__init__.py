"""In-article entities: people, organisations, places and groups, each once.

Stage ``entities`` (requires the parse, assigns ``entities`` and ``mentions``).

Method, in one linear pass over spaCy's named entities plus a pass over noun
chunks:

1. *Candidates*: PERSON/ORG/GPE/LOC/FAC ents, and NORP ents used as nouns
   ("Palestinians", not the adjective in "Israeli hostages"). Ents inside
   page furniture that is not article prose (photo credits, masthead,
   timestamps, contributor lines) are skipped, as are ents inside a
   credit-shaped parenthesis ("(Name/AFP/Getty Images)") when the furniture
   detector has not marked it. Adjacent PERSON ents split by the tagger
   ("Abdel Fatah" + "El-Sisi") are joined; a leading "the", trailing
   possessives ("Hamas’s", "Hamas’") and leading titles ("Dr.", "President")
   are cut from the name.
2. *Clustering* (union-find): same normalised key ("U.S." = "US"); acronym =
   initials of a multi-word name ("IDF" = "Israel Defense Forces"); a one-word
   person name = a multi-word person name ending or starting with it
   ("Netanyahu" = "Benjamin Netanyahu", the nearest one when several).
3. *Descriptions*: the title words before a name inside its noun phrase
   ("Israeli Prime Minister" Benjamin Netanyahu) and appositives ("Hazem
   Bahloul, a doctor at the hospital"); an appositive number is an age.
4. *Definite descriptions*: "the prime minister", "the ministry", "the
   26-year-old", "the company" are linked to the most recent earlier entity
   whose description, name or class fits (see :func:`match_description`,
   reused by the speakers stage); where no rule fits, the nominal ranker
   (:mod:`according.coref.descriptions`) may link it.

Internal hand-off: ``work.mentions`` is a tuple of :class:`Mention` (token and
character offsets, entity id, kind) sorted by position, and
``Work.entity_info`` maps entity ids to plain dicts of what the
description matcher needs (label, name words, description words, age).

Layout: this module holds the stage and :class:`Mention`;
:mod:`.names` finds and clusters the names, :mod:`.describe` reads
descriptions, ages and gender and matches definite descriptions.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Entity, Span
from ..nlp import Parse
from ..pipeline import Work, stage

# Re-exported: the names below were importable from the single-module
# according.entities and other stages use them from here.
from .describe import (  # noqa: F401
    _AGE,
    CLASS_NOUNS,
    COMPANY_NOUNS,
    GENDERED_NOUNS,
    HONORIFICS,
    NAME_SYNONYMS,
    NON_REFERRING,
    NOT_COMPANY,
    ROLE_ABBREV,
    RecentEntities,
    _describe,
    _gender_votes,
    _role_heads,
    _text,
    definite_nps,
    is_age_head,
    match_description,
)
from .names import (  # noqa: F401
    ACRONYM_STOP,
    CORPORATE,
    GENDER_TITLES,
    LABELS,
    ORG_LAST,
    POSSESSIVE,
    SKIP_FURNITURE,
    TITLES,
    _Cand,
    _candidates,
    _cluster,
    _cluster_label,
    _words,
    compound_initials,
    first_names,
    initials,
    norm_key,
    place_by_syntax,
    title_case_lines,
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One resolved mention of an entity (internal; the record keeps only spans)."""

    start: int  # character offsets
    end: int
    text: str
    tok_start: int  # token offsets, end exclusive
    tok_end: int
    entity: str
    kind: str  # name | alias | description | pronoun | source

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)

    def with_entity(self, entity: str) -> Mention:
        """The same mention of another entity (``dataclasses.replace`` without its walk over
        the fields: a third of the cost, for every mention the speakers stage renumbers)."""
        return Mention(self.start, self.end, self.text, self.tok_start, self.tok_end, entity, self.kind)


@stage("entities", requires=("parse",), assigns=("entities", "mentions", "entity_info"))
def find_entities(work: Work) -> dict:
    p = work.parse
    cands = _candidates(work)
    if not cands:
        return {"entities": (), "mentions": (), "entity_info": {}}
    taken = {i for c in cands for i in range(c.a, c.b)}
    people = {i for c in cands if c.label == "PERSON" for i in range(c.a, c.b)}
    for c in cands:
        _describe(p, c, people)
    roots = _cluster(cands)
    groups: dict[int, list[int]] = {}
    for k, r in enumerate(roots):
        groups.setdefault(r, []).append(k)
    order = sorted(groups, key=lambda r: min(cands[k].a for k in groups[r]))
    ids = {r: f"e{n + 1}" for n, r in enumerate(order)}
    infos: dict[str, dict] = {}
    mentions: list[Mention] = []
    for r in order:
        members = [cands[k] for k in groups[r]]
        eid = ids[r]
        label = _cluster_label(members)
        if label == "PERSON" and place_by_syntax(p, members):
            label = "GPE"
        name_c = max(members, key=lambda c: (not c.shaky, len(c.key.split()), len(c.text), -c.a))
        descs, roles, words, age = [], [], set(), None
        for c in members:
            for span in (c.appos, c.title):
                if span:
                    d = _text(p, *span)
                    if d not in descs:
                        descs.append(d)
                    roles += _role_heads(p, *span)
                    words.update(_words(d))
            age = age if age is not None else c.age
        for d in descs:
            m = _AGE.search(d.casefold())
            if m and age is None:
                age = int(m.group(1))
        name_words = _words(name_c.text)
        words.update(name_words)
        aliases = sorted({c.text for c in members if c.text != name_c.text})
        infos[eid] = {
            "name": name_c.text,
            "label": label,
            "descriptions": descs,
            "roles": sorted(set(roles)),
            "words": sorted(words),
            "name_words": name_words,
            "age": age,
            "aliases": aliases,
            "acronym": next(
                (c.text for c in members if c.key == initials(name_c.text) and " " not in c.key), None
            ),
            "plural": label == "NORP",
            "shaky": all(c.shaky for c in members),
            "title": next((_text(p, *c.title) for c in members if c.title), None),
            "gender": next((c.gender for c in members if c.gender), None)
            or next((GENDERED_NOUNS[r] for r in roles if r in GENDERED_NOUNS), None),
        }
        for c in members:
            kind = "name" if c.key == name_c.key else "alias"
            mentions.append(Mention(p.toks[c.a].start, p.toks[c.b - 1].end, c.text, c.a, c.b, eid, kind))
    _gender_votes(p, mentions, infos)
    # Definite descriptions referring back to an entity ("the prime minister").
    from ..coref.descriptions import EarlierMentions, resolve_description  # here: coref imports this package

    mentions.sort(key=lambda m: m.tok_start)
    desc_mentions: list[Mention] = []
    pos = 0
    recent = RecentEntities(infos)  # built once infos are complete
    # what the nominal ranker reads before each description: the names and aliases ending
    # before it and the descriptions linked so far, kept as the walk goes (no rescan per description)
    earlier = EarlierMentions()
    unfinished: list[Mention] = []  # names starting before the description but running past it
    for a, b, head in definite_nps(p, taken):
        while pos < len(mentions) and mentions[pos].tok_start < a:
            recent.mention(mentions[pos].entity)
            unfinished.append(mentions[pos])
            pos += 1
        if unfinished:
            for done in [u for u in unfinished if u.tok_end <= a]:
                earlier.add(done)
            unfinished = [u for u in unfinished if u.tok_end > a]
        described = match_description(p, a, head, infos, recent)
        if described is None:  # where the rules stop, the nominal ranker (according.coref.descriptions)
            described = resolve_description(p, a, head, infos, earlier)
        if described and _name_follows(p, head):
            # "the woman Eva": the name after it says who (coref.beside_names.descriptions_before_names links
            # it); the nearest earlier person was the class noun's guess (GUM tuned: "the woman"
            # and "the man" of "the woman Eva and ... the man Adam" had gone to Shalev and Eva)
            described = None
        if described:
            desc = Mention(p.toks[a].start, p.toks[b - 1].end, _text(p, a, b), a, b, described, "description")
            desc_mentions.append(desc)
            earlier.add(desc)
    mentions = sorted(mentions + desc_mentions, key=lambda m: (m.tok_start, m.tok_end))
    entities = []
    mentions_of: dict[
        str, list
    ] = {}  # entity id -> its mentions in text order (one pass, not one per entity)
    for mention in mentions:
        mentions_of.setdefault(mention.entity, []).append(mention)
    for r in order:
        eid = ids[r]
        info = infos[eid]
        spans = tuple(mention.span for mention in mentions_of.get(eid, ()))
        entities.append(
            Entity(
                eid,
                info["name"],
                info["label"],
                info["descriptions"][0] if info["descriptions"] else None,
                spans,
            )
        )
    return {"entities": tuple(entities), "mentions": tuple(mentions), "entity_info": infos}


def _name_follows(p: Parse, head: int) -> bool:
    """A proper name in apposition right after the description's head ("the woman Eva"; not
    "the president and our military, Flynn": a parse of a name further on)."""
    toks = p.toks
    nxt = head + 1
    if nxt >= len(toks) or toks[nxt].pos != "PROPN":
        return False
    top = toks[nxt].head if toks[nxt].dep == "compound" else nxt  # "the woman Eva Moreno"
    return toks[top].dep == "appos" and toks[top].head == head
