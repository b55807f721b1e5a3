"""Antecedents for the speakers stage: what a pronoun, a description or an
owner refers back to.

:class:`._State` (:mod:`.timeline`) holds the entities and the mention timeline
while quotes are resolved (new entities for unnamed sources, mentions added in text order).
:class:`Referents` holds the walk's state (the previous speaker, the quotes'
history, text inside quotation marks) and the antecedent searches that
:class:`according.quotes.speakers.Resolver` builds on: he/she/they/it
(:meth:`Referents.pronoun`), a possessive's owner, an unnamed subject ("a
mother of three"), a text's author, "the statement"'s issuer, an office title's
holder and a plural subject ("They" after "The prime ministers of ...").
"""

from __future__ import annotations

import bisect

from ..coref.ranker import name_gender
from ..entities import GENDERED_NOUNS, NOT_COMPANY, Mention, match_description, title_case_lines
from ..entities.describe import name_head
from ..lang.coref import PRONOUN_FORMS
from ..model import Span
from ..pipeline import Work
from .speaker_words import (
    COLLECTIVE_HEADS,
    NOMINATIVE,
    PRONOUNS,
    is_subject,
    main_clause_subject,
    noun_phrase,
    person_like,
    person_noun,
    plural_like,
    text_of,
    toks_in,
    words_of,
)
from .timeline import _State  # (imported from here by qa, namesakes, speakers and coref)

# How far back (in sentences) a he/she looks for a subject before falling back
# to the nearest person: news attributions rarely reach further than the
# previous paragraph or two; 6 sentences was chosen by reading the PolNeAR dev
# articles' pronoun sources (a longer reach picked up stale subjects).
PRONOUN_WINDOW = 6
# A previous quote's speaker is preferred for a pronoun only this close
# (sentences), same reading as above.
PREV_QUOTE_WINDOW = 4
# How far back (in sentences) "the utility said" looks for the company it stands for: news
# names the company a paragraph or two before it switches to the class noun ("named two
# paragraphs up", issue 8's reading of unseen news); the pronoun window's 6, not tuned.
COMPANY_WINDOW = 6
# How far ahead (in sentences) a description that fits no one looks for a person named with
# its noun: past a headline's dateline to the lede (not tuned: the one GUM case, read).
DESCRIBED_AHEAD = 2


def _in_head(heads: list[tuple[int, int]], starts: list[int], char: int) -> bool:
    """Is ``char`` inside one of ``heads`` (sorted, disjoint spans; ``starts`` their starts)?"""
    k = bisect.bisect_right(starts, char) - 1
    return k >= 0 and char < heads[k][1]


