"""Figures: placeholder stage (filled by the issue on figures, times, places and events)."""
from __future__ import annotations

from .pipeline import Work, stage


@stage("figures", requires=("parse", "quotes", "times", "places",), assigns=("figures",))
def find_figures(work: Work) -> dict:
    return {"figures": ()}
