"""Speaker resolution: who each quote's source *is*.

Stage ``speakers`` (requires quotes, entities, parse; assigns quotes, entities,
mentions). The quotes stage leaves a provisional ``Speaker(name=<source
text>)``; this stage replaces it, quote by quote in text order, keeping a
timeline of entity mentions (from the entities stage, plus the sources it
resolves) so that later pronouns and descriptions can refer back to earlier
sources. Per source, by its head word (a relative "who"/"which" stands for
the noun it modifies):

- a name the entities stage found ("Bahloul", "IDF", "the prime minister"),
  or a name in apposition ("the campaign chairman, Phil Lovas,") -> that entity;
- a possessive with an organisational head ("the prime minister’s office")
  -> an organisation named after its owner ("Office of Israeli Prime Minister
  Benjamin Netanyahu": a careful reader names the office that spoke, and the
  owner's title and full name are what identify it; it is a separate ORG
  entity because an office is not the person). "his lawyer" is an unnamed
  person named after the owner; "his words" speak for the owner;
- a pronoun: he/she -> the previous quote's speaker when it is a single
  person and no other person (named, or an unnamed "a mother of three") has
  since been the subject of a main clause; else the nearest such subject in
  the preceding sentences; else the nearest person. Gender comes from
  honorifics, the article's own he/she after a name, gendered role nouns
  and, last, common given names. they -> the previous speaker when plural,
  else a plural subject (or people in the object) of the previous sentence,
  else the nearest group/organisation; it -> an organisation. Names inside
  quotation marks are not antecedents;
- a definite description ("the former official", "the diplomat", "the
  ministry", "the 26-year-old", "the company") -> the most recent entity it
  fits, including unnamed sources met earlier
  (:func:`according.entities.match_description`); an office title with no
  fitting antecedent ("the Republican nominee") -> the named person who is
  the subject of the last two sentences; "the statement" -> whoever issued
  the statement last quoted;
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
(``scratch["inherited_from"]``) take that quote's speaker; a bare quotation
(no cue) the quotes stage left unattributed takes the previous quote's
speaker when it is in the same or the previous paragraph, else stays as it is.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..entities import GENDERED_NOUNS, Mention, is_age_head, match_description, title_case_lines
from ..model import Entity, ErrorEntry, Span, Speaker
from ..nlp import Parse
from ..pipeline import Work, stage
from .speaker_words import (ANON_HEADS, ANON_MARKERS, COLLECTIVE_HEADS, DOCUMENTS, INSTITUTIONS,
                            NAME_TYPE, NOMINATIVE, NONPERSON, OFFICE_TITLES, ORG_HEADS, PRONOUNS,
                            head_of, is_subject, main_clause_subject, noun_phrase, person_like,
                            plural_like, text_of, toks_in, words_of, person_noun)

# How far back (in sentences) a he/she looks for a subject before falling back
# to the nearest person: news attributions rarely reach further than the
# previous paragraph or two; 6 sentences was chosen by reading the PolNeAR dev
# articles' pronoun sources (a longer reach picked up stale subjects).
PRONOUN_WINDOW = 6
# A previous quote's speaker is preferred for a pronoun only this close
# (sentences), same reading as above.
PREV_QUOTE_WINDOW = 4


class _State:
    """Entities and the mention timeline while quotes are resolved."""

    def __init__(self, work: Work):
        self.p: Parse = work.parse
        self.infos: dict[str, dict] = {k: dict(v) for k, v in work.scratch.get("entity_info", {}).items()}
        self.ents: dict[str, Entity] = {e.id: e for e in work.entities}
        self.extra_spans: dict[str, list[Span]] = {}
        self.mentions: list[Mention] = sorted(work.mentions, key=lambda m: (m.tok_start, m.tok_end))
        self.keys = [m.tok_start for m in self.mentions]
        self.new_n = 0
        self.gender: dict[str, str] = {}
        self.seen = {(m.entity, m.start, m.end) for m in self.mentions}
        self.by_name = {i["name"].casefold(): e for e, i in self.infos.items()}

    def add_mention(self, m: Mention) -> None:
        if (m.entity, m.start, m.end) in self.seen:
            return
        self.seen.add((m.entity, m.start, m.end))
        k = bisect.bisect_right(self.keys, m.tok_start)
        self.keys.insert(k, m.tok_start)
        self.mentions.insert(k, m)
        self.extra_spans.setdefault(m.entity, []).append(m.span)

    def new_entity(self, name: str, label: str, stype: str, roles: list[str], words: list[str],
                   plural: bool, description: str | None = None) -> str:
        self.new_n += 1
        eid = f"new{self.new_n}"
        name = " ".join(name.split())
        self.infos[eid] = {"name": name, "label": label, "descriptions": [description] if description else [],
                           "roles": roles, "words": words, "name_words": words, "age": None,
                           "aliases": [], "acronym": None, "plural": plural, "stype": stype,
                           "gender": next((GENDERED_NOUNS[r] for r in roles if r in GENDERED_NOUNS), None)}
        self.ents[eid] = Entity(eid, name, label, description, ())
        self.by_name.setdefault(name.casefold(), eid)
        return eid

    def before(self, tok: int):
        """Mentions starting before token ``tok``, nearest first."""
        k = bisect.bisect_left(self.keys, tok)
        for j in range(k - 1, -1, -1):
            yield self.mentions[j]

    def speaker(self, eid: str) -> Speaker:
        info = self.infos[eid]
        stype = info.get("stype") or NAME_TYPE.get(info["label"], "unknown")
        name = info["name"]
        if info.get("acronym") and info["acronym"] not in name:
            # Both forms, as a reader writes them on first mention: "World
            # Health Organization (WHO)". Lookups by either form then agree.
            name = f"{name} ({info['acronym']})"
        desc = info["descriptions"][0] if info["descriptions"] and stype != "anonymous" else None
        return Speaker(entity=eid, name=name, type=stype, description=desc)


class Resolver:
    def __init__(self, work: Work):
        self.work = work
        self.st = _State(work)
        self.p = work.parse
        # Characters inside quotation content: names there are not antecedents.
        # Only text inside quotation marks: an indirect quote's content is the
        # reporter's prose, and the people named there can be antecedents.
        self.inside: list[tuple[int, int]] = sorted(
            (c.start, c.end) for q in work.quotes for c in q.content
            if c.text[:1] in "“\"‘«„'" or q.kind == "direct")
        self.blocked: set[int] = set()  # the current quote's content and cue tokens
        self.prev: tuple[int, str] | None = None  # (token, entity) of the previous speaker
        self.history: list[tuple[int, str, set[str]]] = []  # (token, entity, words around the cue)
        sent_starts = {s.start for s in self.p.sents}
        heads = title_case_lines(self.p.text)
        self.capitalised = {t.text for t in self.p.toks if t.text[:1].isupper() and t.i not in sent_starts
                            and t.i - 1 not in sent_starts and t.pos in ("NOUN", "PROPN")
                            and not self.p.toks[t.i - 1].is_punct
                            and not any(a <= t.start < b for a, b in heads)}

    def in_quote(self, m: Mention) -> bool:
        k = bisect.bisect_right(self.inside, (m.start, 10**12)) - 1
        return k >= 0 and self.inside[k][0] <= m.start < self.inside[k][1]

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
        # 1. a mention of a known entity at the head ("Bahloul", "the prime minister").
        # (from the antecedent's side too: "Al-Mina General Hospital, the last
        # hospital in Tiryan that still admits patients" puts it far before "that")
        for m in st.mentions[bisect.bisect_left(st.keys, min(a, head) - 8):]:
            if m.tok_start > head:
                break
            if m.tok_start <= head < m.tok_end and m.kind != "pronoun":
                self.link(m.entity, source, a, b, "source")
                return st.speaker(m.entity)
        # ... or a name in apposition to it ("the campaign chairman, Phil Lovas,").
        for m in st.mentions[bisect.bisect_left(st.keys, a):]:
            if m.tok_start >= b:
                break
            mh = head_of(p, m.tok_start, m.tok_end)
            if m.kind in ("name", "alias") and p.toks[mh].dep == "appos" and p.toks[mh].head == head:
                self.link(m.entity, source, a, b, "source")
                return st.speaker(m.entity)
        # 2. pronouns
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
        if dets and p.toks[dets[0]].text.casefold() in ("the", "this", "that") and (
                ht.pos in ("NOUN", "PROPN") or is_age_head(p, head)):
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
            if eid:
                self.link(eid, source, a, b, "description")
                return st.speaker(eid)
        # 5. a proper name the tagger missed (or read as a common noun: "Trump"
        # is a name when the article capitalises it mid-sentence too).
        if ht.text[:1].isupper() and (ht.pos == "PROPN" or ht.text in self.capitalised):
            return self.unnamed_proper(head, source, a, b)
        # 6. an unnamed source: a new entity named by its noun phrase.
        return self.unnamed(head, lo, hi, source, a, b, definite=bool(dets) and
                            p.toks[dets[0]].text.casefold() == "the")

    def link(self, eid: str, source: Span, a: int, b: int, kind: str) -> None:
        self.st.add_mention(Mention(source.start, source.end, source.text, a, b, eid, kind))

    def recent(self, tok: int) -> list[str]:
        seen: list[str] = []
        for m in self.st.before(tok):
            if m.entity not in seen:
                seen.append(m.entity)
        return seen

    def owner(self, k: int) -> str | None:
        p, st = self.p, self.st
        t = p.toks[k]
        if t.pos == "PRON":
            g = PRONOUNS.get(t.text.casefold())
            return self.pronoun(NOMINATIVE[g], k) if g else None
        for m in st.mentions[bisect.bisect_left(st.keys, k - 8):]:
            if m.tok_start > k:
                break
            if m.tok_start <= k < m.tok_end:
                return m.entity
        return None

    def owned(self, owner: str, head: int, lo: int, hi: int, source: Span, a: int, b: int) -> Speaker:
        p, st = self.p, self.st
        lemma = p.toks[head].lemma.casefold()
        oname = st.infos[owner]["name"]
        title = st.infos[owner].get("title")
        if title and len(title.split()) <= 4:
            # "Office of Israeli Prime Minister Benjamin Netanyahu": the title is
            # how the article identifies the office, the name whose office it is.
            oname = f"{title} {oname}"
        rest = [p.toks[i].text for i in range(head, hi) if not p.toks[i].is_punct or i > head]
        if lemma in ORG_HEADS and st.infos[owner]["label"] != "PERSON":
            # "Spain's hydrographic authority for the Tagus basin": a body owned by
            # a place or body is named by the words as written.
            name = text_of(p, lo, hi)
            eid = st.by_name.get(name.casefold())
            eid = eid or st.new_entity(name, "ORG", "organization", [lemma], words_of(name), False,
                                       description=None)
        elif lemma in ORG_HEADS:
            name = " ".join([rest[0][:1].upper() + rest[0][1:]] + rest[1:]) + f" of {oname}"
            key = name.casefold()
            eid = st.by_name.get(key)
            eid = eid or st.new_entity(name, "ORG", "organization", [lemma], words_of(name), False,
                                       description=text_of(p, lo, hi))
        elif not person_noun(lemma):
            # "his performance shows", "Trump’s words": the owner speaks.
            self.link(owner, source, a, b, "source")
            return st.speaker(owner)
        else:  # "Netanyahu’s spokesman": an unnamed person speaking for the owner
            name = " ".join(rest) + f" of {oname}"
            plural = p.toks[head].tag in ("NNS", "NNPS")
            eid = st.new_entity(name, "PERSON" if not plural else "OTHER",
                                "anonymous", [lemma], words_of(name), plural)
        self.link(eid, source, a, b, "source")
        return st.speaker(eid)

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
                return person_like(info) and st.gender.get(eid, info.get("gender") or g) == g
            if g == "pl":
                return plural_like(info)
            return info["label"] in ("ORG", "GPE")  # "it"

        cands = []  # (mention, sentence distance, is_subject), nearest first
        for m in st.before(tok):
            d = sent - p.toks[m.tok_start].sent
            if d > 3 * PRONOUN_WINDOW:
                break
            if self.in_quote(m) or not fits(m.entity):
                continue
            cands.append((m, d, is_subject(p, m)))
        # An unnamed person who is the subject of a recent main clause ("A
        # mother of three waited at the gate.") can be the antecedent too.
        virtual = self.unnamed_subject(tok, g) if g in ("m", "f") else None
        if self.prev and fits(self.prev[1]):
            ptok, peid = self.prev
            if sent - p.toks[ptok].sent <= PREV_QUOTE_WINDOW:
                # Another person who became the subject of a main clause since
                # the previous quote takes over ("Y, an engineer, disagreed.");
                # one met in a subordinate clause does not.
                rival = [m for m, d, subj in cands if subj and m.tok_start > ptok and m.entity != peid
                         and main_clause_subject(p, m)]
                if not rival and (virtual is None or virtual < ptok):
                    return peid
        if g == "pl":
            eid = self.plural_subject(tok, cands)
            if eid:
                return eid
        near = [c for c in cands if c[1] <= PRONOUN_WINDOW]
        for m, d, subj in near:
            if subj:
                if virtual is not None and virtual > m.tok_start:
                    return self.unnamed_entity(virtual)
                return m.entity
        if virtual is not None:
            return self.unnamed_entity(virtual)
        if near:
            return near[0][0].entity
        return cands[0][0].entity if cands else None

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
            if any(m.tok_start <= i < m.tok_end for m in st.mentions[j:j + 16]):
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
        eid = st.new_entity(name, "PERSON", "anonymous", [p.toks[head].lemma.casefold()], words_of(name), False)
        self.link(eid, Span.of(p.text, p.toks[lo].start, p.toks[hi - 1].end), lo, hi, "description")
        return eid

    def expanded(self, lo: int, hi: int) -> str:
        """Text of tokens lo..hi as written. A source's words are never rewritten
        ("A person familiar with the company's plans" stays so, not "...the USW's
        plans": a wrong antecedent would put words in the article's mouth); the
        descriptions inside it are linked as mentions instead."""
        p = self.p
        return p.text[p.toks[lo].start:p.toks[hi - 1].end]

    def author(self, head: int) -> str | None:
        p, st = self.p, self.st
        kids = p.children[head]
        by = [k for k in kids if p.toks[k].dep in ("prep", "agent") and p.toks[k].text.casefold() == "by"]
        for verb in (k for k in kids if p.toks[k].dep == "acl"):  # "released by the VA"
            by += [k for k in p.children[verb] if p.toks[k].dep == "agent"]
        cand = [j for k in by for j in p.children[k] if p.toks[j].dep == "pobj"]
        cand += [k for k in kids if k < head and p.toks[k].dep in ("compound", "nmod", "poss")
                 and p.toks[k].pos == "PROPN"]
        for j in cand:
            for m in st.mentions[bisect.bisect_left(st.keys, j - 8):]:
                if m.tok_start > j:
                    break
                if m.tok_start <= j < m.tok_end and st.infos.get(m.entity, {}).get("label") in (
                        "PERSON", "ORG"):
                    return m.entity
        return None

    def document_owner(self, tok: int) -> str | None:
        """"The statement said": the statement of the last quote whose attribution
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

    def titled_person(self, tok: int) -> str | None:
        """"The Republican presidential nominee said": an office title held by a
        named person the article has not described with that title. Take the
        named person who is the subject of the nearest preceding sentences
        (titles like this re-introduce the current protagonist)."""
        p, st = self.p, self.st
        sent = p.toks[tok].sent
        for m in st.before(tok):
            if sent - p.toks[m.tok_start].sent > 2:
                break
            info = st.infos.get(m.entity)
            want = GENDERED_NOUNS.get(p.toks[tok].lemma.casefold())  # "the first lady"
            if info and person_like(info) and not info.get("stype") and not self.in_quote(m) \
                    and is_subject(p, m) and (want is None or st.gender.get(m.entity, info.get("gender")) in (None, want)):
                return m.entity
        return None

    def plural_subject(self, tok: int, cands) -> str | None:
        """"They" after a sentence whose subject is a plural noun phrase that is
        no entity ("The prime ministers of Spain and Ireland ... They ...")."""
        p = self.p
        sent = p.toks[tok].sent
        if sent == 0:
            return None
        s = p.sents[sent - 1]
        found = [i for i in range(s.start, s.end) if p.toks[i].dep == "nsubj" and
                 p.toks[i].tag in ("NNS", "NNPS") and p.toks[p.toks[i].head].dep == "ROOT"]
        # Or people in the object: "The AP interviewed 20 former crew members. They said ..."
        found += [i for i in range(s.start, s.end) if p.toks[i].dep in ("dobj", "pobj", "conj")
                  and p.toks[i].tag == "NNS" and (person_noun(p.toks[i].lemma)
                                                   or p.toks[i].text.casefold() in COLLECTIVE_HEADS)]
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
                    eid = self.st.new_entity(name, "OTHER", "group", [t.lemma.casefold()], words_of(name), True)
                    sp = Span.of(p.text, p.toks[lo].start, p.toks[hi - 1].end)
                    self.link(eid, sp, lo, hi, "description")
                return eid
        return None

    def unnamed_proper(self, head: int, source: Span, a: int, b: int) -> Speaker:
        """A capitalised source the tagger did not tag: join a person by surname or
        make a new named entity."""
        p, st = self.p, self.st
        lo = head
        while lo - 1 >= a and p.toks[lo - 1].pos == "PROPN":
            lo -= 1
        name = text_of(p, lo, head + 1)
        last = p.toks[head].text.casefold()
        for eid in self.recent(head):
            info = st.infos[eid]
            if info["label"] == "PERSON" and info["name_words"] and info["name_words"][-1] == last:
                self.link(eid, source, a, b, "source")
                return st.speaker(eid)
        known = st.by_name.get(" ".join(name.split()).casefold())
        if known:
            self.link(known, source, a, b, "source")
            return st.speaker(known)
        # "The Gap", "the Pentagon": a name with an article is no person's.
        the = any(p.toks[k].dep == "det" and p.toks[k].text.casefold() == "the" for k in p.children[head])
        orgish = p.toks[head].lemma.casefold() in ORG_HEADS or len(name.split()) > 3 or the
        if p.toks[head].tag == "NNPS":  # "Gazans": a people, not a person
            eid = st.new_entity(name, "NORP", "group", [], words_of(name), True)
        else:
            eid = st.new_entity(name, "ORG" if orgish else "PERSON",
                                "organization" if orgish else "person", [], words_of(name), False)
        self.link(eid, source, a, b, "source")
        return st.speaker(eid)

    def unnamed(self, head: int, lo: int, hi: int, source: Span, a: int, b: int,
                definite: bool) -> Speaker:
        p, st = self.p, self.st
        ht = p.toks[head]
        lemma = ht.lemma.casefold()
        plural = ht.tag in ("NNS", "NNPS") or ht.text.casefold() in INSTITUTIONS
        name = self.expanded(lo, hi)
        words = words_of(name)
        if ht.pos == "PRON" and ht.text.casefold() not in ("someone", "one", "somebody"):
            return Speaker(name=name, type="unknown")
        marked = any(w in ANON_MARKERS for w in words) or lemma in ANON_HEADS or \
            ht.text.casefold() in ANON_HEADS
        modified = any(p.toks[i].dep in ("amod", "compound", "nmod", "prep", "acl", "relcl", "nummod")
                       for i in p.children[head] if lo <= i < hi)
        if lemma in DOCUMENTS or lemma in NONPERSON:
            # "an analysis by Lily Batchelder", "a Washington Post-ABC News poll":
            # a text speaks for its named author.
            eid = self.author(head)
            if eid is None and definite and not plural and lemma in DOCUMENTS:
                eid = self.document_owner(head)
            if eid:
                self.link(eid, source, a, b, "description")
                return st.speaker(eid)
        if lemma in ORG_HEADS and not plural:
            stype, label = "organization", "ORG"
        elif lemma in DOCUMENTS or lemma in NONPERSON:
            # "the report", "a study", "exit polls": texts and figures, named by their phrase.
            stype, label = "unknown", "OTHER"
        elif not plural:
            # Whoever is the subject of "said" and is neither an institution nor
            # a text is a person: "an architect", "a mogul", "a diplomat".
            stype, label = "anonymous", "PERSON"
        elif marked:
            stype, label = "anonymous", "OTHER"
        elif ht.text.casefold() in INSTITUTIONS:
            stype, label = "group", "ORG"  # "police said", "Israeli media reported"
        elif not modified:
            stype, label = "anonymous", "OTHER"  # bare "officials said", "analysts say"
        else:
            stype, label = "group", "OTHER"
        # A bare plural seen before ("U.S. officials" twice) is the same body;
        # an indefinite singular ("a diplomat") is always someone new.
        key = name.casefold()
        eid = None
        if plural or definite or stype == "organization":
            eid = st.by_name.get(key)
        if eid is None:
            roles = [p.toks[i].lemma.casefold() for i in range(lo, head + 1)
                     if p.toks[i].pos in ("NOUN", "PROPN")]
            eid = st.new_entity(name, label, stype, roles, words, plural)
        self.link(eid, source, a, b, "source")
        return st.speaker(eid)


def _quote_pos(q) -> int:
    pos = [s.start for s in q.content]
    if q.source:
        pos.append(q.source.start)
    return min(pos) if pos else 0


def _para_of(text: str, offsets: list[int]) -> dict[int, int]:
    """Paragraph (line) index of each character offset."""
    lines = [0] + [m.end() for m in re.finditer(r"\n", text)]
    return {o: bisect.bisect_right(lines, o) - 1 for o in offsets}


@stage("speakers", requires=("quotes", "entities", "parse"), assigns=("quotes", "entities", "mentions"))
def resolve_speakers(work: Work) -> dict:
    quotes = list(work.quotes)
    if not quotes:
        return {}
    res = Resolver(work)
    st = res.st
    inherited: dict[str, str] = dict(work.scratch.get("inherited_from", {}) or {})
    by_id = {}
    order = sorted(range(len(quotes)), key=lambda k: _quote_pos(quotes[k]))
    para = _para_of(work.text, [_quote_pos(q) for q in quotes])
    prev_q = None
    for k in order:
        q = quotes[k]
        sp = None
        if q.source is not None:
            try:
                sp = res.resolve_quote(q)
            except Exception as exc:  # noqa: BLE001 - one odd source costs only its quote
                work.errors.append(ErrorEntry("speakers", f"{q.id}: {type(exc).__name__}: {exc}"))
                sp = None
            if sp is None or (sp.entity is None and not sp.name):
                sp = replace(q.speaker, type=q.speaker.type if q.speaker.name else "unknown")
        elif q.id in inherited and inherited[q.id] in by_id:
            sp = by_id[inherited[q.id]]
        elif q.cue is None and q.kind == "direct" and prev_q is not None \
                and para[_quote_pos(q)] - para[_quote_pos(prev_q)] <= 1 \
                and by_id.get(prev_q.id) and by_id[prev_q.id].type != "unknown":
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
                lemmas = {t.lemma.casefold() for t in work.parse.toks[s.start:s.end] if t.pos == "NOUN"
                          and not any(c.start <= t.start < c.end for c in q.content)}
                res.history.append((r[0], sp.entity, lemmas))
        if sp.type != "unknown":
            prev_q = q
    # Inherited quotes that came before their donor in text order (rare).
    for k, q in enumerate(quotes):
        donor = inherited.get(q.id)
        if q.source is None and donor in by_id and quotes[k].speaker != by_id[donor]:
            quotes[k] = replace(q, speaker=by_id[donor])
    return _renumber(work, st, quotes)


def _renumber(work: Work, st: _State, quotes: list) -> dict:
    """Entities (old and new) in order of first mention, ids e1, e2, ..."""
    spans: dict[str, list[Span]] = {}
    for eid, e in st.ents.items():
        spans[eid] = list(e.mentions) + [s for s in st.extra_spans.get(eid, [])
                                         if not any(s.start == x.start and s.end == x.end for x in e.mentions)]
    live = [eid for eid in st.ents if spans[eid]]
    live.sort(key=lambda e: min(s.start for s in spans[e]))
    new_id = {old: f"e{n + 1}" for n, old in enumerate(live)}
    entities = []
    for old in live:
        e = st.ents[old]
        info = st.infos[old]
        desc = e.description if old in {x.id for x in work.entities} else (
            info["descriptions"][0] if info["descriptions"] else None)
        entities.append(Entity(new_id[old], info["name"], info["label"], desc,
                               tuple(sorted(spans[old], key=lambda s: (s.start, s.end)))))
    quotes = [replace(q, speaker=replace(q.speaker, entity=new_id.get(q.speaker.entity)))
              if q.speaker.entity else q for q in quotes]
    mentions = tuple(replace(m, entity=new_id[m.entity]) for m in st.mentions if m.entity in new_id)
    infos = {new_id[k]: v for k, v in st.infos.items() if k in new_id}
    return {"quotes": tuple(quotes), "entities": tuple(entities), "mentions": mentions,
            "scratch": {"entity_info": infos}}
