"""The two ends of a range of days keep their order ("from January 23 through March 9").

A month-day without a year is resolved on its own, by the tense of its clause
(``grammar._calendar``): in "The exhibit is to run from January 23 through March 9",
published 28 January 2014, the future tense sends both days ahead, and January 23 becomes
2015-01-23, after its own end (2014-03-09). A range's start lies on or before its end
(TimeML values each end as its own DATE; the range is what fixes their years): when the
two ends come out reversed and one of them had no year in the text, that one moves a year
toward the other, the one farther from publication first when neither had a year. Found
on GUM's Wikinews articles (``scripts/eval_times_gum.py --census``); MEANTIME's annotated
region has no range of two month-days.
"""

from __future__ import annotations

import re
from datetime import date

from ..lang.time_ranges import RANGE_CONNECTORS
from .grammar import Found

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YEAR_IN_TEXT = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)")
_CONNECTOR = re.compile(r"^[^\S\n]*(\S+)[^\S\n]*$")


def order_range_ends(text: str, found: list[Found], dct: date | None) -> list[Found]:
    """``found`` (sorted by offset) with reversed range ends put in order (see the module)."""
    if dct is None:
        return found
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        gap = _CONNECTOR.match(text[a.end : b.start])
        if gap is None or gap.group(1).lower() not in RANGE_CONNECTORS:
            continue
        da, db = _day(a), _day(b)
        if da is None or db is None or da <= db:
            continue
        a_free = not _YEAR_IN_TEXT.search(text[a.start : a.end])
        b_free = not _YEAR_IN_TEXT.search(text[b.start : b.end])
        move_a = a_free and (not b_free or abs((da - dct).days) >= abs((db - dct).days))
        if move_a:
            moved = _shift_year(da, -1)
            if moved is not None and moved <= db:
                out[i] = Found(a.start, a.end, a.type, moved.isoformat(), a.kind)
        elif b_free:
            moved = _shift_year(db, 1)
            if moved is not None and da <= moved:
                out[i + 1] = Found(b.start, b.end, b.type, moved.isoformat(), b.kind)
    return out


def _day(f: Found) -> date | None:
    m = _DAY.match(f.value or "") if f.type == "DATE" else None
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _shift_year(d: date, k: int) -> date | None:
    try:
        return d.replace(year=d.year + k)
    except ValueError:  # 29 February
        return None
