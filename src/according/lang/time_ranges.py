"""English words for times far off and for ranges of dates (issue 9: times that hold on new text).

Read by ``times.years`` (a year more than 30 years past publication is a year only after one of
``FAR_YEAR_PREPOSITIONS``: "crop yields by 2050", "until 2070"; bare, "2070" is more often a count)
and ``times.ranges`` (two dates joined by one of ``RANGE_CONNECTORS`` are the ends of one stretch:
"from January 23 through March 9"), and a number before a street is a house number, not a year
(``STREET_SUFFIXES``: "of 1935 Orchard St."), unless one of ``YEAR_PREPOSITIONS`` comes before it.
spaCy-free.
"""

from __future__ import annotations

FAR_YEAR_PREPOSITIONS = frozenset({"by", "until", "till", "through", "before", "in", "from", "to"})

# the words between the two ends of a range of dates ("January 23 through March 9", "Dec. 20 - Jan. 5")
RANGE_CONNECTORS = frozenset({"through", "thru", "to", "until", "till", "-", "–", "and"})

# the last word of a street's name: "1935 Orchard St.", "2001 N. Main Street" hold a house number
STREET_SUFFIXES = (
    "St|Street|Rd|Road|Ave|Avenue|Blvd|Boulevard|Dr|Drive|Ln|Lane|Ct|Court|Pl|Place|Hwy|Highway|"
    "Pkwy|Parkway|Ter|Terrace|Cir|Circle|Pike"
)
# before which a number is still a year: "in 2001 Main Street Bank opened"
YEAR_PREPOSITIONS = frozenset({"in", "since", "until", "during", "before", "after", "by"})
