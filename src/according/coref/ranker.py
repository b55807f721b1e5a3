"""The learned antecedent ranker for third-person pronouns.

Each candidate is an entity with a mention in the last :data:`WINDOW`
sentences before the pronoun that agrees with it in class (he/she: a single
person; they: a group, body or plural; its: a body or place), offered by
:mod:`.candidates`, which reads the parse and the names but never the quotes.
Its features (:func:`features`): sentence and token distance, the grammatical
role of the candidate's last mention and of the pronoun, gender from two
sources kept apart (the article's own honorifics and he/she votes; the
given-name table ``data/coref/given_names.txt`` of 40,698 names, see
scripts/build_given_names.py), whether the tagger doubted the person, whether
the entity is named by a description only ("the one"), number, how often and
how lately the entity was mentioned, whether either sits inside quotation
marks (and whether the entity is the subject of a verb of saying in that
quotation's sentences), paragraph, mention kind, whether it was the last
subject of a verb of saying or one before, and whether it is the main subject
of the pronoun's or the previous sentence. Which of these groups the model
uses, and its L2 strength, are chosen by cross-validation grouped by document
on the unsealed documents (``scripts/train_coref.py --select``: sentence
distance, mention kind, recency rank, the given-name gender, quotes, last
speaker, label, recent subject, spoke). A logistic model (weights in
``data/coref/ranker.json``, rebuilt byte for byte by ``scripts/train_coref.py``
from the unsealed GUM Wikinews documents) scores each candidate; the best one
wins when its probability reaches the model's threshold for the pronoun's
class (chosen by the training script out of fold, see there).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

# Sentences a pronoun looks back for a candidate. With 15 the right entity is offered to
# 217 of the 239 gold-named third-person pronouns of the unsealed training documents (10:
# 213; measured with scripts/train_coref.py --stats): out of fold he/she 168 right / 47 wrong
# against 164 / 46 with 10 (25: 168 / 49); an interviewee named in the answers 8-9 sentences
# back is the "she" of the other one answering. GUM Wikinews anaphors tuned 634 -> 636 of 883,
# sealed 150 of 256 for both.
WINDOW = 15
# Entity id prefix of an unnamed plural noun offered to "they" (never linked).
NOUN_CANDIDATE = "np:"


# Not frozen: a frozen dataclass sets each of its 22 fields through object.__setattr__, and
# ~2.9 us per candidate was a sixth of the coreference pass (0.3 us unfrozen); nothing
# changes a candidate after it is built. candidates.PronounCandidates.candidates builds it with
# positional arguments (keywords cost ~0.8 us more per candidate): keep the fields' order.
@dataclass(slots=True)
class Candidate:
    """What the ranker knows of one candidate entity for one pronoun."""

    entity: str
    sent_distance: int
    token_distance: int
    subject: bool  # its last mention is a subject
    main_subject: bool  # ... of a main clause
    kind: str  # kind of its last mention: name | alias | description | pronoun | source
    count: int  # its mentions in the window
    total: int  # its mentions before the pronoun
    rank: int  # 0 = the most recently mentioned agreeing entity
    gender_match: bool  # the article's own evidence (honorific, he/she votes) or the short name list
    name_gender_match: bool  # the given-name table (data/coref/given_names.txt); a clash is no candidate
    plural: bool
    label: str
    shaky: bool  # a person found only in Title Case lines (the tagger's guess)
    same_paragraph: bool
    in_quote: bool  # its last mention is inside a quotation
    pronoun_quote_speaker: bool  # the pronoun is inside a quotation by this entity
    last_speaker: bool  # the last quote before the pronoun is this entity's
    first_person: bool  # the first person named in the article
    described: bool = False  # its name is a description ("the one", "The blog"), not a proper name
    recent_subject: bool = False  # the main-clause subject of the pronoun's or the previous sentence
    spoke: bool = False  # the speaker of a quote before the pronoun


@dataclass(frozen=True, slots=True)
class PronounSite:
    cls: str  # m | f | pl | it
    subject: bool
    possessive: bool
    in_quote: bool


def features(site: PronounSite, c: Candidate) -> dict[str, float]:
    f = {
        "bias": 1.0,
        f"sent_{min(c.sent_distance, 4)}": 1.0,
        "log_tokens": math.log1p(c.token_distance) / 5,
        "subject": float(c.subject),
        "main_subject": float(c.main_subject),
        "parallel": float(c.subject and site.subject),
        f"kind_{c.kind}": 1.0,
        "log_count": math.log1p(c.count),
        "log_total": math.log1p(c.total),
        f"rank_{min(c.rank, 3)}": 1.0,
        "gender_match": float(c.gender_match),
        "name_gender_match": float(c.name_gender_match),
        "same_paragraph": float(c.same_paragraph),
        "cand_in_quote": float(c.in_quote),
        "quote_speaker": float(c.pronoun_quote_speaker),
        "last_speaker": float(c.last_speaker),
        "first_person": float(c.first_person),
        "described": float(c.described),
        "recent_subject": float(c.recent_subject),
        "spoke": float(c.spoke),
        f"{site.cls}_label_{c.label}": 1.0,
        f"{site.cls}_plural": float(c.plural),
        "shaky": float(c.shaky),
        f"{site.cls}_rank0": float(c.rank == 0),
        "possessive_subject": float(site.possessive and c.subject),
        "pron_in_quote": float(site.in_quote),
    }
    return f


def logistic(weights: dict[str, float], feats: dict[str, float]) -> float:
    """A logistic model's probability for sparse features (also the nominal ranker's)."""
    z = 0.0
    for k, v in feats.items():
        w = weights.get(k)
        if w is not None:
            z += w * v
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    thresholds: dict[str, float]  # per pronoun class; a class missing is never resolved

    def probability(self, feats: dict[str, float]) -> float:
        return logistic(self.weights, feats)


@lru_cache(maxsize=1)
def packaged_weights(file_name: str) -> dict | None:
    """A weights file under data/coref/ (this ranker's, the nominal ranker's), or None when it is
    missing: the rules still run."""
    try:
        raw = (files("according") / "data" / "coref" / file_name).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError):
        return None
    return json.loads(raw)


def load_model() -> Model | None:
    """The packaged ranker, or None when the weights file is missing (the rules still run)."""
    data = packaged_weights("ranker.json")
    if data is None:
        return None
    return Model(
        {k: float(v) for k, v in data["weights"].items()},
        {k: float(v) for k, v in data["thresholds"].items()},
    )


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given name -> "m"/"f" (``data/coref/given_names.txt``, built by
    scripts/build_given_names.py); empty when the file is missing."""
    try:
        raw = (files("according") / "data" / "coref" / "given_names.txt").read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError):
        return {}
    out: dict[str, str] = {}
    for line in raw.splitlines():
        if line[:2] in ("m ", "f "):
            out[line[2:]] = line[0]
    return out


