"""The rules: one compiled regex and one handler per kind of expression; here the
framework (:class:`Found`, :class:`Ctx`, :func:`rule`, the triggers) and the calendar dates
(days, months, weeks); years and longer stretches are in ``years.py``, relative expressions in
``relative.py``, periods in ``periods.py``.

A handler gets the match and a :class:`Ctx` and returns a :class:`Found`
(span, TIMEX3 type and value) or None to reject the match. Spans follow the
TimeML/TempEval extent conventions as MEANTIME annotates them: prepositions
("on", "in", "since") stay outside, determiners and modifiers ("the past",
"early", "more than", "ago") inside; a possessive "'s" stays outside.
Month and weekday names are matched case-sensitively (Title or capitals): a
lower-case "may" or "march" is a verb.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ..lang.calendar import MONTHS
from ..lang.times import (
    MONTH_CUES,
    MONTH_RE,
    NUM_WORD_RE,
    SEASONS,
    WEEKDAY_RE,
    WEEKDAYS,
)
from . import resolve as R

W = r"[^\S\n]+"  # spaces inside one expression; an expression never crosses a line break
WO = r"[^\S\n]*"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
PRE = (
    r"(?P<pre>(?i:(?:(?:very|the very) )?early|late|(?:the (?:very )?)?(?:end|beginning|start|middle|close|turn"
    r"|first half|second half|first part|latter part|latter half|spring|summer|fall|autumn|winter) of)"
    + W
    + r"|(?i:mid|early|late)-|(?i:mid)"
    + W
    + ")?"
)
MODQ = (
    r"(?i:more than|less than|fewer than|nearly|almost|about|around|roughly|approximately|at least|at most|"
    r"up to|just over|just under|well over|over|under|barely|only|just|close to|upwards of|the better part of"
    r"|some)"
)
NUM = (
    r"(?:\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+|(?i:"
    + NUM_WORD_RE
    + r"|an?|(?:a )?single|a few|several|many|a couple(?: of)?"
    r"|a number of|dozens of|hundreds of|numerous|countless))"
)


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    type: str
    value: str | None
    kind: str = "other"  # day (a resolved calendar day), clock, anchored, other


class Ctx:
    """What handlers need: the text, the reference date and a tense oracle."""

    def __init__(
        self,
        text: str,
        dct: date | None,
        tense: Callable[..., str | None],  # (start, end, perfect_is_past=True)
        is_headline: Callable[[int], bool],
        pos_before: Callable[[int], str] = lambda pos: "",
        clause_tense: Callable[..., str | None] = lambda start, end, after_cue=False: None,
        looks_ahead: Callable[[int, int], bool] = lambda start, end: False,
        reported_weekday: Callable[[int, int], tuple[int, bool] | None] = lambda start, end: None,
        clause_weekday: Callable[[int, int], tuple[int, bool] | None] = lambda start, end: None,
        ahead_of: Callable[[int, int], bool] = lambda start, end: False,
    ):
        self.text = text
        self.ahead_of = ahead_of  # the expression is what "ahead of" / "in advance of" governs
        # the weekday of the expression's own clause, told in the past ("deployed on Monday ahead of ...")
        self.clause_weekday = clause_weekday
        # the weekday of the past-tense verb that reports the expression's clause ("said Monday ...")
        self.reported_weekday = reported_weekday
        self.looks_ahead = looks_ahead  # a word such as "await", "expected" puts the thing dated ahead
        self.clause_tense = clause_tense  # 'past' when a noun phrase's clause is told in the past
        self.pos_before = pos_before  # coarse POS of the token just before a character offset
        self.dct = dct
        self.tense = tense
        self.is_headline = is_headline
        self.problems: list[str] = []

    def prev_word(self, pos: int) -> str:
        m = re.search(r"([A-Za-z.']+)[^\S\n]*$", self.text[max(0, pos - 30) : pos])
        return m.group(1).lower() if m else ""

    def next_text(self, pos: int, n: int = 30) -> str:
        return self.text[pos : pos + n]

    def direction(self, start: int, end: int) -> str | None:
        """'past' | 'future' | 'present' | None: a cue word just before the expression
        wins ("until Friday", "since March"); else the tense of the verb it attaches to."""
        pw = self.prev_word(start)
        if pw in ("next", "coming"):
            return "future"
        if pw in ("until", "till", "before", "by"):
            # a deadline ahead ("markets stay closed until Friday", "by Friday"), unless the sentence tells
            # it in the past ("the markets were closed until Friday" on a Monday: the Friday gone); a
            # headline's present tense never counts as past here, so "closed until Friday" in a headline
            # stays ahead, and neither does the present perfect ("has kept markets closed until Friday").
            # A date inside a noun phrase takes the tense of the phrase's clause ("the polling done
            # before Tuesday's primary showed a dead heat": the Tuesday gone).
            tense = self.tense(start, end, perfect_is_past=False)
            if tense is None:
                tense = self.clause_tense(start, end, after_cue=True)
            return "past" if tense == "past" else "future"
        if pw in ("since", "last", "past"):
            return "past"
        return self.tense(start, end)


# a handler returns one Found, a list of them ("2009-2011"), or None to reject the match
Rule = tuple[str, "re.Pattern[str]", Callable[[re.Match, Ctx], "Found | list[Found] | None"]]
RULES: list[Rule] = []


# Speed: each rule's regex is run only in windows around its *trigger*, a plain lower-case pattern
# that every match of that rule must contain (a unit word for durations, a month name for dates, ...).
# Triggers are cheap literal scans over the lower-cased text (~3 ms for all of MEANTIME, against ~20 ms
# for a full scan with one rule's regex); a rule missing here scans the whole text. A window reaches
# TRIGGER_REACH characters either side of a trigger: longer than any expression runs before or after the
# word that triggers it plus the regexes' lookaheads (on MEANTIME the longest are 24 before, "the second
# half of this year", and 24 after, "the same period of the last year"; built ones such as "the better part
# of the following twenty-five more consecutive years" stay under 70), so the matches found are exactly
# those of a full scan (checked on all of MEANTIME: identical output).
# Triggers in CASED_TRIGGERS are matched against the text as it is (month, weekday and holiday names
# are matched case-sensitively by their rules, and "Mar" is rarer than "mar" in "market"); the others
# against the lower-cased text.
TRIGGER_REACH = 80
_UNITS_T = r"second|minute|hour|day|night|week|fortnight|month|year|decade|centur|quarter"
_MONTHS_T = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_WEEKDAYS_T = r"Mon|Tue|Wed|Thu|Fri|Sat|Sun"
TRIGGERS: dict[str, str] = {
    "month_day": _MONTHS_T,
    "day_month": _MONTHS_T,
    "month_year": _MONTHS_T,
    "month": _MONTHS_T,
    "week_of": _MONTHS_T,
    "day_range": _MONTHS_T,
    "iso_date": r"\d-\d",
    "slash_date": r"\d/\d",
    "nine_eleven": "9/11",
    "year": r"1[6-9]\d\d|20\d\d",
    "year_range": r"1[6-9]\d\d|20\d\d",
    "short_year": r"['’]\d\d",
    "decade": r"0['’]?s",
    "century": "century",
    "season": r"spring|summer|autumn|fall|winter",
    "quarter": r"quarter|half|q[1-4]",
    "weekday": _WEEKDAYS_T,
    "plural_weekday": _WEEKDAYS_T,
    "relday": r"today|tonight|tomorrow|yesterday|this|last",
    "relunit": r"week|month|year|decade|century|quarter",
    "duration": _UNITS_T,
    "half_unit": "half",
    "vague": _UNITS_T,
    "set": _UNITS_T,
    "set_adverb": r"daily|nightly|weekly|monthly|annual|yearly|hourly|quarterly|biennial",
    # the clock's alternatives (a digit then "am"/"pm", ":" and a digit, or a zone; noon, midday, midnight)
    # with its first character in one class: the scan then skips at C speed to the digits and "n"/"m"
    # (a class the regex engine can skip by; an alternation whose first item is "\d" tries every
    # position). The same hits as the plain alternation, which tries the alternatives in this order.
    "clock": r"[\dnm](?:(?<=\d)(?:[^\S\n]*[ap]\.?m|:\d|[^\S\n]+(?:utc|gmt|hours|local|z))|(?<=n)oon|(?<=m)id(?:day|night))",
    "ref": r"now|this time|these days|recent|lately|present|time being|past|future|term|run|currently|soon",
    "ordinal_day": "day",
    "the_day": "day",
    "same_period": "same",
    "that_time": "that time",
    "next_day": r"day|week|month|year",
    "duration_range": _UNITS_T,
    "year_earlier": r"year-?[^\S\n]*(?:earlier|ago)",
    "year_end": r"year[-\s]+end",
    "day_part": r"day|week|month|year",
    "anchored_day_part": r"morning|afternoon|evening|night",
    "unit_before": r"before|earlier",
}


# Trigger scans worth skipping: an alternation of words tries its alternatives at every position
# whose character starts one (0.04-0.09 us/word each on 2,063 PolNeAR, MEANTIME and CASE texts,
# about 15-35 us per article), while a word's absence is a plain substring test (~0.4 us per
# word tested). For these triggers every hit contains one of the NEEDLES (the words of the
# alternation, "q" for "q[1-4]"), so when none of them is in the text the trigger has no hit and its
# scan is skipped: exact by construction. They are the alternations that miss from most articles
# of those texts (set adverbs 93%, seasons 85%, quarters 87%, parts of the day 76%, "before" 75%,
# the reference words and the day words about 50%); the unit words, months and weekdays are in
# most articles (their needles would cost more than they save) and single words scan at C speed.
def _needles(pattern: str) -> tuple[str, ...]:
    """The words of an alternation of plain lower-case words ("q[1-4]" counts as its "q")."""
    words = tuple(re.sub(r"\[1-4\]$", "", alternative) for alternative in pattern.split("|"))
    if not all(re.fullmatch(r"[a-z ]+", word) for word in words):  # a needle must be in every hit
        raise ValueError(f"not an alternation of words: {pattern!r}")
    return words


TRIGGER_NEEDLES: dict[str, tuple[str, ...]] = {
    pattern: _needles(pattern)
    for pattern in (
        TRIGGERS["set_adverb"],
        TRIGGERS["season"],
        TRIGGERS["quarter"],
        TRIGGERS["anchored_day_part"],
        TRIGGERS["unit_before"],
        TRIGGERS["ref"],
        TRIGGERS["relday"],
    )
}


def rule(name: str, pattern: str, flags: int = 0):
    rx = re.compile(pattern, flags)

    def deco(fn):
        RULES.append((name, rx, fn))
        return fn

    return deco


def _month(s: str) -> int:
    return MONTHS[s.rstrip(".").lower()]


def capitalised(s: str) -> bool:
    return s[:1].isupper()


def pre_value(pre: str | None, year: int) -> str:
    """Value of '<pre> <year>': halves are H1/H2 ("the first half of 2009"), seasons SP..FA ("the summer
    of 2010"); "early", "late", "the end of" keep the year's precision (TIMEX3 puts them in MOD)."""
    p = (pre or "").lower()
    if "first half" in p:
        return f"{year:04d}-H1"
    if "second half" in p or "latter half" in p:
        return f"{year:04d}-H2"
    for w, code in SEASONS.items():
        if f" {w} " in f" {p} ":
            return f"{year:04d}-{code}"
    return f"{year:04d}"


_PAIR_YEAR = re.compile(
    W
    + r"(?:and|or|to|through|until|-|–)"
    + W
    + MONTH_RE
    + r",?"
    + W
    + r"(?:of"
    + W
    + r")?("
    + YEAR
    + r")(?!\d)"
)


def past_or_future(ctx, m):
    d = ctx.direction(m.start(), m.end())
    return d if d in ("past", "future") else None


# ---------------------------------------------------------------- calendar dates


@rule(
    "month_day",
    r"(?<![\w-])(?:(?P<wd>"
    + WEEKDAY_RE
    + r"),?"
    + W
    + r")?(?P<mon>"
    + MONTH_RE
    + r")"
    + W
    + r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:%]|\.\d|,\d{3})(?:,?"
    + W
    + r"(?P<year>"
    + YEAR
    + r")(?![\d%])"
    r"|,?" + W + r"(?:(?i:of)" + W + r")?(?P<relyear>(?i:last|next|this))" + W + r"(?i:year)(?![\w-]))?",
)
def month_day(m, ctx):
    year = m.group("year")
    if m.group("relyear") and ctx.dct is not None:  # "Feb. 2 last year": one expression, last year's Feb. 2
        year = str(ctx.dct.year + {"last": -1, "next": 1}.get(m.group("relyear").lower(), 0))
    elif m.group("relyear"):
        return (
            Found(
                m.start(),
                m.start("relyear") - 1,
                "DATE",
                f"XXXX-{_month(m.group('mon')):02d}-{int(m.group('day')):02d}",
            )
            if R.valid_date(2000, _month(m.group("mon")), int(m.group("day")))
            else None
        )
    return _calendar(m, ctx, m.group("mon"), m.group("day"), year)


