"""Times stage: temporal expressions normalised to TIMEX3 values.

Handwritten rules (``grammar.py``: calendar dates, months; ``years.py``: years,
decades, seasons, quarters, holidays; ``relative.py``: weekdays, "yesterday",
"last month", "20 years ago", durations, sets; ``references.py``: clock times,
"now"/"recently", "that day", "the next day";
``periods.py``: the first number of a duration range, "the year-earlier
quarter", "year-end", "late in the day") run
over the text, each only in windows around its trigger words
(``grammar.TRIGGERS``: the same matches as a full scan, at a fraction of the
cost; a trigger none of whose words is in the text is not scanned at all,
``grammar.TRIGGER_NEEDLES``; a rule whose cased letters are all in ``(?i:...)`` word lists is
scanned over the lower-cased text without the ``(?i)``, the same matches at a third to half the cost,
``folding.py``: the times stage's CPU -13%); overlapping matches are resolved longest-first. The parse is
consulted for the tense of the verb an expression attaches to
(``resolve.governing_tense``) and for the word class before "a year"/"one day".

Conventions (TimeML/TempEval-3, checked against MEANTIME gold):
- extents leave prepositions out and keep determiners and modifiers in
  ("on [Monday]", "[the past four days]", "[more than 20 years ago]",
  "[early Monday]", "[earlier Friday]"); a possessive "'s" stays out, and so
  does the determiner of a noun a duration modifies ("the [30-second] spot");
- a weekday without "next"/"last" is the most recent such day on or before
  publication (news reports the past), the next one on or after it when the
  verb is future ("will meet", "is set to begin", modal: not a negated "would" / "could" in a main
  clause, "could not be reached for comment Saturday" is the past) or a present-tense
  event verb outside a headline ("talks resume Friday"), or after
  "until"/"before" (unless told in the simple past: "markets were closed
  until Friday" is the Friday gone), when a present "is" gives it to its
  subject ("the deadline is Friday"), or when a word on its way to the verb
  looks ahead ("investors await Friday's report", "an expected announcement
  Friday", through a "to" infinitive: "voters expect Clinton to win Monday's
  debate"; ``lang.times.FORWARD_LOOKING``) in a clause not told in the past; a possessive day in a
  "will" clause ("Monday's decision will reverberate") is the nearest such day; a day in a present
  condition ("if he follows up with a victory on Saturday") is ahead;
  in the complement of a past-tense verb that names its own day ("said Friday it
  would raise rates on Monday") the day is counted from that day, not from
  publication (``resolve.reported_weekday``), unless told with "will" and so coming out
  more than a day before publication ("said Thursday the results will be out Saturday"); a present-tense reporting verb with a
  noun object schedules ("the company reports earnings Thursday"), "X says Monday"
  reports the past;
  a day "ahead of" something ("ahead of Sunday's election", "ahead of voting Tuesday") is on or after
  publication, or after the clause's own day told in the past ("deployed on Monday ahead of Thursday's
  march"), or planned "for" by a plan still standing ("the vote is set for Sunday", "has been scheduled
  for Monday"); a day planned "for" ("a rally slated for Wednesday", "qualified for Tuesday's debate"), a plan
  seen from the past ("was to arrive on Monday", "was scheduled to leave late Tuesday", "sought to
  appeal to voters on Tuesday") and "earlier / later Monday" (the day the story was
  written) are the nearest such day either side; "beginning / starting Friday" has its clause's tense
  (``lang.times.AHEAD_OF_DAY_RE``, ``PLANNED_FOR_DAY_RE``; read on PolNeAR train's weekdays, issue 9);
  "Monday morning" and "the morning of Monday" are ``...TMO`` (TIME), also in capitals after "on" where the
  parser reads a title ("on Saturday Night as crowds came"; not "Saturday Night Live");
  a bare verb after "and" has its own tense ("were closed Monday and reopen Tuesday");
- a month or month-day without a year: the last one (past tense), the next
  one (future, or a present-tense day: "takes effect Jan. 1"; a date an event
  was postponed or delayed to, told in the past: "was postponed until Nov. 14"),
  else the nearest (also for a plan told in the past: "was scheduled for Jan. 5") ("Ramadan in March" in February is this March; "late November" is
  last November);
- the ends of a range of days keep their order: a year-less end that comes out after
  (before) the other moves a year ("is to run from January 23 through March 9",
  ``ranges.py``); a year over 30 years ahead is a year only after a preposition ("by 2050");
- "20 years ago" keeps the unit's precision (a year); "a week ago" is a day;
  "48 hours ago" is a day (whole days only: the publication date has no time),
  "20 minutes later" FUTURE_REF with its number in the extent;
  "a year earlier" after a month or quarter keeps its precision ("2011-Q4");
- clock times take the day of the nearest day-precise date in their sentence
  (else publication); UTC/GMT add ``Z``; other zones are not converted
  ("2:21 p.m. EST" is ``2024-02-14T14:21``);
- "a year" after a number or noun is a SET rate ("15 a year"), else a
  DURATION; "annual" is DURATION P1Y (MEANTIME's majority), "every week",
  "weekly" SET;
- ages are durations as TimeML says ("26-year-old", "26 years old": P26Y),
  "aged 26" (no unit) is not tagged; "currently" is PRESENT_REF (TimeML;
  MEANTIME's annotated region tags 2 of 7: a small cost there, kept for the
  fully annotated TempEval-3-style target), "(very) soon" FUTURE_REF, the
  adjective "recent" PAST_REF (MEANTIME 3 of 4);
- "last fall" told during the fall is the one a year before, "next fall" the
  one after (a season already begun is neither the last nor the next);
- holidays: fixed ones and those computable from the calendar (Easter and
  the days counted from it, Thanksgiving, Memorial Day, the US "Election Day"
  in capitals, ...); lunar ones (Ramadan, Eid) are not tagged; "USA Today"
  and the "Today show" are no dates;
- "the next day", "that year", "two years later", "the same period last
  year", "the year-earlier quarter", "the year before.", "that night", and
  "the next month" told in the past ("The next month, the government stepped
  in"; "over the next month" is a duration) count from the calendar value
  last mentioned (else publication).

Reference date: ``meta.published`` (its date part). Without one, only absolute
values are given ("March 2023", "2024-02-14"); weekdays and month names get
TIMEX3 underspecified values ("XXXX-WXX-3", "XXXX-03"), and expressions that
only make sense against a date ("yesterday", "last month") are left out, with
one ``errors`` entry saying how many. Impossible dates ("February 30") keep
the month and get an ``errors`` entry.

For other stages: ``work.times`` is sorted by offset, and
:func:`time_near` gives the time expression nearest a character span in the
same sentence; :func:`value_date` turns a value into a date and a precision.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from datetime import date

from ..ingest.headlines import HeadlineLines
from ..ingest.metadata import published_date
from ..lang.times import PART_OF_DAY
from ..model import Span, TimeExpr
from ..pipeline import Work, stage
from . import folding
from . import periods as _periods  # noqa: F401  (registers its rules)
from . import relative as _relative  # noqa: F401  (registers its rules)
from .grammar import CASED_TRIGGERS, RULES, TRIGGER_NEEDLES, TRIGGER_REACH, TRIGGERS, Ctx, Found
from .ranges import order_range_ends
from .resolve import (
    add_months,
    ahead_of_day,
    clause_tense,
    clause_weekday,
    governing_tense,
    looks_ahead,
    reported_weekday,
    shift_value,
)

__all__ = ["find_times", "extract", "time_near", "value_date", "reference_date"]

_TRIGGERS = {name: re.compile(p) for name, p in TRIGGERS.items()}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_CALENDAR = re.compile(r"^\d{4}(?:$|-(?:\d{2}|W\d{2}|Q[1-4]|H[12]))")
_COARSE = re.compile(r"^\d{4}-(?:\d{2}|W\d{2}|Q[1-4]|H[12])$")
_SKIP_FURNITURE = {"read_time"}
# bare month / weekday / season / holiday names inside a person or work title ("June Carter") are names
_NAME_RULES = {"month", "weekday", "season", "set_adverb"}
_NAME_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "EVENT", "LAW"}


def reference_date(meta) -> date | None:
    iso = published_date(meta)
    if not iso:
        return None
    try:
        return date.fromisoformat(iso)
    except ValueError:
        return None


@stage("times", requires=("parse", "meta"), assigns=("times",))
def find_times(work: Work) -> dict:
    dct = reference_date(work.meta)
    skip = [(f.start, f.end) for f in work.furniture if f.kind in _SKIP_FURNITURE]
    failures: list[str] = []
    times, problems = extract(work.text, work.parse, dct, skip=skip, failures=failures)
    for failure in failures:
        work.fail("times", failure)
    for problem in problems:
        work.note("times", problem)
    return {"times": tuple(times)}


def extract(
    text: str, parse, dct: date | None, skip=(), failures: list[str] | None = None
) -> tuple[list[TimeExpr], list[str]]:
    """All time expressions of ``text`` (sorted by offset) and the problems met (a rule that
    failed on an expression goes to ``failures`` when it is given, else with the problems)."""
    starts = parse._starts if parse is not None else []  # cached on the Parse (shared with time_near)

    def tok_range(s: int, e: int):
        a = bisect.bisect_left(starts, s)
        if a > 0 and parse.toks[a - 1].end > s:
            a -= 1
        b = bisect.bisect_left(starts, e) - 1
        return (a, b) if 0 <= a <= b < len(starts) else None

    def tense(s: int, e: int, perfect_is_past: bool = True):
        r = tok_range(s, e)
        if r is None:
            return None
        return governing_tense(parse, r[0], r[1], headline=is_headline(s), perfect_is_past=perfect_is_past)

    is_headline = HeadlineLines(text)  # in a headline the present tense reports the past

    def pos_before(pos: int) -> str:
        k = bisect.bisect_left(starts, pos) - 1
        return parse.toks[k].pos if k >= 0 else ""

    def noun_clause_tense(s: int, e: int, after_cue: bool = False):
        r = tok_range(s, e)
        return clause_tense(parse, r[0], r[1], after_cue) if r is not None and not is_headline(s) else None

    def forward(s: int, e: int) -> bool:
        r = tok_range(s, e)
        return r is not None and not is_headline(s) and looks_ahead(parse, r[0], r[1])

    def reported_day(s: int, e: int) -> tuple[int, bool] | None:
        r = tok_range(s, e)
        return reported_weekday(parse, r[0], r[1]) if r is not None and not is_headline(s) else None

    def own_day(s: int, e: int) -> tuple[int, bool] | None:
        r = tok_range(s, e)
        return clause_weekday(parse, r[0], r[1]) if r is not None and not is_headline(s) else None

    def ahead_of(s: int, e: int) -> bool:
        r = tok_range(s, e)
        return r is not None and ahead_of_day(parse, r[0], r[1])

    ctx = Ctx(
        text, dct, tense, is_headline, pos_before, noun_clause_tense, forward, reported_day, own_day, ahead_of
    )
    cands: list[tuple[Found, str, int, tuple[str, ...]]] = []
    problems_dropped: list[str] = []
    low = text.lower()
    foldable = folding.foldable_text(text, low)
    windows: dict[str, list[tuple[int, int]]] = {}
    spans: list[tuple[int, int]] | None
    for order, (name, rx, handler) in enumerate(RULES):
        trig = _TRIGGERS.get(name)
        if trig is None or len(low) != len(text):  # lower() may change the length of odd scripts
            spans = [(0, len(text))]
        else:
            spans = windows.get(trig.pattern)
            if spans is None:
                scanned = text if trig.pattern in CASED_TRIGGERS else low
                needles = TRIGGER_NEEDLES.get(trig.pattern)
                if needles is not None and not any(needle in scanned for needle in needles):
                    spans = windows[trig.pattern] = []  # no hit without one of its words: no scan
                else:
                    spans = windows[trig.pattern] = _windows(trig, scanned)
        fold = _folded(name, rx) if foldable else None
        matches: Iterator[re.Match[str] | None]
        if fold is None:
            matches = (m for a, b in spans for m in rx.finditer(text, a, b))
        else:  # the same matches, found in the lower-cased text (folding.py), taken from the text
            matches = (rx.match(text, f.start(), b) for a, b in spans for f in fold.finditer(low, a, b))
        for m in matches:
            if m is None:  # (never: the two scans agree; see folding.py)
                continue
            n_before = len(ctx.problems)
            try:
                f = handler(m, ctx)
            except Exception as exc:  # noqa: BLE001 - one odd expression costs only itself
                (ctx.problems if failures is None else failures).append(
                    f"rule {name} failed on {m.group(0)!r} at {m.start()}: {exc!r}"
                )
                continue
            probs = tuple(ctx.problems[n_before:])
            del ctx.problems[n_before:]  # kept only if the expression survives the overlap resolution
            if f is None and probs:  # a dropped date-like string is reported
                problems_dropped.extend(probs)
            found_here = f if isinstance(f, list) else [f]
            for f in found_here:
                if f is None or f.end <= f.start or any(a < f.end and f.start < b for a, b in skip):
                    continue
                if name in _NAME_RULES and _in_name(parse, tok_range, f) and not _dated_day(text, f):
                    continue
                cands.append((f, name, order, probs))
    # longest first, then leftmost, then rule order: one expression per stretch of text
    cands.sort(key=lambda c: (-(c[0].end - c[0].start), c[0].start, c[2]))
    taken: list[Found] = []
    problems = list(ctx.problems) + problems_dropped
    occupied = bytearray(len(text))  # characters already in a chosen expression: linear, not pairwise
    for f, _name, _order, probs in cands:
        if any(occupied[f.start : f.end]):
            continue
        occupied[f.start : f.end] = b"\x01" * (f.end - f.start)
        taken.append(f)
        problems.extend(probs)
    taken.sort(key=lambda f: f.start)
    taken = order_range_ends(text, _part_of_a_day(text, _merge_clock_and_day(text, taken)), dct)
    out, unresolved = _anchor(text, parse, starts, taken, dct)
    if unresolved:
        problems.append(f"no publication date: {unresolved} relative time expression(s) left out")
    return out, problems


_FOLDED: dict[str, re.Pattern | None] = {}  # rule name -> its pattern for the lower-cased text


def _folded(name: str, rx: re.Pattern) -> re.Pattern | None:
    fold = _FOLDED.get(name, rx)
    if fold is rx:
        fold = _FOLDED[name] = folding.folded(rx)
    return fold


class _Hit(tuple):
    """(start, end) of a literal trigger hit, read as a match's ``start()`` and ``end()``."""

    def start(self) -> int:
        return self[0]

    def end(self) -> int:
        return self[1]


