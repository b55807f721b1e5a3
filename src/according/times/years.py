"""The rules for years and longer stretches: years and year ranges ("2009-2011", "'09"),
decades, centuries, seasons, quarters and halves, and holidays.

Registered into :data:`grammar.RULES` on import, which ``grammar.py`` does at its end: after
its calendar dates and before ``relative.py``'s rules (rule order breaks ties between equally
long, equally placed expressions). Same conventions as
``grammar.py``: a handler gets the match and a :class:`~according.times.grammar.Ctx` and
returns a :class:`~according.times.grammar.Found` or None.
"""

from __future__ import annotations

import re

from ..lang.game_periods import GAME_WORDS
from ..lang.numbers import ORDINAL_NUMBERS
from ..lang.time_ranges import FAR_YEAR_PREPOSITIONS, STREET_SUFFIXES, YEAR_PREPOSITIONS
from ..lang.times import HOLIDAYS, MOVING_HOLIDAYS, SEASON_MONTH, SEASONS
from . import resolve as R
from .grammar import (
    CASED_TRIGGERS,
    PRE,
    TRIGGERS,
    WO,
    YEAR,
    Found,
    W,
    capitalised,
    past_or_future,
    pre_value,
    rule,
)

# the last year taken as a year after a preposition when it lies over 30 years past publication ("by 2050";
# set by hand at the end of the century newswire projects to: "by 2100" is said, "by 2500" is a count)
FAR_YEAR_LIMIT = 2100


# a house number before a street name: "1935 Orchard St.", "2001 N. Main Street" (after a preposition of time
# it stays a year: "in 2001 Main Street Bank opened")
_STREET = re.compile(
    r"[^\S\n]+(?:[NSEW]\.?[^\S\n]+)?(?:[A-Z][a-z]+[^\S\n]+){1,3}(?:" + STREET_SUFFIXES + r")\b"
)


@rule(
    "year",
    r"(?<![\w$£€#.,'’/-])"
    + PRE
    + r"(?P<fy>(?i:fiscal(?: year)?|FY)"
    + WO
    + r")?(?P<year>"
    + YEAR
    + r")(?![\d%]|[.,]\d|s\b|-\d|-(?:year|old)|'s"
    + W
    + r"\d)",
)
def year(m, ctx):
    y = int(m.group("year"))
    pw = ctx.prev_word(m.start())
    if pw in (
        "no.",
        "number",
        "flight",
        "route",
        "model",
        "version",
        "windows",
        "size",
        "room",
        "page",
        "article",
        "resolution",
        "chapter",
        "section",
        "highway",
        "interstate",
        "boeing",
        "airbus",
        "rule",
        "code",
        "form",
        "bill",
        "act",
        "h.r.",
        "s.",
        "the",
    ) and not m.group("pre"):
        if pw != "the" or re.match(W + r"[a-z]+s\b", ctx.next_text(m.end())):  # "the 2000 people"
            return None
    if (
        ctx.dct is not None
        and y > ctx.dct.year + 30
        and not m.group("pre")
        and not (y <= FAR_YEAR_LIMIT and pw in FAR_YEAR_PREPOSITIONS)
    ):
        return None  # a far year only after a preposition of time ("by 2050", "until 2070")
    nxt = ctx.next_text(m.end(), 25)
    if re.match(W + r"(?i:index|indexes|indices)\b", nxt):
        return None  # "the Russell 2000 Index": a name
    if _STREET.match(ctx.text, m.end()) and pw not in YEAR_PREPOSITIONS:
        return None  # a house number: "of 1935 Orchard St." (LGL tuned part)
    # a count of things ("2000 people", "some 1,900 troops") rather than a year
    if re.match(
        W + r"(?:people|persons|troops|soldiers|workers|jobs|votes|homes|cars|units|points|dollars|"
        r"euros|pounds|feet|metres|meters|miles|km|kilometers|tons|tonnes|barrels|shares|students|"
        r"members|cases|deaths|patients|residents|families|children|civilians|prisoners|hostages|"
        r"employees|copies|words|pages|acres|square)\b",
        nxt,
    ):
        return None
    if (
        pw in ("about", "some", "nearly", "around", "over", "than", "approximately", "roughly", "almost")
        and not m.group("pre")
        and y % 100 == 0
    ):
        return None
    if m.group("fy"):
        return Found(m.start(), m.end(), "DATE", f"FY{y:04d}")
    return Found(m.start(), m.end(), "DATE", pre_value(m.group("pre"), y))


