"""Cue detection: which words attribute something to someone.

A *candidate* is a token whose lowercased lemma is in the learned cue lexicon
(the lemmas that head a gold cue at least three times in the PolNeAR train
split; "according" is lemmatised "accord") or, since the lexicon misses the
long tail of rarer reporting verbs ("exclaimed", "chimed in that", "professed"),
an *open* candidate (:func:`~according.quotes.cue_candidates.open_candidate`; the
candidates are chosen in :mod:`.cue_candidates`): a verb or noun of communication, or
a verb governing a clause or quoted words, marked as outside the lexicon for the
model (on train's held-out fifth, at the learned threshold: source / cue /
content overlap F1 .7790 / .7836 / .7691 -> .7811 / .7856 / .7707). Each candidate gets a
logistic-regression probability over sparse, readable features: its lemma,
part of speech, tag and dependency label, which dependents it has (alone and
crossed with the lemma), the kind of its subject, who its source would be and
what its object is (:func:`~according.lang.quotes.mention_class`, alone and
crossed with the lemma: "the official said" against "the storm hit", "charged
a premium" against "charged him", "according to the minister" against
"according to the data"), the verb it hangs on ("went on to say", "decided to
back"), whether what it governs quotes words and whether a modal governs it
("would argue"), its neighbours, whether it sits inside a quotation,
whether quotation marks are near or elsewhere in its sentence (and, when near, its
tag: "“...,” Viguerie notes." is tagged a noun), and for a noun the frame it sits in
and who owns it ("issued a statement", "the senator's remarks", "a statement from
the White House" against "calls to 9-1-1": :func:`_noun_features`; PolNeAR dev
tuned / sealed half, source .7729 / .7902 -> .7721 / .7919, cue .7796 / .7829 ->
.7799 / .7861, content .7701 / .7799 -> .7703 / .7824, exact .5497 / .5487 ->
.5501 / .5503, full .6385 / .6314 -> .6389 / .6339). A cue is thus a
reporting word *used as one*, not any word on a list. The weights, the decision
threshold and the lexicon live in ``data/quotes/cue_model.json`` (written by
``scripts/train_quotes.py``) and are loaded once per process; scoring is one
dictionary lookup per feature.

Tried and dropped (issue 8, out of fold on train's calibration fifth, then PolNeAR dev
tuned / sealed half): features that back off from the word to its class ("S" speech,
"C" in context, "B" belief) crossed with the cue's frame, its source and a noun's frame and
owner moved the learned threshold from 0.35 to 0.40 (out of fold no better: mean of the four
F1s .7450 -> .7452) and lost sealed content overlap (.7829 -> .7796, tuned source .7724 ->
.7773, full .6392 -> .6480): the "-" class took negative weight, against PolNeAR's attitude
cues ("has the support of"); the frame alone ("ROOT|0|ccompL+nsubjL" for "..., he says") was
worse out of fold on every number (cue .7866 -> .7811 at 0.35).

A candidate the model accepts is still no cue when its verb sits in a frame that reports
nothing (:func:`~according.quotes.non_reporting.non_reporting`: "charged a premium", "called
911"), decided after the content edges.

Tried and dropped (issue 8, cues5): what the cue governs as a feature of the model ("cf": quoted
words, a clause, an object of a class, with a noun of something said or decided, "cnt", split
from other nouns; alone, crossed with the lemma and with the source's class). On train's
calibration fifth cue overlap .7868 -> .7898 (at 0.35) and the threshold moved 0.35 -> 0.40; PolNeAR
dev tuned half cue .7812 -> .7846, full .6413 -> .6482, but the sealed half fell (cue .7878 ->
.7787, full .6367 -> .6331); without the lemma crosses (threshold 0.35 kept) tuned cue .7807,
full .6435, sealed cue .7831, full .6324. On train, lexicon verbs with a thing as object are
gold cues 15% of the time (a verb with a clause 47%, with quoted words 71%): PolNeAR annotates
attitudes to things ("backed the wall"), so the class cannot separate them; the hand-written
false cues went 28 -> 19 / 23.

Cue recall (issue 8, cues6): what PolNeAR dev's tuning half misses is mostly PolNeAR's attitudes,
and the model is calibrated there, so its threshold holds no recall to take; a cut at 0.40, 30
more verbs of communication in :data:`SPEECH` and a fit of 600 iterations each scored better on
the tuning half and lost sealed cue overlap (numbers: ``scripts/census_quote_cues.py``).

Tried and dropped (issue 8, cues7): what a noun cue introduces as a feature ("nc": a clause
opened by "that" / "whether", quoted words, a topic preposition, "p:on" for "his comments on";
crossed with the noun's owner, "nco": "Trump's claim that") and possessive determiners read as
persons by :func:`~according.lang.quotes.mention_class` ("his comments": owner and source
"per", not "other"). Out of fold on train's calibration fifth (168 articles, threshold 0.35
kept), source / cue / content / full .7885 / .7878 / .7707 / .6452 -> .7874 / .7872 / .7700 /
.6445 with both, .7870 / .7865 / .7693 / .6444 with the noun features alone, .7880 / .7874 /
.7703 / .6448 with the possessives alone. PolNeAR dev with both: tuned source .7865 -> .7879,
cue .7825 -> .7827, content .7747 -> .7740, full .6555 -> .6573; sealed source .7962 -> .7967,
cue .7886 -> .7910, full .6401 -> .6432. The dev halves (41 and 43 articles) rose and the four
times larger calibration fifth fell, all within a few thousandths: no evidence of a gain, and a
new cue model would also have to rebuild the content-edge model trained on its output.

The category (speech or belief) is not learned (PolNeAR does not label it); it
is read from the cue in its context (:func:`category`): a verb of
communication is speech, a verb that reports words only in some contexts
("ruled that", "her statement read", "“...,” he continues", "points out") is
speech when it governs a clause or quoted words, a negated or topical cue ("did
not reveal", "writes about") and "according to" a finding are beliefs, and
verbs of evaluation ("criticized", "praised") are speech only when the content
quotes words, so that who-*said*-what measures never count a belief. The word
data is in :mod:`according.lang.quotes`.
"""