@rule(
    "day_month",
    r"(?<!\w)(?<!\D[-–])(?:(?P<wd>" + WEEKDAY_RE + r"),?" + W + r")?(?:(?i:the)" + W + r")?(?P<day>[0-3]?\d)"
    r"(?:st|nd|rd|th)?(?:"
    + W
    + r"(?i:of))?"
    + W
    + r"(?P<mon>"
    + MONTH_RE
    + r")(?:,?"
    + W
    + r"(?P<year>"
    + YEAR
    + r")(?![\d%]))?",
)
def day_month(m, ctx):
    if m.group("mon") == "May" and not m.group("year") and not m.group("wd"):
        nxt = ctx.next_text(m.end(), 3)
        if nxt[:1] == " " and nxt[1:2].islower():  # "5 May be" / "25 may" is not a date
            return None
    return _calendar(m, ctx, m.group("mon"), m.group("day"), m.group("year"))


# "11-12 March 2022", "between 9 and 11 March": the first day of a range of days named by one month.
# The second day is day_month's ("12 March 2022"); this rule gives the first its own expression with
# the month and year read after it, so a report's event (events: first day-precise date) starts on it.
@rule(
    "day_range",
    r"(?<![\w/.,-])(?P<wd>)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:"
    + WO
    + r"[-–]"
    + WO
    + r"|"
    + W
    + r"(?i:and|to|or)"
    + W
    + r")(?=[0-3]?\d(?:st|nd|rd|th)?"
    + W
    + r"(?P<mon>"
    + MONTH_RE
    + r")(?:,?"
    + W
    + r"(?P<year>"
    + YEAR
    + r")(?![\d%]))?(?![\w-]))",
)
def day_range(m, ctx):
    if int(m.group("day")) > 31:
        return None
    f = _calendar(m, ctx, m.group("mon"), m.group("day"), m.group("year"))
    if f is None or not re.match(r"^(\d{4}|XXXX)-\d\d-\d\d$", f.value):
        return None  # not a calendar day ("31-32 March"): no expression rather than a month
    end = m.end("day") + len(re.match(r"(?:st|nd|rd|th)?", m.string[m.end("day") :]).group(0))  # type: ignore[union-attr]  # (always matches)
    return Found(m.start(), end, "DATE", f.value, f.kind)