def name_gender(name_words: list[str]) -> str | None:
    """The typical gender of a person's first name word, if the table knows it."""
    return given_names().get(name_words[0]) if name_words else None


class _Weights:
    """A weights dict's lookups for :func:`_z`, done once per model instead of once per
    candidate: the fixed features' weights (None when absent) and the keyed ones (sentence
    distance, rank, kind, class and label) in tables, their key strings built once per value."""

    def __init__(self, weights: dict[str, float]):
        get = weights.get
        self.weights = weights
        # the features of fixed name, in _z's order (feature names, not English word data)
        fixed = (
            "bias",
            "log_tokens",
            "subject",
            "main_subject",
            "parallel",
            "log_count",
            "log_total",
            "gender_match",
            "name_gender_match",
            "same_paragraph",
            "cand_in_quote",
            "quote_speaker",
            "last_speaker",
            "first_person",
            "described",
            "recent_subject",
            "spoke",
            "shaky",
            "possessive_subject",
            "pron_in_quote",
        )
        self.fixed = tuple(get(k) for k in fixed)
        self.sent = tuple(get(f"sent_{k}") for k in range(5))
        self.rank = tuple(get(f"rank_{k}") for k in range(4))
        self.kind: dict[str, float | None] = {}
        # class -> (label -> weight, plural's weight, rank0's weight)
        self.cls: dict[str, tuple[dict[str, float | None], float | None, float | None]] = {}

    def of_kind(self, kind: str) -> float | None:
        try:
            return self.kind[kind]
        except KeyError:
            w = self.kind[kind] = self.weights.get(f"kind_{kind}")
            return w

    def of_class(self, cls: str) -> tuple[dict[str, float | None], float | None, float | None]:
        known = self.cls.get(cls)
        if known is None:
            known = self.cls[cls] = ({}, self.weights.get(f"{cls}_plural"), self.weights.get(f"{cls}_rank0"))
        return known