from __future__ import annotations

import json
import math
import sys
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from ..lang.quotes import (
    BELIEF_VERBS,
    CUE_FEATURE_DEPS,
    GOVERNED_DEPS,
    HEARSAY_PASSIVE,
    NEGATIONS,
    NP_CONTENT,
    PASSIVE_AUX,
    QUOTED_SPEAKER_CLASSES,
    QUOTING_DEPS,
    SPEECH,
    SPEECH_IN_CONTEXT,
    SPEECH_ONLY_QUOTING,
    SPEECH_PARTICLE,
    TOPIC_PREPS,
    WEAK_SPEECH,
    mention_class,
)
from ..nlp import Parse
from .cue_candidates import quotes_words
from .rules import source_head

__all__ = [
    "COLON",
    "NP_CONTENT",
    "SPEECH",
    "WEAK_SPEECH",
    "category",
    "features",
    "model",
    "score",
]

MODEL_FILE = "cue_model.json"
COLON = ":"  # the lemma recorded for a colon cue ("Graham: Trump's ...", quotes.colons)


@lru_cache(maxsize=1)
def model() -> dict:
    """The shipped cue model (weights, threshold, lexicon, extent tables)."""
    path = Path(__file__).resolve().parent.parent / "data" / "quotes" / MODEL_FILE
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    # the feature names interned, as the strings :func:`features` builds are (``_put``): a
    # weight's lookup then finds its key by identity, without comparing the strings' bytes
    data["weights"] = {sys.intern(k): v for k, v in data["weights"].items()}
    return data


