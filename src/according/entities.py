"""Entities: placeholder until the entity stage lands."""
from __future__ import annotations

from .pipeline import Work, stage


@stage("entities", requires=("parse",), assigns=("entities", "mentions"))
def find_entities(work: Work) -> dict:
    return {"entities": (), "mentions": ()}
