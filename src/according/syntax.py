"""The parse every stage reads: plain tuples of tokens, sentences and entities, with tree helpers.

``nlp.py`` (the only module that imports spaCy) builds a :class:`Parse` from a spaCy ``Doc``;
this module imports nothing of spaCy, so stages, the pipeline and tests can use it without
loading the model. Tree walks go through the helpers here (:meth:`Parse.ancestors`,
:meth:`Parse.is_ancestor`, :meth:`Parse.subtree`, ``Parse.children(i, dep=...)``,
:meth:`Parse.governing_verb`) instead of loops over ``.head`` of their own: the walk up the
head chain stops at the root (a token that is its own head) and at a repeated token, so a
malformed parse cannot loop. A pass over every token that looks only at a few labels asks
:meth:`Parse.tokens_with` for them (a token field read once per parse as a column,
:meth:`Parse.column`, and tested at C speed): the stages replayed on 80 PolNeAR dev parses went
34.0-34.5 -> 32.6-32.9 us/word with a dozen such passes moved to the columns (same records).
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import compress
from operator import eq, itemgetter, ne
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


_FIELD_GETTERS = {name: itemgetter(k) for k, name in enumerate(Tok._fields)}


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

    def __call__(self, token: int, dep: str | Collection[str] | None = None) -> tuple[int, ...]:
        kids: tuple[int, ...] = self[token]
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
    # always () from nlp.to_parse (no stage reads noun chunks; spaCy's iterator cost ~1 us/word);
    # the field stays so that parses built by hand keep their shape
    noun_chunks: tuple[tuple[int, int], ...]
    model: str

    @cached_property
    def children(self) -> Children:
        kids: list[list[int]] = [[] for _ in self.toks]
        heads, ids = self.column("head"), self.column("i")
        for k in compress(range(len(ids)), map(ne, heads, ids)):  # (the roots skipped at C speed)
            kids[heads[k]].append(ids[k])
        index = Children(tuple(k) for k in kids)
        index.toks = self.toks
        return index

    def ancestors(self, token: int, include_self: bool = False) -> Iterator[int]:
        """The heads above ``token``, nearest first, up to the root (``token`` first if
        ``include_self``). Stops at a token already visited, so a cyclic parse ends."""
        toks = self.toks
        seen = {token}
        if include_self:
            yield token
        while True:
            head = toks[token].head
            if head in seen:
                return
            seen.add(head)
            yield head
            token = head

    def is_ancestor(self, ancestor: int, token: int) -> bool:
        """Whether ``ancestor`` is ``token`` or one of its heads (it dominates ``token``)."""
        return ancestor == token or any(x == ancestor for x in self.ancestors(token))

    def governing_verb(self, token: int) -> int | None:
        """The nearest verb or auxiliary at or above ``token`` (None when there is none)."""
        for x in self.ancestors(token, include_self=True):
            if self.toks[x].pos in ("VERB", "AUX"):
                return x
        return None

    def subtree(self, token: int) -> tuple[int, int]:
        """(first, last+1) token indices of the subtree of ``token`` (projective)."""
        lo, hi = self._subtree_bounds
        if lo[token] >= 0:
            return lo[token], hi[token] + 1
        return self._walk_subtree(token)  # a token no root reaches (a malformed parse)

    def _walk_subtree(self, token: int) -> tuple[int, int]:
        lo = hi = token
        stack = [token]
        kids = self.children
        while stack:
            j = stack.pop()
            lo = min(lo, j)
            hi = max(hi, j)
            stack.extend(kids[j])
        return lo, hi + 1

    @cached_property
    def _subtree_bounds(self) -> tuple[list[int], list[int]]:
        """First and last token of every token's subtree, from the leaves up in one pass over
        the trees under the roots (tokens that are their own head); -1 for a token no root
        reaches, which :meth:`subtree` walks as it is asked."""
        n = len(self.toks)
        lo, hi = [-1] * n, [-1] * n
        kids = self.children
        ids = self.column("i")
        order: list[int] = list(
            compress(ids, map(eq, self.column("head"), ids))
        )  # every token after its head
        k = 0
        while k < len(order):
            order.extend(kids[order[k]])
            k += 1
        if len(order) > n:  # a token reached twice: not a forest; walk each token when asked
            return lo, hi
        for j in reversed(order):
            a = b = j
            for c in kids[j]:
                if lo[c] < a:
                    a = lo[c]
                if hi[c] > b:
                    b = hi[c]
            lo[j], hi[j] = a, b
        return lo, hi

    def char_span(self, first: int, end: int) -> tuple[int, int]:
        """Character offsets of tokens ``first`` .. ``end - 1``."""
        return self.toks[first].start, self.toks[end - 1].end

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

    @cached_property
    def _columns(self) -> dict[str, tuple]:
        return {}

    def column(self, field: str) -> tuple:
        """Every token's ``field`` (a :class:`Tok` field name), in token order: read once per
        parse at C speed, for the stages' passes over all tokens (``tokens_with``)."""
        col = self._columns.get(field)
        if col is None:
            col = self._columns[field] = tuple(map(_FIELD_GETTERS[field], self.toks))
        return col

    def tokens_with(self, field: str, values: Collection) -> list[int]:
        """Indices of the tokens whose ``field`` is in ``values``, in order (the test at C speed:
        a pass that looks only at a few parts of speech or labels skips the other tokens
        without a Python step each; a frozenset's test, by the strings' cached hashes, took 11 us
        for 317 tokens where a tuple's took 50-70)."""
        test = frozenset(values).__contains__
        return list(compress(range(len(self.toks)), map(test, self.column(field))))