def category(
    lemma: str,
    kind: str = "direct",
    clausal: bool = True,
    *,
    cue_words: tuple[str, ...] = (),
    source_class: str = "",
    complement: bool = False,
) -> str:
    """speech or belief, from the cue in its context.

    ``kind``: direct / mixed / indirect content; ``clausal``: the content has a verb (or
    quotes words); ``cue_words``: the lowercased words of the cue span ("points out",
    "did not reveal"); ``source_class``: :func:`~according.lang.quotes.mention_class` of
    the source's head word; ``complement``: the content opens with "that", "whether" or
    "if" (:data:`~according.lang.quotes.COMPLEMENT_OPENERS`) or, under a verb of asking, a
    wh-word: a reported statement or question.

    - a verb of communication (:data:`SPEECH`) is speech, except that an indirect cue
      with a bare noun phrase ("will report results", "wrote a memoir") names an act,
      not what was said, unless its verb takes what was said as object
      (:data:`NP_CONTENT`); verbs of evaluation and asking (:data:`WEAK_SPEECH`) only
      quoting words or, active and with a source, with a clause opened by "that", "whether"
      or (asking) a wh-word ("mentioned that the plan was late", "asked whether the funds
      were spent": on 400 PolNeAR train articles 33 of 9,793 quotes, all read as reported
      statements or questions); a negated indirect cue ("did not reveal the price", "would
      not say whether") reports nothing said; a topic ("wrote about how cities change") is not
      what was written; a passive indirect cue with no agent ("the allegations were
      denied", "it was announced that ...") names nobody who said it;
    - a verb that reports words only in context (:data:`SPEECH_IN_CONTEXT`: "ruled
      that", "her statement read: “...”", "“...,” he continues", "points out that") is
      speech when it governs a clause or quoted words (and carries its particle);
    - "according to" a finding ("an investigation", "the data") is a belief (a finding
      attributed to someone, analysis-v1), "according to" a speaker or a document is
      speech;
    - a direct quotation (``kind`` direct) of a person or role noun through a verb that is
      no verb of thinking (:data:`BELIEF_VERBS`) is speech: "“...,” enthused Fancher";
    - everything else is a belief, intention, perception or finding."""
    lem = lemma.lower()
    if lem == COLON:  # "NAME: what they said" (quotes.colons): said, unless a finding's
        return "belief" if source_class in ("find", "num") else "speech"
    words = frozenset(cue_words)
    quoting = kind != "indirect"
    if lem in SPEECH_IN_CONTEXT:
        particle = SPEECH_PARTICLE.get(lem)
        if particle is not None and particle not in words:
            return "belief"
        if lem in SPEECH_ONLY_QUOTING:
            return "speech" if quoting else "belief"
        return "speech" if quoting or clausal else "belief"
    if lem not in SPEECH:
        # a person quoted word for word through a verb of manner ("“...,” enthused Scott
        # Fancher", "she gushed: “...”"): the words were said, whatever the verb
        if kind == "direct" and source_class in QUOTED_SPEAKER_CLASSES and lem not in BELIEF_VERBS:
            return "speech"
        return "belief"
    if lem == "according" and source_class == "find":
        return "belief"
    if quoting:
        return "speech"
    if words & NEGATIONS:
        return "belief"
    if lem in WEAK_SPEECH and not (complement and clausal and source_class and not words & PASSIVE_AUX):
        # (a reported clause with a speaker; "Asked whether ..., she said": the asker unnamed)
        return "belief"
    if lem in HEARSAY_PASSIVE and words & PASSIVE_AUX:  # "is said to be": hearsay, nobody speaking
        return "belief"
    if words & PASSIVE_AUX and not source_class and cue_words:
        # "the allegations were denied", "it was announced that ...": a passive cue with
        # no agent names nobody who said it
        return "belief"
    if lem not in NP_CONTENT and words & TOPIC_PREPS:
        return "belief"
    if not clausal and lem not in NP_CONTENT:
        return "belief"
    return "speech"


# Interned feature strings: each string is built once and then found by the parse's own shared
# strings (its lemmas, tags and labels are one object per value), so a candidate's features are
# mostly dictionary hits, and the weights' lookups reuse the strings' kept hashes. Tables keyed
# by a closed class (labels, tags, mention classes) stay small; the per-lemma table is cleared
# past _MAX_INTERNED lemmas (an open class: a long run meets new ones).
_MAX_INTERNED = 50_000


