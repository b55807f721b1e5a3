"""Words that put what a sentence reports in the past, far from the article's present (used by
events/recency.py): "ten years ago", "decades ago". English only."""

from __future__ import annotations

# plural spans of time before "ago": "years ago", "two decades ago" (a year or months ago is recent)
LONG_AGO_UNITS = frozenset({"years", "decades", "centuries", "generations"})
AGO = "ago"