def _literal_hits(text: str, words: tuple[str, ...]) -> Iterator[_Hit]:
    """The hits of the alternation of plain ``words`` that ``re.finditer`` gives (the leftmost
    hit, of the first word in the pattern's order that starts there; the scan goes on after it),
    found by ``str.find`` per word (a substring search at C speed, where the regex tries the
    alternation at every position that starts one of the words): 0.43 -> 0.27 us of CPU per
    word for the plain word triggers over 200 PolNeAR articles."""
    nxt = [text.find(w) for w in words]
    sizes = [len(w) for w in words]
    pos = 0
    while True:
        best = -1
        for k, at in enumerate(nxt):
            if 0 <= at < pos:
                at = nxt[k] = text.find(words[k], pos)
            if at >= 0 and (best < 0 or at < nxt[best]):
                best = k
        if best < 0:
            return
        at = nxt[best]
        pos = at + sizes[best]
        yield _Hit((at, pos))


# trigger patterns that are an alternation of plain words (no character with a meaning in a
# pattern): their hits are found by _literal_hits (a single word: the regex searches it as fast)
_LITERALS = {
    p: tuple(p.split("|"))
    for p in set(TRIGGERS.values())
    if "|" in p and all(w and not set(w) & set("\\.^$*+?{}[]()") for w in p.split("|"))
}