def _calendar(m, ctx, mon, day, year):
    month, d = _month(mon), int(day)
    if d == 0:
        return None
    if year:
        y = int(year)
        if R.valid_date(y, month, d) is None:
            ctx.problems.append(
                f"{m.group(0)!r} at {m.start()} is not a calendar date; value kept at the month"
            )
            return Found(m.start(), m.end(), "DATE", R.month_str(y, month))
        return Found(m.start(), m.end(), "DATE", f"{y:04d}-{month:02d}-{d:02d}", "day")
    if d > 31 or R.valid_date(2000, month, d) is None:  # 2000 is a leap year: Feb 29 is allowed
        ctx.problems.append(f"{m.group(0)!r} at {m.start()} is not a calendar date; value kept at the month")
        if ctx.dct is None:
            return Found(m.start(), m.end(), "DATE", f"XXXX-{month:02d}")
        return Found(
            m.start(),
            m.end(),
            "DATE",
            R.month_str(R.pick_year_for_month(ctx.dct, month, ctx.direction(m.start(), m.end())), month),
        )
    if ctx.dct is None:
        return Found(m.start(), m.end(), "DATE", f"XXXX-{month:02d}-{d:02d}")
    if m.group("wd"):  # "Wednesday, Feb. 14": the weekday picks the year
        wd = WEEKDAYS[m.group("wd").rstrip(".").lower()]
        for k in (0, -1, 1):
            c = R.valid_date(ctx.dct.year + k, month, d)
            if c is not None and c.weekday() == wd:
                return Found(m.start(), m.end(), "DATE", c.isoformat(), "day")
    if (month, d) == (9, 11) and re.match(
        r"(?:th)?,?" + W + r"(?:\d{4}" + W + r")?(?:terror|attack|hijack)",
        ctx.next_text(m.end()) if not year else "",
    ):
        return Found(m.start(), m.end(), "DATE", "2001-09-11", "day")  # "the September 11 attacks"
    dirn = ctx.direction(m.start(), m.end())
    if dirn is None:
        # inside a noun phrase ("arrested in April for a March 21 phone call"): a past-tense
        # clause reports an earlier day, not the nearest one (which may lie ahead)
        dirn = ctx.clause_tense(m.start(), m.end())
    # present tense with a day ("the law takes effect Jan. 1") schedules; headlines and "says" are past already
    got = R.pick_month_day(ctx.dct, month, d, "future" if dirn == "present" else dirn)
    if got is None:
        got = R.pick_month_day(ctx.dct, month, d, None)
    return Found(m.start(), m.end(), "DATE", got.isoformat(), "day") if got else None


