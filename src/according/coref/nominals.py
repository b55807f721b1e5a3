"""The learned antecedent ranker for definite descriptions.

A logistic model (weights in ``data/coref/nominals.json``, rebuilt byte for byte by
``scripts/train_nominals.py`` from the unsealed GUM Wikinews documents) scores each
candidate entity of a description (:mod:`.descriptions`) from: whether the head noun is
a word (or the head word) of the entity's name or one of its role nouns; whether the
head's kind (organisation, place, person noun) suits the entity's type, and whether a
country / city / region / team head matches what the gazetteer says the place is (or
that it is a body), also as "the first such entity"; how many of the description's
modifiers the article used of the entity; log sentence distance, log recency rank, log
mention count; parallel subjects; number; a restricting complement; "this"/"that".
The best candidate wins when its probability reaches the
model's threshold (chosen by the training script out of fold, right links minus wrong
ones, a description that refers to nothing counting as wrong when linked).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .ranker import logistic, packaged_weights

if TYPE_CHECKING:
    from .descriptions import DescriptionSite, NominalCandidate


def features(site: DescriptionSite, c: NominalCandidate) -> dict[str, float]:
    """Feature values of one (description, candidate entity) pair."""
    label = "PLACE" if c.label in ("GPE", "LOC", "FAC") else c.label
    kind = (
        "org" if site.kind_org else "place" if site.kind_place else "person" if site.kind_person else "other"
    )
    return {
        "bias": 1.0,
        f"kind_{kind}_label_{label}": 1.0,
        "suits": float(c.suits),
        "suits_first": float(c.suits and c.label_rank == 0),
        "kind_match": float(c.kind_match),
        "kind_clash": float(c.kind_clash),
        "kind_match_first": float(c.kind_match and c.match_rank == 0),
        "head_in_name": float(c.head_in_name),
        "head_is_name_head": float(c.head_is_name_head),
        "head_in_roles": float(c.head_in_roles),
        "modifiers_known": c.modifiers_known,
        "modifiers_unknown": float(bool(site.modifiers) and c.modifiers_known == 0.0),
        "modifier_in_name": float(c.modifier_in_name),
        "log_sent_distance": math.log1p(c.sent_distance),
        "log_rank": math.log1p(c.rank),
        "log_count": math.log1p(c.count),
        "parallel_subject": float(c.subject and site.subject),
        "plural_clash": float(site.plural != c.plural and label == "PERSON"),
        "plural_desc": float(site.plural),
        "restricted": float(site.restricted),
        "demonstrative": float(site.demonstrative),
        "proper_head": float(site.proper_head),
    }


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    threshold: float

    def probability(self, feats: dict[str, float]) -> float:
        return logistic(self.weights, feats)


@lru_cache(maxsize=1)
def load_model() -> Model | None:
    """The packaged ranker, or None when the weights file is missing (the rules still run)."""
    data = packaged_weights("nominals.json")
    if data is None:
        return None
    return Model({k: float(v) for k, v in data["weights"].items()}, float(data["threshold"]))


def best(model: Model, site: DescriptionSite, cands: list[NominalCandidate]) -> tuple[str, float] | None:
    """The highest-scoring candidate entity and its probability."""
    top: tuple[str, float] | None = None
    for c in cands:
        pr = model.probability(features(site, c))
        if top is None or pr > top[1]:
            top = (c.entity, pr)
    return top
