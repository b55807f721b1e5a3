"""Speaker resolution: placeholder until the speakers stage lands."""
from __future__ import annotations

from ..pipeline import Work, stage


@stage("speakers", requires=("quotes", "entities", "parse"), assigns=("quotes", "entities"))
def resolve_speakers(work: Work) -> dict:
    return {}
