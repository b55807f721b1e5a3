"""Word tables for temporal expressions (English newswire)."""

from __future__ import annotations

from ..lang.calendar import MONTHS, UTC_NAMES  # noqa: F401 - MONTHS: also imported from here by times/
from ..lang.numbers import ONES, TENS
from ..lang.reporting import PAST_REPORT_VERBS

# A month is a full name, an abbreviation with its period, or an abbreviation
# followed by a day number ("Feb 14"): bare "Mar", "Dec" are too often names.
MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?=[^\S\n]+\d))"
)

WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
WEEKDAY_RE = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.)"
)
# Named days that are not "the most recent such weekday".
WEEKDAY_NAMES_NOT_DATES = {
    "black",
    "cyber",
    "good",
    "ash",
    "super",
    "holy",
    "maundy",
    "easter",
    "palm",
    "bloody",
    "blue",
    "giving",
    "ruby",
    "man",
    "girl",
    "his",
    "her",
    "my",
    "our",
}

PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}

UNITS = {  # word -> (multiplier, TIMEX3 unit, is a clock unit)
    "second": (1, "S", True),
    "minute": (1, "M", True),
    "hour": (1, "H", True),
    "day": (1, "D", False),
    "night": (1, "D", False),
    "week": (1, "W", False),
    "fortnight": (2, "W", False),
    "month": (1, "M", False),
    "year": (1, "Y", False),
    "decade": (10, "Y", False),
    "century": (100, "Y", False),
    "centurie": (100, "Y", False),
    "quarter": (1, "Q", False),
    "weekend": (1, "WE", False),
}
UNIT_RE = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|century|centuries"
    r"|quarters?|weekends?)"
)

_ONES = ONES
_TENS = TENS
NUMBER_WORDS = {w: i for i, w in enumerate(_ONES)}
NUMBER_WORDS.update(_TENS)
NUMBER_WORDS.update(
    {
        "a": 1,
        "an": 1,
        "a single": 1,
        "single": 1,
        "a dozen": 12,
        "dozen": 12,
        "hundred": 100,
        "a hundred": 100,
        "a couple of": 2,
        "a couple": 2,
        "a pair of": 2,
    }
)
VAGUE_WORDS = {
    "several",
    "a few",
    "few",
    "many",
    "some",
    "a number of",
    "dozens of",
    "hundreds of",
    "numerous",
    "recent",
    "the past few",
    "the last few",
    "the next few",
    "the coming",
    "the past several",
    "the last several",
    "the next several",
    "the first few",
    "countless",
    "the following",
    "the previous",
    "the preceding",
    "ensuing",
    "the ensuing",
    "subsequent",
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "final": -1,
    "last": -1,
    "latest": -1,
}
NUM_WORD_RE = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five"
    r"|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|hundred|a dozen|dozen)"
)


def number_value(s: str) -> float | None:
    """'two' -> 2, 'twenty-five' -> 25, '1.5' -> 1.5, '1,000' -> 1000; None when not a number."""
    s = s.strip().lower().replace(",", "")
    try:
        return float(s)
    except ValueError:
        pass
    if s in NUMBER_WORDS:
        return float(NUMBER_WORDS[s])
    parts = s.replace("-", " ").split()
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in NUMBER_WORDS and NUMBER_WORDS[parts[1]] < 10:
        return float(_TENS[parts[0]] + NUMBER_WORDS[parts[1]])
    return None


SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# season code -> the month it is counted from when choosing its year
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# Fixed-date holidays: name -> (month, day).
HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "boxing day": (12, 26),
    "bastille day": (7, 14),
    "veterans day": (11, 11),
    "armistice day": (11, 11),
    "st. patrick's day": (3, 17),
    "guy fawkes night": (11, 5),
}
# Moving holidays computable from the Gregorian calendar: name -> ("easter", days after Easter Sunday)
# or (month, weekday Mon=0, n-th; -1 = the last). Lunar ones (Ramadan, Eid, Passover, Diwali, Chinese New
# Year) need tables we do not carry and are left out.
MOVING_HOLIDAYS = {
    "easter": ("easter", 0),
    "easter sunday": ("easter", 0),
    "easter monday": ("easter", 1),
    "good friday": ("easter", -2),
    "holy thursday": ("easter", -3),
    "maundy thursday": ("easter", -3),
    "palm sunday": ("easter", -7),
    "ash wednesday": ("easter", -46),
    "pentecost": ("easter", 49),
    "whit monday": ("easter", 50),
    "thanksgiving": (11, 3, 4),
    "thanksgiving day": (11, 3, 4),
    "black friday": (11, 3, 4, 1),
    "cyber monday": (11, 3, 4, 4),
    "memorial day": (5, 0, -1),
    "labor day": (9, 0, 1),
    "martin luther king day": (1, 0, 3),
    "martin luther king jr. day": (1, 0, 3),
    "presidents day": (2, 0, 3),
    "presidents' day": (2, 0, 3),
    "mother's day": (5, 6, 2),
    "father's day": (6, 6, 3),
    "columbus day": (10, 0, 2),
}

REF_WORDS = {  # word -> TIMEX3 value (all DATE)
    "now": "PRESENT_REF",
    "this time": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "the time being": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the long run": "FUTURE_REF",
    "the short run": "FUTURE_REF",
}

SET_ADVERBS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "quarterly": "P3M",
    "biannually": "P6M",
    "biennially": "P2Y",
}

# Verbs whose infinitive complement is about the future ("is set to resume Friday").
FUTURE_GOVERNORS = {
    "set",
    "schedule",
    "due",
    "expect",
    "plan",
    "go",
    "intend",
    "aim",
    "slate",
    "poise",
    "prepare",
    "promise",
    "pledge",
    "vow",
    "threaten",
    "agree",
    "hope",
    "want",
    "seek",
    "decide",
    "propose",
    "wish",
    "about",
    "likely",
    "ready",
    "able",
    "need",
    "have",
    "try",
    "mean",
    "arrange",
    "offer",
}
SAY_VERBS = PAST_REPORT_VERBS
ZONES = UTC_NAMES
ZONE_RE = (
    r"(?:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|IST|JST|AEST|AEDT|ET|PT|CT|MT"
    r"|local time|Z)"
)
