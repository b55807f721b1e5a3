"""The text the analysis reads, and the way back to the text as written.

Zero-width characters (zero-width space, non-joiner, joiner, word joiner, a
byte-order mark inside the text) are invisible on a page but split or glue
words for the tokenizer: a zero-width space after every space made the parser
see no "said" and the analysis find 0 quotes. The analysis therefore reads a
view of the text with them removed; every span it finds is mapped back so that
offsets index the text as read (a span keeps the invisible characters inside
it; those just before or after it stay outside).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any, TypeVar

from .model import Furniture, Span

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
T = TypeVar("T")


@dataclass(frozen=True)
class TextView:
    """``text`` is ``original`` without the characters at offsets ``removed`` (sorted)."""

    original: str
    text: str
    removed: tuple[int, ...]
    removed_in_view: tuple[int, ...]  # the view offset each removed character would have

    def to_view(self, offset: int) -> int:
        """The view offset of an offset into the original (a removed character maps
        to where the next kept one is)."""
        return offset - bisect.bisect_left(self.removed, offset)

    def start_in_original(self, offset: int) -> int:
        """Where the view's character ``offset`` is in the original."""
        return offset + bisect.bisect_right(self.removed_in_view, offset)

    def end_in_original(self, offset: int) -> int:
        """The original end (exclusive) of a view span that ends at ``offset``."""
        return 0 if offset == 0 else self.start_in_original(offset - 1) + 1

    def span(self, span: Span) -> Span:
        """A span of the view as a span of the original."""
        a, b = self.start_in_original(span.start), self.end_in_original(span.end)
        if span.end <= span.start:
            b = a
        return Span(a, b, self.original[a:b])

    def furniture_as_written(self, furniture: Furniture) -> Furniture:
        """Furniture found in the view, as furniture of the original."""
        s = self.span(Span(furniture.start, furniture.end, furniture.text))
        return replace(furniture, start=s.start, end=s.end, text=s.text)

    def furniture_in_view(self, furniture: Furniture) -> Furniture:
        a, b = self.to_view(furniture.start), self.to_view(furniture.end)
        return replace(furniture, start=a, end=b, text=self.text[a:b])


def without_invisible(text: str) -> TextView | None:
    """The view of ``text`` without zero-width characters, or None when it has none."""
    removed = tuple(m.start() for m in _INVISIBLE_RE.finditer(text))
    if not removed:
        return None
    return TextView(
        original=text,
        text=_INVISIBLE_RE.sub("", text),
        removed=removed,
        removed_in_view=tuple(r - j for j, r in enumerate(removed)),
    )


def map_spans(obj: T, move: Callable[[Span], Span]) -> T:
    """``obj`` (a dataclass, tuple or value) with every Span inside it replaced by ``move(span)``."""
    if isinstance(obj, Span):
        return move(obj)  # type: ignore[return-value]
    if isinstance(obj, tuple):
        return tuple(map_spans(x, move) for x in obj)  # type: ignore[return-value]
    if is_dataclass(obj) and not isinstance(obj, type):
        changes: dict[str, Any] = {}
        for f in fields(obj):
            value = getattr(obj, f.name)
            if isinstance(value, (str, int, float, bool, type(None), dict)):
                continue
            moved = map_spans(value, move)
            if moved is not value:
                changes[f.name] = moved
        return replace(obj, **changes) if changes else obj
    return obj