class Referents:
    """The state of one article's speaker resolution and the antecedent searches."""

    def __init__(self, work: Work):
        self.work = work
        self.st = _State(work)
        self.p = work.parse
        # Characters inside quotation content: names there are not antecedents.
        # Only text inside quotation marks: an indirect quote's content is the
        # reporter's prose, and the people named there can be antecedents.
        self.inside: list[tuple[int, int]] = sorted(
            (c.start, c.end)
            for q in work.quotes
            for c in q.content
            if c.text[:1] in "“\"‘«„'" or q.kind == "direct"
        )
        self.blocked: set[int] = set()  # the current quote's content and cue tokens
        # The speaker of the quotation the current source sits in ("Mario: ... Josh, he's
        # coming on board"): its he/she is someone else (the speaker would say "I").
        self.voice: str | None = None
        self.prev: tuple[int, str] | None = None  # (token, entity) of the previous speaker
        self.history: list[tuple[int, str, set[str]]] = []  # (token, entity, words around the cue)
        self.spoken: set[str] = set()  # the entities of ``history``
        # entity -> every interview turn it speaks is a question (the interviewer)
        self.asking: dict[str, bool] = {}
        sent_starts = {s.start for s in self.p.sents}
        # the headlines (one span per line, in order, disjoint): a token's is found by bisection
        # instead of testing every headline for every capitalised word
        heads = title_case_lines(self.p.text)
        head_starts = [a for a, _ in heads]
        toks = self.p.toks
        self.capitalised = {
            t.text
            for t in map(toks.__getitem__, self.p.tokens_with("pos", ("NOUN", "PROPN")))
            if t.text[:1].isupper()
            and t.i not in sent_starts
            and t.i - 1 not in sent_starts
            and not toks[t.i - 1].is_punct
            and not _in_head(heads, head_starts, t.start)
        }

    def in_quote(self, m: Mention) -> bool:
        k = bisect.bisect_right(self.inside, (m.start, 10**12)) - 1
        return k >= 0 and self.inside[k][0] <= m.start < self.inside[k][1]

    def quoted_apart(self, m: Mention, char: int) -> bool:
        """``m`` is inside a quotation that does not also hold ``char`` (a pronoun inside the
        same quotation, "Josh Kindig, he's coming on board," may refer to a name there)."""
        k = bisect.bisect_right(self.inside, (m.start, 10**12)) - 1
        if k < 0 or not self.inside[k][0] <= m.start < self.inside[k][1]:
            return False
        return not any(a <= m.start and char < b and a <= char for a, b in self.inside[max(0, k - 4) : k + 1])

    def link(self, eid: str, source: Span, a: int, b: int, kind: str) -> None:
        if (eid, source.start, source.end) not in self.st.seen:
            self.st.linked.add((source.start, source.end))
        self.st.add_mention(Mention(source.start, source.end, source.text, a, b, eid, kind))

    def recent(self, tok: int) -> list[str]:
        """Entities mentioned before token ``tok``, the most recent first."""
        seen: dict[str, None] = {}  # (insertion-ordered; a list's membership test grew with the entities)
        for m in self.st.before(tok):
            seen.setdefault(m.entity)
        return list(seen)

    def owner(self, k: int) -> str | None:
        p, st = self.p, self.st
        t = p.toks[k]
        if t.pos == "PRON":
            g = PRONOUNS.get(t.text.casefold())
            return self.pronoun(NOMINATIVE[g], k) if g else None
        for m in st.mentions[bisect.bisect_left(st.keys, k - 8) :]:
            if m.tok_start > k:
                break
            if m.tok_start <= k < m.tok_end:
                return m.entity
        return None

    def pronoun(self, low: str, tok: int) -> str | None:
        p, st = self.p, self.st
        g = PRONOUNS.get(low)
        if g in ("i", "we", None):
            if g == "i" and self.work.meta.authors:
                name = self.work.meta.authors[0]
                eid = st.by_name.get(name.casefold())
                return eid or st.new_entity(name, "PERSON", "person", [], words_of(name), False)
            return None
        sent = p.toks[tok].sent

        def fits(eid: str) -> bool:
            info = st.infos.get(eid)
            if not info:
                return False
            if g in ("m", "f"):
                if self.asking.get(eid) and self.genderless(eid):
                    # an interviewer's label ("Wikinews: Who draws the comics?") is not the
                    # he/she an answer speaks of
                    return False
                return (person_like(info) or self.spoke_as_person(eid, info)) and (
                    self.gender_of(eid) or g
                ) == g
            if g == "pl":
                return plural_like(info)
            return info["label"] in ("ORG", "GPE")  # "it"

        cands = []  # (mention, sentence distance, is_subject), nearest first
        for m in st.before(tok):
            d = sent - p.toks[m.tok_start].sent
            if d > 3 * PRONOUN_WINDOW:
                break
            if (
                self.quoted_apart(m, p.toks[tok].start)
                or not fits(m.entity)
                or (g in ("m", "f") and m.entity == self.voice)
            ):
                continue
            cands.append((m, d, is_subject(p, m)))
        # An unnamed person who is the subject of a recent main clause ("A
        # mother of three waited at the gate.") can be the antecedent too.
        virtual = self.unnamed_subject(tok, g) if g in ("m", "f") else None
        if self.prev and fits(self.prev[1]) and not (g in ("m", "f") and self.prev[1] == self.voice):
            ptok, peid = self.prev
            if sent - p.toks[ptok].sent <= PREV_QUOTE_WINDOW:
                # Another person who became the subject of a main clause since
                # the previous quote takes over ("Y, an engineer, disagreed.");
                # one met in a subordinate clause does not.
                rival = [
                    m
                    for m, d, subj in cands
                    if subj and m.tok_start > ptok and m.entity != peid and main_clause_subject(p, m)
                ]
                if not rival and (virtual is None or virtual < ptok):
                    return peid
        if g == "pl":
            eid = self.plural_subject(tok, cands)
            if eid:
                return eid
        near = [c for c in cands if c[1] <= PRONOUN_WINDOW]
        for k, (m, _distance, subj) in enumerate(near):
            if subj and g in ("m", "f") and self.genderless(m.entity):
                # a subject with no given name and no he/she of its own ("Wikinews
                # interviews ...", the interviewer's label) yields to a nearer person of
                # the pronoun's known gender
                if any(self.gender_of(c.entity) == g for c, _d, _s in near[:k]):
                    continue
            if subj:
                if virtual is not None and virtual > m.tok_start:
                    return self.unnamed_entity(virtual)
                return m.entity
        if virtual is not None:
            return self.unnamed_entity(virtual)
        if g in ("m", "f"):
            # No subject near: a person whose gender the article or the name list gives
            # (title, earlier he/she, given name) before the nearest of unknown gender ("we
            # made things like Karis, in high school she came up with that one": Karis is a
            # comic, she the woman named; an interviewer's label "Wikinews" is no "she").
            known = next((m for m, _distance, _subj in near if self.gender_of(m.entity) == g), None)
            if known is not None:
                return known.entity
        if near:
            return near[0][0].entity
        return cands[0][0].entity if cands else None

    def genderless(self, eid: str) -> bool:
        """A person entity with no gender known and no given name to tell it by."""
        return self.gender_of(eid) is None and len(self.st.infos[eid]["name_words"]) < 2

    def spoke_as_person(self, eid: str, info: dict) -> bool:
        """A person the tagger met only in Title-Case lines (``shaky``) who has been a quote's
        speaker: an interview's "Isabel Ruiz: ..." labels look like run-in headlines to the
        entities stage, but whoever speaks is a person (GUM: the "she" of her co-interviewee
        went to a comic's name, "things like Karis")."""
        return eid in self.spoken and info["label"] == "PERSON" and not info.get("plural")

    def gender_of(self, eid: str) -> str | None:
        """The gender of a person entity as far as the article tells it: its own he/she
        (earlier pronouns), an honorific or gendered role noun, else the given-name table."""
        st = self.st
        info = st.infos[eid]
        known = st.gender.get(eid) or info.get("gender")
        if known is None and info["label"] == "PERSON" and len(info["name_words"]) >= 2:
            # the coreference stage's given-name table (40k names; the entities
            # stage's own list is short): "she" is not "Mario J. Lucero"
            known = name_gender(info["name_words"])
        return known

    def unnamed_subject(self, tok: int, g: str) -> int | None:
        """The nearest main-clause subject before ``tok`` (within the pronoun
        window) that is an unnamed singular person ("a nurse", "the woman")."""
        p, st = self.p, self.st
        first_sent = max(0, p.toks[tok].sent - PRONOUN_WINDOW)
        for i in range(tok - 1, p.sents[first_sent].start - 1, -1):
            t = p.toks[i]
            if t.dep not in ("nsubj", "nsubjpass") or t.tag != "NN" or not person_noun(t.lemma):
                continue
            if GENDERED_NOUNS.get(t.lemma.casefold(), g) != g:
                continue
            verb = p.toks[t.head]
            if not (verb.dep == "ROOT" or (verb.dep == "conj" and p.toks[verb.head].dep == "ROOT")):
                continue
            k = bisect.bisect_right(self.inside, (t.start, 10**12)) - 1
            if k >= 0 and self.inside[k][0] <= t.start < self.inside[k][1]:
                continue
            j = bisect.bisect_left(st.keys, i - 8)
            if any(m.tok_start <= i < m.tok_end for m in st.mentions[j : j + 16]):
                return None  # the subject is a known entity: the named candidates cover it
            return i
        return None

    def unnamed_entity(self, head: int) -> str:
        p, st = self.p, self.st
        dets = [k for k in p.children[head] if p.toks[k].dep == "det"]
        if dets and p.toks[dets[0]].text.casefold() == "the":
            eid = match_description(p, dets[0], head, st.infos, self.recent(head))
            if eid:
                return eid
        lo, hi = noun_phrase(p, head, set())
        name = self.expanded(lo, hi)
        eid = st.new_entity(
            name, "PERSON", "anonymous", [p.toks[head].lemma.casefold()], words_of(name), False
        )
        self.link(eid, Span.of(p.text, p.toks[lo].start, p.toks[hi - 1].end), lo, hi, "description")
        return eid

    def expanded(self, lo: int, hi: int) -> str:
        """Text of tokens lo..hi as written. A source's words are never rewritten
        ("A person familiar with the company's plans" stays so, not "...the USW's
        plans": a wrong antecedent would put words in the article's mouth); the
        descriptions inside it are linked as mentions instead."""
        p = self.p
        return p.text[p.toks[lo].start : p.toks[hi - 1].end]

    def author(self, head: int) -> str | None:
        p, st = self.p, self.st
        kids = p.children[head]
        by = [k for k in kids if p.toks[k].dep in ("prep", "agent") and p.toks[k].text.casefold() == "by"]
        for verb in (k for k in kids if p.toks[k].dep == "acl"):  # "released by the VA"
            by += [k for k in p.children[verb] if p.toks[k].dep == "agent"]
        cand = [j for k in by for j in p.children[k] if p.toks[j].dep == "pobj"]
        cand += [
            k
            for k in kids
            if k < head and p.toks[k].dep in ("compound", "nmod", "poss") and p.toks[k].pos == "PROPN"
        ]
        for j in cand:
            for m in st.mentions[bisect.bisect_left(st.keys, j - 8) :]:
                if m.tok_start > j:
                    break
                if m.tok_start <= j < m.tok_end and st.infos.get(m.entity, {}).get("label") in (
                    "PERSON",
                    "ORG",
                ):
                    return m.entity
        return None

    def document_owner(self, tok: int) -> str | None:
        """ "The statement said": the statement of the last quote whose attribution
        mentions the same kind of document ("said in a statement"), else the
        previous speaker when close by."""
        p = self.p
        lemma = p.toks[tok].lemma.casefold()
        sent = p.toks[tok].sent
        for ptok, eid, cue_words in reversed(self.history):
            if sent - p.toks[ptok].sent > PRONOUN_WINDOW:
                break
            if lemma in cue_words:
                return eid
        if self.prev and sent - p.toks[self.prev[0]].sent <= 2:
            return self.prev[1]
        return None

    def titled_person(self, tok: int, reach: int = 2, main: bool = False) -> str | None:
        """ "The Republican presidential nominee said": an office title held by a
        named person the article has not described with that title. Take the
        named person who is the subject of the nearest preceding sentences (within
        ``reach``; when ``main``, of a main clause in an earlier sentence)
        (titles like this re-introduce the current protagonist)."""
        p, st = self.p, self.st
        sent = p.toks[tok].sent
        for m in st.before(tok):
            if sent - p.toks[m.tok_start].sent > reach:
                break
            if main and p.toks[m.tok_start].sent == sent:
                if (
                    is_subject(p, m)
                    and not self.in_quote(m)
                    and person_like(st.infos.get(m.entity, {"label": ""}))
                ):
                    return None  # "Vance smiled as the heckler said": someone else
                continue
            if main and not main_clause_subject(p, m):
                continue
            info = st.infos.get(m.entity)
            want = GENDERED_NOUNS.get(p.toks[tok].lemma.casefold())  # "the first lady"
            if (
                info
                and person_like(info)
                and not info.get("stype")
                and not self.in_quote(m)
                and is_subject(p, m)
                and (want is None or st.gender.get(m.entity, info.get("gender")) in (None, want))
            ):
                return m.entity
        return None

    def repeats_noun(self, head: int, reach: int = 3) -> bool:
        """The head noun of a description was written as a noun in the last ``reach``
        sentences ("When a nurse who had been treating ... The nurse later sued"; "greeted by
        an organizer ... the organizer told them"): it refers to that unnamed one."""
        p = self.p
        lemma = p.toks[head].lemma.casefold()
        lo = p.sents[max(0, p.toks[head].sent - reach)].start
        return any(p.toks[i].pos == "NOUN" and p.toks[i].lemma.casefold() == lemma for i in range(lo, head))

    def introduced_next(self, head: int) -> str | None:
        """ "The former sergeant-at-arms of the House of Commons said ... Kevin Vickers ...": a
        person description that fits no one, with no named person met before it, points ahead
        to the person the next sentence introduces as its subject, or to one the next
        ``DESCRIBED_AHEAD`` sentences name with the description's noun ("Australian woman
        claims ..." over a dateline, then "Valeska Paris, an Australian woman and former
        Scientologist, has claimed": whatever the tagger made of the name)."""
        p, st = self.p, self.st
        sent = p.toks[head].sent
        if sent + 1 >= len(p.sents):
            return None
        seen_before = {m.entity for m in st.before(head)}
        if any(
            person_like(st.infos.get(e, {"label": ""})) and not st.infos[e].get("stype") for e in seen_before
        ):
            # a person met before may be the one described ("Hillary Clinton ... The
            # Democratic nominee for president"): pointing ahead is for a lede that opens
            # with the description (PolNeAR train: the one such case read)
            return None
        # nor is it anyone its own sentence names ("British diplomat praises Obama's presidency")
        s = p.sents[sent]
        seen_before |= {
            m.entity for m in st.mentions[bisect.bisect_left(st.keys, s.start) :] if m.tok_start < s.end
        }
        noun = p.toks[head].lemma.casefold()
        last = p.sents[min(len(p.sents) - 1, sent + DESCRIBED_AHEAD)].end
        for m in st.mentions[bisect.bisect_left(st.keys, p.sents[sent + 1].start) :]:
            if m.tok_start >= last:
                break
            info = st.infos.get(m.entity)
            if (
                m.kind not in ("name", "alias")
                or not info
                or info.get("stype")
                or m.entity in seen_before
                or self.in_quote(m)
            ):
                continue
            if person_like(info) and p.toks[m.tok_start].sent == sent + 1 and main_clause_subject(p, m):
                return m.entity
            if any(noun in words_of(d) for d in info["descriptions"]):  # (a person noun: any label)
                return m.entity
        return None

    def company_described(self, head: int) -> str | None:
        """ "The utility said" with no entity the description fits: a speaking noun that is
        neither a person's, a text's, a place's nor a public body's ("the utility", "the
        railway", "the chain") stands for the company the article has named last (within
        ``COMPANY_WINDOW`` sentences; in any role: the parser often misreads the clause
        that names it). Public bodies ("the department") must match by name
        (:func:`according.entities.match_description`): a different body is as likely."""
        p, st = self.p, self.st
        sent = p.toks[head].sent
        for m in st.before(head):
            if sent - p.toks[m.tok_start].sent > COMPANY_WINDOW:
                break
            info = st.infos.get(m.entity)
            if (
                info
                and info["label"] == "ORG"
                and not info.get("stype")
                and not info.get("plural")
                and name_head(info["name_words"]) not in NOT_COMPANY
                and not self.in_quote(m)
                and (is_subject(self.p, m) or any(e == m.entity for _, e, _ in self.history))
            ):
                return m.entity
        return None

    def plural_subject(self, tok: int, cands) -> str | None:
        """ "They" after a sentence whose subject is a plural noun phrase that is
        no entity ("The prime ministers of Spain and Ireland ... They ...")."""
        p = self.p
        sent = p.toks[tok].sent
        if sent == 0:
            return None
        s = p.sents[sent - 1]
        found = [
            i
            for i in range(s.start, s.end)
            if p.toks[i].dep == "nsubj"
            and p.toks[i].tag in ("NNS", "NNPS")
            and p.toks[p.toks[i].head].dep == "ROOT"
        ]
        # Or people in the object: "The AP interviewed 20 former crew members. They said ..."
        found += [
            i
            for i in range(s.start, s.end)
            if p.toks[i].dep in ("dobj", "pobj", "conj")
            and p.toks[i].tag == "NNS"
            and (person_noun(p.toks[i].lemma) or p.toks[i].text.casefold() in COLLECTIVE_HEADS)
        ]
        for i in found[:1]:
            t = p.toks[i]
            if True:
                if any(m.tok_start <= i < m.tok_end and d <= 1 for m, d, _ in cands):
                    return None  # an entity already stands there
                lo, hi = noun_phrase(p, i, set())
                name = text_of(p, lo, hi)
                key = name.casefold()
                eid = self.st.by_name.get(key)
                if eid is None:
                    eid = self.st.new_entity(
                        name, "OTHER", "group", [t.lemma.casefold()], words_of(name), True
                    )
                    sp = Span.of(p.text, p.toks[lo].start, p.toks[hi - 1].end)
                    self.link(eid, sp, lo, hi, "description")
                return eid
        return None


