"""Words of page furniture: the words a reading-time line or a byline's time stamp is made of.

Read by ``according.ingest.furniture``: a line whose words (after the reading time or the time
stamp is taken out) are all in these sets is furniture, not article text. Moved here unchanged
from ``ingest/pagelines.py`` (issue 11).
"""

from __future__ import annotations

# "5 min read", "Listen to this article · 4 min": the words around a reading time.
READ_WORDS = {
    "listen",
    "to",
    "this",
    "article",
    "story",
    "read",
    "reading",
    "time",
    "learn",
    "more",
    "min",
    "mins",
    "minute",
    "minutes",
    "audio",
    "estimated",
}

# "Updated on March 3 at 5:00 pm · Share · Save": the words around a time stamp.
STAMP_WORDS = {
    "on",
    "at",
    "and",
    "the",
    "by",
    "share",
    "save",
    "comment",
    "comments",
    "listen",
    "min",
    "read",
    "ago",
    "hours",
    "first",
    "last",
    "edition",
    "print",
    "local",
    "time",
    "date",
}