def _put(table: dict[str, str], key: str, value: str) -> str:
    """Enter a string built on a table's miss (clearing the table first when it is full)."""
    if len(table) > _MAX_INTERNED:
        table.clear()
    table[key] = value = sys.intern(value)
    return value


class _Lemma:
    """The feature strings of one lemma (as the token spells it), built as they are met."""

    def __init__(self, lemma: str) -> None:
        lem = self.lem = lemma.lower()
        self.speechy = lem in SPEECH or lem in SPEECH_IN_CONTEXT
        self.head: dict[tuple[str, str, str], list[str]] = {}  # (pos, tag, dep) -> first features
        self.oov = "oov=speech" if self.speechy else ""  # (literals are interned)
        self.oov_pos: dict[str, str] = {}
        self.k: dict[str, tuple[str, str]] = {}  # dependent kind -> ("k=...", "lk=...")
        self.sk: dict[str, str] = {}
        self.ok: dict[str, str] = {}
        self.ls: dict[str, str] = {}
        self.ls_none = sys.intern(f"ls={lem}|none")
        self.lcq: dict[str, str] = {}
        self.lmd = sys.intern("lmd=" + lem)
        self.linq = sys.intern("linq=" + lem)
        self.lqn = sys.intern("lqn=" + lem)
        self.lqs: dict[str, str] = {}


_lemmas: dict[str, _Lemma] = {}
_lower: dict[str, str] = {}  # a lemma -> its lowercase
_kind_left: dict[str, str] = {}  # a dependent's label -> its kind on the left ("nsubjL")
_kind_right: dict[str, str] = {}
_prep_kind: dict[str, str] = {}  # a preposition's lemma -> "prep:<lowercase>"
_sk: dict[str, str] = {}
_ok: dict[str, str] = {}
_s: dict[str, str] = {}
_se: dict[str, str] = {}
_hd: dict[str, str] = {}
_hp: dict[str, str] = {}
_ddh: dict[str, dict[str, str]] = {}  # label -> head word or pos -> "ddh=..."
_hl: dict[str, dict[str, str]] = {}
_cq: dict[str, str] = {}
_qnp: dict[str, str] = {}
_qs: dict[str, str] = {}
_nx: dict[str, str] = {}  # a part of speech -> "nx=..."
_nx_lemma: dict[str, str] = {}  # a lemma -> "nx=<lowercase>"
_pv: dict[str, str] = {}
_pv_lemma: dict[str, str] = {}
_S_NONE = sys.intern("s=none")  # (a literal with "=" is not interned by the compiler)
_NX_LEMMA_POS = ("ADP", "SCONJ", "PART", "PUNCT", "PRON")
_PV_LEMMA_POS = ("AUX", "PART", "ADP", "PUNCT", "PRON")


def _low(lemma: str) -> str:
    return _lower.get(lemma) or _put(_lower, lemma, lemma.lower())


