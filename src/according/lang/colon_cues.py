"""Word data for colon cues ("NAME: what they said"; ``according.quotes.colons``).

A headline "Graham: Trump's rhetoric destroying GOP's chances" or a transcript turn
"TAPPER: Do you think ..." attributes what follows the colon to the name before it (PolNeAR
train: 145 gold attributions whose cue is a colon, 78 of them in a title). Many colons after a
capitalised phrase are labels, not speakers ("The Latest: ...", "BYLINE: ...", "EXCLUSIVE:
...", "UPDATE: ..."); the words here are those labels (read off the titles of PolNeAR train that
have a colon and no colon attribution, and page furniture).
"""

from __future__ import annotations

# Lowercased words that make a capitalised prefix a label rather than a speaker.
LABEL_WORDS = frozenset(
    """
latest byline exclusive update updated breaking video photo photos image images
source sources credit credits related read more note editor editors correction
clarification disclosure advertisement sponsored analysis opinion commentary review
live listen transcript subscribe follow contact email share tags topics filed
daily weekly morning evening email nerdcast briefing newsletter podcast
fact check summary background context warning spoiler
name paid notice deaths obituary chart map graphic timeline
""".split()
)

# Labels of a question-and-answer layout: "Q: ... A: ..." (PolNeAR gold: the source is "Q"
# or "A" as written; the speakers stage resolves who they are).
QA_LABELS = frozenset(("q", "a", "question", "answer"))

# First person that, in the answer of a turn, is the one answering ("FALLIN: ... I said so").
ANSWERER_PRONOUNS = frozenset(("i", "me"))
