"""Speaker resolution: who each quote's source *is*.

Stage ``speakers`` (requires quotes, entities, parse; assigns quotes, entities,
mentions). The quotes stage leaves a provisional ``Speaker(name=<source
text>)``; this stage replaces it, quote by quote in text order, keeping a
timeline of entity mentions (from the entities stage, plus the sources it
resolves) so that later pronouns and descriptions can refer back to earlier
sources. Per source, by its head word (a relative "who"/"which" stands for
the noun it modifies):

- a name the entities stage found ("Bahloul", "IDF", "the prime minister");
  "the elder Hale" / "the younger Hale" with a father and a son named Hale is
  the older / younger by the ages given, else by a kinship noun before a name
  ("his son, Daniel Hale"; :func:`.namesakes.generation`); a bare "Hale" with
  two of that surname, one introduced as the other's relative ("His son,
  Daniel Hale"), is the other one (:func:`.namesakes.namesake`; PolNeAR train:
  14 sources change, all right by reading, "Trump" no longer Ivanka Trump;
  the proxies unchanged),
  or a name in apposition ("the campaign chairman, Phil Lovas,"; also set off
  by commas right after the source, "According to the team's coach, Alireza
  Mehraban, ...") -> that entity;
- a possessive with an organisational head ("the prime minister’s office")
  -> an organisation named after its owner ("Office of Israeli Prime Minister
  Benjamin Netanyahu": a careful reader names the office that spoke, and the
  owner's title and full name are what identify it; it is a separate ORG
  entity because an office is not the person). "his lawyer" is an unnamed
  person named after the owner; "his words" speak for the owner;
- a pronoun: he/she -> the previous quote's speaker when it is a single
  person and no other person (named, or an unnamed "a mother of three") has
  since been the subject of a main clause; else the nearest such subject in
  the preceding sentences; else the nearest person whose gender is known to
  match, else the nearest person. Gender comes from
  honorifics, the article's own he/she after a name, gendered role nouns
  and, last, common given names; a subject with no given name and no gender
  known ("Wikinews interviews ...") yields to a nearer person of the pronoun's
  known gender, and a person met only in Title-Case lines who has spoken (an
  interview's "Isabel Ruiz:" label) is a person (:meth:`Referents.gender_of`;
  GUM tuned 260/12/8 -> 261/11/8, sealed unchanged); an interviewer's label with
  no gender known (every turn of it a question: "Wikinews: Who draws ...?") is
  never a he/she's antecedent (hand-made test; no change on the proxies). A he/she inside a quotation (or interview
  turn) is never that quotation's speaker (who would say "I"), and names
  inside the same quotation are its antecedents ("Mario: Josh Kindig, he's
  coming on board"; :meth:`Referents.quoted_apart`). they -> the previous speaker when plural,
  else a plural subject (or people in the object) of the previous sentence,
  else the nearest group/organisation; it -> an organisation. Names inside
  quotation marks are not antecedents (but for a pronoun inside the same
  quotation);
- a definite description ("the former official", "the diplomat", "the
  ministry", "the 26-year-old", "the company") -> the most recent entity it
  fits, including unnamed sources met earlier
  (:func:`according.entities.match_description`); an office title with no
  fitting antecedent ("the Republican nominee") -> the named person who is
  the subject of the last two sentences; "the statement" -> whoever issued
  the statement last quoted; a company's trade noun ("the utility", "the
  Calgary-based railway", ``lang.descriptions.COMPANY_TRADE_NOUNS``) with no
  fitting antecedent -> the company (an ORG whose name is no public body's)
  named last within 6 sentences as a clause's subject or a quote's speaker,
  else an unnamed organisation, never an anonymous person (issue 8's unseen
  news; no such source in GUM or PolNeAR dev tuned parts: proxies unchanged);
  a singular person description that fits no one, with no named person before
  it ("The former sergeant-at-arms ... said" opening a lede) -> the person the
  next sentence introduces as its subject (:meth:`Referents.introduced_next`;
  without the "no one before" condition it fired once on PolNeAR dev's tuned
  half, right, and once on 120 PolNeAR train articles, wrong: "Hillary Clinton
  ... The Democratic nominee"; with it, on neither); so is a headline's bare
  "Australian woman claims ...", and either one may also be the person the
  next two sentences name with the description's noun ("Valeska Paris, an
  Australian woman and ..."), never one its own sentence names ("British
  diplomat praises Obama's presidency"; GUM tuned unresolved 8 -> 7, sealed
  unchanged; PolNeAR train: 5 headline sources change, all right by reading);
  a definite role description that fits no one and no one ahead ("Kevin Vickers,
  a former police officer, spoke. The former sergeant-at-arms said") -> the named
  person who is a main clause's subject in the previous sentence, unless its head
  is generic ("the man") or repeats a noun of the last sentences ("a nurse ... The
  nurse"), a complement narrows it, or a named person is a subject of its own
  sentence (:func:`.speaker_words.role_noun`; PolNeAR train: 19 sources change,
  14 right and 5 wrong by reading, all anonymous before; the proxies unchanged);
- an unnamed source -> a new entity named by its fullest noun phrase, as
  written ("a spokesman for the ministry": never rewritten).

Types. ``person``/``organization`` for named people / named bodies (a state
speaking, "Israel says", is an organization). ``anonymous`` when the source
is one or more *individuals* whose names are withheld: singular unnamed
people ("a diplomat in Cairo", "a former Arab diplomat", "one resident") and
plural sources marked as unnamed insiders ("people familiar with the talks",
"officials involved", "senior officials", "sources close to"), or bare
"sources"/"people"/"officials". ``group`` when a *category or body speaks as a
whole* and is identified by what it is, not hidden: "Israeli media", "police",
"U.S. officials", "International doctors volunteering there", "the prime
ministers of Spain and Ireland", "Palestinians". The test is whether the
wording withholds an identity (anonymity markers, a single unnamed person, a
bare role) or names a collective. Texts ("a study", "the film") are
``unknown`` with their phrase as name.

Quote sentences without a source that continue another quote
(``Work.inherited_from``) take that quote's speaker; a bare quotation
(no cue) the quotes stage left unattributed takes the previous quote's
speaker when it is in the same or the previous paragraph, else stays as it is.

After the quotes (also when there are none), :func:`according.coref.resolve_all`
resolves every other pronoun, apposition and predicate description on the same
entity timeline, so that ``entities[].mentions`` lists them all. Then:

- "I", "we" and "you" as a source are what that pass made of them: inside a
  quotation or an interview answer "I" is its speaker and "we" the speaker's body,
  "you" the one addressed; elsewhere "I" is the byline's author (an embedded tweet
  or a Q&A answer is no longer the writer's); an embedded post's "I" (its
  paragraph followed by a "— Name (@handle)" signature) is who signed it, and its
  paragraph's other first person moves with it (:func:`.qa.post_author`); so is a
  pull quote's, whose paragraph ends with nothing but the full name of a person the
  article names elsewhere (:func:`.qa.pull_quote_speaker`; GUM tuned wrong 11 -> 10,
  coreference anaphors tuned 639 -> 642; never on PolNeAR train);
- the turns of a Q&A layout labelled "Q:"/"A:" (``coref.context.find_turns``):
  an answer (and a first-person source inside it) is the person the
  introduction names most often, not the author; a question the byline's
  author; without one the label stays, typed unknown, and no entity "A" is made
  (:mod:`.qa`; issue 8: on real Q&A pages the answers went to the writer; no
  such layout in the GUM or PolNeAR dev tuned parts: proxies unchanged; PolNeAR
  train's two Q&A interviews: every "A" and "I" right, none before);
- the pass ranks each he/she source the rules above resolved; where the learned
  ranker is sure of another entity *and the rules found no named person*, the
  quote's speaker moves to it (:func:`ranker_overrules`);
- a speaker whose every mention the pass moved to another entity follows it (an
  interview's answers labelled "Jack Harris:" in an article about Jack Herrick).

Measured with ``scripts/eval_speakers.py`` (GUM Wikinews coreference gold, speaker
of the quotes we find; tuned / sealed thirds): right/wrong/unresolved 226/35/19 /
61/12/6 before these three, 256/13/11 / 68/10/1 after; 257/12/11 / 68/10/1 with
the he/she inside a quotation (issue 8; coreference anaphors 0.6988 / 0.582 ->
0.6999 / 0.582, tuned / sealed documents). With known gender before the nearest
person, a headline's description named in the lede and a pull quote's signer (issue 8's
kinds; father and son, a description named before or after, by hand-made tests and PolNeAR
train read by hand): 260/12/8 / 68/10/1 -> 263/10/7 / 68/10/1; coreference anaphors of the
tuned / sealed documents 637 / 150 -> 642 / 150, subjects of speech verbs 34 -> 35 of 41.

The antecedent searches (pronouns, owners, "the statement", office titles)
and the entity timeline live in :mod:`.referents`, the new entities of sources
no known entity is (possessives, untagged names, unnamed sources) in :mod:`.unnamed`;
this module holds the per-source decision (:class:`Resolver`) and the stage.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from .. import coref  # the module, not its function: coref imports this package back
from ..entities import is_age_head, match_description
from ..lang.colon_cues import ANSWERER_PRONOUNS
from ..model import Entity, Span, Speaker
from ..pipeline import Work, stage
from .cues import COLON
from .namesakes import generation
from .qa import (
    Enclosures,
    answering_speaker,
    post_author,
    pull_quote_speaker,
    qa_interview,
    qa_label,
    qa_turns,
    signed_by,
)
from .referents import (
    _State,
    first_or_second_person,
    first_second_person,
    moved_entities,
    ranker_overrules,
)
from .speaker_words import (
    ANON_HEADS,
    NOMINATIVE,
    OFFICE_TITLES,
    PRONOUNS,
    company_noun,
    head_of,
    noun_phrase,
    person_noun,
    role_noun,
    text_of,
    toks_in,
    words_of,
)
from .unnamed import UnnamedSources


class Resolver(UnnamedSources):
    """Resolves one quote's source at a time (see the module docstring)."""

    # -- per source ---------------------------------------------------------
    def resolve_quote(self, q) -> Speaker:
        # Only this quote's own content and cue bound its source's noun phrase:
        # a source may sit inside another quote's content ("..., he added").
        self.blocked = set()
        for s in list(q.content) + ([q.cue] if q.cue else []):
            r = toks_in(self.p, s)
            if r:
                self.blocked.update(range(*r))
        return self.resolve(q.source)

    def resolve(self, source: Span) -> Speaker:
        p, st = self.p, self.st
        r = toks_in(p, source)
        if r is None:
            return Speaker()
        a, b = r
        head = head_of(p, a, b)
        rel = None
        if p.toks[head].tag in ("WDT", "WP") and p.toks[p.toks[head].head].dep in ("relcl", "acl"):
            # "South Africa, which filed a case, said ...": the relative pronoun
            # stands for the noun its clause modifies.
            rel = head
            head = p.toks[p.toks[head].head].head
        ht = p.toks[head]
        low = ht.text.casefold()
        # 0. a role noun with a person's name set off by commas right after it
        # ("According to the Afghan team's coach, Alireza Mehraban, ..."; the
        # parser often reads no apposition there): that person.
        named = self.set_off_name(head)
        if named is not None:
            self.link(named, source, a, b, "source")
            return st.speaker(named)
        # 1. a mention of a known entity at the head ("Bahloul", "the prime minister").
        # (from the antecedent's side too: "Al-Mina General Hospital, the last
        # hospital in Tiryan that still admits patients" puts it far before "that")
        for m in st.mentions[bisect.bisect_left(st.keys, min(a, head) - 8) :]:
            if m.tok_start > head:
                break
            if m.tok_start <= head < m.tok_end and m.kind != "pronoun":
                who = m.entity
                if st.infos.get(who, {}).get("label") == "PERSON" and m.tok_end - m.tok_start == 1:
                    who = generation(st, self.in_quote, head, who)  # "the elder Hale": the father
                    if who != m.entity:
                        st.relink(m, who)
                self.link(who, source, a, b, "source")
                return st.speaker(who)
        # ... or a name in apposition to it ("the campaign chairman, Phil Lovas,").
        for m in st.mentions[bisect.bisect_left(st.keys, a) :]:
            if m.tok_start >= b:
                break
            mh = head_of(p, m.tok_start, m.tok_end)
            if m.kind in ("name", "alias") and p.toks[mh].dep == "appos" and p.toks[mh].head == head:
                self.link(m.entity, source, a, b, "source")
                return st.speaker(m.entity)
        # 2. pronouns. "I", "we" and "you" are left to the coreference pass
        # (``first_second_person``): inside a quotation or an interview answer
        # they are its speaker (or the one it addresses), not the byline's author.
        if b - a == 1 and first_or_second_person(ht.text):
            return Speaker()  # the quotes stage's provisional speaker until then
        if ht.pos == "PRON" and low in PRONOUNS and b - a <= 2 or (b - a == 1 and low in PRONOUNS):
            eid = self.pronoun(NOMINATIVE[PRONOUNS[low]], head)
            if eid:
                self.link(eid, source, a, b, "pronoun")
                if PRONOUNS[low] in ("m", "f"):
                    st.gender.setdefault(eid, PRONOUNS[low])
                return st.speaker(eid)
            return Speaker(name=None, type="unknown")
        # The name comes from the noun phrase of the head, not from the
        # source span as given (which may run on into a relative clause).
        lo, hi = noun_phrase(p, head, self.blocked)
        if rel is not None and lo <= rel < hi:
            hi = max(rel, head + 1)  # the antecedent without its relative clause
        kids = p.children[head]
        dets = [k for k in kids if p.toks[k].dep == "det"]
        poss = [k for k in kids if p.toks[k].dep == "poss"]
        # 3. possessive owner: "the prime minister’s office", "his office".
        if poss:
            owner = self.owner(poss[0])
            if owner:
                return self.owned(owner, head, lo, hi, source, a, b)
        # 4. definite description referring back.
        if (
            dets
            and p.toks[dets[0]].text.casefold() in ("the", "this", "that")
            and (ht.pos in ("NOUN", "PROPN") or is_age_head(p, head))
        ):
            recent = self.recent(head)
            eid = match_description(p, dets[0], head, st.infos, recent)
            if eid is None and (is_age_head(p, head) or re.match(r"\d{1,3}-year-old$", ht.text)):
                # "the 26-year-old" with no one of that age described: the named
                # person the last sentences are about, unless their age differs.
                eid = self.titled_person(head)
                age = re.search(r"\d{1,3}", text_of(p, dets[0], head + 1))
                if eid and st.infos[eid].get("age") not in (None, int(age.group()) if age else None):
                    eid = None
            if eid is None and ht.lemma.casefold() in OFFICE_TITLES and ht.tag == "NN":
                eid = self.titled_person(head)
                if eid:  # remember the title for later "the nominee"s
                    info = st.infos[eid]
                    info["roles"] = list(info["roles"]) + [ht.lemma.casefold()]
                    info["words"] = list(info["words"]) + words_of(text_of(p, dets[0], head + 1))
            if eid is None and dets and p.toks[dets[0]].text.casefold() == "the" and company_noun(p, head):
                eid = self.company_described(head)
            if (
                eid is None
                and p.toks[dets[0]].text.casefold() == "the"
                and ht.tag == "NN"
                and person_noun(ht.lemma)
                and ht.lemma.casefold() not in ANON_HEADS
            ):
                eid = self.introduced_next(head)  # "The former sergeant-at-arms said ... Kevin Vickers ..."
                if eid is None and role_noun(p, head) and not self.repeats_noun(head):
                    # "Kevin Vickers, a former police officer, spoke. The former sergeant-at-arms
                    # said": the named person the previous sentence is about
                    eid = self.titled_person(head, reach=1, main=True)
            if eid:
                self.link(eid, source, a, b, "description")
                return st.speaker(eid)
        # 5. a proper name the tagger missed (or read as a common noun: "Trump"
        # is a name when the article capitalises it mid-sentence too).
        if ht.text[:1].isupper() and (ht.pos == "PROPN" or ht.text in self.capitalised):
            return self.unnamed_proper(head, source, a, b)
        # 5b. a bare singular description, as a headline writes it ("Australian woman claims
        # ..."), that fits no one before: the person the next sentences introduce.
        if (
            not dets
            and not poss
            and ht.tag == "NN"
            and person_noun(ht.lemma)
            and ht.lemma.casefold() not in ANON_HEADS
        ):
            eid = self.introduced_next(head)
            if eid:
                self.link(eid, source, a, b, "description")
                return st.speaker(eid)
        # 6. an unnamed source: a new entity named by its noun phrase.
        return self.unnamed(
            head, lo, hi, source, a, b, definite=bool(dets) and p.toks[dets[0]].text.casefold() == "the"
        )

    def set_off_name(self, head: int) -> str | None:
        """The person named between commas right after a common-noun head."""
        p, st = self.p, self.st
        if p.toks[head].pos != "NOUN" or head + 2 >= len(p.toks) or p.toks[head + 1].text != ",":
            return None
        k = bisect.bisect_left(st.keys, head + 2)
        if k >= len(st.mentions):
            return None
        m = st.mentions[k]
        ok = (
            m.tok_start == head + 2
            and m.kind == "name"
            and m.tok_end < len(p.toks)
            and p.toks[m.tok_end].text == ","
            and p.toks[m.tok_end - 1].sent == p.toks[head].sent
            and st.infos.get(m.entity, {}).get("label") == "PERSON"
        )
        return m.entity if ok else None


