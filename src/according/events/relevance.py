"""Relevance: does a sentence report a political violence, demonstration or strategic-development
event in ACLED's sense, or something else (crime, an accident, a disaster, disease, sport, business,
politics as usual, fiction) that merely uses a word of the trigger lexicon?

A binary logistic regression over whole words: lemmas of the content words (names replaced by
their entity type), the parse relations between them ("nsubj:kill>soldier"), and each lexicon
trigger with its role and its subject and object lemmas ("TS:strike>worker" is a labour strike,
"TS:strike>warplane" an air strike). Never substrings: "mobile" is not "mob", "strike action" is
not an air strike because of what strikes, not because of letters. Around each trigger, the parse
says more: the KIND of its doer and target (lang.events.ACTOR_KINDS: armed actor, state force,
crowd, civilian against company, team, market, storm; or the entity type of a name), taken from the
verb that carries the trigger ("Boeing challenged the award in a formal protest": a company's
protest) or the trigger's owner ("Boeing's protest"), and that verb's frame: negation, modal,
tense ("TF:NEG", "TF:MOD:would", "TF:TV:VBD"). With them (same corpora, same rule for the
threshold, then 0.53): precision / recall out-of-fold on the tuned part .894/.880 -> .893/.886,
on the sealed part .885/.898 -> .888/.891. And what the trigger is of, before or in, by kind
("TPK:kill>in>accident": killed in a stampede; "TP:protest>before>E:ORG": a protest before the GAO),
the verb above a noun trigger and its object ("TG:protest<challenge", "TGO:protest>award"), the
preposition a trigger is the object of ("TPH:protest<before": before the 2014 protests): threshold
0.54 by the same rule; tuned .893/.886 -> .894/.879, sealed .888/.891 -> .895/.891 (.893 once the
sealed MEANTIME work stoppage counts as the negative ACLED's rule makes it). What no crowd does (a
work stoppage, a formal protest, a product demonstration) is read by clauses.not_a_demonstration.

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

from ..lang.events import ACTOR_KINDS, ATTACK_RESULTS
from ..nlp import Parse
from .classifier import ENT_AS_TYPE, content_word, triggers_in
from .clauses import antecedent
from .types import EVENT_TYPE, STRONG, TRIGGERS

SUBJECT_DEPS = ("nsubj", "nsubjpass", "agent")
OBJECT_DEPS = ("dobj", "pobj", "attr")
VIOLENT_EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def _violent_event_word(parse: Parse, j: int) -> bool:
    """Is token j itself a trigger of violence ("strikes", "the shelling", "an explosion")?"""
    hits = triggers_in(parse, j, j + 1)
    if not hits and j > 0:  # a two-word trigger ending here: "air strikes"
        hits = [h for h in triggers_in(parse, j - 1, j + 1) if h[0] == j - 1 and " " in h[1]]
    return any(EVENT_TYPE.get(t) in VIOLENT_EVENT_TYPES for _, key in hits for t in TRIGGERS[key][:1])


def _kind(parse: Parse, k: int) -> str | None:
    """The kind of doer or target token k names (lang.events.ACTOR_KINDS), or its entity type: a
    word or one of its compound or modifier children ("security forces", "Israeli troops")."""
    toks = parse.toks
    for j in (k, *parse.children[k]):
        if j != k and toks[j].dep not in ("compound", "amod", "nmod"):
            continue
        kind = ACTOR_KINDS.get(toks[j].lemma.lower()) or ACTOR_KINDS.get(toks[j].text.lower())
        if kind:
            return kind
    return "E:" + toks[k].ent_type if toks[k].ent_type in ENT_AS_TYPE else None


def _governing_verb(parse: Parse, k: int) -> int:
    """The verb that carries trigger k: the trigger itself, or the nearest verb above a noun
    ("challenged the award in a formal protest" -> challenged), within three steps."""
    toks = parse.toks
    v = k
    for _ in range(3):
        if toks[v].pos in ("VERB", "AUX") or toks[v].head == v:
            return v
        v = toks[v].head
    return k


def _verb_frame(parse: Parse, k: int) -> set[str]:
    """Negation, modality and tense of the verb that carries trigger k (the trigger, or the verb
    above a noun): "did not attack", "would strike", "will protest", "attacked"."""
    toks = parse.toks
    v = _governing_verb(parse, k)
    frame = {"TV:" + (toks[v].tag or "-")}
    for c in (*parse.children[v], *parse.children[k]):
        if toks[c].dep == "neg":
            frame.add("NEG")
        elif toks[c].dep == "aux" and toks[c].tag == "MD":
            frame.add("MOD:" + toks[c].lemma.lower())
    return frame


def _complements(parse: Parse, k: int, key: str, governor: int) -> set[str]:
    """What the trigger is of, before, in or against, and what carries it: "TP:protest>before>E:ORG"
    (a protest before the GAO), "TPK:kill>in>accident" (killed in a stampede), "TPK:demonstration>of>
    product", "TPH:protest<before" (before the 2014 protests: a time, not a report), and for a noun
    the verb above it and that verb's object ("TG:protest<challenge", "TGO:protest>award")."""
    toks = parse.toks
    feats: set[str] = set()
    preps = [c for c in parse.children[k] if toks[c].dep == "prep"]
    if governor != k:
        g = content_word(toks[governor])
        if g is not None:
            feats.add(f"TG:{key}<{g}")
        for c in parse.children[governor]:
            if toks[c].dep == "dobj" and c != k:
                w = content_word(toks[c])
                if w is not None:
                    feats.add(f"TGO:{key}>{w}")
            elif toks[c].dep == "prep" and not (toks[c].start <= toks[k].start and k in parse.children[c]):
                preps.append(c)
    for c in preps:
        prep = toks[c].lemma.lower()
        for o in parse.children[c]:
            if toks[o].dep != "pobj":
                continue
            w = content_word(toks[o])
            if w is not None:
                feats.add(f"TP:{key}>{prep}>{w}")
            kind = _kind(parse, o)
            if kind is not None:
                feats.add(f"TPK:{key}>{prep}>{kind}")
    if toks[k].dep == "pobj" and toks[k].head != k:
        feats.add(f"TPH:{key}<{toks[toks[k].head].lemma.lower()}")
    return feats