def features(
    p: Parse, i: int, inq: bool, qnear: bool, qside: str = "", lexicon: frozenset[str] | None = None
) -> list[str]:
    """Sparse features of candidate token i (strings; weights are looked up by name).
    ``lexicon``: the learned cue lexicon; a word outside it (an open candidate) is marked.
    (The strings come from the interned tables above: the same list, in the same order, as
    formatting each one, every candidate of 100 PolNeAR articles compared with the formatted
    version at 579963d: features 8.0 -> 7.2 and score 2.3 -> 2.0 us per candidate; the rest of
    the time is the walk over the dependents and the source, not the strings. The strings are
    also ``sys.intern``-ed, as the model's weight keys are, so :func:`score` finds each key by
    identity: 4.8-8.2 -> 2.9-4.6 us per call on a loaded machine, from fewer cache misses.)"""
    toks = p.toks
    t = toks[i]
    lx = _lemmas.get(t.lemma)
    if lx is None:
        if len(_lemmas) > _MAX_INTERNED:
            _lemmas.clear()
        lx = _lemmas[t.lemma] = _Lemma(t.lemma)
    lem = lx.lem
    pos = t.pos
    dep = t.dep
    kids = p.children[i]
    hk = (pos, t.tag, dep)
    first = lx.head.get(hk)
    if first is None:
        first = lx.head[hk] = [
            sys.intern(x)
            for x in (
                "b",
                "l=" + lem,
                "p=" + pos,
                "t=" + t.tag,
                "d=" + dep,
                f"ld={lem}|{dep}",
                f"lp={lem}|{pos}",
                f"lt={lem}|{t.tag}",  # (appended after the source's features)
            )
        ]
    f = first[:7]
    if lexicon is not None and lem not in lexicon:
        f.append("oov")
        f.append(lx.oov or lx.oov_pos.get(pos) or _put(lx.oov_pos, pos, "oov=" + pos))
    kd = set()
    subj = None
    obj = None
    quoting: list[int] = []
    modal = False
    for c in kids:
        kt = toks[c]
        d = kt.dep
        if d in CUE_FEATURE_DEPS:
            if c < i:
                kd.add(_kind_left.get(d) or _put(_kind_left, d, d + "L"))
            else:
                kd.add(_kind_right.get(d) or _put(_kind_right, d, d + "R"))
            if subj is None and (d == "nsubj" or d == "nsubjpass"):
                subj = kt
            elif d == "prep":
                kd.add(_prep_kind.get(kt.lemma) or _put(_prep_kind, kt.lemma, "prep:" + kt.lemma.lower()))
        if obj is None and d == "dobj":
            obj = kt
        if d in QUOTING_DEPS and quotes_words(p, c):
            quoting.append(c)
        elif d == "aux" and kt.tag == "MD":
            modal = True
    if kd:
        lk = lx.k
        for k in sorted(kd):
            pair = lk.get(k)
            if pair is None:
                pair = lk[k] = (sys.intern("k=" + k), sys.intern(f"lk={lem}|{k}"))
            f += pair
    # who the source would be (the subject, the object of "according to", the agent, the
    # subject shared with a governing verb) and what the object is: a speaker says
    # things ("the official said"), a price is charged ("charged a premium")
    sh = source_head(p, i)
    if sh is None:
        sk = "none"
    else:
        st = toks[sh]
        sk = mention_class(st.lemma, st.pos, st.ent_type)
    f.append(_sk.get(sk) or _put(_sk, sk, "sk=" + sk))
    f.append(lx.sk.get(sk) or _put(lx.sk, sk, f"lsk={lem}|{sk}"))
    if obj is not None:
        ok = mention_class(obj.lemma, obj.pos, obj.ent_type)
        f.append(_ok.get(ok) or _put(_ok, ok, "ok=" + ok))
        f.append(lx.ok.get(ok) or _put(lx.ok, ok, f"lok={lem}|{ok}"))
    f.append(first[7])
    if subj is not None:
        sp = subj.pos
        f.append(_s.get(sp) or _put(_s, sp, "s=" + sp))
        se = subj.ent_type
        f.append(_se.get(se) or _put(_se, se, "se=" + (se or "-")))
        f.append(lx.ls.get(sp) or _put(lx.ls, sp, f"ls={lem}|{sp}"))
    else:
        f.append(_S_NONE)
        f.append(lx.ls_none)
    if t.head != i:
        h = toks[t.head]
        hlem = _low(h.lemma)
        hpos = h.pos
        f.append(_hd.get(h.dep) or _put(_hd, h.dep, "hd=" + h.dep))
        f.append(_hp.get(hpos) or _put(_hp, hpos, "hp=" + hpos))
        x = hlem if hlem in ("say", "tell") else hpos
        ddh = _ddh.get(dep)
        if ddh is None:
            ddh = _ddh[dep] = {}
        f.append(ddh.get(x) or _put(ddh, x, f"ddh={dep}|{x}"))
        if dep in GOVERNED_DEPS and hpos in ("VERB", "AUX"):
            # the verb it hangs on: "went on to say", "decided to back", "tried to demonstrate"
            hl = _hl.get(dep)
            if hl is None:
                hl = _hl[dep] = {}
            f.append(hl.get(hlem) or _put(hl, hlem, f"hl={dep}|{hlem}"))
    # what it governs quotes words ("said “...”", "called it “a hoax”"); a modal governs
    # it ("would argue", "will say") -- in the order of the dependents, as before
    if quoting or modal:
        for c in kids:
            kt = toks[c]
            d = kt.dep
            if c in quoting:
                f.append(_cq.get(d) or _put(_cq, d, "cq=" + d))
                f.append(lx.lcq.get(d) or _put(lx.lcq, d, f"lcq={lem}|{d}"))
            if d == "aux" and kt.tag == "MD":
                f.append("md")
                f.append(lx.lmd)
    if inq:
        f.append("inq")
        f.append(lx.linq)
    if qnear:
        f.append("qnear")
        f.append(lx.lqn)
        # a reporting word beside a quotation whatever the tagger made of it: "...,”
        # Viguerie notes." (tagged a noun), "“...,” Bozell answers."
        qk = pos if lx.speechy else pos + "|"
        f.append(_qnp.get(qk) or _put(_qnp, qk, f"qnp={pos}|{'speech' if lx.speechy else '-'}"))
    if qside:  # quotation marks elsewhere in the sentence: "L", "R" or "LR" of the cue
        f.append(_qs.get(qside) or _put(_qs, qside, "qs=" + qside))
        f.append(lx.lqs.get(qside) or _put(lx.lqs, qside, f"lqs={lem}|{qside}"))
    if pos == "NOUN":
        f.extend(_noun_features(p, i, lem))
    if i + 1 < len(toks):
        nx = toks[i + 1]
        if nx.pos in _NX_LEMMA_POS:
            f.append(_nx_lemma.get(nx.lemma) or _put(_nx_lemma, nx.lemma, "nx=" + nx.lemma.lower()))
        else:
            f.append(_nx.get(nx.pos) or _put(_nx, nx.pos, "nx=" + nx.pos))
    if i > 0:
        pv = toks[i - 1]
        if pv.pos in _PV_LEMMA_POS:
            f.append(_pv_lemma.get(pv.lemma) or _put(_pv_lemma, pv.lemma, "pv=" + pv.lemma.lower()))
        else:
            f.append(_pv.get(pv.pos) or _put(_pv, pv.pos, "pv=" + pv.pos))
    return f


