"""Rules for clock times ("at 9 a.m. local time") and for expressions that point at the present
or at a time named before: "now", "recently", "the first day", "that day", "at that time", "the
same period", "the next day".

Registered into :data:`grammar.RULES` on import, which ``relative.py`` does at its end (after its
weekdays, durations and sets, before ``periods.py``'s rules).
"""

from __future__ import annotations

import re

from ..lang.calendar import UTC_NAMES
from ..lang.times import REF_WORDS, WEEKDAY_RE, ZONE_RE
from .grammar import WO, Found, W, rule
from .relative import next_told_as_date

_AMPM = r"(?P<ampm>(?i:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?![\w]))"
_ZONE = (
    r"(?P<zone>"
    + ZONE_RE
    + r"(?![\w])|\((?:GMT|UTC)"
    + WO
    + r"[+\-−]"
    + WO
    + r"\d{1,2}(?::?\d{2})?\)|\("
    + ZONE_RE
    + r"\))"
)


@rule(
    "clock",
    r"(?<![\w:.,$])(?P<h>[012]?\d)(?::(?P<mi>[0-5]\d))?(?::[0-5]\d)?"
    + WO
    + _AMPM
    + r"(?:"
    + WO
    + _ZONE
    + r")?"
    r"|(?<![\w:.,$])(?P<h2>[012]?\d):(?P<mi2>[0-5]\d)(?![\d:])(?:"
    + WO
    + _ZONE.replace("zone", "zone2")
    + r")?"
    r"|(?<![\w:.,$])(?P<h3>[01]\d|2[0-3])(?P<mi3>[0-5]\d)" + W + r"(?P<zone3>UTC|GMT|(?i:hours|local time)|Z)"
    r"(?![\w])|(?<![\w-])(?P<noon>(?i:noon|midday|midnight))(?![\w-])",
)
def clock(m, ctx):
    if m.group("noon"):
        if ctx.prev_word(m.start()) not in (
            "at",
            "by",
            "until",
            "till",
            "before",
            "after",
            "around",
            "from",
            "since",
            "past",
            "shortly",
            "just",
            "to",  # "worked from 6:00am to midnight" (GUM Wikinews tuned part, the one clock time missed)
            "through",
            "near",
            "about",
        ) and not _NOON_DAY.match(ctx.text, m.end()):
            return None  # "a midday meal", "midnight blue"; not "the deadline is noon Friday"
        # TimeML writes midnight as T24:00 (the end of the day it closes)
        return Found(
            m.start(),
            m.end(),
            "TIME",
            "T24:00" if m.group("noon").lower() == "midnight" else "T12:00",
            "clock",
        )
    if m.group("h") is not None:
        h, mi, zone = int(m.group("h")), int(m.group("mi") or 0), m.group("zone")
        if not 1 <= h <= 12:
            return None
        pm = m.group("ampm").lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
    elif m.group("h2") is not None:
        h, mi, zone = int(m.group("h2")), int(m.group("mi2")), m.group("zone2")
        if h > 23:
            return None
        if not zone and ctx.prev_word(m.start()) not in (
            "at",
            "around",
            "about",
            "by",
            "until",
            "till",
            "from",
            "before",
            "after",
            "approximately",
            "since",
        ):
            return None
    else:
        h, mi, zone = int(m.group("h3")), int(m.group("mi3")), m.group("zone3")
    z = UTC_NAMES.get((zone or "").strip("()").split()[0].lower(), "") if zone else ""
    if zone and zone.startswith("(") and re.search(r"[+\-−]", zone):
        z = ""  # "(GMT +8)": local time; TIMEX3 values here carry no offsets
    return Found(m.start(), m.end(), "TIME", f"T{h:02d}:{mi:02d}{z}", "clock")


# "noon" / "midnight" told with its day after it ("the deadline is noon Friday", "midnight Tuesday"): a time
# whatever the word before it
_NOON_DAY = re.compile(r"[^\S\n]+(?:on[^\S\n]+)?(?:" + WEEKDAY_RE + r"|(?i:today|tomorrow|tonight))(?![\w-])")


