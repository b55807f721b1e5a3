"""Quotes: placeholder until the attribution stage lands."""
from __future__ import annotations

from ..pipeline import Work, stage
from . import speakers as _speakers  # noqa: F401  (registers the "speakers" stage)


@stage("quotes", requires=("parse", "furniture"), assigns=("quotes",))
def find_quotes(work: Work) -> dict:
    return {"quotes": ()}
