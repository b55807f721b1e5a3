"""People addressed by name: "you" in a sentence that calls someone by name is that person.

"'Frank, I have never bothered you during the game'" (an e-mail the poet Frank Messina quotes
in his answer), "Cool clock, Ahmed. ... kids like you" (a tweet to Ahmed Mohamed): the
interview's turn says the answerer speaks to the interviewer, so without this the "you" of a
quoted message went to the interviewer. A vocative is a person's name set off by punctuation
(after an opening quotation mark, a comma or the sentence start; before a comma or the end of
the sentence) that the parse does not make an argument of a verb (``npadvmod``/``intj``, or an
apposition closing its sentence: "Cool clock, Ahmed."). It holds for its own sentence and, inside
one quotation, for the sentences after it in that quotation.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..entities import Mention
from ..nlp import Parse

_OPENERS = frozenset(("'", '"', "\u201c", "\u2018", ",", ":", "--", "\u2014"))
_CLOSERS = frozenset((",", ".", "!", "?", "'", '"', "\u201d", "\u2019"))
_VOCATIVE_DEPS = frozenset(("npadvmod", "intj", "vocative"))
_ENDS = frozenset((".", "!", "?"))


@dataclass(frozen=True, slots=True)
class Vocative:
    """A person called by name: the entity, the sentence, and the quotation it stands in."""

    entity: str
    sent: int
    region: tuple[int, int] | None  # the quotation-mark region holding the name, if any


def find_vocatives(
    p: Parse,
    mentions: Iterable[Mention],
    person: set[str],
    region_of: Callable[[int], tuple[int, int] | None],
) -> list[Vocative]:
    """The vocatives among ``mentions`` of the entities in ``person``, in text order
    (``region_of(char)``: the quotation region holding a character, or None)."""
    toks = p.toks
    out: list[Vocative] = []
    for m in mentions:
        if m.entity not in person or m.kind not in ("name", "alias"):
            continue
        head = next(
            (k for k in range(m.tok_start, m.tok_end) if not m.tok_start <= toks[k].head < m.tok_end),
            m.tok_end - 1,
        )
        sent = toks[head].sent
        first = p.sents[sent].start
        before = toks[m.tok_start - 1].text if m.tok_start > first else ""
        after = toks[m.tok_end].text if m.tok_end < len(toks) else "."
        if before and before not in _OPENERS or after not in _CLOSERS:
            continue
        dep = toks[head].dep
        closes = after in _ENDS or (m.tok_end + 1 < len(toks) and toks[m.tok_end + 1].text in _ENDS)
        if dep in _VOCATIVE_DEPS or (dep == "appos" and before == "," and closes):
            out.append(Vocative(m.entity, sent, region_of(m.start)))
    return out


class Addressed:
    """Who a second-person pronoun addresses by name, from the article's vocatives."""

    def __init__(self, p: Parse, vocatives: list[Vocative]):
        self.p = p
        self.vocatives = vocatives
        self.sents = [v.sent for v in vocatives]

    def at(self, i: int, region: tuple[int, int] | None) -> str | None:
        """The person addressed at token ``i`` (``region``: its quotation, if any): a vocative
        in its sentence, else the latest one before it in the same quotation."""
        sent = self.p.toks[i].sent
        k = bisect.bisect_right(self.sents, sent)
        same = self.vocatives[bisect.bisect_left(self.sents, sent) : k]
        if len({v.entity for v in same}) == 1:
            return same[0].entity
        if same or region is None:
            return None
        for v in reversed(self.vocatives[:k]):
            if v.region == region:
                return v.entity
        return None
