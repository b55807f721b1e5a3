"""Sub-event type classifier: multinomial logistic regression over lemmas.

Features of a stretch of text (tokens a..b of a Parse): lower-cased lemmas of
content words, lemma bigrams, named entities replaced by their type (CASE 2021
alters names, and a name says little about the kind of event), ``T:<type>``
for every trigger of the lexicon (types.py), so that the learned weights and the
hand-written lexicon back each other up, and each trigger's parse relations: the
words of its subject ("TS:Armed clash>troop") and of its object, compound, modifier
or preposition ("TO:Grenade>hurl"). The weights are learned from CASE 2021
by scripts/train_events.py (cross-validated accuracy in the file's ``cv`` entry)
and shipped in according/data/events/subtype_lr.json; inference is pure Python.

Measured (5-fold stratified cross-validation on the 821 CASE 2021 snippets with an
ACLED type; no snippet is ever typed by a model trained on it): sub_event_type
0.759 -> 0.762 with the trigger relations (l2 1e-5 -> 3e-5, chosen by that CV; event_type
0.854 -> 0.860) for the classifier alone; the whole events stage scored out-of-fold (each
snippet typed by the fold model that never saw it, ``train_events.py --fold-models DIR``):
626/821 = 0.762 sub_event_type, 699/821 = 0.851 event_type before, 628/821 = 0.765 and
704/821 = 0.857 with the relations and coding.py's weapon rule (a monitor's "explosions
heard" beside named artillery is shelling); by scripts/event_corpora.py's seal, tuned
two thirds 423 -> 426 of 553, sealed 203 -> 202 of 268 (one row, within noise).
The 198 non-ACLED rows of
CASE 2021 are wrong by construction. Scoring the shipped model on CASE 2021 itself
(``according eval case2021``) measures training fit, not accuracy.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from ..lang.events import FEATURE_STOP_WORDS as STOP
from ..nlp import Parse
from .types import TRIGGERS

ENT_AS_TYPE = {"GPE", "LOC", "PERSON", "FAC", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY"}


def triggers_in(parse: Parse, a: int, b: int) -> list[tuple[int, str]]:
    """(token index, trigger key) for every lexicon trigger in tokens a..b (bigrams first)."""
    toks = parse.toks
    firsts = _pair_firsts()
    out = []
    k = a
    known = _entry_words()
    while k < b:
        lem = toks[k].lemma.lower()
        if lem not in known and toks[k].text.lower() not in known:
            k += 1  # neither the word nor its lemma is or begins an entry (most words)
            continue
        if k + 1 < b:  # a two-word entry is looked up only after a word that begins one
            hit = None
            if lem in firsts:
                pair = f"{lem} {toks[k + 1].lemma.lower()}"
                hit = pair if pair in TRIGGERS else None
            if hit is None and toks[k].text.lower() in firsts:
                pair_text = f"{toks[k].text.lower()} {toks[k + 1].text.lower()}"
                hit = pair_text if pair_text in TRIGGERS else None
            if hit:
                out.append((k, hit))
                k += 2
                continue
        if toks[k].ent_type in ("DATE", "TIME") or (toks[k].pos == "PROPN" and toks[k].ent_type):
            k += 1  # "On 3 March 2021" is no march; "Camp David" no camp
            continue
        key = _trigger_key(toks[k].text.lower(), lem)
        if key:
            out.append((k, key))
        k += 1
    return out


@lru_cache(maxsize=1)
def _pair_firsts() -> frozenset[str]:
    """Every beginning of a lexicon entry that a space ends ("car" of "car bomb"): a pair of
    words can only be an entry when its first word is one of these."""
    return frozenset(k[:i] for k in TRIGGERS for i, ch in enumerate(k) if ch == " ")


@lru_cache(maxsize=1)
def _entry_words() -> frozenset[str]:
    """Every lexicon entry and every first word of a two-word one: a word that is none of these
    (nor its lemma) gives no trigger, and triggers_in passes it at once."""
    return frozenset(TRIGGERS) | _pair_firsts()


def _trigger_key(w: str, lem: str) -> str | None:
    """The lexicon entry for a word: its lemma or the word itself, whole. (Never a word with letters
    cut off: that made "mobile" a mob and "Beatles" a beating; the inflections the lemmatizer misses,
    such as "raped", are entries of their own, lang/events.py.)"""
    for cand in (lem, w):
        if len(cand) >= 3 and cand in TRIGGERS:
            return cand
    return None


def content_word(t) -> str | None:
    """A token as a feature word: its entity type for a name or number, its lemma for a content word."""
    if t.ent_type in ENT_AS_TYPE:
        return "E:" + t.ent_type
    if t.is_punct or t.is_space or t.like_num:
        return None
    lem = t.lemma.lower()
    if lem in STOP or not any(c.isalpha() for c in lem):
        return None
    return lem


def features(parse: Parse, a: int, b: int) -> set[str]:
    toks = parse.toks
    words = []
    for k in range(a, b):
        t = toks[k]
        if t.ent_type in ENT_AS_TYPE:
            if t.ent_iob == "B" or k == a or toks[k - 1].ent_type != t.ent_type:
                words.append("E:" + t.ent_type)
            continue
        if t.is_punct or t.is_space:
            continue
        lem = t.lemma.lower()
        if t.like_num:
            lem = "#num"
        if any(c.isalpha() for c in lem) or lem == "#num":
            words.append(lem)
    feats = {w for w in words if w not in STOP}
    content = [w for w in words if w not in STOP]
    feats.update(f"{x}_{y}" for x, y in zip(content, content[1:]))
    for k, key in triggers_in(parse, a, b):
        types = TRIGGERS[key]
        feats.add("T1:" + types[0])
        feats.update("T:" + t for t in types)
        if toks[k].dep == "ROOT":  # the main verb's reading: "police arrested ... for covering a protest"
            feats.add("RT:" + types[0])
        # who does it and to what: "TS:Armed clash>troop", "TO:Grenade>hurl" (5-fold CV on CASE
        # 2021, classifier alone, l2 1e-5: 0.759 without these relations, 0.760 with them)
        for c in parse.children[k]:
            w = content_word(toks[c])
            if w is None:
                continue
            if toks[c].dep in ("nsubj", "nsubjpass", "agent"):
                feats.add(f"TS:{types[0]}>{w}")
            elif toks[c].dep in ("dobj", "pobj", "attr", "compound", "amod", "prep"):
                feats.add(f"TO:{types[0]}>{w}")
    for k in range(a, b):
        if toks[k].dep == "ROOT" and toks[k].pos in ("VERB", "NOUN"):
            feats.add("R:" + toks[k].lemma.lower())
    return feats


class Model:
    """Weights: {"labels": [...], "bias": [...], "weights": {feature: [per label]}, "scale": int}."""

    def __init__(self, data: dict):
        self.labels = data["labels"]
        scale = float(data.get("scale", 1))
        # tuples, not lists: a tuple of floats is untracked by the cyclic collector after its first
        # pass, a list never is, and the 3,756 lists of 24 floats (loaded after the heap is frozen)
        # were walked by every full collection (about 1.5 of its 2-5 ms)
        self.bias = tuple(x / scale for x in data["bias"])
        self.weights = {f: tuple(x / scale for x in w) for f, w in data["weights"].items()}
        self.cv = data.get("cv")

    def scores(self, feats: set[str]) -> list[float]:
        known = [f for f in feats if f in self.weights]
        norm = 1.0 / math.sqrt(len(feats)) if feats else 0.0
        s = list(self.bias)
        for f in known:
            w = self.weights[f]
            for j in range(len(s)):
                s[j] += w[j] * norm
        return s

    def proba(self, feats: set[str]) -> dict[str, float]:
        s = self.scores(feats)
        m = max(s)
        e = [math.exp(x - m) for x in s]
        z = sum(e)
        return {lab: v / z for lab, v in zip(self.labels, e)}


@lru_cache(maxsize=1)
def load_model() -> Model | None:
    try:
        ref = resources.files("according") / "data" / "events" / "subtype_lr.json"
        return Model(json.loads(ref.read_text(encoding="utf-8")))
    except (FileNotFoundError, OSError, ValueError, KeyError):
        return None
