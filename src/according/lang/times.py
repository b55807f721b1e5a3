"""English words the times stage reads for dates inside noun phrases (issue 9).

A month-day date that modifies a noun ("arrested in April for a March 21 phone
call") has no verb of its own; the clause around the noun phrase tells whether it
lies behind the reporter. These words inside or just above the phrase say it
looks ahead whatever the clause's tense ("ahead of the March 21 vote", "the
upcoming May 3 election").
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
