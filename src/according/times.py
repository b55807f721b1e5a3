"""Times: placeholder stage (filled by the issue on figures, times, places and events)."""
from __future__ import annotations

from .pipeline import Work, stage


@stage("times", requires=("parse", "meta",), assigns=("times",))
def find_times(work: Work) -> dict:
    return {"times": ()}
