"""Old news: a sentence of an article that recalls an event dated long before the article's present
("In 1993, radical Islamists bombed the World Trade Center", "Ten years ago, a gunman entered his
church") reports no event now. ACLED codes an event when it happens; a recollection in a later
article is not a new one, and giving it the article's date would put it on the wrong day.

The article's present is its publication day, else the latest month or day its own dates name (a
text without a publication date still dates its news: "July 2008" in a story about 2008; a bare
year may be a plan, "by 2030", so it does not set the present). A sentence is
old news when it holds at least one date more than OLD_DAYS before that present (or "N years ago")
and no date that is not (a weekday, "yesterday", "now", a day of the present year): "Protesters
marched on Friday, as they did in 2010" is news of now.
"""

from __future__ import annotations

import datetime
import re

from ..figures import publication_day
from ..lang.event_recency import AGO, LONG_AGO_UNITS
from ..pipeline import Work

# ACLED codes events within days of their happening; a year is far beyond any reporting delay, and
# a sentence dated within the year before publication may still be the news ("in January", "last
# month"). Not tuned: the shortest gap that cannot be a late report.
OLD_DAYS = 365
_YEAR = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _last_day(value: str) -> datetime.date | None:
    """The last day a DATE value can mean ("1993" -> 1993-12-31, "2008-01" -> 2008-01-31), or None
    when it names no year ("XXXX-WXX-3", "PAST_REF")."""
    m = _YEAR.match(value)
    if m is None:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            return datetime.date(year, int(m.group(2)), int(m.group(3)))
        if m.group(2):
            month = int(m.group(2))
            nxt = datetime.date(year + month // 12, month % 12 + 1, 1)
            return nxt - datetime.timedelta(days=1)
        return datetime.date(year, 12, 31)
    except ValueError:
        return None


def _present(work: Work) -> datetime.date | None:
    """The article's present: its publication day, else the latest day its own dates name."""
    pub = publication_day(work)
    if pub is not None:
        return datetime.date.fromisoformat(pub)
    days = [
        d
        for t in work.times
        if t.type == "DATE" and re.match(r"^\d{4}-\d{2}", t.value) and (d := _last_day(t.value)) is not None
    ]  # a month or a day: a bare year may be a plan ("by 2030"), not the story's time
    return max(days) if days else None


def _long_ago(work: Work, start: int, end: int) -> bool:
    """Does characters start..end end in "<plural unit> ago" ("years ago", "two decades ago")?"""
    words = work.text[start : min(len(work.text), end + 4)].lower().split()
    return any(a in LONG_AGO_UNITS and b.strip(".,;") == AGO for a, b in zip(words, words[1:]))


def old_news(work: Work, start: int, end: int) -> bool:
    """Does characters start..end (a sentence) report only something dated long before the article's
    present (see the module docstring)?"""
    present = _present(work)
    old = False
    for t in work.times:
        if t.type != "DATE" or not (start <= t.span.start and t.span.end <= end):
            continue
        day = _last_day(t.value)
        if day is None:
            if not _long_ago(work, t.span.start, t.span.end):
                return False  # a weekday, "yesterday", "now": news of now
            old = True
        elif present is not None and (present - day).days > OLD_DAYS:
            old = True
        else:
            return False
    return old