@rule("iso_date", r"(?<![\w/.-])(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w/-])")
def iso_date(m, ctx):
    y, mo = int(m.group("y")), int(m.group("m"))
    d = R.valid_date(y, mo, int(m.group("d")))
    if d:
        return Found(m.start(), m.end(), "DATE", d.isoformat(), "day")
    if 1 <= mo <= 12:
        ctx.problems.append(f"{m.group(0)!r} at {m.start()} is not a calendar date; value kept at the month")
        return Found(m.start(), m.end(), "DATE", R.month_str(y, mo))
    ctx.problems.append(f"{m.group(0)!r} at {m.start()} looks like a date but is not one; dropped")
    return None


@rule("slash_date", r"(?<![\w/.-])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<c>\d\d|(?:19|20)\d\d)(?![\w/])")
def slash_date(m, ctx):
    a, b, c = int(m.group("a")), int(m.group("b")), int(m.group("c"))
    if c < 100:
        c += 2000 if ctx.dct is None or 2000 + c <= ctx.dct.year + 1 else 1900
    d = R.valid_date(c, a, b) or R.valid_date(
        c, b, a
    )  # US month/day first, day/month when that is impossible
    dm = R.valid_date(c, b, a)
    if d is not None and dm is not None and ctx.dct is not None and d > ctx.dct >= dm:
        d = dm  # "11/03/2022" in a report of 14 March 2022 is 11 March: news reports what has happened
    return Found(m.start(), m.end(), "DATE", d.isoformat(), "day") if d else None