@rule(
    "ref",
    r"(?<![\w-])(?P<w>(?i:now|nowadays|this time|these days|recently|lately|at present|the present|"
    r"the time being|the past|the future|the near future|the distant future|the foreseeable future|"
    r"the long term|the short term|the near term|the long run|the short run|currently|(?:very )?soon|recent))"
    r"(?![\w-])",
)
def ref(m, ctx):
    w = m.group("w").lower()
    nxt = ctx.next_text(m.end(), 20)
    if w == "currently":  # TimeML PRESENT_REF (TimeBank tags it; MEANTIME's region 2 of 7)
        return Found(m.start(), m.end(), "DATE", "PRESENT_REF")
    if w.endswith("soon"):
        # "very soon" is FUTURE_REF (MEANTIME 1 of 1); "as soon as", "soon after", "how soon" are not
        # times, nor "soon" told in the past ("he soon left": no reference to the future)
        if (
            ctx.prev_word(m.start()) in ("as", "how", "too")
            or re.match(r"[^\S\n]+(?:after|afterwards|thereafter|as|enough)\b", nxt)
            or ctx.tense(m.start(), m.end()) == "past"
        ):
            return None
        return Found(m.start(), m.end(), "DATE", "FUTURE_REF")
    if w == "recent":
        # the adjective ("recent losses", "the recent downturn") is PAST_REF (MEANTIME 3 of 4 in the region);
        # "most recent" / "more recent" compare and are not times
        if ctx.prev_word(m.start()) in ("most", "more", "less", "least") or not re.match(
            r"[^\S\n]+[A-Za-z]", nxt
        ):
            return None
        return Found(m.start(), m.end(), "DATE", "PAST_REF")
    if (
        w in ("the past", "the future", "the present")
        and re.match(W + r"(?!of\b|and\b|or\b|is\b|was\b|will\b|has\b)[a-z]", nxt)
        and not (ctx.prev_word(m.start()) == "in" and ctx.pos_before(m.end()) == "NOUN")
    ):
        # "the past president", "the future king"; "in" and the noun stay a time before a clause's next word
        # ("in the future it will", "had been investigated in the past by", "could damage the party in the
        # future by": PolNeAR train files 0-400, 6 such, all times by reading; "put the past behind them", "the future we want" are not
        # times and stay out)
        return None
    if w == "now" and re.match(r"[^\S\n]*(?:that|-)", nxt):
        return None  # "now that", "now-defunct"
    if w == "this time" and re.match(W + r"(?:of|last|next|around|the|a|an|in|on|to)\b|[^\S\n]*-", nxt):
        return None  # "this time last year", "this time of year"
    if w == "at present":
        return Found(m.end() - 7, m.end(), "DATE", "PRESENT_REF")
    return Found(m.start(), m.end(), "DATE", REF_WORDS[w])


@rule(
    "ordinal_day",
    r"(?<![\w-])(?i:(?:a|the)" + W + r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|\d+(?:st|nd|rd|th))"
    + W
    + r"(?:(?:straight|consecutive|successive|full)"
    + W
    + r")?day)(?![\w-])",
)
def ordinal_day(m, ctx):
    # "for a third straight day", "a second day of talks": in a news report, the day reported (publication)
    if ctx.dct is None or re.match(
        W + r"(?:of" + W + r"(?:the|his|her|its|their)\b|after|before)", ctx.next_text(m.end())
    ):
        return None
    return Found(m.start(), m.end(), "DATE", ctx.dct.isoformat(), "day")


@rule(
    "the_day",
    r"(?<![\w-])(?:(?:(?i:on|for|throughout|end|ended|ending|ends|finish|finished|finishing|close|"
    r"closed|closing|start|started|starting|began|begin|in)" + W + r")(?P<s>(?i:the(?: same)?" + W + r"day))|"
    r"(?P<s2>(?i:that|the same)" + W + r"(?i:day)))(?![\w-])"
    r"(?!" + W + r"(?i:after|before|when|that|of|he|she|they|we|"
    r"i|it)\b)",
)
def the_day(m, ctx):
    # "ending the day", "on the same day", "that day": the day last mentioned
    g = "s" if m.group("s") else "s2"
    return Found(m.start(g), m.end(g), "DATE", None, "anchored:0:D")


@rule(
    "that_time",
    r"(?<![\w-])(?i:(?:by|at|until|till|since|before|after|from)" + W + r")(?P<s>(?i:that time))"
    r"(?![\w-])(?!" + W + r"(?i:of|when|that|last|next)\b)",
)
def that_time(m, ctx):
    # "agreed by June 10. If not by that time, ...": the time last mentioned, as precise as it was given
    return Found(m.start("s"), m.end("s"), "DATE", None, "anchored:0:same")


@rule(
    "same_period",
    r"(?<![\w-])(?i:the same (?P<u>period|month|quarter|week|time|day)(?:"
    + W
    + r"of)?"
    + W
    + r"(?P<r>last year|a year (?:ago|earlier|before)|the (?:previous|prior|last) year|(?:of )?(?:a|one) year ago))"
    r"(?![\w-])",
)
def same_period(m, ctx):
    # "sales rose in February compared with the same period last year": the period last named, a year back
    return Found(m.start(), m.end(), "DATE", None, "sameperiod:" + m.group("u").lower())


@rule(
    "next_day",
    r"(?<![\w-])(?i:the" + W + r"(?P<w>next|following|previous|preceding)" + W + r"(?P<u>day|week|month|"
    r"year)|(?P<w2>that|the entire|the whole|the full)" + W + r"(?P<u2>week|month|year))(?![\w-])",
)
def next_day(m, ctx):
    # "the next day", "the previous week", "that year": counted from the date last mentioned
    w, u = (m.group("w") or m.group("w2")).lower(), (m.group("u") or m.group("u2")).lower()
    if w == "next" and u != "day":
        if not next_told_as_date(ctx, m):
            return None  # "over the next year" is a duration (relunit)
    if w == "previous" and u != "day":
        return None  # "the previous year": relunit, counted from publication (MEANTIME)
    if re.match(W + r"(?:of|after|before|when|that|in which)\b", ctx.next_text(m.end())):
        return None
    # "a loss for the entire year" after "the fourth quarter of 2005": that year
    n = {"next": 1, "following": 1, "previous": -1, "preceding": -1}.get(w, 0)
    code = {"day": "D", "week": "W", "month": "M", "year": "Y"}[u]
    return Found(m.start(), m.end(), "DATE", None, f"anchored:{n}:{code}")
