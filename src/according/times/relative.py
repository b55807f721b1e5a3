"""Rules for expressions read relative to the publication date (weekdays,
"yesterday", "last month", "20 years ago"), durations and sets (clock times and
"now", "that day" are in ``references.py``). Registered into :data:`grammar.RULES`
on import."""

from __future__ import annotations

import re
from datetime import timedelta

from ..lang.numbers import number_value
from ..lang.times import (
    DAY_WORDS_AS_NOUNS,
    EXTENT_PREPOSITIONS,
    PART_OF_DAY,
    SET_ADVERBS,
    TODAY_NAME_AFTER,
    TODAY_NAME_BEFORE,
    UNIT_RE,
    UNITS,
    WEEKDAY_NAMES_NOT_DATES,
    WEEKDAY_RE,
    WEEKDAYS,
)
from . import resolve as R
from .grammar import MODQ, NUM, Found, W, rule

POD = r"(?P<pod>(?i:morning|afternoon|evening|night|overnight))"


@rule(
    "weekday",
    r"(?<![\w-])(?:(?P<rel>(?i:last|next|this|this past|this coming|coming|past|every|each))" + W + r")?"
    r"(?P<pre>(?i:early|late|earlier|later|(?:early|late)"
    + W
    + r"on)"
    + W
    + r")?(?P<wd>"
    + WEEKDAY_RE
    + r")(?![\w-])"
    r"(?:" + W + POD + r"(?![\w-]))?",
)
def weekday(m, ctx):
    wdname = m.group("wd")
    if wdname == "Sun." or not m.group("wd")[:1].isupper():
        return None
    if ctx.prev_word(m.start()) in WEEKDAY_NAMES_NOT_DATES and not m.group("rel") and not m.group("pre"):
        return None
    wd = WEEKDAYS[wdname.rstrip(".").lower()]
    rel = (m.group("rel") or "").lower()
    start = m.start()
    pre = (m.group("pre") or "").strip().lower()
    if pre in ("earlier", "later") and re.search(UNIT_RE + r"\W*$", ctx.text[max(0, start - 12) : start]):
        start = m.start("wd")  # "three days later Friday": the comparative is the duration's, not the day's
    pod = PART_OF_DAY.get((m.group("pod") or "").lower())
    typ = "TIME" if pod else "DATE"
    if rel in ("every", "each"):
        return Found(start, m.end(), "SET", f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else ""))
    if ctx.dct is None:
        return Found(start, m.end(), typ, f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else ""))
    if rel in ("last", "past", "this past"):
        d = R.weekday_date(ctx.dct, wd, "past", strict=True)
    elif rel in ("next", "coming", "this coming"):
        d = R.weekday_date(ctx.dct, wd, "future", strict=True)
    elif not pre and (cue := R.day_ahead_cue(ctx, start)) is not None:
        d = R.day_ahead(ctx, m, wd, cue)
    elif pre in ("earlier", "later") or (dirn := ctx.direction(m.start(), m.end())) == "near":
        # "later Monday", "earlier Wednesday": the day the story was written, which a publication date may
        # be a day after or before (PolNeAR train: "when he speaks later Monday" dated the Tuesday); "was
        # to arrive on Monday": a plan seen from the past. The nearest such day either side
        d = R.nearest_weekday(ctx.dct, wd)
    else:
        if dirn is None and re.match(r"['\u2019]s\b", ctx.next_text(m.end(), 3)):
            # a day naming an event ("Monday's debate will be his first"): the clause's tense. Not a bare
            # day after an event noun: "scenes from the rally Tuesday will keep him awake" tells when the
            # rally was (read on PolNeAR: 4 of 4 possessive days right, the one bare day wrong)
            dirn = ctx.clause_tense(m.start(), m.end())
            if dirn == "future":
                # ... but "will" says what the event brings, not when it is: "Monday's decision will reverberate"
                # told on the Tuesday is the Monday gone, "Saturday's caucuses will set her on a path" told on
                # the Friday the one ahead: the nearest such day (PolNeAR train, all 840 files: 3 changed, seen in
                # files 400-840, all right by reading; the days of 0-400 were the same either way)
                dirn = "near"
        if dirn is None and ctx.looks_ahead(m.start(), m.end()):
            dirn = "future"  # "investors await Friday's jobs report", "an expected announcement Friday"
        # present tense with a weekday announces ("talks resume Friday"); headlines excepted in the tense oracle
        ahead = "future" if dirn in ("future", "present") else "past"
        reported = ctx.reported_weekday(m.start(), m.end()) if dirn is not None else None
        if reported is not None:
            # reported speech keeps its own reference day: "said Friday it would raise rates on Monday",
            # published on a Wednesday, is the Monday after that Friday, not the next one
            said_on = R.weekday_date(ctx.dct, reported[0], "past", strict=reported[1])
            d = R.weekday_date(said_on, wd, ahead)
            if (ctx.dct - d).days > 1 and ctx.clause_tense(m.start(), m.end()) == "future":
                # told with "will", not "would" ("will be announced Saturday, officials said on Thursday"): still
                # ahead when the story was written, so on or after publication (a day before it is left: a story
                # is often dated the day after it was written)
                d = R.weekday_date(ctx.dct, wd, "future")
        elif dirn == "near":
            d = R.nearest_weekday(ctx.dct, wd)
        else:
            d = R.weekday_date(ctx.dct, wd, ahead)
    return Found(start, m.end(), typ, d.isoformat() + (f"T{pod}" if pod else ""), "day")