_TABLES: list[_Weights] = []  # the last weights dict's tables (held, so its id is not reused)


def _tables(weights: dict[str, float]) -> _Weights:
    if not _TABLES or _TABLES[0].weights is not weights:
        _TABLES[:] = [_Weights(weights)]
    return _TABLES[0]


def _z(weights: dict[str, float], site: PronounSite, c: Candidate) -> float:
    """``logistic``'s sum for ``features(site, c)``, bit for bit, without building the dict: the
    same terms added in the same order; a feature without a weight, or of value 0.0 (its term
    +-0.0 leaves the sum as it is), adds nothing; a value of 1.0 adds its weight itself. (The
    pronoun ranker scores ~20 candidates per pronoun: the dicts were a third of its cost.) The
    weights are looked up once per model (:class:`_Weights`), not per candidate."""
    t = _tables(weights)
    (
        w_bias,
        w_log_tokens,
        w_subject,
        w_main_subject,
        w_parallel,
        w_log_count,
        w_log_total,
        w_gender_match,
        w_name_gender_match,
        w_same_paragraph,
        w_cand_in_quote,
        w_quote_speaker,
        w_last_speaker,
        w_first_person,
        w_described,
        w_recent_subject,
        w_spoke,
        w_shaky,
        w_possessive_subject,
        w_pron_in_quote,
    ) = t.fixed
    z = 0.0
    subject = c.subject
    if w_bias is not None:
        z += w_bias
    w = t.sent[min(c.sent_distance, 4)]
    if w is not None:
        z += w
    if w_log_tokens is not None:
        z += w_log_tokens * (math.log1p(c.token_distance) / 5)
    if subject and w_subject is not None:
        z += w_subject
    if c.main_subject and w_main_subject is not None:
        z += w_main_subject
    if subject and site.subject and w_parallel is not None:
        z += w_parallel
    w = t.of_kind(c.kind)
    if w is not None:
        z += w
    if w_log_count is not None:
        z += w_log_count * math.log1p(c.count)
    if w_log_total is not None:
        z += w_log_total * math.log1p(c.total)
    labels, w_plural, w_rank0 = t.of_class(site.cls)
    w = t.rank[min(c.rank, 3)]
    if w is not None:
        z += w
    # the ten yes/no features, in the features' order (written out: a tuple of pairs built per
    # candidate cost more than the tests)
    if c.gender_match and w_gender_match is not None:
        z += w_gender_match
    if c.name_gender_match and w_name_gender_match is not None:
        z += w_name_gender_match
    if c.same_paragraph and w_same_paragraph is not None:
        z += w_same_paragraph
    if c.in_quote and w_cand_in_quote is not None:
        z += w_cand_in_quote
    if c.pronoun_quote_speaker and w_quote_speaker is not None:
        z += w_quote_speaker
    if c.last_speaker and w_last_speaker is not None:
        z += w_last_speaker
    if c.first_person and w_first_person is not None:
        z += w_first_person
    if c.described and w_described is not None:
        z += w_described
    if c.recent_subject and w_recent_subject is not None:
        z += w_recent_subject
    if c.spoke and w_spoke is not None:
        z += w_spoke
    try:
        w = labels[c.label]
    except KeyError:
        w = labels[c.label] = weights.get(f"{site.cls}_label_{c.label}")
    if w is not None:
        z += w
    if c.plural and w_plural is not None:
        z += w_plural
    if c.shaky and w_shaky is not None:
        z += w_shaky
    if c.rank == 0 and w_rank0 is not None:
        z += w_rank0
    if site.possessive and subject and w_possessive_subject is not None:
        z += w_possessive_subject
    if site.in_quote and w_pron_in_quote is not None:
        z += w_pron_in_quote
    return z


def probability(model: Model, site: PronounSite, c: Candidate) -> float:
    """``model.probability(features(site, c))``, computed without the features' dict (see _z)."""
    z = _z(model.weights, site, c)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def best(model: Model, site: PronounSite, cands: list[Candidate]) -> tuple[str, float] | None:
    """The highest-scoring candidate entity and its probability."""
    top: tuple[str, float] | None = None
    for c in cands:
        pr = probability(model, site, c)
        if top is None or pr > top[1]:
            top = (c.entity, pr)
    return top