def _windows(trig: re.Pattern, low: str) -> list[tuple[int, int]]:
    """Stretches of the text to scan for a rule: TRIGGER_REACH either side of each trigger hit,
    merged when they come within TRIGGER_REACH of each other (so that no match is cut at an end)."""
    out: list[list[int]] = []
    n = len(low)
    words = _LITERALS.get(trig.pattern)
    hits = trig.finditer(low) if words is None else _literal_hits(low, words)
    for m in hits:
        a, b = max(0, m.start() - TRIGGER_REACH), min(n, m.end() + TRIGGER_REACH)
        if out and a <= out[-1][1]:
            out[-1][1] = b
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _in_name(parse, tok_range, f: Found) -> bool:
    if parse is None:
        return False
    r = tok_range(f.start, f.end)
    return r is not None and all(parse.toks[i].ent_type in _NAME_ENTS for i in range(r[0], r[1] + 1))


# "on Saturday Night as crowds gathered": a weekday and a part of the day after "on", with no capital
# after them, is a date even when the parser calls it a title ("on Saturday Night Live" stays a name;
# GUM Wikinews tuned part, the one weekday missed)
_DATED_DAY_BEFORE = re.compile(r"(?:^|\W)on\s+$", re.IGNORECASE)
_DATED_DAY_AFTER = re.compile(r"\s*(?:[^\w\s\"“”'‘’]|[a-z]|$)")


