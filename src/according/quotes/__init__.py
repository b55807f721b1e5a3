"""Quotes: placeholder until the attribution stage lands."""
from __future__ import annotations

from ..pipeline import Work, stage


@stage("quotes", requires=("parse", "entities", "furniture"), assigns=("quotes", "entities"))
def find_quotes(work: Work) -> dict:
    return {"quotes": ()}