def _quote_pos(q) -> int:
    pos = [s.start for s in q.content]
    if q.source:
        pos.append(q.source.start)
    return min(pos) if pos else 0


def _para_of(text: str, offsets: list[int]) -> dict[int, int]:
    """Paragraph (line) index of each character offset."""
    lines = [0] + [m.end() for m in re.finditer(r"\n", text)]
    return {o: bisect.bisect_right(lines, o) - 1 for o in offsets}


@stage(
    "speakers",
    requires=("quotes", "entities", "parse", "inherited_from", "entity_info"),
    assigns=("quotes", "entities", "mentions", "entity_info"),
    refines=("quotes", "entities", "mentions", "entity_info"),
)
def resolve_speakers(work: Work) -> dict:
    st, quotes = attribute(work)
    # Every other pronoun, apposition and predicate description (see according.coref).
    # A failure there costs those mentions only, never the speakers.
    try:
        relinked = coref.resolve_all(st, work.parse, quotes, work.meta.authors)
    except Exception as exc:  # noqa: BLE001
        work.fail("coref", f"{type(exc).__name__}: {exc}", exc)
        relinked = {}
    relinked = ranker_overrules(st, work, quotes, relinked)
    qa_turns(work, st, quotes)
    moved_to = moved_entities(st)
    for k, q in enumerate(quotes):
        if q.speaker.entity in moved_to:
            # a speaker whose every mention the coreference pass moved elsewhere ("Jack
            # Harris:" labelling the answers of an interview with Jack Herrick)
            quotes[k] = q = replace(q, speaker=st.speaker(moved_to[q.speaker.entity]))
        r = toks_in(work.parse, q.source) if q.source is not None else None
        if r is None:
            continue
        if r in relinked:  # "he said" the ranker placed elsewhere than the pronoun rules did
            quotes[k] = replace(q, speaker=st.speaker(relinked[r]))
        elif (
            q.speaker.entity is None
            and r[1] - r[0] == 1
            and first_or_second_person(work.parse.toks[r[0]].text)
        ):
            eid = first_second_person(st, r[0])
            if work.parse.toks[r[0]].text.casefold() in ANSWERER_PRONOUNS and (
                poster := post_author(work.text, q.source.start)
                or pull_quote_speaker(st, work.text, q.source.start)
            ):
                eid = signed_by(st, poster, r[0], eid)  # an embedded post's "I" is who signed it
            if eid is not None:
                quotes[k] = replace(q, speaker=st.speaker(eid))
    return _renumber(work, st, quotes)


