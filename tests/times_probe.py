"""The value the times stage gives one phrase of a hand-written text: shared by the tests of
weekdays said and weekdays ahead (test_times_reported.py, test_times_ahead.py)."""

from __future__ import annotations

from datetime import date

from according.nlp import parse
from according.times import extract


def time_value(text: str, phrase: str, published: date) -> str:
    """The resolved value of the time expression whose words are ``phrase``; fails if none is."""
    found, _ = extract(text, parse(text), published)
    for t in found:
        if t.span.text == phrase:
            return t.value
    raise AssertionError(f"{phrase!r} not found in {[t.span.text for t in found]}")
