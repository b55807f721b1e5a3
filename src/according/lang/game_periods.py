"""English words that show "the first half" or "the third quarter" is a part of a game, not of a year
(issue 9: times that hold on new text; read by ``times.years``). spaCy-free.

TimeML values calendar periods ("the third quarter" of a company's year: ``2009-Q3``); the halves
and quarters of a match are not calendar periods and get no value. Words chosen to be specific to
reports of games: "match", "game", "points" and "lead" are left out (a business story "matches
expectations", sells "games", gains "points").
"""

from __future__ import annotations

GAME_WORDS = frozenset(
    {
        "goal",
        "goals",
        "scored",
        "scoring",
        "halftime",
        "half-time",
        "kickoff",
        "kick-off",
        "touchdown",
        "touchdowns",
        "innings",
        "penalty",
        "overtime",
        "quarterback",
        "equaliser",
        "equalizer",
        "header",
        "referee",
        "whistle",
        "striker",
        "midfielder",
        "goalkeeper",
        "rebounds",
        "three-pointer",
        "field goal",
    }
)