@rule(
    "year_range",
    r"(?<![\w$£€#.,/-])(?P<a>"
    + YEAR
    + r")(?P<sep>[-–]|[^\S\n]+[-–][^\S\n]+)(?P<b>"
    + YEAR
    + r"|\d\d)(?![\w%-])",
)
def year_range(m, ctx):
    """ "2009-2011", "2000 - 2050": both years; "2009-10" (a season, a fiscal year): the first."""
    a = Found(m.start("a"), m.end("a"), "DATE", m.group("a"))
    if len(m.group("b")) == 4 and int(m.group("b")) > int(m.group("a")):
        return [a, Found(m.start("b"), m.end("b"), "DATE", m.group("b"))]
    return a


@rule("short_year", r"(?<=[\s(])['’](?P<yy>\d\d)(?![\w'’])")
def short_year(m, ctx):
    pw = ctx.prev_word(m.start())
    if pw not in (
        "in",
        "since",
        "of",
        "from",
        "until",
        "by",
        "to",
        "and",
        "the",
        "class",
        "during",
        "summer",
        "spring",
        "fall",
        "winter",
        "autumn",
        "early",
        "late",
        "mid",
        "before",
        "after",
    ):
        return None
    yy = int(m.group("yy"))
    cut = (ctx.dct.year if ctx.dct else 2030) % 100
    return Found(m.start(), m.end(), "DATE", f"{(2000 if yy <= cut else 1900) + yy:04d}")


@rule(
    "decade",
    r"(?<![\w'’-])(?:(?i:the)" + W + r")?(?:(?P<pre>(?i:early|late|mid))-?" + WO + r")?"
    r"(?:(?P<cent>1[6-9]|20)(?P<dec>\d)0|['’](?P<dec2>\d)0|(?P<dec3>[2-9])0)['’]?s(?![\w'’])",
)
def decade(m, ctx):
    if m.group("cent"):
        if m.group("dec") == "0" and m.group("cent") != "20":
            return Found(m.start(), m.end(), "DATE", m.group("cent"))  # "the 1800s": a century
        return Found(m.start(), m.end(), "DATE", m.group("cent") + m.group("dec"))
    dec = int(m.group("dec2") or m.group("dec3"))
    if m.group("dec3"):
        pw = ctx.prev_word(m.start())
        if pw in ("his", "her", "their", "its", "my", "your", "our") or ctx.prev_word(
            m.start() - len(pw) - 1
        ) in ("his", "her", "their"):  # "in his 80s": an age
            return None
        if not m.group(0).lower().startswith("the") and pw not in (
            "the",
            "in",
            "of",
            "and",
            "since",
            "early",
            "late",
            "mid",
        ):
            return None
    ref = ctx.dct.year if ctx.dct else 2030
    cent = 20 if 2000 + dec * 10 <= ref else 19
    return Found(m.start(), m.end(), "DATE", f"{cent}{dec}")


@rule(
    "century",
    r"(?<![\w-])(?:(?i:the)" + W + r")?(?:(?i:early|late|mid)-?" + WO + r")?(?P<ord>\d{1,2}(?:st|nd|rd|th)"
    r"|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
    r"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first))[- ](?i:century)(?![\w-])",
)
def century(m, ctx):
    o = m.group("ord").lower()
    n = int(o[:-2]) if o[0].isdigit() else ORDINAL_NUMBERS[o]
    return Found(m.start(), m.end(), "DATE", f"{n - 1:02d}") if 1 <= n <= 22 else None


