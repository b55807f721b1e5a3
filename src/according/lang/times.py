"""English words and patterns of time expressions in newswire, read by the times stage.

Weekday, unit, season and holiday names, the regex alternations the rules are built
from, the words that make a bare month a date ("in May", not "may"), and the words
that point a clause forward in time. Month names and time zones are in
:mod:`calendar`, number words in :mod:`numbers`.

A month-day date that modifies a noun ("arrested in April for a March 21 phone
call") has no verb of its own; the clause around the noun phrase tells whether it
lies behind the reporter. The words of ``AHEAD_OF_CLAUSE`` inside or just above the
phrase say it looks ahead whatever the clause's tense ("ahead of the March 21 vote",
"the upcoming May 3 election").
"""

from __future__ import annotations

# A word on the path from the date to the clause's verb that points forward in time.
AHEAD_OF_CLAUSE = frozenset(
    {
        "ahead",
        "before",
        "until",
        "till",
        "pending",
        "upcoming",
        "forthcoming",
        "coming",
        "next",
        "scheduled",
        "planned",
        "expected",
        "proposed",
        "deadline",
        "await",
        "awaiting",
        "toward",
        "towards",
    }
)

# Words on the way from a date to its clause's verb that put the thing dated ahead of the report, whatever
# the clause's tense ("investors await Friday's jobs report", "an expected announcement Friday", "Friday's
# report is expected to show gains"): AHEAD_OF_CLAUSE without the words that also narrate the past ("before
# Tuesday's primary, polls showed ...", "until", "toward") and without "deadline". A weekday the parse
# hangs on a noun reads these (times/relative.py); read on hand-built sentences, issue 9.
FORWARD_LOOKING = frozenset(
    {
        "ahead",
        "pending",
        "upcoming",
        "forthcoming",
        "coming",
        "next",
        "scheduled",
        "planned",
        "expected",
        "proposed",
        "await",
        "awaiting",
        "awaited",
        "anticipated",
        # verbs whose "to" infinitive is still to come ("voters expect Clinton to win Monday's debate",
        # "hopes to win Tuesday's primary"; PolNeAR tune half): read through the infinitive
        *("expect", "expects", "expecting", "hope", "hopes", "hoping", "plan", "plans", "planning"),
        *("intend", "intends", "intending", "vow", "vows", "vowing", "promise", "promises", "poised"),
    }
)

# The word a "to" infinitive hangs on that makes it a plan still to come, besides FORWARD_LOOKING and a
# present "is / are" ("is to testify before the committee on Thursday", "is set to sign the bill at a
# ceremony on Friday", "is likely to approve the merger at its meeting on Thursday": the parser hangs the
# day on the noun). Not any wish: "if you want to understand Thursday night's debate" (PolNeAR train, the
# Thursday gone) is why "want" (in FUTURE_GOVERNORS) is not here. Only read through an infinitive:
# "set a record on Monday" is no plan (times/resolve.py, looks_ahead).
PLAN_INFINITIVE_GOVERNORS = frozenset({"set", "due", "likely", "about", "going", "slated", "poised"})

# Prepositions that measure a stretch of time: "over the next year" is a duration, while "The next year,
# he won again" (no such word, told in the past) is the year after the one last named (times/relative.py).
EXTENT_PREPOSITIONS = frozenset({"over", "for", "during", "within", "in", "throughout", "through", "into"})

# A month is a full name, an abbreviation with its period, or an abbreviation
# followed by a day number ("Feb 14"): bare "Mar", "Dec" are too often names.
# A bare month name is a date only after one of these words ("in May", "since March"): "May"
# and "March" are also a verb, a name and a noun.
MONTH_CUES = {
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "to",
    "through",
    "during",
    "of",
    "before",
    "after",
    "between",
    "and",
    "or",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "on",
    "for",
    "around",
    "throughout",
    "into",
    "as",
    "each",
    "every",
    "past",
    "coming",
}
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

NUM_WORD_RE = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five"
    r"|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|hundred|a dozen|dozen)"
)


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
    # the United States' Election Day: the Tuesday after the first Monday of November (only in capitals,
    # as holiday names are matched: "election day" elsewhere is any country's; PolNeAR tune half, 4 missed)
    "election day": (11, 0, 1, 1),
}

# the day words that are also nouns of an era ("a brighter tomorrow", "the world of today")
DAY_WORDS_AS_NOUNS = {"tomorrow", "today", "yesterday"}
# "Today" in a name: the word before it ("told USA Today") or after it ("NBC's Today show")
TODAY_NAME_BEFORE = frozenset({"usa", "russia"})
TODAY_NAME_AFTER = frozenset({"show", "programme", "program"})

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
ZONE_RE = (
    r"(?:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|IST|JST|AEST|AEDT|ET|PT|CT|MT"
    r"|local time|Z)"
)

# Words just before a weekday that date a thing ahead of the clause's own time (issue 9, read on PolNeAR
# train's weekdays: 6 of 7 such days were put in the past by the clause's tense). "ahead of Tuesday's
# vote" is after the thing told, so on or after publication (or after the clause's own day: "rose Monday
# ahead of Tuesday's report"); a plan or a preparation "for" a day ("a rally slated for Wednesday",
# "qualified for Tuesday's debate", "a strike called for Thursday") is the nearest such day, either side:
# told in the past it may be the day gone ("a rally planned for Saturday drew thousands" on a Monday).
# Not "for" after a noun of blame or credit ("responsibility for Friday's attack": the day gone).
# The same heads met on the way up from a day the parse hangs deeper ("ahead of the Iowa caucuses on Monday",
# "ahead of voting Tuesday"; times/resolve.py ``ahead_of_day``).
AHEAD_OF_WORDS = frozenset({"ahead", "advance", "run-up"})
AHEAD_OF_DAY_RE = r"(?i:\b(?:ahead\s+of|in\s+advance\s+of|in\s+the\s+run-up\s+to))\s+$"
PLANNED_FOR_DAY_RE = (
    r"(?i:\b(?:plan|plans|planned|planning|prepare|prepares|prepared|preparing|preparations?|schedule|"
    r"scheduled|slated|set|qualified|qualify|qualifies|called|calls|braced|brace|braces|bracing|geared\s+up|"
    r"gearing\s+up|ready|readying|booked|filed|tentatively|penciled\s+in|pencilled\s+in)\s+for)\s+$"
)
# ... and told as a plan still standing, a present, perfect or future "be" before the participle ("the vote is
# set for Sunday", "talks are tentatively scheduled for Monday"): the next such day, not the nearest (a
# Wednesday story's "is set for Sunday" is not the Sunday gone; "a rally slated for Sunday drew thousands" and
# "was set for" stay the nearest). times/relative.py
PLANNED_AHEAD_FOR_DAY_RE = (
    r"(?i:\b(?:is|are|'s|will\s+be|has\s+been|have\s+been)\s+(?:now\s+|tentatively\s+|also\s+|still\s+)?"
    r"(?:set|scheduled|slated|planned|penciled\s+in|pencilled\s+in|booked)\s+for)\s+$"
)

# A participle that starts a state on a day ("will air beginning Friday", "Starting Tuesday, flights will
# be cut"): the day has the tense of the clause the participle hangs on (times/resolve.py).
FROM_DAY_PARTICIPLES = frozenset({"begin", "start"})