def _dated_day(text: str, f: Found) -> bool:
    """Is ``f`` a weekday with a part of the day ("Saturday Night") told as a date ("on ... as")?"""
    return (
        f.type == "TIME"
        and f.kind == "day"
        and _DATED_DAY_BEFORE.search(text, max(0, f.start - 4), f.start) is not None
        and _DATED_DAY_AFTER.match(text, f.end) is not None
    )


_PART_OF_A_DAY = re.compile(
    r"\b(?i:the)[^\S\n]+(?P<pod>(?i:morning|afternoon|evening|night))[^\S\n]+of[^\S\n]+$"
)


def _part_of_a_day(text: str, found: list[Found]) -> list[Found]:
    """ "the night of March 6", "the morning of Friday": one TIME, the day with its part
    (LGL tuned part: "on the night of March 6"; TimeML values it 2009-03-06TNI)."""
    out = []
    for f in found:
        m = _PART_OF_A_DAY.search(text, max(0, f.start - 24), f.start) if f.kind == "day" else None
        if m is not None and f.value and len(f.value) == 10 and _DAY.match(f.value):
            pod = PART_OF_DAY[m.group("pod").lower()]
            f = Found(m.start(), f.end, "TIME", f"{f.value}T{pod}", "day")
        out.append(f)
    return out