@rule(
    "season",
    r"(?<![\w-])(?:(?P<rel>(?i:last|next|this|this past|this coming|the|early|late|mid))" + W + r")?"
    r"(?P<season>(?i:spring|summer|autumn|fall|winter))(?:"
    + W
    + r"(?:(?i:of)"
    + W
    + r")?(?P<year>"
    + YEAR
    + r"))?(?![\w-])",
)
def season(m, ctx):
    s, rel, yr = m.group("season"), (m.group("rel") or "").lower(), m.group("year")
    pw = ctx.prev_word(m.start())
    if not yr:
        after = ctx.next_text(m.end(), 12)
        gap = re.match(W, after)
        # the word class of the next word: a season before a noun names a thing ("summer camp", "spring
        # offensive"); before a verb it is the time the clause is about ("This summer it will hire",
        # "spring shows signs of hope": MEANTIME tuned part, 1 missed)
        nxt = ctx.pos_before(m.end() + gap.end() + 1) if gap else ""
        if capitalised(s) and nxt == "PROPN" and re.match(W + r"[A-Z][a-z]", after):
            return None  # a name: "the Winter Olympics", "the Summer Palace", "Spring Festival"
        if re.match(W + r"(?:of|'s|[a-z])", after) and not re.match(
            W + r"(?:and|or|to|in|when|as|at|with)\b", after
        ):
            if re.match(W + r"(?:of|'s)\b", after) or nxt not in ("VERB", "AUX", "PRON", "DET", "ADV"):
                return None  # "the fall of Rome", "summer camp", "spring offensive"
        if s.lower() == "fall" and rel in ("", "the"):
            return None
        if not rel and pw not in ("in", "during", "by", "until", "since", "over", "through", "throughout"):
            opens = (
                m.start() == 0
                or ctx.text[m.start() - 1] == "\n"
                or ctx.text[m.start() - 2 : m.start()] == ". "
            )
            if nxt not in ("VERB", "AUX") or capitalised(s) != opens:
                return None  # a bare season is a date only as the subject of a verb, capitalised only first
    code = SEASONS[s.lower()]
    if yr:
        return Found(m.start(), m.end(), "DATE", f"{int(yr):04d}-{code}")
    if ctx.dct is None:
        return None
    y = ctx.dct.year
    first = SEASON_MONTH[code]  # a season's three months run from here (winter into the next year)
    if rel in ("last", "this past"):
        # the last one over: told during a season, "last fall" is the year before's (November 1989: 1988-FA)
        if code == "WI" and ctx.dct.month <= 2:
            y -= 2  # told in January, the winter under way is the one counted from last December
        elif first + 2 >= ctx.dct.month:
            y -= 1
    elif rel in ("next", "this coming"):
        y = y + 1 if first <= ctx.dct.month else y  # one already begun this year is not the next
    elif rel != "this":
        y = R.season_year(ctx.dct, SEASON_MONTH[code], past_or_future(ctx, m))
    return Found(m.start(), m.end(), "DATE", f"{y:04d}-{code}")


