"""Is this line a headline? The one test of a headline's shape, for every stage that asks.

A headline stands on a line of its own, is short, and does not end like a sentence: no final
full stop, question or exclamation mark, closing quotation mark, colon or bracket. The times
stage asks it of the line around an expression (in a headline the present tense reports the
past: "Talks resume in Cairo" is news of talks that resumed).

Two other line tests look alike but answer other questions, so they stay where they are:
``entities.names.title_case_lines`` asks whether a line is written in Title Case (where the
tagger guesses names, whether or not the line is a headline), and ``ingest.furniture`` picks
``meta.headline`` among the title-like lines above a page's body (a PolNeAR headline may end
with a full stop there, since the body below tells it apart).

Not calibrated: 20 words and 200 characters were chosen by hand as longer than the headlines
of the development corpora and shorter than a paragraph of prose.
"""

from __future__ import annotations

import bisect
import re

MAX_HEADLINE_WORDS = 20
MAX_HEADLINE_CHARS = 200  # a longer line is prose, whatever its end
_ENDS_LIKE_A_SENTENCE = re.compile(r"[.!?\"”’':)]$")
_NEWLINE = re.compile("\n")


def is_headline(line: str) -> bool:
    """A line of a headline's shape: not empty, no sentence end, at most MAX_HEADLINE_WORDS words."""
    line = line.strip()
    return bool(line) and not _ENDS_LIKE_A_SENTENCE.search(line) and len(line.split()) <= MAX_HEADLINE_WORDS


class HeadlineLines:
    """``HeadlineLines(text)(offset)``: is the line of ``text`` holding ``offset`` a headline?
    The line breaks are found once (a scan in C), each question is a binary search."""

    def __init__(self, text: str):
        self.text = text
        self.breaks = [m.start() for m in _NEWLINE.finditer(text)]

    def __call__(self, offset: int) -> bool:
        k = bisect.bisect_left(self.breaks, offset)
        start = self.breaks[k - 1] + 1 if k > 0 else 0
        end = self.breaks[k] if k < len(self.breaks) else len(self.text)
        if end - start > MAX_HEADLINE_CHARS:
            return False
        return is_headline(self.text[start:end])
