"""Places: placeholder stage (filled by the issue on figures, times, places and events)."""
from __future__ import annotations

from .pipeline import Work, stage


@stage("places", requires=("parse", "entities",), assigns=("places",))
def find_places(work: Work) -> dict:
    return {"places": ()}