@rule(
    "quarter",
    r"(?<![\w-])(?:(?i:the)" + W + r")?(?P<ord>(?i:first|second|third|fourth|final|last|latest|current|"
    r"previous|prior|next|past|coming|1st|2nd|3rd|4th|this))[- ](?P<q>(?i:quarter|half))(?!-)(?:"
    + W
    + r"(?i:of)"
    + W
    + r"(?P<of>(?i:fiscal"
    + W
    + r")?"
    + YEAR
    + r"|(?i:this|last|next|the)"
    + W
    + r"(?i:fiscal"
    + W
    + r")?(?i:year)))?"
    r"|(?<![\w-])(?P<qn>Q[1-4])(?:" + W + r"(?P<qy>" + YEAR + r"))?(?![\w-])",
)
def quarter(m, ctx):
    q: int | None
    if m.group("qn"):
        q, half, of = int(m.group("qn")[1]), False, m.group("qy")
        o = ""
    else:
        o = m.group("ord").lower()
        half = m.group("q").lower() == "half"
        of = m.group("of")
        q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(o)
        if q is None and o in ("final", "last") and of and re.search(r"\d{4}", of):
            q = 2 if half else 4  # "the final quarter of 2009"
        if half and q not in (1, 2):
            return None
    unit = "H" if half else "Q"
    if not of and not m.group("qn") and q and _in_a_game(ctx.text, m.start(), m.end()):
        return None  # "scored in the second half", "a touchdown in the third quarter": not the year's
    if of and (year := re.search(r"\d{4}", of)):
        y = int(year.group(0))
        return Found(m.start(), m.end(), "DATE", f"{y:04d}-{unit}{q}") if q else None
    if ctx.dct is None:
        return None
    cur = R.quarter_of(ctx.dct) if not half else (1 if ctx.dct.month <= 6 else 2)
    if q is None:  # last / latest / previous / this / next ... quarter
        if half:
            return None
        k = {
            "final": None,
            "last": -1,
            "latest": -1,
            "previous": -1,
            "prior": -1,
            "past": -1,
            "current": 0,
            "this": 0,
            "next": 1,
            "coming": 1,
        }.get(o)
        if k is None:
            return None
        idx = ctx.dct.year * 4 + cur - 1 + k
        return Found(m.start(), m.end(), "DATE", f"{idx // 4:04d}-Q{idx % 4 + 1}")
    y = ctx.dct.year
    if of:
        w = of.lower().split()[0]
        y += {"last": -1, "next": 1}.get(w, 0)
    else:  # "the fourth quarter" reported in January is last year's; in August, this year's
        dirn = past_or_future(ctx, m)
        if (dirn == "past" and q > cur) or (dirn is None and q - cur >= 2):
            y -= 1
    return Found(m.start(), m.end(), "DATE", f"{y:04d}-{unit}{q}")


# how far either side of "the second half" a word of a game is looked for: the sentence and the one
# beside it (set by hand; a news sentence is about 150 characters)
GAME_REACH = 200
_GAME_WORD = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, GAME_WORDS))) + r")\b", re.IGNORECASE)


def _in_a_game(text: str, start: int, end: int) -> bool:
    return _GAME_WORD.search(text, max(0, start - GAME_REACH), min(len(text), end + GAME_REACH)) is not None


_HOLIDAY_RE = "|".join(
    sorted(
        (
            re.escape(h).replace("'", "['’]").replace(r"\ ", " ").title().replace("['’]S", "['’]s")
            for h in (*HOLIDAYS, *MOVING_HOLIDAYS)
        ),
        key=len,
        reverse=True,
    )
)


@rule(
    "holiday",
    r"(?<![\w-])(?P<hol>" + _HOLIDAY_RE + r")(?:,?" + W + r"(?P<year>" + YEAR + r"))?(?![\w-])"
    r"(?!" + W + r"(?:Island|Islands|Rising|Uprising|Offensive|Parade|Bowl|Carol|Tree)s?\b)",
)  # names, not days
def holiday(m, ctx):  # (its trigger is set below from the names)
    name = m.group("hol").lower().replace("’", "'")
    if name in HOLIDAYS:
        month, d = HOLIDAYS[name]

        def on(y):
            return R.valid_date(y, month, d)
    else:

        def on(y):
            return R.holiday_date(MOVING_HOLIDAYS[name], y)

    if m.group("year"):
        return Found(m.start(), m.end(), "DATE", on(int(m.group("year"))).isoformat(), "day")
    if ctx.dct is None:
        val = f"XXXX-{HOLIDAYS[name][0]:02d}-{HOLIDAYS[name][1]:02d}" if name in HOLIDAYS else "XXXX-XX-XX"
        return Found(m.start(), m.end(), "DATE", val)
    cands = [on(ctx.dct.year + k) for k in (-1, 0, 1)]
    got = R.pick_date(ctx.dct, cands, past_or_future(ctx, m)) or R.pick_date(ctx.dct, cands, None)
    return Found(m.start(), m.end(), "DATE", got.isoformat(), "day")  # type: ignore[union-attr]  # (a rule failure if None)


TRIGGERS["holiday"] = _HOLIDAY_RE
CASED_TRIGGERS.add(_HOLIDAY_RE)  # holiday names are matched case-sensitively, as months and weekdays
