"""Cue detection: which words attribute something to someone.

A *candidate* is a token whose lowercased lemma is in the learned cue lexicon
(the lemmas that head a gold cue at least three times in the PolNeAR train
split; "according" is lemmatised "accord"). Each candidate gets a
logistic-regression probability over sparse, readable features: its lemma,
part of speech, tag and dependency label, which dependents it has (alone and
crossed with the lemma), the kind of its subject, its neighbours, whether it
sits inside a quotation, whether quotation marks are near or elsewhere in
its sentence. The weights, the decision threshold and the lexicon live in
``data/quotes/cue_model.json`` (written by ``scripts/train_quotes.py``) and
are loaded once per process; scoring is one dictionary lookup per feature.

The category (speech or belief) is not learned (PolNeAR does not label it):
a cue is ``speech`` when its lemma is a verb or noun of communication in
:data:`SPEECH`, otherwise ``belief`` (thought, hope, finding, intention,
perception...), so that who-*said*-what measures never count a belief. Verbs
of evaluation (:data:`WEAK_SPEECH`: "criticized", "praised") are speech only
when the content quotes words.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from ..nlp import Parse

MODEL_FILE = "cue_model.json"

# Verbs and nouns of communication: the cue lemmas whose attributions are
# things said or written. Everything else the model accepts is a belief,
# intention, perception or finding.
SPEECH = frozenset(
    """
according accuse add address admit advise allege announce answer argue ask assert assure
attack blame blast boast brag call caution charge cite claim comment complain concede
condemn confess confirm contend counter criticize criticise declare decry demand deny
describe dismiss disclose emphasize emphasise endorse explain insist instruct interview joke
lament mention mock note object order plead pledge praise predict proclaim promise
propose protest quip quote recall recount reiterate reject remark remind reply report
respond retort reveal say scold shout slam state stress suggest swear tell testify
threaten tout tweet twitter urge vow warn write post statement remarks comment speech
interview announcement claim testimony letter tweet email memo interview chant yell
insist declaration pledge promise warning message argument accusation allegation
assertion question inquire reiterate underscore acknowledge express
""".split()
)

# Dependency labels of words that (almost) never head a cue: in 400 PolNeAR train
# articles 6 of 9,719 cue heads were auxiliaries; skipping them saves a quarter
# of the candidates ("be", "have", "do").
NEVER_HEAD = frozenset(("aux", "auxpass", "det", "cc", "mark", "nummod", "poss"))

KID_DEPS = (
    "nsubj",
    "nsubjpass",
    "ccomp",
    "xcomp",
    "dobj",
    "dative",
    "prep",
    "parataxis",
    "advcl",
    "agent",
    "oprd",
    "acomp",
    "attr",
    "aux",
    "auxpass",
    "neg",
    "prt",
    "acl",
    "relcl",
    "mark",
    "pobj",
    "conj",
)


@lru_cache(maxsize=1)
def model() -> dict:
    """The shipped cue model (weights, threshold, lexicon, extent tables)."""
    path = Path(__file__).resolve().parent.parent / "data" / "quotes" / MODEL_FILE
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


# Verbs of evaluation that are speech acts but rarely *report* what was said:
# "criticized the plan", "praised the deal". They count as speech only when
# the content quotes words ("mocked Rubio for “having a tough night”"), so
# that who-said-what lists do not fill with stances.
WEAK_SPEECH = frozenset(
    """attack blame blast condemn criticize criticise decry dismiss endorse mock
praise reject scold slam tout order propose address interview cite quote object protest threaten
lament remind ask answer mention""".split()
)


# Speech verbs whose noun-phrase object is itself what was said ("called for new
# tariffs", "described the talks as inconclusive", "denied the report").
NP_CONTENT = frozenset(
    """call describe accuse urge demand deny claim question blame charge
propose promise pledge vow warn predict allege""".split()
)


def category(lemma: str, kind: str = "direct", clausal: bool = True) -> str:
    """speech or belief. ``clausal``: the content has a verb (or quotes words); an
    indirect speech cue with a bare noun phrase ("will report results", "wrote a
    memoir", "responded with logic") names an act, not what was said, and is not
    listed as speech unless its verb takes what was said as object (:data:`NP_CONTENT`)."""
    lem = lemma.lower()
    if lem not in SPEECH:
        return "belief"
    if lem in WEAK_SPEECH and kind == "indirect":
        return "belief"
    if kind == "indirect" and not clausal and lem not in NP_CONTENT:
        return "belief"
    return "speech"


def is_candidate(p: Parse, i: int, lexicon) -> bool:
    t = p.toks[i]
    if t.pos in ("PUNCT", "SPACE", "DET", "PRON", "CCONJ", "SCONJ", "NUM", "SYM", "X", "PART"):
        return False
    if t.dep in NEVER_HEAD:
        return False
    return t.lemma.lower() in lexicon


def features(p: Parse, i: int, inq: bool, qnear: bool, qside: str = "") -> list[str]:
    """Sparse features of candidate token i (strings; weights are looked up by name)."""
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
    kd = set()
    subj = None
    for c in kids:
        d = toks[c].dep
        if d in KID_DEPS:
            side = "L" if c < i else "R"
            kd.add(d + side)
            if d in ("nsubj", "nsubjpass") and subj is None:
                subj = toks[c]
            if d == "prep":
                kd.add("prep:" + toks[c].lemma.lower())
    for k in sorted(kd):
        f.append("k=" + k)
        f.append("lk=%s|%s" % (lem, k))
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
    if inq:
        f.append("inq")
        f.append("linq=" + lem)
    if qnear:
        f.append("qnear")
        f.append("lqn=" + lem)
    if qside:  # quotation marks elsewhere in the sentence: "L", "R" or "LR" of the cue
        f.append("qs=" + qside)
        f.append("lqs=%s|%s" % (lem, qside))
    if i + 1 < len(toks):
        nx = toks[i + 1]
        f.append(
            "nx=" + (nx.lemma.lower() if nx.pos in ("ADP", "SCONJ", "PART", "PUNCT", "PRON") else nx.pos)
        )
    if i > 0:
        pv = toks[i - 1]
        f.append("pv=" + (pv.lemma.lower() if pv.pos in ("AUX", "PART", "ADP", "PUNCT", "PRON") else pv.pos))
    return f


def score(feats: list[str], weights: dict[str, float]) -> float:
    z = sum(map(weights.get, feats, repeat(0.0, len(feats))))
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))