def attribute(work: Work) -> tuple[_State, list]:
    """Each quote's speaker, in text order; the entity timeline they leave."""
    quotes = list(work.quotes)
    res = Resolver(work)
    st = res.st
    inherited: dict[str, str] = dict(work.inherited_from)
    by_id: dict[str, Speaker] = {}
    order = sorted(range(len(quotes)), key=lambda k: _quote_pos(quotes[k]))
    para = _para_of(work.text, [_quote_pos(q) for q in quotes])
    prev_q = None
    interview = qa_interview(work.text)
    enclosures = Enclosures(quotes)
    for k in order:
        q = quotes[k]
        sp = None
        answering = answering_speaker(work.text, q, quotes, by_id) if q.source is not None else None
        if answering is not None:
            sp = answering
        elif qa_label(work.text, q, interview):
            sp = Speaker(name=q.source.text, type="unknown")  # "Q:"/"A:": who, after coref (_qa_turns)
        elif q.source is not None:
            res.voice = enclosures.speaker(q, by_id)
            try:
                sp = res.resolve_quote(q)
            except Exception as exc:  # noqa: BLE001 - one odd source costs only its quote
                work.fail("speakers", f"{q.id}: {type(exc).__name__}: {exc}", exc)
                sp = None
            if sp is None or (sp.entity is None and not sp.name):
                sp = replace(q.speaker, type=q.speaker.type if q.speaker.name else "unknown")
        elif q.id in inherited and inherited[q.id] in by_id:
            sp = by_id[inherited[q.id]]
        elif (
            q.cue is None
            and q.kind == "direct"
            and prev_q is not None
            and para[_quote_pos(q)] - para[_quote_pos(prev_q)] <= 1
            and by_id.get(prev_q.id)
            and by_id[prev_q.id].type != "unknown"
        ):
            # A bare quotation right after another speaker's quote, which the
            # quotes stage did not tie to anyone: the running speaker is the
            # best guess. A quote with a cue but no source is left alone.
            sp = by_id[prev_q.id]
        else:
            sp = q.speaker if q.speaker.name else Speaker()
        by_id[q.id] = sp
        quotes[k] = replace(q, speaker=sp)
        if sp.entity and q.source is not None:
            r = toks_in(work.parse, q.source)
            if r:
                res.prev = (r[0], sp.entity)
                # The cue's sentence words, for a later "the statement said".
                s = work.parse.sents[work.parse.toks[r[0]].sent]
                lemmas = {
                    t.lemma.casefold()
                    for t in work.parse.toks[s.start : s.end]
                    if t.pos == "NOUN" and not any(c.start <= t.start < c.end for c in q.content)
                }
                res.history.append((r[0], sp.entity, lemmas))
                res.spoken.add(sp.entity)
                if q.cue is not None and q.cue.text == COLON:  # an interview turn: a question?
                    asks = all(c.text.rstrip(' "”').endswith("?") for c in q.content)
                    res.asking[sp.entity] = res.asking.get(sp.entity, True) and asks
        if sp.type != "unknown":
            prev_q = q
    # Inherited quotes that came before their donor in text order (rare).
    for k, q in enumerate(quotes):
        donor = inherited.get(q.id)
        if q.source is None and donor in by_id and quotes[k].speaker != by_id[donor]:
            quotes[k] = replace(q, speaker=by_id[donor])
    return st, quotes


