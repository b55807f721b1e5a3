"""An event's date: the DATE expression of its text (times stage), ACLED's time_precision."""

from __future__ import annotations

import re

from ..figures import publication_day
from ..lang.calendar import MONTH_NAMES
from ..pipeline import Work

MONTHS = {m: k for k, m in enumerate(MONTH_NAMES, 1)}
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r"),? (\d{4})\b", re.I)
_MONTH_DAY_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{1,2}),? (\d{4})\b", re.I)


def event_date(work: Work, start: int, end: int) -> tuple[str | None, int | None]:
    best = None
    for t in work.times:
        if t.type == "DATE" and start <= t.span.start and t.span.end <= end:
            v = t.value.upper()
            prec = (
                1
                if re.match(r"^\d{4}-\d{2}-\d{2}", v)
                else 2
                if re.match(r"^\d{4}-W\d{2}$", v)
                else 3
                if re.match(r"^\d{4}-\d{2}$", v)
                else None
            )
            if prec is not None and (best is None or prec < best[1]):
                best = (v[:10] if prec == 1 else v, prec)
            if prec == 1:
                break
    if best is not None:
        if best[1] == 2:  # ACLED codes a week-precise event on the week's first day
            y, w = best[0].split("-W")
            import datetime

            return datetime.date.fromisocalendar(int(y), int(w), 1).isoformat(), 2
        if best[1] == 3:
            return best[0] + "-01", 3
        return best
    seg = work.text[start:end]
    m = _DAY_MONTH_YEAR.search(seg)
    if m:
        return f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}", 1
    m = _MONTH_DAY_YEAR.search(seg)
    if m:
        return f"{m.group(3)}-{MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}", 1
    day = publication_day(work)
    return (day, 1) if day else (None, None)


def semicolon_clause(work: Work, start: int, end: int, at: int) -> tuple[int, int]:
    cuts = [start] + [m.start() for m in re.finditer(";", work.text[start:end])] + [end]
    cuts = [start] + [start + c for c in cuts[1:-1]] + [end]
    for x, y in zip(cuts, cuts[1:]):
        if x <= at < y:
            return x, y
    return start, end