def _noun_features(p: Parse, i: int, lem: str) -> list[str]:
    """A noun cue is one by the frame it sits in: the verb or preposition it hangs on ("issued
    a statement", "in an interview", "his call for"), and who it belongs to ("the
    senator's remark", "a statement from the White House", against "calls to 9-1-1",
    "the attacks on the city")."""
    toks = p.toks
    t = toks[i]
    h = toks[t.head]
    frame = h.lemma.lower()
    if t.dep == "pobj" and t.head != h.head:
        frame = "%s>%s" % (
            toks[h.head].pos if toks[h.head].pos != "VERB" else toks[h.head].lemma.lower(),
            frame,
        )
    out = ["nf=%s|%s" % (t.dep, frame), "lnf=%s|%s|%s" % (lem, t.dep, frame)]
    owner = "none"
    for c in p.children[i]:
        d = toks[c].dep
        if d == "poss":
            owner = "poss:" + mention_class(toks[c].lemma, toks[c].pos, toks[c].ent_type)
            break
        if d == "prep" and toks[c].lemma.lower() in ("by", "from", "of"):
            g = next((g for g in p.children[c] if toks[g].dep == "pobj"), None)
            if g is not None:
                owner = "%s:%s" % (
                    toks[c].lemma.lower(),
                    mention_class(toks[g].lemma, toks[g].pos, toks[g].ent_type),
                )
                break
    out.append("no=" + owner)
    out.append("lno=%s|%s" % (lem, owner))
    return out


def score(feats: list[str], weights: dict[str, float]) -> float:
    z = sum(map(weights.get, feats, repeat(0.0, len(feats))))
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))