# -- after the coreference pass (see according.quotes.speakers) -------------
def ranker_overrules(
    st: _State, work: Work, quotes: list, relinked: dict[tuple[int, int], str]
) -> dict[tuple[int, int], str]:
    """The he/she sources the learned ranker may move: those where the rules found no named
    person. Where they did (the previous speaker, a recent subject), the rules stay and the
    source mention goes back to their entity.

    Measured with scripts/eval_speakers.py on the tuned GUM documents: every relink 6 right
    and 4 wrong (persons the tagger invented, "Stardust", "Twitter"; a name only in "the Cruise
    video"; a brother in apposition to an object), of them the 4 wrong and 2 right overrule
    a named person; this rule keeps 4 of the right ones and none of the wrong ones."""
    kept: dict[tuple[int, int], str] = {}
    for q in quotes:
        r = toks_in(work.parse, q.source) if q.source is not None else None
        if r is None or r not in relinked:
            continue
        rule = q.speaker.entity
        if rule is not None and rule in st.infos and st.speaker(rule).type == "person":
            m = next((m for m in st.mentions if (m.tok_start, m.tok_end) == r and m.kind == "pronoun"), None)
            if m is not None and m.entity == relinked[r]:
                st.relink(m, rule)
            continue
        kept[r] = relinked[r]
    return kept


def moved_entities(st: _State) -> dict[str, str]:
    """Entities left with no mention because the coreference pass moved every one of them
    to one other entity: old id -> new id."""
    if not st.moved:
        return {}
    at = {(m.start, m.end): m.entity for m in st.mentions}
    targets: dict[str, set[str]] = {}
    for old, start, end in st.moved:
        new = at.get((start, end))
        targets.setdefault(old, set()).add(new if new is not None else old)
    live = {m.entity for m in st.mentions}
    return {
        old: next(iter(new))
        for old, new in targets.items()
        if old not in live and len(new) == 1 and old not in new
    }


def first_or_second_person(word: str) -> bool:
    form = PRONOUN_FORMS.get(word.casefold())
    return form is not None and form.person in (1, 2) and not form.possessive


def first_second_person(st: _State, tok: int) -> str | None:
    """The entity the coreference pass gave the one-token pronoun at ``tok``: for
    "I"/"we" the speaker of the quotation or interview turn it stands in (else the
    byline's author), for "you" the one that speaker addresses."""
    for m in st.mentions[bisect.bisect_left(st.keys, tok) :]:
        if m.tok_start > tok:
            break
        if m.tok_end == tok + 1 and m.kind == "pronoun":
            return m.entity
    return None
