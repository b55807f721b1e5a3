"""Rules for reporting periods and ranges (issue 9, read off MEANTIME's tuned part and the
conventions of TimeML newswire): the first number of a duration range, "the year-earlier
quarter", "year-end", and the time of day inside "the day" ("late in the day", "the start of
the day"). Registered into :data:`grammar.RULES` on import.

* **a range of durations** ("between 60 and 90 days", "two to three years", "five or six
  months"): the unit is written once, after the second number, and TimeML annotates each end
  (MEANTIME gold: "between [60] and [90 days]", P60D and P90D). The second number is found by the
  duration rule; this rule gives the first its own DURATION with the shared unit. Not with "ago",
  "earlier", "later" or an age after the unit ("20 to 30 years ago" is a date range, "aged 20 to
  30 years old" an age): those stay the second number's alone.
* **the year-earlier period** ("the year-earlier quarter", "the year-ago period"): the period
  last named, a year back, as "the same period last year" is (financial news writes it both ways).
* **year-end** ("by year-end", "at year-end 2008"): the year, as "the end of this year" is in
  MEANTIME gold (DATE 2011 with the year's precision). Told in the past tense it is the last
  year-end passed, the year before publication; otherwise the publication year. A "fiscal
  year-end" is a company's own calendar and is left out.
* **a part of the day last mentioned** ("until the next morning", "That night, the crew slept",
  "the same evening"): a TIME, the day last mentioned (else publication) shifted by one for
  "next"/"following"/"previous", with the part of the day (TMO, TAF, TEV, TNI).
* **one unit before the date last mentioned** ("The year before, he was promoted", "after
  falling the year before.", "The night before, guards had left"): only with punctuation after it,
  since "the day before the election" counts from an event without a date.
* **the day as a time of day** ("late in the day", "earlier in the day", "at the start of the
  day"): the day last mentioned (else publication), as "the day" is; so too the week, month or
  year ("earlier in the week": the week of the date last mentioned, else of publication). These forms are read even
  before "after ..." ("rebounded late in the day after falling"), which otherwise marks "the day
  after the vote". "the end of the day" is left out: it is also an idiom ("at the end of the day,
  it is about trust").
"""

from __future__ import annotations

import re

from ..lang.numbers import number_value
from ..lang.times import NUM_WORD_RE, PART_OF_DAY, UNIT_RE
from .grammar import WO, YEAR, Found, W, rule
from .relative import duration_value

# a plain number (digits or number words), not "a", "several" or "a few": a range has two real ends
_PLAIN_NUM = r"(?:\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+|(?i:" + NUM_WORD_RE + r"))"


@rule(
    "duration_range",
    r"(?<![\w$€£.,-])(?P<low>" + _PLAIN_NUM + r")" + W + r"(?i:and|to|or)" + W + r"(?:" + _PLAIN_NUM + r")"
    r"(?:-|"
    + W
    + r")(?:(?i:more|additional|straight|consecutive|full|trading|business|working|calendar)"
    + W
    + r")?(?P<unit>(?i:"
    + UNIT_RE
    + r"))(?![\w-])(?P<post>"
    + W
    + r"(?i:ago|earlier|later|before|after|old|of age|from now)\b)?",
)
def duration_range(m, ctx):
    if m.group("post") or re.match(r"-olds?\b", ctx.next_text(m.end(), 6)):
        return None
    if ctx.prev_word(m.start()) in ("aged", "ages", "from"):
        return None  # an age range; "from 9 to 5 hours" reads as a span of clock times, not two lengths
    unit = m.group("unit").lower()
    if unit.startswith("quarter"):
        return None  # "two or three quarters of the vote"
    low = number_value(m.group("low").lower())
    if low is None or low <= 0:
        return None
    return Found(m.start("low"), m.end("low"), "DURATION", duration_value(low, unit))


@rule(
    "year_earlier",
    r"(?<![\w-])(?i:the"
    + W
    + r"(?:comparable"
    + W
    + r"|same"
    + W
    + r")?year-?"
    + WO
    + r"(?:earlier|ago)"
    + W
    + r"(?P<u>period|quarter|month|week|day|season|half))(?![\w-])",
)
def year_earlier(m, ctx):
    u = m.group("u").lower()
    return Found(m.start(), m.end(), "DATE", None, "sameperiod:" + ("day" if u == "day" else "period"))


@rule(
    "year_end",
    r"(?<![\w-])(?:(?i:the)"
    + W
    + r")?(?i:year)(?:-|"
    + W
    + r")(?i:end)(?![\w-])(?:"
    + W
    + r"(?P<year>"
    + YEAR
    + r")\b)?",
)
def year_end(m, ctx):
    if ctx.prev_word(m.start()) in ("fiscal", "financial", "its", "their", "company's"):
        return None  # a company's own year-end: its calendar is not given
    if m.group("year"):
        return Found(m.start(), m.end(), "DATE", f"{int(m.group('year')):04d}")
    if ctx.dct is None:
        return None
    told = ctx.direction(m.start(), m.end()) or ctx.clause_tense(
        m.start(), m.end()
    )  # "stood at $2bn at year-end"
    past = told == "past" and not (ctx.dct.month == 12 and ctx.dct.day == 31)
    return Found(m.start(), m.end(), "DATE", f"{ctx.dct.year - 1 if past else ctx.dct.year:04d}")


@rule(
    "day_part",
    r"(?<![\w-])(?:(?i:early|late|later|earlier)"
    + W
    + r"(?i:in)"
    + W
    + r"(?P<s>(?i:the"
    + W
    + r"(?P<u>day|week|month|year)))|"
    r"(?P<s2>(?i:the" + W + r"(?:start|beginning|close|middle)" + W + r"of" + W + r"the" + W + r"day)))"
    r"(?![\w-])(?!" + W + r"(?i:of|when|that)\b)",
)
def day_part(m, ctx):
    g = "s" if m.group("s") else "s2"
    unit = (m.group("u") or "day")[0].upper()  # "earlier in the week": the week of the date last mentioned
    return Found(m.start(g), m.end(g), "DATE", None, f"anchored:0:{unit}")


@rule(
    "anchored_day_part",
    r"(?<![\w-])(?P<rel>(?i:the next|the following|the previous|that|the same))"
    + W
    + r"(?P<pod>(?i:morning|afternoon|evening|night))(?![\w-])",
)
def anchored_day_part(m, ctx):
    # "lasted until the next morning", "That night, the crew slept": a part of the day last mentioned
    # (one after it, or one before), as "the next day" and "that day" are
    rel = m.group("rel").lower()
    shift = 1 if rel in ("the next", "the following") else -1 if rel == "the previous" else 0
    return Found(
        m.start(), m.end(), "TIME", None, f"anchored:{shift}:D:{PART_OF_DAY[m.group('pod').lower()]}"
    )


@rule(
    "unit_before",
    r"(?<![\w-])(?i:the)"
    + W
    + r"(?P<u>(?i:day|week|month|year|night|morning|afternoon|evening))"
    + W
    + r"(?i:before|earlier)(?=[^\S\n]*(?:[,.;:)]|$))",
)
def unit_before(m, ctx):
    # "The year before, he was promoted", "after falling the year before.": one unit before the date last
    # mentioned. Only with nothing after it but punctuation: "the day before the election" counts from the
    # election, which has no date here
    u = m.group("u").lower()
    if u in PART_OF_DAY:
        return Found(m.start(), m.end(), "TIME", None, f"anchored:-1:D:{PART_OF_DAY[u]}")
    return Found(m.start(), m.end(), "DATE", None, f"anchored:-1:{u[0].upper()}")