@rule("nine_eleven", r"(?<![\w/.-])9/11(?![\w/-])")
def nine_eleven(m, ctx):
    return Found(m.start(), m.end(), "DATE", "2001-09-11", "day")  # "since 9/11": the 2001 attacks


@rule(
    "month_year",
    r"(?<![\w-])"
    + PRE
    + r"(?P<mon>"
    + MONTH_RE
    + r"),?"
    + W
    + r"(?:(?i:of)"
    + W
    + r")?(?P<year>"
    + YEAR
    + r")(?![\d%])",
)
def month_year(m, ctx):
    return Found(m.start(), m.end(), "DATE", R.month_str(int(m.group("year")), _month(m.group("mon"))))


@rule(
    "month",
    r"(?<![\w-])"
    + PRE
    + r"(?:(?P<rel>(?i:last|next|this|this past|this coming|past|coming))"
    + W
    + r")?(?P<mon>"
    + MONTH_RE
    + r")(?:(?P<ofrel>,?"
    + W
    + r"(?:(?i:of)"
    + W
    + r")?(?i:last|next|this)"
    + W
    + r"(?i:year))|(?![\w-]|"
    + W
    + r"\d|'s"
    + W
    + r"[a-z]))",
)
def bare_month(m, ctx):
    mon, rel, pre = m.group("mon"), (m.group("rel") or "").lower(), m.group("pre")
    if not capitalised(mon):
        return None
    # "May" and "March" are also a verb, a name and a noun: only after a temporal cue
    if mon in ("May", "March") or (not rel and not pre and m.start() > 0 and ctx.text[m.start() - 1] == "\n"):
        if not (rel or pre or m.group("ofrel") or ctx.prev_word(m.start()) in MONTH_CUES):
            return None
    month = _month(mon)
    # "between September and October of 2007": the year named after the pair
    pair = _PAIR_YEAR.match(ctx.text, m.end()) if not m.group("ofrel") else None
    if pair:
        return Found(m.start(), m.end(), "DATE", R.month_str(int(pair.group(1)), month))
    if ctx.dct is None:
        return Found(m.start(), m.end(), "DATE", f"XXXX-{month:02d}")
    y = ctx.dct.year
    if m.group("ofrel"):
        y += {"last": -1, "next": 1}.get(m.group("ofrel").split()[-2].lower(), 0)
    elif rel in ("last", "past", "this past"):
        y = y if month < ctx.dct.month else y - 1
    elif rel in ("next", "coming", "this coming"):
        y = y if month > ctx.dct.month else y + 1
    elif rel != "this":
        # inside a noun phrase, a clause told in the past puts the month back ("after a test in January, the
        # Council imposed sanctions"); a future one does not ("will expand less than forecast in July")
        told = past_or_future(ctx, m) or ("past" if ctx.clause_tense(m.start(), m.end()) == "past" else None)
        y = R.pick_year_for_month(ctx.dct, month, told)
    return Found(m.start(), m.end(), "DATE", R.month_str(y, month))


