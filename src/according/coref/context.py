"""Who is speaking at a point of the text: quotations and interview turns.

First and second person refer to the one speaking and the one spoken to, not
to the writer: "I" inside a quotation is its speaker; in an interview laid out
as "NAME: answer" (or "Q: ... A: ...") "I" in a turn is the one answering and
"you" the other party. :func:`find_turns` reads the layout from paragraph
starts; :class:`Voices` answers "who speaks at character c", the innermost
context winning (a quotation inside an answer is the quoted person's).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lang.coref import TURN_ANSWER, TURN_QUESTION

if TYPE_CHECKING:
    from ..entities import Mention

# A turn label: one to five capitalised words (or "Q"/"A") then a colon at a
# paragraph start. Longer runs are prose ("Note: ...", headings are shorter).
_LABEL = re.compile(
    r"(?m)^[ \t]*((?:[A-Z][\w.'’\-]*)(?:[ \t]+(?:[A-Z][\w.'’\-]*|of|de|van|von|al|bin)){0,4})[ \t]*:[ \t]+\S"
)
# A layout is an interview when at least this many paragraphs carry labels and
# at least one label recurs (a lone "Note:" or "Update:" is no interview).
MIN_TURNS = 3


@dataclass(frozen=True, slots=True)
class Turn:
    start: int  # character offset of the label
    label_end: int  # end of the label text (before the colon)
    end: int  # where the next turn starts (or the text ends)
    label: str
    role: str  # "question" | "answer" | "named"


def find_turns(text: str) -> tuple[Turn, ...]:
    """The interview turns of ``text`` (empty when it is not laid out as one)."""
    hits = [(m.start(1), m.end(1), m.group(1)) for m in _LABEL.finditer(text)]
    if len(hits) < MIN_TURNS:
        return ()
    counts = Counter(label.casefold() for _, _, label in hits)
    recurring = {label for label, n in counts.items() if n >= 2}
    if not recurring:
        return ()
    # Only labels that recur, or that name someone once in an otherwise
    # labelled layout (a guest answering once), count; "Note:" alone does not.
    keep = [h for h in hits if h[2].casefold() in recurring or len(h[2].split()) >= 2]
    if len(keep) < MIN_TURNS:
        return ()
    turns = []
    for k, (a, b, label) in enumerate(keep):
        end = keep[k + 1][0] if k + 1 < len(keep) else len(text)
        low = label.casefold()
        role = "question" if low in TURN_QUESTION else "answer" if low in TURN_ANSWER else "named"
        turns.append(Turn(a, b, end, label, role))
    return tuple(turns)


@dataclass(frozen=True, slots=True)
class Voice:
    start: int
    end: int
    speaker: str  # entity id
    listener: str | None  # entity id of the one spoken to (interview turns)


class Voices:
    """Contexts (quotations, turns) with their speaker, innermost first."""

    def __init__(self, voices: list[Voice]):
        # Sorted by start; lookups scan the few that start before a point.
        self.voices = sorted(voices, key=lambda v: (v.start, -v.end))
        self.starts = [v.start for v in self.voices]

    def at(self, char: int) -> Voice | None:
        """The innermost context holding ``char`` (the shortest one)."""
        k = bisect.bisect_right(self.starts, char)
        best: Voice | None = None
        for v in self.voices[:k]:
            if v.start <= char < v.end and (best is None or v.end - v.start < best.end - best.start):
                best = v
        return best


# A paragraph that ends in a bare name after its last sentence: a pull quote signed by its
# speaker ("I was basically hauled in and told ... she was suppressive. Valeska Paris").
_SIGNED = re.compile(
    r"(?m)^([^\n]*?[.!?][\"”’]?)[ \t]+([A-Z][\w.'’\-]+(?:[ \t]+[A-Z][\w.'’\-]+){1,3})[ \t]*$"
)
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|[Mm]e)\b")


def signed_paragraphs(text: str) -> list[tuple[int, int, int]]:
    """(paragraph start, signature start, signature end) of each paragraph in the first person
    that ends in a bare name (the caller checks that it names a person)."""
    return [
        (m.start(1), m.start(2), m.end(2)) for m in _SIGNED.finditer(text) if _FIRST_PERSON.search(m.group(1))
    ]


def signed_voices(text: str, mentions: Sequence[Mention], is_person: Callable[[str], bool]) -> list[Voice]:
    """A first-person paragraph signed by a person's bare name at its end is that person's
    voice (a pull quote; GUM tuned: the three "I"/"my" of one, left to no one before, whose name
    the tagger made a body; never on PolNeAR dev's tuned half or the specimen)."""
    out = []
    for a, b, c in signed_paragraphs(text):
        m = next((m for m in mentions if (m.start, m.end) == (b, c) and m.kind != "pronoun"), None)
        if m is not None and is_person(m.entity):
            out.append(Voice(a, b, m.entity, None))
    return out
