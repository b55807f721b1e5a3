"""What the pronoun ranker sees: candidates read from the parse and the names, never from quotes.

The ranker (:mod:`.ranker`) is trained by ``scripts/train_coref.py`` on the entities stage's
timeline alone, so that work on the quote stage (a new cue, a colon turn) no longer changes its
training data, its weights or its sealed score (at the last stop colon cues moved the sealed
anaphor accuracy .582 -> .570 through retraining). Everything it is given is computed the same way
at training and in the pipeline, and reads neither the quotes nor their speakers:

- the candidates are entities with a *visible* mention (:func:`visible`): a name, alias or
  description the entities stage found (or coreference itself, from the text: recurring names,
  interview labels), never a mention the speakers stage linked to a quote's source nor a pronoun;
  an interview label ("Isabel Ruiz:") the speakers stage made a quote's source is shown as the
  name it is at training (:attr:`PronounCandidates.labels`): hidden, the "she" of the other one
  answering went to no one (GUM Wikinews tuned anaphors 620 -> 631 of 883, sealed 150 unchanged);
- "inside a quotation" is inside a pair of quotation marks in the text (:func:`quotation_regions`);
- a "speaker" is the subject of a verb of saying in the parse (``lang.reporting.SAY_VERBS``):
  "last speaker" is the latest such subject before the pronoun, "spoke" an entity that was one
  before it, "quote speaker" the one whose sentence holds the quotation around the pronoun.

Cost: the window's mentions are found by bisection on the timeline, and what the ranker reads of
an entity (agreement, gender, label) and of a mention span (sentence, role, paragraph,
quotation) is worked out once per article, not per pronoun; with the ranker's weights looked up
once per model (:func:`.ranker._z`), the coreference pass went 3.9 -> 3.2 us/word on 60 PolNeAR
articles (resolve_all replayed on the same parses, same outputs). Then the window's visible
mentions taken by one comprehension, each :class:`.ranker.Candidate` built positionally, the
ranker's yes/no terms written out, one token map for the description rules and a cheaper
recurring-names scan: 2.59-2.72 -> 2.25-2.30 us/token on 80 PolNeAR articles (same replay, min
of 5 passes, base and branch alternated; same outputs).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..entities import Mention
from ..lang.coref import ARTICLES, NOT_A_PERSONS_NAME
from ..lang.reporting import SAY_VERBS
from ..nlp import Parse
from ..quotes.speaker_words import is_subject, main_clause_subject
from .ranker import NOUN_CANDIDATE, WINDOW, Candidate, name_gender

if TYPE_CHECKING:
    from ..quotes.referents import _State

_ROLE_FEATURES = frozenset(("subject", "main_subject", "parallel", "possessive_subject"))
_SPEECH_SUBJECT_DEPS = frozenset(("nsubj",))
# Opening mark -> closing marks. Straight double quotes pair with each other; single quotes are
# left out (apostrophes).
_PAIRS = {"\u201c": "\u201d\u201c", '"': '"', "\u00ab": "\u00bb", "\u201e": "\u201c\u201d"}
_MARKS = re.compile("[\n" + "".join(sorted(set("".join(_PAIRS) + "".join(_PAIRS.values())))) + "]")
# What may stand right before a straight quotation mark that closes (never opens) a quotation.
_CLOSES_AFTER = frozenset(".,;:!?…)]") | frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
)
# What the ranker knows of an unnamed plural noun offered to "they".
_PLURAL_NOUN: dict[str, Any] = {"label": "NP", "plural": True, "name_words": []}


def visible(m: Mention, linked: Iterable[tuple[int, int]] | set[tuple[int, int]]) -> bool:
    """Whether the ranker sees mention ``m``: not a pronoun, not a quote's source the
    speakers stage linked (``linked``: their character spans)."""
    return m.kind not in _HIDDEN and (m.start, m.end) not in linked


_HIDDEN = ("pronoun", "source")  # mention kinds the ranker never sees (visible)


def quotation_regions(text: str) -> list[tuple[int, int]]:
    """Character spans between paired quotation marks, each within one paragraph
    (an unclosed mark runs to the paragraph's end, as news continues a quotation). A straight
    mark right after a word or a stop closes and never opens: a quotation continued in a
    paragraph whose opening mark was dropped ('... early." After the match, X said, "We ...')
    would otherwise pair its closing mark with the next quotation's opening one."""
    out: list[tuple[int, int]] = []
    closers: str | None = None  # the marks that close the open region, if one is open
    opened = 0
    for hit in _MARKS.finditer(text):
        k, ch = hit.start(), hit.group()
        if closers is not None:
            if ch == "\n" or ch in closers:
                out.append((opened, k + (ch != "\n")))
                closers = None
            continue
        if ch != "\n" and ch in _PAIRS and not (ch == '"' and k and text[k - 1] in _CLOSES_AFTER):
            closers, opened = _PAIRS[ch], k
    if closers is not None:
        out.append((opened, len(text)))
    return out


def _line_starts(text: str) -> list[int]:
    """0 and the offset after every line break."""
    out = [0]
    k = text.find("\n")
    while k >= 0:
        out.append(k + 1)
        k = text.find("\n", k + 1)
    return out


class PronounCandidates:
    """One article's candidate builder for the pronoun ranker (see the module docstring)."""

    def __init__(self, st: _State, p: Parse):
        self.st, self.p = st, p
        self.weighed: frozenset[str] | None = None  # None: compute every feature
        linked = st.linked
        self.linked = linked
        self.regions = quotation_regions(p.text)
        self.region_starts = [a for a, _ in self.regions]
        self.paragraph_starts = _line_starts(p.text)
        self._main_subjects: dict[tuple[int, int], bool] = {}
        # the first token of each sentence (token sentences are contiguous and ascending): the
        # window's first mention is found by bisection on the timeline, not by a scan
        # (sentence s's entry: the first token of a sentence >= s, by bisection on the column)
        sent_of = p.column("sent")
        self.sent_first: list[int] = [
            bisect.bisect_left(sent_of, s) for s in range(sent_of[-1] + 1 if sent_of else 0)
        ]
        # per pronoun class, entity -> (its info dict, whether it is offered, and what the
        # ranker reads of it): worked out once per entity, not per mention and pronoun
        self._entities: dict[str, dict[str, tuple]] = {}
        # (token start, token end, char start) of a mention -> (sentence, subject, main-clause
        # subject, paragraph, in a quotation)
        self._spans: dict[tuple[int, int, int], tuple[int, bool, bool, int, bool]] = {}
        # character spans of interview labels ("Isabel Ruiz:"): names the ranker sees even when
        # the speakers stage made them a quote's source, as at training, where no quotes are
        self.labels: set[tuple[int, int]] = set()
        # entity -> sorted token starts of its visible mentions, and the timeline's state they index
        self._starts: dict[str, list[int]] = {}
        self._starts_version: tuple[int, ...] | None = None
        seen = [m for m in st.mentions if visible(m, linked)]
        taken = {k for m in seen for k in range(m.tok_start, m.tok_end)}
        self.plural_nouns = [
            Mention(t.start, t.end, t.text, t.i, t.i + 1, NOUN_CANDIDATE + t.lemma.casefold(), "np")
            for t in map(p.toks.__getitem__, p.tokens_with("tag", ("NNS",)))
            if t.i not in taken
        ]
        self.plural_keys = [m.tok_start for m in self.plural_nouns]
        self.first_person_entity = next(
            (m.entity for m in seen if st.infos.get(m.entity, {}).get("label") == "PERSON"), None
        )
        # (char offset, entity) of each visible mention that is a verb of saying's subject
        self.speeches: list[tuple[int, str]] = []
        for m in seen:
            head = next(
                (k for k in range(m.tok_start, m.tok_end) if not m.tok_start <= p.toks[k].head < m.tok_end),
                m.tok_end - 1,
            )
            t = p.toks[head]
            if t.dep in _SPEECH_SUBJECT_DEPS and p.toks[t.head].lemma.casefold() in SAY_VERBS:
                self.speeches.append((m.start, m.entity))
        self.first_speech: dict[str, int] = {}
        self.speech_sents: dict[int, set[str]] = {}
        for pos, eid in self.speeches:
            self.first_speech.setdefault(eid, pos)
            tok = p.token_at(pos)
            if tok is not None:
                self.speech_sents.setdefault(p.toks[tok].sent, set()).add(eid)

    def in_quotation(self, char: int) -> tuple[int, int] | None:
        """The quotation-mark region holding ``char``, if any."""
        k = bisect.bisect_right(self.region_starts, char) - 1
        if k >= 0 and self.regions[k][0] <= char < self.regions[k][1]:
            return self.regions[k]
        return None

    def _quote_speakers(self, region: tuple[int, int] | None) -> set[str]:
        """Speech-verb subjects in the sentences a quotation region spans."""
        if region is None:
            return set()
        p = self.p
        a, b = p.token_at(region[0]), p.token_at(max(region[0], region[1] - 1))
        if a is None or b is None:
            return set()
        out: set[str] = set()
        for s in range(p.toks[a].sent, p.toks[b].sent + 1):
            out |= self.speech_sents.get(s, set())
        return out

    def candidates(self, i: int, cls: str, start: int | None = None) -> list[Candidate]:
        """Agreeing entities mentioned in the last sentences before token ``i``
        (a pronoun, or the head of a description starting at ``start``)."""
        p, st, linked = self.p, self.st, self.linked
        start = i if start is None else start
        toks = p.toks
        sent = toks[i].sent
        here = toks[i].start
        para = self._paragraph(here)
        speech = bisect.bisect_right(self.speeches, (here, "\uffff")) - 1
        last_speaker = self.speeches[speech][1] if speech >= 0 else None
        quote_speakers = self._quote_speakers(self.in_quotation(here))
        latest: dict[str, Mention] = {}
        recent_subjects: set[str] = set()
        count: dict[str, int] = {}
        order: list[str] = []
        seq: list[Mention] = []
        # the timeline's mentions starting before token i, in the last WINDOW sentences, nearest
        # first (both ends by bisection: mentions are sorted by token, sentences ascend with it)
        keys, mentions, labels = st.keys, st.mentions, self.labels
        hi = bisect.bisect_left(keys, i)
        lo = bisect.bisect_left(keys, self.sent_first[sent - WINDOW], 0, hi) if sent > WINDOW else 0
        if not labels:  # (most articles: one comprehension over a reversed slice, no per-item call)
            seq = [
                m
                for m in reversed(mentions[lo:hi])
                if m.kind not in _HIDDEN and (m.start, m.end) not in linked
            ]
        else:
            for j in range(hi - 1, lo - 1, -1):
                m = mentions[j]
                if m.kind not in _HIDDEN and (m.start, m.end) not in linked:  # visible
                    seq.append(m)
                elif (m.start, m.end) in labels:
                    seq.append(replace(m, kind="name"))  # as the entities stage's name it was at training
        if cls == "pl":
            # unnamed plural nouns compete for "they" ("the parents", "ants"):
            # when one wins, the pronoun is left unresolved
            k = bisect.bisect_left(self.plural_keys, i)
            while k > 0 and sent - toks[self.plural_nouns[k - 1].tok_start].sent <= WINDOW:
                k -= 1
                seq.append(self.plural_nouns[k])
            seq.sort(key=lambda m: -m.tok_start)
        entities = self._entities.get(cls)
        if entities is None:
            entities = self._entities[cls] = {}
        infos = st.infos
        recent_first = self.sent_first[sent - 1] if sent >= 1 else 0
        for m in seq:
            if m.tok_end > start:
                continue  # a phrase holding the pronoun ("his spokesman")
            eid = m.entity
            info = infos.get(eid) if m.kind != "np" else _PLURAL_NOUN
            known = entities.get(eid)
            if known is None or known[0] is not info:
                known = entities[eid] = self._entity(cls, eid, info, m.kind == "np")
            if known[1] is None:
                continue
            count[eid] = count.get(eid, 0) + 1
            if (
                m.tok_start >= recent_first
                and m.kind != "np"
                and eid not in recent_subjects
                and self._main_subject(m)
            ):
                recent_subjects.add(eid)
            if eid not in latest:
                latest[eid] = m
                order.append(eid)
        # mentions of each candidate before the pronoun, in one pass
        weighed = self.weighed
        totals = self._totals_before(i, order) if weighed is None or "log_total" in weighed else count
        role = weighed is None or bool(weighed & _ROLE_FEATURES)
        paragraphs = weighed is None or "same_paragraph" in weighed
        spans = self._spans
        out = []
        for rank, eid in enumerate(order):
            m = latest[eid]
            gender_match, name_gender_match, plural, label, shaky, described = entities[eid][1]
            key = (m.tok_start, m.tok_end, m.start)
            span = spans.get(key)
            if span is None:
                span = spans[key] = (
                    toks[m.tok_start].sent,
                    is_subject(p, m),
                    self._main_subject(m),
                    self._paragraph(m.start),
                    self.in_quotation(m.start) is not None,
                )
            total = count[eid] if m.kind == "np" else totals[eid]
            # positional, in the field order (22 keywords cost ~0.8 us more per candidate)
            out.append(
                Candidate(
                    eid,  # entity
                    sent - span[0],  # sent_distance
                    i - m.tok_end,  # token_distance
                    role and span[1],  # subject
                    role and span[2],  # main_subject
                    m.kind,  # kind
                    count[eid],  # count
                    total,  # total
                    rank,  # rank
                    gender_match,  # gender_match
                    name_gender_match,  # name_gender_match
                    plural,  # plural
                    label,  # label
                    shaky,  # shaky
                    paragraphs and span[3] == para,  # same_paragraph
                    span[4],  # in_quote
                    eid in quote_speakers,  # pronoun_quote_speaker
                    last_speaker == eid,  # last_speaker
                    eid == self.first_person_entity,  # first_person
                    described,  # described
                    eid in recent_subjects,  # recent_subject
                    self.first_speech.get(eid, here + 1) <= here,  # spoke
                )
            )
        return out

    def _entity(self, cls: str, eid: str, info: dict | None, noun: bool) -> tuple:
        """(``info``, None when the entity is not offered to a pronoun of class ``cls``, else
        what the ranker reads of it: gender match, given-name gender match, plural, label,
        shaky, described)."""
        if info is None or not agrees(cls, info):
            return (info, None)
        gendered = cls in ("m", "f")
        ng = name_gender(info.get("name_words") or [])
        g = info.get("gender")
        if gendered and (ng not in (None, cls) or g not in (None, cls)):
            # A person of the other gender by the given-name table or by the article's own
            # evidence (honorifics, he/she votes): of 280 and 7 such candidates the unsealed
            # documents offered "he"/"she", none was right (the learned weight, -2.3, still
            # let a lone "Jonas" take a "she"), so they are not offered.
            return (info, None)
        read = (
            gendered and g == cls,
            gendered and ng == cls,
            bool(info.get("plural")),
            info["label"],
            bool(info.get("shaky")),
            not noun and not proper_name(info["name"]),
        )
        return (info, read)

    def _totals_before(self, i: int, entities: list[str]) -> dict[str, int]:
        """Visible mentions of each entity starting before token ``i`` (a bisection in each
        entity's sorted starts, not a scan of the timeline: the scan made candidate generation
        quadratic in the article's mentions)."""
        st = self.st
        version = (len(st.mentions), len(st.moved), id(st.linked), len(st.linked))
        if version != self._starts_version:
            # the timeline changed (a turn label named, a mention moved): index it again
            starts: dict[str, list[int]] = {}
            for x in st.mentions:  # sorted by start: each list comes out sorted
                if visible(x, st.linked) or (x.start, x.end) in self.labels:
                    starts.setdefault(x.entity, []).append(x.tok_start)
            self._starts, self._starts_version = starts, version
        return {eid: bisect.bisect_left(self._starts.get(eid, ()), i) for eid in entities}

    def _main_subject(self, m: Mention) -> bool:
        """Whether mention ``m`` is a main clause's subject (cached per mention span)."""
        key = (m.tok_start, m.tok_end)
        known = self._main_subjects.get(key)
        if known is None:
            known = self._main_subjects[key] = main_clause_subject(self.p, m)
        return known

    def _paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, char) - 1


@lru_cache(maxsize=4096)
def proper_name(name: str) -> bool:
    """A name with a capital letter in a word other than an article ("Nick Bos",
    "wikiHow", "the United Nations"; not "the one" or "The blog")."""
    return any(ch.isupper() for w in name.split() if w.casefold() not in ARTICLES for ch in w)


def agrees(cls: str, info: dict) -> bool:
    """Whether an entity can be what a pronoun of class ``cls`` stands for."""
    label = info["label"]
    if cls in ("m", "f"):
        if info.get("plural"):
            return False
        # A person the tagger doubted (a headline's Title Case) or took for a
        # body or place ("Valeska Paris" as an organisation) is still offered
        # when a given name opens a two-word name: the ranker weighs the label.
        words = info.get("name_words") or []
        return label == "PERSON" or (
            len(words) >= 2
            and name_gender(words) is not None
            and not any(w in NOT_A_PERSONS_NAME for w in words)
        )
    if cls == "pl":
        return bool(info.get("plural")) or label in ("ORG", "NORP", "GPE", "OTHER")
    return label in ("ORG", "GPE", "LOC", "FAC", "NORP")  # its
