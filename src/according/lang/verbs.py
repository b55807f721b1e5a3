"""Verb classes that tell the tense and mood of a clause (times/resolve.py reads them)."""

from __future__ import annotations

# Auxiliaries of the future tense (spaCy splits "won't" into "wo" + "n't").
FUTURE_AUXILIARIES = {"will", "'ll", "ll", "shall", "wo", "sha"}
# Verbs of a state, not an event: a date beside them is no schedule ("the attack Monday is the worst").
STATIVE_VERBS = {
    "be",
    "have",
    "remain",
    "seem",
    "appear",
    "continue",
    "mark",
    "show",
    "stand",
    "look",
    "feel",
    "know",
    "mean",
    "need",
    "want",
    "believe",
    "think",
    "make",
    "come",
    "follow",
    "bring",
    "leave",
}
# A participle of these puts an event in the future ("is scheduled for Friday").
SCHEDULE_WORDS = {"schedule", "slate", "plan", "set", "expect", "due", "timetable", "pencil"}
# A participle of these with "until"/"to"/"for" moves an event to a later date ("the hearing was postponed
# until Nov. 14", "the vote was pushed back to Monday"): told in the past, the new date is still ahead.
POSTPONE_VERBS = {"postpone", "delay", "adjourn", "reschedule", "defer", "push", "move"}
# The prepositions that give a scheduled or postponed event its date ("scheduled for", "delayed until").
SCHEDULE_PREPOSITIONS = {"for", "until", "till", "to"}
# Modal auxiliaries (spaCy splits "can't" into "ca" + "n't").
MODALS = {"would", "could", "may", "might", "should", "must", "can", "ca", "'d"}
