"""Events: placeholder stage (filled by the issue on figures, times, places and events)."""
from __future__ import annotations

from .pipeline import Work, stage


@stage("events", requires=("parse", "entities", "figures", "times", "places",), assigns=("events",))
def find_events(work: Work) -> dict:
    return {"events": ()}