def _renumber(work: Work, st: _State, quotes: list) -> dict:
    """Entities (old and new) in order of first mention, ids e1, e2, ..."""
    spans: dict[str, list[Span]] = {}
    for eid, e in st.ents.items():
        extra = st.extra_spans.get(eid, [])
        own = {(x.start, x.end) for x in e.mentions} if extra else set()
        spans[eid] = [s for s in e.mentions if (eid, s.start, s.end) not in st.moved] + [
            s for s in extra if (s.start, s.end) not in own
        ]
    live = [eid for eid in st.ents if spans[eid]]
    live.sort(key=lambda e: min(s.start for s in spans[e]))
    new_id = {old: f"e{n + 1}" for n, old in enumerate(live)}
    entities = []
    found = {x.id for x in work.entities}  # the entities stage's (once, not once per entity)
    for old in live:
        e = st.ents[old]
        info = st.infos[old]
        desc = e.description if old in found else (info["descriptions"][0] if info["descriptions"] else None)
        entities.append(
            Entity(
                new_id[old],
                info["name"],
                info["label"],
                desc,
                tuple(sorted(spans[old], key=lambda s: (s.start, s.end))),
            )
        )
    # (a quote or mention whose entity keeps its id is kept as it is: most do, and
    # dataclasses.replace was a third of this function's CPU)
    quotes = [
        replace(q, speaker=replace(q.speaker, entity=new_id.get(q.speaker.entity)))
        if q.speaker.entity and new_id.get(q.speaker.entity) != q.speaker.entity
        else q
        for q in quotes
    ]
    mentions = tuple(
        m if new_id[m.entity] == m.entity else m.with_entity(new_id[m.entity])
        for m in st.mentions
        if m.entity in new_id
    )
    infos = {new_id[k]: v for k, v in st.infos.items() if k in new_id}
    return {
        "quotes": tuple(quotes),
        "entities": tuple(entities),
        "mentions": mentions,
        "entity_info": infos,
    }
