"""Cue detection: which words attribute something to someone.

A *candidate* is a token whose lowercased lemma is in the learned cue lexicon
(the lemmas that head a gold cue at least three times in the PolNeAR train
split; "according" is lemmatised "accord") or, since the lexicon misses the
long tail of rarer reporting verbs ("exclaimed", "chimed in that", "professed"),
an *open* candidate (:func:`open_candidate`): a verb or noun of communication, or
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
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from ..lang.quotes import (
    BELIEF_VERBS,
    CUE_FEATURE_DEPS,
    CUE_NEVER_HEAD_DEPS,
    GOVERNED_DEPS,
    HEARSAY_PASSIVE,
    NEGATIONS,
    NP_CONTENT,
    PASSIVE_AUX,
    QUOTE_MARK_TOKENS,
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
from .rules import source_head

__all__ = [
    "COLON",
    "NP_CONTENT",
    "SPEECH",
    "WEAK_SPEECH",
    "category",
    "features",
    "is_candidate",
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
        return json.load(fh)


def category(
    lemma: str,
    kind: str = "direct",
    clausal: bool = True,
    *,
    cue_words: tuple[str, ...] = (),
    source_class: str = "",
) -> str:
    """speech or belief, from the cue in its context.

    ``kind``: direct / mixed / indirect content; ``clausal``: the content has a verb (or
    quotes words); ``cue_words``: the lowercased words of the cue span ("points out",
    "did not reveal"); ``source_class``: :func:`~according.lang.quotes.mention_class` of
    the source's head word.

    - a verb of communication (:data:`SPEECH`) is speech, except that an indirect cue
      with a bare noun phrase ("will report results", "wrote a memoir") names an act,
      not what was said, unless its verb takes what was said as object
      (:data:`NP_CONTENT`); verbs of evaluation (:data:`WEAK_SPEECH`) only quoting
      words; a negated indirect cue ("did not reveal the price", "would not say
      whether") reports nothing said; a topic ("wrote about how cities change") is not
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
    if lem in WEAK_SPEECH or words & NEGATIONS:
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


def is_candidate(p: Parse, i: int, lexicon, never: frozenset[str] | None = None) -> bool:
    """Whether token i is scored by the cue model: a word whose lemma is in the learned
    lexicon, or, for a model trained with open candidates (``never`` not None: the lemmas
    that scored far under the threshold everywhere on train), a rarer word that may report
    all the same (:func:`open_candidate`)."""
    t = p.toks[i]
    if t.pos in ("PUNCT", "SPACE", "DET", "PRON", "CCONJ", "SCONJ", "NUM", "SYM", "X", "PART"):
        return False
    if t.dep in CUE_NEVER_HEAD_DEPS:
        return False
    lem = t.lemma.lower()
    if lem in lexicon:
        return True
    return never is not None and lem not in never and open_candidate(p, i)


def open_candidate(p: Parse, i: int) -> bool:
    """A word outside the learned lexicon that may still be a cue: a verb or noun of
    communication (:data:`SPEECH`, :data:`SPEECH_IN_CONTEXT`: "exclaimed", "quipped"), or a
    verb that governs a clause or quoted words ("chimed in that ...", "professed “...”").
    The model decides (its ``oov`` features say the word was outside the lexicon)."""
    t = p.toks[i]
    lem = t.lemma.lower()
    if not lem.isalpha():
        return False
    if lem in SPEECH or lem in SPEECH_IN_CONTEXT:
        return True
    if t.pos != "VERB":
        return False
    toks = p.toks
    return any(
        toks[c].dep == "ccomp" or (toks[c].dep in QUOTING_DEPS and _quotes_words(p, c)) for c in p.children[i]
    )


def features(
    p: Parse, i: int, inq: bool, qnear: bool, qside: str = "", lexicon: frozenset[str] | None = None
) -> list[str]:
    """Sparse features of candidate token i (strings; weights are looked up by name).
    ``lexicon``: the learned cue lexicon; a word outside it (an open candidate) is marked."""
    toks = p.toks
    t = toks[i]
    lem = t.lemma.lower()
    kids = p.children[i]
    f = [
        "b",
        "l=" + lem,
        "p=" + t.pos,
        "t=" + t.tag,
        "d=" + t.dep,
        "ld=%s|%s" % (lem, t.dep),
        "lp=%s|%s" % (lem, t.pos),
    ]
    if lexicon is not None and lem not in lexicon:
        f.append("oov")
        f.append("oov=" + ("speech" if lem in SPEECH or lem in SPEECH_IN_CONTEXT else t.pos))
    kd = set()
    subj = None
    for c in kids:
        d = toks[c].dep
        if d in CUE_FEATURE_DEPS:
            side = "L" if c < i else "R"
            kd.add(d + side)
            if d in ("nsubj", "nsubjpass") and subj is None:
                subj = toks[c]
            if d == "prep":
                kd.add("prep:" + toks[c].lemma.lower())
    for k in sorted(kd):
        f.append("k=" + k)
        f.append("lk=%s|%s" % (lem, k))
    obj = next((toks[c] for c in kids if toks[c].dep == "dobj"), None)
    # who the source would be (the subject, the object of "according to", the agent, the
    # subject shared with a governing verb) and what the object is: a speaker says
    # things ("the official said"), a price is charged ("charged a premium")
    sh = source_head(p, i)
    sk = "none" if sh is None else mention_class(toks[sh].lemma, toks[sh].pos, toks[sh].ent_type)
    f.append("sk=" + sk)
    f.append("lsk=%s|%s" % (lem, sk))
    if obj is not None:
        ok = mention_class(obj.lemma, obj.pos, obj.ent_type)
        f.append("ok=" + ok)
        f.append("lok=%s|%s" % (lem, ok))
    f.append("lt=%s|%s" % (lem, t.tag))
    if subj is not None:
        f.append("s=" + subj.pos)
        f.append("se=" + (subj.ent_type or "-"))
        f.append("ls=%s|%s" % (lem, subj.pos))
    else:
        f.append("s=none")
        f.append("ls=%s|none" % lem)
    h = toks[t.head]
    if t.head != i:
        f.append("hd=" + h.dep)
        f.append("hp=" + h.pos)
        f.append("ddh=%s|%s" % (t.dep, h.lemma.lower() if h.lemma.lower() in ("say", "tell") else h.pos))
    if t.head != i and t.dep in GOVERNED_DEPS and h.pos in ("VERB", "AUX"):
        # the verb it hangs on: "went on to say", "decided to back", "tried to demonstrate"
        f.append("hl=%s|%s" % (t.dep, h.lemma.lower()))
    for c in kids:
        d = toks[c].dep
        if d in QUOTING_DEPS and _quotes_words(p, c):
            # what it governs quotes words ("said “...”", "called it “a hoax”")
            f.append("cq=" + d)
            f.append("lcq=%s|%s" % (lem, d))
        if d == "aux" and toks[c].tag == "MD":  # "would argue", "will say"
            f.append("md")
            f.append("lmd=" + lem)
    if inq:
        f.append("inq")
        f.append("linq=" + lem)
    if qnear:
        f.append("qnear")
        f.append("lqn=" + lem)
        # a reporting word beside a quotation whatever the tagger made of it: "...,”
        # Viguerie notes." (tagged a noun), "“...,” Bozell answers."
        f.append("qnp=%s|%s" % (t.pos, "speech" if lem in SPEECH or lem in SPEECH_IN_CONTEXT else "-"))
    if qside:  # quotation marks elsewhere in the sentence: "L", "R" or "LR" of the cue
        f.append("qs=" + qside)
        f.append("lqs=%s|%s" % (lem, qside))
    if t.pos == "NOUN":
        f.extend(_noun_features(p, i, lem))
    if i + 1 < len(toks):
        nx = toks[i + 1]
        f.append(
            "nx=" + (nx.lemma.lower() if nx.pos in ("ADP", "SCONJ", "PART", "PUNCT", "PRON") else nx.pos)
        )
    if i > 0:
        pv = toks[i - 1]
        f.append("pv=" + (pv.lemma.lower() if pv.pos in ("AUX", "PART", "ADP", "PUNCT", "PRON") else pv.pos))
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


def _quotes_words(p: Parse, c: int) -> bool:
    """Whether the subtree of token c holds a quotation mark."""
    lo, hi = p.subtree(c)
    return any(p.toks[j].text in QUOTE_MARK_TOKENS for j in range(lo, hi))


def score(feats: list[str], weights: dict[str, float]) -> float:
    z = sum(map(weights.get, feats, repeat(0.0, len(feats))))
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))
