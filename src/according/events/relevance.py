"""Relevance: does a sentence report a political violence, demonstration or strategic-development
event in ACLED's sense, or something else (crime, an accident, a disaster, disease, sport, business,
politics as usual, fiction) that merely uses a word of the trigger lexicon?

A binary logistic regression over whole words: lemmas of the content words (names replaced by
their entity type), the parse relations between them ("nsubj:kill>soldier"), and each lexicon
trigger with its role and its subject and object lemmas ("TS:strike>worker" is a labour strike,
"TS:strike>warplane" an air strike). Never substrings: "mobile" is not "mob", "strike action" is
not an air strike because of what strikes, not because of letters.

Learned by scripts/train_relevance.py from CASE 2021 (snippets with an ACLED type) and PLOVER
(ASSAULT, FIGHT, PROTEST) against the trigger-bearing sentences of news that reports no such event
(MEANTIME, PolNeAR, LGL, the coref set's Wikinews articles, with the sentences that do report one
read out) and CASE 2021's disaster, crime and diplomacy snippets; a third of every corpus is sealed.
The weights ship as according/data/events/relevance_lr.json (integers / scale; the training
numbers are in its ``cv`` entry). Inference is pure Python: a few dict look-ups a sentence.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from ..nlp import Parse
from .classifier import ENT_AS_TYPE, STOP, triggers_in
from .types import STRONG

SUBJECT_DEPS = ("nsubj", "nsubjpass", "agent")
OBJECT_DEPS = ("dobj", "pobj", "attr")


def _word(t) -> str | None:
    """A token as a feature word: its entity type for a name or number, its lemma for a content word."""
    if t.ent_type in ENT_AS_TYPE:
        return "E:" + t.ent_type
    if t.is_punct or t.is_space or t.like_num:
        return None
    lem = t.lemma.lower()
    if lem in STOP or not any(c.isalpha() for c in lem):
        return None
    return lem


def relevance_features(parse: Parse, a: int, b: int) -> set[str]:
    """Features of tokens a..b (a sentence, or a short report)."""
    toks = parse.toks
    feats: set[str] = set()
    for k in range(a, b):
        t = toks[k]
        w = _word(t)
        if w is None:
            continue
        feats.add("L:" + w)
        if t.head != k and a <= t.head < b:
            h = _word(toks[t.head])
            if h is not None:
                feats.add(f"D:{t.dep}:{h}>{w}")
    for k, key in triggers_in(parse, a, b):
        if key not in STRONG:
            continue
        t = toks[k]
        feats.add("T:" + key)
        feats.add(f"TR:{key}:{t.dep}")
        if t.dep in SUBJECT_DEPS + OBJECT_DEPS and t.head != k:
            h = _word(toks[t.head])
            if h is not None:
                feats.add(f"TH:{key}<{h}")  # what governs the trigger: "announce<strike", "call<strike"
        for c in parse.children[k]:
            w = _word(toks[c])
            if w is None:
                continue
            if toks[c].dep in SUBJECT_DEPS:
                feats.add(f"TS:{key}>{w}")
            elif toks[c].dep in OBJECT_DEPS or toks[c].dep in ("compound", "amod"):
                feats.add(f"TO:{key}>{w}")
    return feats


class RelevanceModel:
    """Weights: {"bias": int, "scale": int, "weights": {feature: int}, "threshold": float, "cv": {...}}."""

    def __init__(self, data: dict):
        scale = float(data.get("scale", 1))
        self.bias = data["bias"] / scale
        self.weights = {f: w / scale for f, w in data["weights"].items()}
        self.threshold = float(data["threshold"])
        self.cv = data.get("cv")

    def proba(self, feats: set[str]) -> float:
        if not feats:
            return 1.0 / (1.0 + math.exp(-self.bias))
        s = self.bias + sum(self.weights.get(f, 0.0) for f in feats) / math.sqrt(len(feats))
        s = max(-30.0, min(30.0, s))
        return 1.0 / (1.0 + math.exp(-s))


@lru_cache(maxsize=1)
def load_relevance() -> RelevanceModel | None:
    try:
        ref = resources.files("according") / "data" / "events" / "relevance_lr.json"
        return RelevanceModel(json.loads(ref.read_text(encoding="utf-8")))
    except (FileNotFoundError, OSError, ValueError, KeyError):
        return None


def show_threshold() -> float:
    """The confidence from which an event is shown on the web page and the story timeline (the API
    and the exports carry every event with its confidence): the shipped model's threshold, calibrated
    on the negative corpora by scripts/train_relevance.py (0 without the model: show all)."""
    model = load_relevance()
    return model.threshold if model is not None else 0.0


def relevance(parse: Parse, a: int, b: int) -> float | None:
    """Probability that tokens a..b report an ACLED event (None without the shipped weights)."""
    model = load_relevance()
    if model is None:
        return None
    return model.proba(relevance_features(parse, a, b))