@rule(
    "plural_weekday",
    r"(?<![\w-])(?P<every>(?i:every)" + W + r")?(?P<wd>Mondays|Tuesdays|Wednesdays|Thursdays|"
    r"Fridays|Saturdays|Sundays)(?![\w-])",
)
def plural_weekday(m, ctx):
    return Found(m.start(), m.end(), "SET", f"XXXX-WXX-{WEEKDAYS[m.group('wd')[:-1].lower()] + 1}")


@rule(
    "relday",
    r"(?<![\w-])(?P<pre>(?i:earlier|later|early|late)" + W + r")?(?P<w>(?i:today|tonight|tomorrow|"
    r"yesterday|the day before yesterday|the day after tomorrow|this|last|tomorrow|yesterday))(?![\w-])"
    r"(?:" + W + POD + r")?(?![\w-])",
)
def relday(m, ctx):
    w, pod = m.group("w").lower(), PART_OF_DAY.get((m.group("pod") or "").lower())
    if w == "this" and _a_title(ctx, m):
        return None  # "told CBS This Morning on Monday"
    if w in ("this", "last"):
        if not pod or (
            w == "last" and pod != "NI"
        ):  # "this morning", "(late) last night"; not "last evening"
            return None
    if w == "tonight":
        pod = "NI"
    # a newspaper and a programme: "told USA Today", "NBC's Today show", "The Tonight Show" (PolNeAR)
    if (
        m.group("w") in ("Today", "TODAY", "Tonight")
        and not m.group("pre")
        and (ctx.prev_word(m.start()) in TODAY_NAME_BEFORE or _next_word(ctx, m.end()) in TODAY_NAME_AFTER)
    ):
        return None
    if w in DAY_WORDS_AS_NOUNS and not m.group("pre") and _a_noun_here(ctx, m.start()):
        return None  # "a brighter tomorrow", "the world of today"
    if ctx.dct is None:
        return None
    off = {
        "today": 0,
        "tonight": 0,
        "this": 0,
        "tomorrow": 1,
        "yesterday": -1,
        "last": -1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[w]
    d = ctx.dct + timedelta(days=off)
    if w == "today" and re.match(
        r"'s" + W + r"(?:world|society|standards|economy|market|young|youth)", ctx.next_text(m.end())
    ):
        return Found(m.start(), m.end(), "DATE", "PRESENT_REF")
    return Found(
        m.start(), m.end(), "TIME" if pod else "DATE", d.isoformat() + (f"T{pod}" if pod else ""), "day"
    )


def _a_title(ctx, m) -> bool:
    """ "CBS This Morning", "ABC's This Week": "This" and its unit both capitalised inside a sentence
    (not at its start, not in a headline) name a programme (PolNeAR: 2 in the tune half's articles,
    9 in all of its text)."""
    words = m.group(0).split()
    if len(words) != 2 or words[0] != "This" or not words[1][:1].isupper() or ctx.is_headline(m.start()):
        return False
    before = ctx.text[max(0, m.start() - 3) : m.start()].rstrip(" \"“'‘")
    return bool(before) and before[-1] not in ".!?:\n"


def _next_word(ctx, pos: int) -> str:
    w = re.match(W + r"([A-Za-z]+)", ctx.next_text(pos))
    return w.group(1).lower() if w else ""


def _a_noun_here(ctx, pos: int) -> bool:
    """Is "today"/"tomorrow" at ``pos`` a noun with its own determiner ("the world of today", "a
    brighter tomorrow") rather than the adverb ("as strong today as it was": an adjective before
    it, but no determiner before the adjective)?"""
    before = ctx.pos_before(pos)
    if before == "DET":
        return True
    if before != "ADJ":
        return False
    adj = re.search(r"([A-Za-z'-]+)[^\S\n]*$", ctx.text[max(0, pos - 40) : pos])
    # the noun comes after a comparison ("a brighter tomorrow", "the best today"); a noun the tagger took
    # for an adjective is no such word ("conducted an autopsy yesterday": LGL tuned part)
    return (
        adj is not None
        and adj.group(1).lower().endswith(("er", "est", "new"))
        and ctx.pos_before(pos - len(adj.group(0))) in ("DET", "PRON")
    )


_REL = (
    r"(?P<rel>(?i:last|this|next|the past|the previous|the prior|the current|the same|current|past|previous|coming|"
    r"the coming|this past|this coming|the following|the next|the last|the))"
)
_PRE2 = (
    r"(?P<pre>(?i:(?:earlier|later|early|late|mid)" + W + r"|mid-|(?:the (?:very )?(?:end|beginning|start|"
    r"middle|rest|remainder|close|first half|second half) of)" + W + r"))?"
)


@rule(
    "relunit",
    r"(?<![\w-])" + _PRE2 + _REL + W + r"(?P<unit>(?i:week|month|year|weekend|decade|century|"
    r"quarter|fiscal year))(?![\w-])",
)
def relunit(m, ctx):
    rel, unit, pre = m.group("rel").lower(), m.group("unit").lower(), (m.group("pre") or "").lower()
    if rel == "this" and not pre and _a_title(ctx, m):
        return None  # "Trump told ABC's This Week"
    if rel in ("the", "the same", "the following", "the next") and unit != "weekend":
        if (
            rel == "the" and pre and unit in ("year", "month", "week", "decade") and ctx.dct
        ):  # "the end of the year"
            rel = "this"
        elif rel == "the next" and not pre:  # "the next year": the coming twelve months
            if next_told_as_date(ctx, m):
                return None  # "The next month, the government stepped in": next_day anchors it
            return Found(m.start(), m.end(), "DURATION", f"P1{_code(unit)}")
        else:
            return None
    if rel in ("the past", "the last") and not pre and unit != "weekend":  # "the past year": a duration
        # ("the past weekend" is the weekend gone, a date: below)
        return Found(m.start(), m.end(), "DURATION", f"P1{_code(unit)}")
    if ctx.dct is None:
        return None
    d = ctx.dct
    k = {
        "last": -1,
        "the past": -1,
        "the last": -1,
        "past": -1,
        "previous": -1,
        "the previous": -1,
        "the prior": -1,  # "from the prior year", "the prior quarter": as "the previous" (TimeML, newswire)
        "this past": -1,
        "this": 0,
        "current": 0,
        "the current": 0,
        "the": 0,
        "next": 1,
        "coming": 1,
        "the coming": 1,
        "this coming": 1,
        "the next": 1,
    }[rel]
    if unit == "weekend":
        if rel in ("the", "the same", "the following"):
            dirn = _dir(ctx, m)
            base = d if dirn == "future" or d.weekday() >= 5 else d - timedelta(days=7)
        elif rel == "this" and d.weekday() < 5 and _dir(ctx, m) == "past":
            base = d - timedelta(
                days=7
            )  # "was a guest at the fair this weekend", told on a Tuesday: the one gone
        else:
            base = d + timedelta(days=7 * k)
        return Found(m.start(), m.end(), "DATE", R.iso_week(base) + "-WE")
    if unit == "week":
        val = R.iso_week(d + timedelta(days=7 * k))
    elif unit == "month":
        val = R.month_str(*R.add_months(d.year, d.month, k))
    elif unit == "year":
        val = f"{d.year + k:04d}"
        if "first half" in pre:
            val += "-H1"
        elif "second half" in pre:
            val += "-H2"
    elif unit == "fiscal year":
        val = f"FY{d.year + k:04d}"
    elif unit == "quarter":
        idx = d.year * 4 + R.quarter_of(d) - 1 + k
        val = f"{idx // 4:04d}-Q{idx % 4 + 1}"
    elif unit == "decade":
        val = f"{d.year // 10 + k:03d}"
    else:  # century
        val = f"{d.year // 100 + k:02d}"
    return Found(m.start(), m.end(), "DATE", val)


def next_told_as_date(ctx, m) -> bool:
    """Is "the next month/year" the one after the period last named ("The next month, the
    government stepped in"; "spread early the next year") rather than the coming stretch
    ("over the next year")? Told in the past, with no preposition of extent before it."""
    if ctx.prev_word(m.start()) in EXTENT_PREPOSITIONS:
        return False
    return ctx.direction(m.start(), m.end()) == "past"


def _code(unit: str) -> str:
    """The unit letter after 'P1': "decade" gives P10Y, "century" P100Y."""
    return {
        "week": "W",
        "month": "M",
        "year": "Y",
        "weekend": "WE",
        "decade": "0Y",
        "century": "00Y",
        "quarter": "Q",
        "fiscal year": "Y",
    }[unit]


def _dir(ctx, m):
    d = ctx.direction(m.start(), m.end())
    return d if d in ("past", "future") else None


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else ("%.2f" % n).rstrip("0").rstrip(".")


def duration_value(n: float | None, unit_word: str) -> str:
    u = unit_word.lower()
    u = u[:-1] if u.endswith("s") and u[:-1] in UNITS else u
    u = "century" if u == "centuries" else u
    mult, code, clock = UNITS[u]
    if code == "WE":
        return f"P{_fmt(n) if n is not None else 'X'}WE"
    if n is None:
        return ("PT" if clock else "P") + "X" + ("DE" if u == "decade" else "CE" if u == "century" else code)
    n = n * mult  # "a year and a half" stays P1.5Y (TimeML allows decimal values)
    return ("PT" if clock else "P") + _fmt(n) + code


def _counted_back(m) -> bool:
    """ "the past three quarters", "the next three quarters": quarters of a year, not of a thing."""
    det = (m.group("det") or "").lower()
    return det.startswith("the ") and det != "the same"


@rule(
    "duration",
    r"(?<![\w-])(?P<mod>" + MODQ + W + r")?(?P<det>(?i:the (?:past|last|next|first|previous|coming|"
    r"following|final|remaining|preceding|ensuing|same)|another|an additional|an extra|a further|the|these|those)"
    + W
    + r")?(?P<num>"
    + NUM
    + r")(?P<half>"
    + W
    + r"(?i:and a half))?(?P<hy>-|"
    + W
    + r")(?P<adj>(?i:more|additional|"
    r"straight|consecutive|full|long|successive|trading|business|working|calendar|extra|further|school|plus|"
    r"(?:and a half))[- ])*(?P<unit>(?i:" + UNIT_RE + r"))(?P<half2>" + W + r"(?i:and a half))?(?![\w])"
    r"(?P<post>" + W + r"(?i:ago|earlier|later|from now|before|after|old|of age|in a row)(?![\w-]))?",
)
def duration(m, ctx):
    num_s, unit_w = m.group("num").lower(), m.group("unit").lower()
    post = (m.group("post") or "").strip().lower()
    tail = ctx.next_text(m.end(), 12)
    age = re.match(r"-olds?\b", tail)
    if post in ("old", "of age") or age:
        # TimeML annotates ages as durations ("the 55-year-old", "55 years old": P55Y; TempEval-3 does);
        # "aged 55" has no unit word and is left out (MEANTIME leaves it out too, 2 of 2)
        n_age = number_value(num_s) if num_s not in ("a", "an") else None
        if n_age is None or unit_w.rstrip("s") not in ("year", "month", "week", "day"):
            return None
        s = m.start("num")  # "the 55-year-old": the determiner belongs to the person, not the age
        return Found(s, m.end() + (age.end() if age else 0), "DURATION", duration_value(n_age, unit_w))
    if (
        num_s == "one"
        and unit_w == "day"
        and not (m.group("det") or m.group("mod") or post)
        and ctx.pos_before(m.start()) not in ("VERB", "AUX", "ADP", "ADV", "ADJ")
    ):
        return None  # "One day, he will ...": not a measured day
    if re.match(r"-(?!long\b)\w", tail):
        return None  # "day-to-day", "year-round", "year-end"
    if (
        re.fullmatch(r"(?:19|20)\d\d", num_s)
        and not unit_w.endswith("s")
        and re.match(W + r"(?:\d|[a-z]+\b)", tail)
    ):
        if number_value(re.match(W + r"(\w+)", tail).group(1)) is not None:  # type: ignore[union-attr]
            return None  # "World Cup 2018 day five": a year, then a numbered day of it, not 2018 days
    if (
        unit_w in ("second", "minute")
        and num_s in ("a", "an")
        and not m.group("det")
        and ctx.prev_word(m.start()) not in ("for", "in", "within", "than", "about", "just", "only", "wait")
    ):
        return None  # "a second A380", "a minute's silence"
    if unit_w == "second" and num_s in ("a", "an") and not m.group("det"):
        nxt = re.match(r"[^\S\n]+(?=[A-Za-z])", ctx.next_text(m.end(), 12))
        if nxt and ctx.pos_before(m.end() + nxt.end() + 1) in ("NOUN", "ADJ", "PROPN", "NUM", "VERB"):
            return None  # the ordinal: "for a second consecutive quarter", "a second term", "a second time"
    if unit_w.startswith("quarter") and num_s in ("a", "an", "one", "three") and not _counted_back(m):
        return None  # "a quarter of the vote", "three quarters of"
    if num_s in ("a", "an") and unit_w.endswith("s"):
        return None
    n = (
        None
        if num_s
        in ("a few", "several", "many", "a number of", "dozens of", "hundreds of", "numerous", "countless")
        else number_value(num_s.replace("a couple of", "2").replace("a couple", "2"))
    )
    if num_s.startswith("a couple"):
        n = 2.0
    if n is not None and (
        m.group("half") or m.group("half2") or "and a half" in (m.group("adj") or "").lower()
    ):
        n += 0.5
    plus = (m.group("adj") or "").lower().startswith("plus")  # "15-plus years", "90-plus minutes"
    if m.group("hy") == "-" and unit_w.endswith("s") and n is not None and n != 1 and not plus:
        return None  # "five-years" is not English; likely a list or code
    end = m.end() if post not in ("before", "after", "in a row") else m.end() - len(m.group("post"))
    start = m.start()
    if m.group("mod") and m.group("det") and m.group("det").lower().startswith("the"):
        start = m.start("det")  # "over the past four days": "over" is the preposition here
    det = (m.group("det") or "").strip().lower()
    if m.group("hy") == "-" and not unit_w.endswith("s") and det in ("the", "these", "those", "another"):
        start = m.start("num")  # "the 30-second spot": the determiner is the noun's, as with ages
    if post in ("before", "after", "in a row"):
        post = ""
    # SET: "15 a year", "$28 an hour", "$300 million in fuel a year", "twice a week": "a <unit>" right after
    # a number or a noun is a rate; after a preposition or a verb ("for a year", "took a year") a duration
    pw = ctx.prev_word(start)
    if num_s in ("a", "an") and not m.group("det") and not m.group("mod") and not post:
        if ctx.pos_before(start) in ("NUM", "NOUN", "PROPN", "SYM") or pw in (
            "times",
            "once",
            "twice",
            "thrice",
        ):
            return Found(start, end, "SET", duration_value(1, unit_w))
    if post in ("ago", "earlier", "later", "from now"):
        if ctx.dct is None:
            return None
        u = UNITS.get(unit_w.rstrip("s") if unit_w.rstrip("s") in UNITS else unit_w, UNITS["year"])
        mult, code, clock = u
        if n is None:
            return Found(start, end, "DATE", "PAST_REF" if post in ("ago", "earlier") else "FUTURE_REF")
        if clock:
            # "24 hours ago", "20 minutes later": the publication date has no time of day, so only whole
            # days before it are known ("48 hours ago" is the day before yesterday); the rest is the past
            # or future the text points to, with the number in the extent (else the vague rule took
            # "hours ago" alone, the number left out)
            hours = n * mult / {"S": 3600, "M": 60, "H": 1}[code]
            if post == "ago" and hours >= 24 and hours % 24 == 0:
                return Found(start, end, "DATE", R.iso_day(ctx.dct - timedelta(days=int(hours // 24))))
            return Found(start, end, "TIME", "PAST_REF" if post in ("ago", "earlier") else "FUTURE_REF")
        sign = 1 if post in ("later", "from now") else -1
        if post in ("earlier", "later"):
            # whole years after a month or quarter keep its precision ("from a year earlier": "YP")
            return Found(
                start, end, "DATE", None, f"anchored:{sign * n * mult}:{'YP' if code == 'Y' else code}"
            )
        if code == "W":  # "a week ago" is a day (MEANTIME), not an ISO week
            n, mult, code = n * 7, mult, "D"
        val = R.shift_value(ctx.dct, sign * n * mult, code)
        return Found(start, end, "DATE", val) if val else None
    return Found(start, end, "DURATION", duration_value(n, unit_w))


@rule(
    "half_unit",
    r"(?<![\w-])(?P<mod>" + MODQ + W + r")?(?i:half" + W + r"an?" + W + r"(?P<unit>hour|day|year|"
    r"century|decade|minute))(?![\w-])",
)
def half_unit(m, ctx):
    u = m.group("unit").lower()
    val = {
        "hour": "PT30M",
        "day": "PT12H",
        "year": "P6M",
        "century": "P50Y",
        "decade": "P5Y",
        "minute": "PT30S",
    }[u]
    return Found(m.start(), m.end(), "DURATION", val)


@rule(
    "vague",
    r"(?<![\w-])(?P<det>(?i:the past few|the last few|the next few|the coming|the past several|"
    r"the last several|the next several|recent|the first few|the ensuing|the intervening|the)" + W + r")?"
    r"(?P<unit>(?i:years|months|weeks|days|decades|hours|minutes|centuries))(?P<long>-long)?(?![\w-])"
    r"(?P<post>" + W + r"(?i:ago|later|earlier))?(?![\w-])",
)
def vague(m, ctx):
    det = (m.group("det") or "").lower().strip()
    start = m.start()
    if (
        det == "the"
    ):  # "over the years", "through the decades": an unspecified stretch; "the years of war" is not
        if (
            ctx.prev_word(start) not in ("over", "through", "throughout", "across")
            or m.group("post")
            or re.match(
                W + r"(?:of|that|when|in which|to come|ahead|before|after|between)\b", ctx.next_text(m.end())
            )
        ):
            return None
        return Found(start, m.end(), "DURATION", duration_value(None, m.group("unit")))
    if not det and not m.group("long") and not m.group("post"):
        pw = ctx.prev_word(start)
        if pw not in (
            "for",
            "within",
            "than",
            "over",
            "took",
            "take",
            "takes",
            "taking",
            "spent",
            "lasted",
            "in",
            "just",
            "only",
            "mere",
        ) and not re.match(W + r"(?i:after|before)\b", ctx.next_text(m.end())):
            # a stretch counted from an event is a duration too ("hours after the attack", "Days before the
            # vote"; MEANTIME's tuned part annotates "Three years after", "two weeks after" so, P3Y, P2W)
            return None
        if re.match(W + r"(?:of|old)\b", ctx.next_text(m.end())):
            return None
    post = (m.group("post") or "").strip().lower()
    if post:
        return Found(start, m.end(), "DATE", "PAST_REF" if post in ("ago", "earlier") else "FUTURE_REF")
    return Found(start, m.end(), "DURATION", duration_value(None, m.group("unit")))


@rule(
    "set",
    r"(?<![\w-])(?P<cnt>(?:(?i:" + r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|"
    r"multiple|a few)"
    + W
    + r"(?i:times)|(?i:once|twice|thrice))"
    + W
    + r")?(?P<q>(?i:every|each|per|a))"
    + W
    + r"(?P<num>(?i:other|\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|few)"
    + W
    + r")?(?P<unit>(?i:"
    + UNIT_RE
    + r"))(?![\w-])",
)
def set_(m, ctx):
    q = m.group("q").lower()
    if q == "a" and not m.group("cnt"):
        return None  # "a day" without a count: the duration rule decides
    unit = m.group("unit").lower()
    if unit.startswith("quarter") and q != "every":
        return None
    n = m.group("num")
    k = 2 if n and n.strip().lower() == "other" else (number_value(n) if n else 1) or 1
    if n and k != 1 and not unit.endswith("s"):
        return None
    return Found(m.start(), m.end(), "SET", duration_value(k, unit))


@rule(
    "set_adverb",
    r"(?<![\w-])(?P<w>(?i:daily|nightly|weekly|monthly|annually|yearly|hourly|quarterly|"
    r"biannually|biennially|annual))(?![\w-])",
)
def set_adverb(m, ctx):
    w = m.group("w").lower()
    if w == "annual":
        # "the annual conference": an event that recurs every year (SET, as MEANTIME's one such case);
        # "annual revenue", "annual loss": the year it covers (MEANTIME: DURATION P1Y, 3 of 3)
        if re.match(
            W + r"(?:[A-Z]\w*" + W + r")*(?i:conferences?|meetings?|summits?|conventions?|festivals?|"
            r"keynotes?|events?|celebrations?|parades?|gatherings?|ceremon(?:y|ies)|shows?|fairs?|"
            r"pilgrimages?|rall(?:y|ies)|visits?|trips?|tournaments?|races?|awards?)\b",
            ctx.next_text(m.end(), 60),
        ):
            return Found(m.start(), m.end(), "SET", "P1Y")
        return Found(m.start(), m.end(), "DURATION", "P1Y")
    return Found(m.start(), m.end(), "SET", SET_ADVERBS[w])


# Clock times and expressions that point at a time named before ("now", "that day", "the next
# day") register right after the rules above, before periods.py's: rule order breaks ties, and
# is kept as it was when they were one module.
from . import references as _references  # noqa: E402, F401