def _attack_results(parse: Parse, a: int, b: int) -> set[str]:
    """What an attack word does in tokens a..b: "AR:kill" when a violent trigger is the subject of a
    verb that harms ("an air strike killed", "strikes early Monday that killed 67", "shelling wounding
    nine", "raids that left 40 dead"), "AD:<verb>" for any other verb it is the subject of. The
    relative pronoun stands for its noun, even where the parser hung the clause elsewhere."""
    toks = parse.toks
    feats: set[str] = set()
    for v in range(a, b):
        t = toks[v]
        if t.pos not in ("VERB", "AUX"):
            continue
        doers = [antecedent(parse, c) for c in parse.children[v] if toks[c].dep == "nsubj"]
        if not doers and t.dep == "acl" and t.tag == "VBG" and t.head != v:
            doers = [t.head]
        if not any(_violent_event_word(parse, d) for d in doers):
            continue
        lemma = t.lemma.lower()
        feats.add(f"AR:{lemma}" if lemma in ATTACK_RESULTS else f"AD:{lemma}")
        if lemma in ATTACK_RESULTS:
            feats.add("AR")
    return feats


def relevance_features(parse: Parse, a: int, b: int) -> set[str]:
    """Features of tokens a..b (a sentence, or a short report)."""
    toks = parse.toks
    feats: set[str] = set()
    for k in range(a, b):
        t = toks[k]
        w = content_word(t)
        if w is None:
            continue
        feats.add("L:" + w)
        kind = ACTOR_KINDS.get(t.lemma.lower())
        if kind:
            feats.add("K:" + kind)
        if t.head != k and a <= t.head < b:
            h = content_word(toks[t.head])
            if h is not None:
                feats.add(f"D:{t.dep}:{h}>{w}")
    feats.update(_attack_results(parse, a, b))
    for k, key in triggers_in(parse, a, b):
        if key not in STRONG:
            continue
        t = toks[k]
        feats.add("T:" + key)
        feats.add(f"TR:{key}:{t.dep}")
        if t.dep in SUBJECT_DEPS + OBJECT_DEPS and t.head != k:
            h = content_word(toks[t.head])
            if h is not None:
                feats.add(f"TH:{key}<{h}")  # what governs the trigger: "announce<strike", "call<strike"
        feats.update(f"TF:{f}" for f in _verb_frame(parse, k))
        governor = _governing_verb(parse, k)
        for c in parse.children[k]:
            if toks[c].dep in SUBJECT_DEPS:
                doer = antecedent(parse, c)  # "strikes that killed 67": the strikes kill
                w = content_word(toks[doer])
                if w is not None:
                    feats.add(f"TS:{key}>{w}")
                continue
            w = content_word(toks[c])
            if w is None:
                continue
            if toks[c].dep in OBJECT_DEPS or toks[c].dep in ("compound", "amod"):
                feats.add(f"TO:{key}>{w}")
        feats.update(_complements(parse, k, key, governor))
        doers = [c for c in parse.children[k] if toks[c].dep == "poss"]  # "Boeing's protest"
        if toks[k].dep == "xcomp" and not any(toks[c].dep in SUBJECT_DEPS for c in parse.children[k]):
            # "troops continued to battle ...": the subject of the verb the trigger completes
            doers += [c for c in parse.children[toks[k].head] if toks[c].dep in SUBJECT_DEPS]
        for c in [*parse.children[governor], *doers]:  # who does it and to whom, by kind
            subject = toks[c].dep in SUBJECT_DEPS or toks[c].dep == "poss"
            kind = _kind(parse, antecedent(parse, c) if subject else c)
            if kind is None:
                continue
            if subject:
                feats.update(("SK:" + kind, f"TSK:{key}>{kind}"))
            elif toks[c].dep in OBJECT_DEPS:
                feats.update(("OK:" + kind, f"TOK:{key}>{kind}"))
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
