"""The parse every stage reads: plain tuples of tokens, sentences and entities, with tree helpers.

``nlp.py`` (the only module that imports spaCy) builds a :class:`Parse` from a spaCy ``Doc``;
this module imports nothing of spaCy, so stages, the pipeline and tests can use it without
loading the model. Tree walks go through the helpers here (:meth:`Parse.ancestors`,
:meth:`Parse.is_ancestor`, :meth:`Parse.subtree`, ``Parse.children(i, dep=...)``,
:meth:`Parse.governing_verb`) instead of loops over ``.head`` of their own: the walk up the
head chain stops at the root (a token that is its own head) and at a repeated token, so a
malformed parse cannot loop.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple


class Tok(NamedTuple):
    i: int
    text: str
    start: int  # character offset into the text
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent_type: str
    ent_iob: str  # "B", "I", "O" or ""
    sent: int  # index into Parse.sents
    ws: bool  # followed by whitespace
    like_num: bool
    is_punct: bool
    is_space: bool
    shape: str


class Ent(NamedTuple):
    start: int  # token index
    end: int  # token index, exclusive
    label: str
    start_char: int
    end_char: int
    text: str


class Sent(NamedTuple):
    start: int  # token index
    end: int
    start_char: int
    end_char: int


class Children(tuple):
    """Dependents of every token: ``children[i]`` is the tuple of token i's dependents (in text
    order); ``children(i, dep="nsubj")`` (or a collection of labels) keeps those with that label."""

    toks: tuple[Tok, ...]

    def __call__(self, i: int, dep: str | Collection[str] | None = None) -> tuple[int, ...]:
        kids: tuple[int, ...] = self[i]
        if dep is None:
            return kids
        if isinstance(dep, str):
            return tuple(c for c in kids if self.toks[c].dep == dep)
        return tuple(c for c in kids if self.toks[c].dep in dep)


@dataclass(frozen=True)
class Parse:
    text: str
    toks: tuple[Tok, ...]
    sents: tuple[Sent, ...]
    ents: tuple[Ent, ...]
    noun_chunks: tuple[tuple[int, int], ...]
    model: str

    @cached_property
    def children(self) -> Children:
        kids: list[list[int]] = [[] for _ in self.toks]
        for t in self.toks:
            if t.head != t.i:
                kids[t.head].append(t.i)
        index = Children(tuple(k) for k in kids)
        index.toks = self.toks
        return index

    def ancestors(self, i: int, include_self: bool = False) -> Iterator[int]:
        """The heads above token i, nearest first, up to the root (token i first if
        ``include_self``). Stops at a token already visited, so a cyclic parse ends."""
        toks = self.toks
        seen = {i}
        if include_self:
            yield i
        while True:
            head = toks[i].head
            if head in seen:
                return
            seen.add(head)
            yield head
            i = head

    def is_ancestor(self, a: int, b: int) -> bool:
        """Whether token a is token b or one of its heads (a dominates b)."""
        return a == b or any(x == a for x in self.ancestors(b))

    def governing_verb(self, i: int) -> int | None:
        """The nearest verb or auxiliary at or above token i (None when there is none)."""
        for x in self.ancestors(i, include_self=True):
            if self.toks[x].pos in ("VERB", "AUX"):
                return x
        return None

    def subtree(self, i: int) -> tuple[int, int]:
        """(first, last+1) token indices of the subtree of token i (projective)."""
        lo = hi = i
        stack = [i]
        kids = self.children
        while stack:
            j = stack.pop()
            lo = min(lo, j)
            hi = max(hi, j)
            stack.extend(kids[j])
        return lo, hi + 1

    def char_span(self, a: int, b: int) -> tuple[int, int]:
        """Character offsets of tokens a..b-1."""
        return self.toks[a].start, self.toks[b - 1].end

    def token_at(self, char: int) -> int | None:
        """Index of the token covering character offset ``char``."""
        starts = self._starts
        k = bisect.bisect_right(starts, char) - 1
        if k >= 0 and self.toks[k].start <= char < self.toks[k].end:
            return k
        return None

    @cached_property
    def _starts(self) -> list[int]:
        return [t.start for t in self.toks]
