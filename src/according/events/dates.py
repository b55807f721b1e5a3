"""An event's date: the date the text gives for it, with ACLED's time_precision (1 day, 2 week, 3 month).

* The DATE expressions the times stage resolved in the trigger's ';'-clause, then in its sentence:
  the first with a day (or a TIME naming a day's part: "Wednesday afternoon"), else the finest
  (a week is coded on its first day, a month on its first day, as ACLED codes them); then an
  "On 12 February 2024" the times stage missed.
* Without one, the publication day only where the text reports the event as news of now: a
  present-tense, progressive or present-perfect clause ("protesters are marching", "strikes have
  killed 12"), a headline, a clause without a verb. A past-tense clause with no date ("police
  fired tear gas") reports an event the text does not date: the date is unknown (null, no
  precision), never the publication day, which would be wrong for older events reported later.
* Neighbouring sentences lend no date: on MEANTIME's gold TIMEX3s, where a sentence and the one
  before it each hold one day- or week-precise date, the two agree in 4 of 8 pairs (tuned part)
  and 4 of 8 (sealed part): a neighbour's date is as often another event's.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..figures import publication_day
from ..lang.calendar import MONTH_NAMES
from ..pipeline import Work
from .clauses import clause_of

MONTHS = {m: k for k, m in enumerate(MONTH_NAMES, 1)}
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r"),? (\d{4})\b", re.I)
# a TIME that names a day and a part of it ("Wednesday afternoon" = 2025-03-12TAF) dates the event as a
# DATE does; a clock time ("4:05 p.m.") does not (the times stage anchors it to a day it may only guess)
DAY_PART = re.compile(r"^\d{4}-\d{2}-\d{2}T[A-Z]{2}$")
_MONTH_DAY_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{1,2}),? (\d{4})\b", re.I)


@dataclass(frozen=True, slots=True)
class EventDate:
    """An event's date (ISO day or None when the text gives none) and ACLED time_precision."""

    day: str | None
    precision: int | None


UNKNOWN = EventDate(None, None)


def text_date(work: Work, start: int, end: int) -> EventDate | None:
    """The date the text gives in characters start..end, or None when it gives none."""
    best: EventDate | None = None
    for t in work.times:
        if not (start <= t.span.start and t.span.end <= end):
            continue
        v = t.value.upper()
        if t.type == "DATE" or (t.type == "TIME" and DAY_PART.match(v)):
            prec = (
                1
                if re.match(r"^\d{4}-\d{2}-\d{2}", v)
                else 2
                if re.match(r"^\d{4}-W\d{2}$", v)
                else 3
                if re.match(r"^\d{4}-\d{2}$", v)
                else None
            )
            found = _first_day(v, prec) if prec is not None else None
            if found is not None and (best is None or (found.precision or 0) < (best.precision or 0)):
                best = found
            if best is not None and best.precision == 1:
                break
    if best is not None:
        return best
    seg = work.text[start:end]
    m = _DAY_MONTH_YEAR.search(seg)
    if m:
        return _first_day(f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}", 1)
    m = _MONTH_DAY_YEAR.search(seg)
    if m:
        return _first_day(f"{m.group(3)}-{MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}", 1)
    return None


def _first_day(value: str, precision: int) -> EventDate | None:
    """A DATE value of the given precision as ACLED codes it: the day; a week on its Monday, a month
    on its first day (as ACLED codes them). None for an impossible date ("2021-W53", "2024-13")."""
    try:
        if precision == 2:
            y, w = value[:8].split("-W")
            return EventDate(datetime.date.fromisocalendar(int(y), int(w), 1).isoformat(), 2)
        if precision == 3:
            return EventDate(datetime.date(int(value[:4]), int(value[5:7]), 1).isoformat(), 3)
        return EventDate(datetime.date.fromisoformat(value[:10]).isoformat(), 1)
    except ValueError:
        return None


def clause_tense(p, k: int) -> str | None:
    """'past', 'present' or None (no finite verb: a headline fragment, a noun phrase) for the clause
    of token k. A participle ("..., killing 5", "wounded in the attack") takes the tense of the verb
    it hangs on; "has/have" + participle is present (news of now), "had"/"was"/"did" + verb past."""
    toks = p.toks
    v = clause_of(p, k)
    for _ in range(4):
        t = toks[v]
        aux = [toks[c] for c in p.children[v] if toks[c].dep in ("aux", "auxpass")]
        if aux or t.tag not in ("VBG", "VBN") or t.head == v or toks[t.head].pos not in ("VERB", "AUX"):
            break
        v = t.head
    t = toks[v]
    if t.pos not in ("VERB", "AUX"):
        return None
    if any(a.lemma.lower() == "have" and a.tag in ("VBZ", "VBP") for a in aux):
        return "present"
    if any(a.tag == "VBD" for a in aux):
        return "past"
    if any(a.tag in ("VBZ", "VBP") for a in aux):
        return "present"
    if t.tag == "VBD":
        return "past"
    if t.tag in ("VBZ", "VBP"):
        return "present"
    return None


def event_date(
    work: Work, trigger: int | None, clause: tuple[int, int], sentence: tuple[int, int]
) -> EventDate:
    """The date of the event whose trigger is token ``trigger``: the text's date in the trigger's
    clause, then its sentence; else the publication day if the clause reports news of now; else
    unknown (see the module docstring)."""
    found = text_date(work, *clause) or (text_date(work, *sentence) if clause != sentence else None)
    if found is not None:
        return found
    day = publication_day(work)
    if day is None:
        return UNKNOWN
    if trigger is not None and clause_tense(work.parse, trigger) == "past":
        return UNKNOWN
    return EventDate(day, 1)


def semicolon_clause(work: Work, start: int, end: int, at: int) -> tuple[int, int]:
    """The ';'-delimited part of characters start..end that holds offset ``at``."""
    cuts = [start] + [m.start() for m in re.finditer(";", work.text[start:end])] + [end]
    cuts = [start] + [start + c for c in cuts[1:-1]] + [end]
    for x, y in zip(cuts, cuts[1:]):
        if x <= at < y:
            return x, y
    return start, end