@rule(
    "week_of",
    r"(?<![\w-])(?i:the)"
    + W
    + r"(?P<ord>(?i:first|second|third|fourth|last|final))"
    + W
    + r"(?i:week)"
    + W
    + r"(?i:of)"
    + W
    + r"(?P<mon>"
    + MONTH_RE
    + r")(?:,?"
    + W
    + r"(?P<year>"
    + YEAR
    + r"))?(?![\w-])",
)
def week_of(m, ctx):
    """ "the last week of March": the ISO week holding most of those seven days (the week of day 4 / day -4)."""
    month = _month(m.group("mon"))
    if m.group("year"):
        y = int(m.group("year"))
    elif ctx.dct is not None:
        y = R.pick_year_for_month(ctx.dct, month, past_or_future(ctx, m))
    else:
        return None
    o = m.group("ord").lower()
    if o in ("last", "final"):
        ny, nm = R.add_months(y, month, 1)
        day = date(ny, nm, 1) - timedelta(days=4)
    else:
        day = date(y, month, 4 + 7 * ("first", "second", "third", "fourth").index(o))
    return Found(m.start(), m.end(), "DATE", R.iso_week(day))


CASED_TRIGGERS = {_MONTHS_T, _WEEKDAYS_T}  # years.py adds the holiday names'

# The rules for years and longer stretches register right after the calendar dates above, before
# relative.py's and periods.py's (which import this module first): rule order breaks ties between
# equally long expressions at the same place, so it is kept as it was when they were one module.
from . import years as _years  # noqa: E402, F401