def _merge_clock_and_day(text: str, found: list[Found]) -> list[Found]:
    """ "12:00 UTC Monday", "16:00 UTC today": one TIME with the day's date."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if (
            b is not None
            and {a.kind, b.kind} == {"clock", "day"}
            and not text[a.end : b.start].strip()
            and "\n" not in text[a.end : b.start]
        ):
            clk, day = (a, b) if a.kind == "clock" else (b, a)
            if day.value and _DAY.match(day.value):
                out.append(Found(a.start, b.end, "TIME", day.value[:10] + clk.value, "day"))  # type: ignore[operator]
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _anchor(text, parse, starts, found: list[Found], dct: date | None):
    """Give clock times their day and anchored expressions ("the day", "two days
    later") their value; turn Found into TimeExpr."""

    def sent_of(pos: int) -> int:
        if parse is None or not starts:
            return 0
        k = max(0, bisect.bisect_right(starts, pos) - 1)
        return parse.toks[k].sent

    out, unresolved = [], 0
    seen: list[
        str
    ] = []  # resolved calendar values so far (text order): anchors for "the next day", "that year"
    days: dict[int, list[tuple[int, str]]] = {}  # sentence -> [(offset, day)]
    for f in found:
        if f.value and _DAY.match(f.value) and not _names_an_event(text, f):
            days.setdefault(sent_of(f.start), []).append((f.start, f.value[:10]))
    for f in found:
        value = f.value
        if f.kind == "clock" and value.startswith("T"):  # type: ignore[union-attr]  # (a clock has a value)
            day = _nearest(days.get(sent_of(f.start), []), f.start) or (
                dct.isoformat() if dct else "XXXX-XX-XX"
            )
            value = day + value  # type: ignore[operator]
        elif f.kind.startswith("sameperiod:"):
            # "the same period last year": the month / quarter last named (a day for "the same day"), a year back
            want = _PRECISION["D"] if f.kind.endswith(":day") else _COARSE
            base = next((v for v in reversed(seen) if want.match(v)), None)
            value = _year_back(base) if base else (f"{dct.year - 1:04d}" if dct else None)
        elif f.kind.startswith("anchored:"):
            _, n, unit, *part_of_day = f.kind.split(":")  # "anchored:1:D:MO": "the next morning"
            base = (seen[-1] if seen else None) if unit == "same" else _last_with(seen, unit.rstrip("P"))
            if unit == "YP" and seen and _COARSE.match(seen[-1]) and float(n).is_integer():
                # "rose 4% in the fourth quarter from a year earlier": the period last named, whole years
                # back, at its own precision (as "the same quarter a year earlier" would be)
                base = seen[-1]
                for _step in range(abs(int(float(n)))):
                    base = _year_back(base) if float(n) < 0 else f"{int(base[:4]) + 1:04d}{base[4:]}"
                seen.append(base)
                out.append(TimeExpr(span=Span.of(text, f.start, f.end), type=f.type, value=base))
                continue
            unit = "Y" if unit == "YP" else unit
            base = base or (dct.isoformat() if dct else None)
            if base is None:
                unresolved += 1
                continue
            value = base if unit == "same" else _shift_from(base, float(n), unit)
            if value is None:
                continue
            if part_of_day:
                value = f"{value[:10]}T{part_of_day[0]}"
        if value is None:
            unresolved += 1
            continue
        if _CALENDAR.match(value) and not _names_an_event(text, f):
            seen.append(value)
        out.append(TimeExpr(span=Span.of(text, f.start, f.end), type=f.type, value=value))
    return out, unresolved


_EVENT_NAME_AFTER = re.compile(
    r"(?:th)?,?[^\S\n]+(?:\d{4}[^\S\n]+)?(?i:terror|attack|hijack|memorial|plotter|commission)"
)


def _names_an_event(text: str, f: Found) -> bool:
    """ "9/11", "the September 11 attacks": the date names an event; it is not the time the story has
    reached, so "earlier in the day" after "the 9/11 plotter" is not 2001 (PolNeAR tune half)."""
    return f.value == "2001-09-11" and (
        text[f.start : f.end] == "9/11" or _EVENT_NAME_AFTER.match(text, f.end) is not None
    )


def _nearest(days: list[tuple[int, str]], pos: int) -> str | None:
    """The day of the entry nearest ``pos`` in a list sorted by offset (ties: the earlier)."""
    k = bisect.bisect_left(days, (pos, ""))
    cands = [days[j] for j in (k - 1, k) if 0 <= j < len(days)]
    return min(cands, key=lambda d: abs(d[0] - pos))[1] if cands else None


_PRECISION = {
    "D": re.compile(r"^\d{4}-\d{2}-\d{2}"),
    "W": re.compile(r"^\d{4}-(?:\d{2}-\d{2}|W\d{2})"),
    "M": re.compile(r"^\d{4}-\d{2}"),
    "Y": re.compile(r"^\d{4}"),
}


def _year_back(value: str) -> str:
    y = int(value[:4]) - 1
    if re.match(r"^\d{4}-02-29", value):
        return f"{y:04d}-02"  # no 29 February a year back: keep the month
    return f"{y:04d}{value[4:]}"


def _last_with(seen: list[str], unit: str) -> str | None:
    """The most recent value at least as fine as ``unit`` (a day for "the next day", a year for "that year")."""
    rx = _PRECISION.get(unit, _PRECISION["D"])
    for v in reversed(seen):
        if rx.match(v):
            return v
    return None


def _shift_from(base: str, n: float, unit: str) -> str | None:
    if unit == "W" and re.match(r"^\d{4}-W\d{2}", base):
        base = date.fromisocalendar(int(base[:4]), int(base[6:8]), 1).isoformat()
    parts = [int(x) for x in re.findall(r"\d+", base[:10])] + [1, 1]
    try:
        return shift_value(
            date(parts[0], parts[1] if len(base) >= 7 else 1, parts[2] if len(base) >= 10 else 1), n, unit
        )
    except ValueError:
        return None


def time_near(work: Work, start: int, end: int, types=("DATE", "TIME")) -> TimeExpr | None:
    """The time expression of ``work.times`` nearest the character span
    [start, end) within the same sentence (distance 0 when they overlap; ties:
    the earlier one), restricted to ``types`` and to resolved values (no
    PRESENT_REF, no "XXXX-WXX-1"). None when the sentence has none."""
    parse = work.parse
    starts = parse._starts if parse is not None else []  # cached on the Parse: no per-call rebuild

    def sent_of(pos: int) -> int:
        k = max(0, bisect.bisect_right(starts, pos) - 1)
        return parse.toks[k].sent if starts else 0

    s = sent_of(start)
    best = None
    for t in work.times:
        if (
            t.type not in types
            or t.value.endswith("_REF")
            or t.value.startswith("X")
            or sent_of(t.span.start) != s
        ):
            continue
        d = (
            0
            if (t.span.start < end and start < t.span.end)
            else min(abs(t.span.start - end), abs(start - t.span.end))
        )
        if best is None or d < best[0]:
            best = (d, t)
    return best[1] if best else None


def value_date(value: str | None) -> tuple[date | None, int | None]:
    """A TIMEX3 value as (first day, ACLED-style precision: 1 day, 2 week, 3 month);
    (None, None) for coarser or unresolved values."""
    if not value:
        return None, None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), 1
        except ValueError:
            return None, None
    m = re.match(r"^(\d{4})-W(\d{2})", value)
    if m:
        try:
            return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1), 2
        except ValueError:
            return None, None
    m = re.match(r"^(\d{4})-(\d{2})$", value)
    if m and 1 <= int(m.group(2)) <= 12:
        return date(*add_months(int(m.group(1)), int(m.group(2)), 0), 1), 3
    return None, None
