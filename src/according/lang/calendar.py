"""Month names and time-zone words of English news text."""

from __future__ import annotations

MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# Every written form of a month (full name and abbreviations) -> its number.
MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
# Names of Coordinated Universal Time -> its ISO 8601 designator.
UTC_NAMES = {"utc": "Z", "gmt": "Z", "z": "Z"}
# Time-zone abbreviations printed on news pages with a fixed offset -> minutes east of UTC.
# Abbreviations with one meaning in English-language news. Ambiguous ones
# (IST, AST, CST in Asia) are read the way US/UK outlets use them or left out.
ZONE_OFFSETS = {
    "GMT": 0,
    "UTC": 0,
    "Z": 0,
    "BST": 60,
    "IST": 120,
    "CET": 60,
    "CEST": 120,
    "EET": 120,
    "EEST": 180,
    "WET": 0,
    "WEST": 60,
    "MSK": 180,
    "JST": 540,
    "KST": 540,
    "HKT": 480,
    "SGT": 480,
    "AEST": 600,
    "AEDT": 660,
    "NZST": 720,
    "NZDT": 780,
    "EST": -300,
    "EDT": -240,
    "CST": -360,
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "AKST": -540,
    "AKDT": -480,
    "HST": -600,
}
# Zone names without a season: the offset depends on the date (daylight saving).
ZONE_REGIONS = {
    "ET": "America/New_York",
    "EASTERN": "America/New_York",
    "CT": "America/Chicago",
    "CENTRAL": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
    "PACIFIC": "America/Los_Angeles",
}
