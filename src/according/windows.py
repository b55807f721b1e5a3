"""Long texts analysed in bounded windows, so cost grows with length, not faster.

One spaCy Doc over a whole long text costs memory well beyond its length, and
several stages compare every sentence with every mention of the document
(places' context, figures' dates, events' actors): measured on one text, a
1 MB text as one Doc took 105 s and 8.9 GB, and from 100 KB to 300 KB the
places stage grew 7x, figures 14x, events 10x. A text longer than
``WINDOW_CHARS`` is therefore cut into windows of at most about that many
characters, each ending at a paragraph break (else a line break, a sentence
end, a space); each window is parsed and goes through every stage on its own,
one window at a time (memory is bounded by the window), and the windows'
analyses are joined into one :class:`~according.model.Analysis` whose offsets
index the whole text:

- spans are shifted by the window's start; ids are renumbered in text order;
- an entity met in several windows (same name and type) is one entity with all
  its mentions (two different people with one name in one long text are the
  price; coreference of "he" does not cross a window edge either);
- references (a speaker's or actor's entity, a figure's quote, ``part_of``,
  a figure's or event's place index) follow the renumbering.

Measured (``benchmarks/bench_long.py``, one run): a 1 MB text takes 7.8x the CPU
time of a 100 KB text (82 s / 10.5 s) with a peak RSS of 0.85 GB (0.83 GB at
100 KB, most of it the model and the gazetteer).

``WINDOW_CHARS``: above the largest PolNeAR article (40 KB), so every article of
normal length is analysed whole, exactly as before (the records of the examples,
the 84 PolNeAR dev articles and the coref set inputs are byte-identical). A line break starts a
sentence anyway (the ``according_paragraphs`` component), so a cut after one
splits no sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any, TypeVar

from .model import Actor, Analysis, Entity, ErrorEntry, Event, Figure, Place, Quote, Span, Speaker
from .views import map_spans

WINDOW_CHARS = 50_000
_BREAKS = ("\n\n", "\n", ". ", " ")
T = TypeVar("T")


def text_windows(text: str, max_chars: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """(start, end) character ranges that cover ``text`` in order without gaps,
    each at most ``max_chars`` long. A cut is made after the last paragraph
    break in the second half of the window, else after a line break, a
    sentence end or a space, else (a run of ``max_chars`` without a space is
    not prose) anywhere; whitespace after the cut stays with the window before
    it, so every window but the first starts with a word when it can."""
    if max_chars < 2:
        raise ValueError("max_chars must be at least 2")
    windows: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > max_chars:
        limit = start + max_chars
        cut = limit
        for brk in _BREAKS:
            k = text.rfind(brk, start + max_chars // 2, limit)
            if k >= 0:
                cut = min(k + len(brk), limit)
                break
        while cut < limit and text[cut].isspace():
            cut += 1
        windows.append((start, cut))
        start = cut
    windows.append((start, n))
    return windows


def _shift(obj: T, offset: int) -> T:
    """``obj`` with every Span inside it moved by ``offset`` characters."""
    return map_spans(obj, lambda s: Span(s.start + offset, s.end + offset, s.text))


class _Joiner:
    """Accumulates window analyses; ids renumbered, entities merged by name and type."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.entity_by_key: dict[tuple[str, str], int] = {}
        self.quotes: list[Quote] = []
        self.figures: list[Figure] = []
        self.times: list[Any] = []
        self.places: list[Place] = []
        self.events: list[Event] = []
        self.errors: list[ErrorEntry] = []

    def add(self, offset: int, part: Analysis) -> None:
        part = _shift(part, offset)
        entity_id: dict[str, str] = {}
        for e in part.entities:
            key = (e.name, e.type)
            k = self.entity_by_key.get(key)
            if k is None:
                self.entity_by_key[key] = k = len(self.entities)
                self.entities.append(replace(e, id=f"e{k + 1}"))
            else:
                old = self.entities[k]
                self.entities[k] = replace(
                    old, description=old.description or e.description, mentions=old.mentions + e.mentions
                )
            entity_id[e.id] = self.entities[k].id
        quote_id = {q.id: f"q{len(self.quotes) + n + 1}" for n, q in enumerate(part.quotes)}
        place_base = len(self.places)

        def speaker(speaker: Speaker | None) -> Speaker | None:
            if speaker is None or speaker.entity is None:
                return speaker
            return replace(speaker, entity=entity_id.get(speaker.entity))

        def actor(actor: Actor | None) -> Actor | None:
            if actor is None or actor.entity is None:
                return actor
            return replace(actor, entity=entity_id.get(actor.entity))

        def place(index: int | None) -> int | None:
            return None if index is None else index + place_base

        for q in part.quotes:
            self.quotes.append(
                replace(
                    q,
                    id=quote_id[q.id],
                    speaker=speaker(q.speaker) or q.speaker,
                    part_of=quote_id.get(q.part_of) if q.part_of else None,
                )
            )
        for f in part.figures:
            self.figures.append(
                replace(
                    f,
                    id=f"f{len(self.figures) + 1}",
                    source=speaker(f.source),
                    quote=quote_id.get(f.quote) if f.quote else None,
                    where=place(f.where),
                )
            )
        for ev in part.events:
            self.events.append(
                replace(
                    ev,
                    id=f"ev{len(self.events) + 1}",
                    actor1=actor(ev.actor1),
                    actor2=actor(ev.actor2),
                    source=speaker(ev.source),
                    place=place(ev.place),
                )
            )
        self.times.extend(part.times)
        self.places.extend(part.places)
        self.errors.extend(e for e in part.errors if e not in self.errors)


def join_analyses(whole: Analysis, parts: Iterable[tuple[int, Analysis]]) -> Analysis:
    """One analysis of ``whole.text`` from the analyses of its windows, each given
    with the offset where its window starts. ``whole`` gives the id, text, meta,
    furniture, errors met before the analysis and provenance."""
    joiner = _Joiner()
    joiner.errors.extend(whole.errors)
    meta = None
    for offset, part in parts:
        meta = meta or part.meta
        joiner.add(offset, part)
    entities = tuple(
        replace(e, mentions=tuple(sorted(e.mentions, key=lambda s: s.start))) for e in joiner.entities
    )
    return replace(
        whole,
        meta=meta or whole.meta,
        entities=entities,
        quotes=tuple(joiner.quotes),
        figures=tuple(joiner.figures),
        times=tuple(joiner.times),
        places=tuple(joiner.places),
        events=tuple(joiner.events),
        errors=tuple(joiner.errors),
    )
