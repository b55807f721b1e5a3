"""Plain data passed between stages: frozen dataclasses, no spaCy objects.

The shapes follow ``analysis-v1`` (the record contract); :meth:`Analysis.to_dict`
produces the record. Offsets are Python ``str`` indices (code points) into
``Analysis.text`` and ``span.text == text[start:end]`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

SCHEMA = "according.analysis/1"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Furniture:
    start: int
    end: int
    text: str
    kind: (
        str  # masthead|timestamp|caption|credit|read_time|related_link|carousel|contributors|topic_box|other
    )

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class Meta:
    headline: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    updated: str | None = None
    dateline: str | None = None
    authors: tuple[str, ...] = ()
    contributors: tuple[str, ...] = ()
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: str  # PERSON|ORG|GPE|LOC|NORP|FAC|OTHER
    description: str | None
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Speaker:
    entity: str | None = None
    name: str | None = None
    type: str = "unknown"  # person|organization|group|anonymous|unknown
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    kind: str  # direct|mixed|indirect
    category: str  # speech|belief
    content: tuple[Span, ...]
    cue: Span | None
    source: Span | None
    speaker: Speaker
    in_furniture: bool = False
    confidence: float | None = None
    # id of the quote whose content also holds this one ("“A,” she said. “B.”": B is
    # listed as its own quote and inside the "said" quote); None for most quotes
    part_of: str | None = None


@dataclass(frozen=True, slots=True)
class TimeExpr:
    span: Span
    type: str  # DATE|TIME|DURATION|SET
    value: str


@dataclass(frozen=True, slots=True)
class Place:
    span: Span
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None
    feature: str  # city|country|admin|region|facility|other
    confidence: float | None = None
    # ACLED's geo_precision: 1 the point is the place itself (a town, a village, a facility),
    # 2 the place is unknown and the point is its district's or a town near it, 3 a province,
    # region or country (the place named is that big, or lies somewhere in it)
    geo_precision: int | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    id: str
    span: Span
    value: float | int | None
    low: float | int | None
    high: float | int | None
    qualifier: str | None
    unit: str
    measure: str | None
    source: Speaker | None
    quote: str | None
    when: str | None
    where: int | None
    in_furniture: bool = False


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    span: Span
    event_type: str
    sub_event_type: str
    actor1: Actor | None
    actor2: Actor | None
    place: int | None
    date: str | None
    time_precision: int | None
    fatalities: int | None
    fatalities_qualifier: str | None
    source: Speaker | None
    in_furniture: bool = False
    confidence: float | None = None  # 0-1: how sure the relevance model is that this is an ACLED event


@dataclass(frozen=True, slots=True)
class ErrorEntry:
    """A failure: something a stage could not do (``errors`` is the record's failure flag)."""

    stage: str
    message: str


@dataclass(frozen=True, slots=True)
class Note:
    """A choice a stage made that a reader may want to know about, no failure ("dropped '5th': not
    a number", "'2024-02-30' is not a calendar date; value kept at the month")."""

    stage: str
    message: str


@dataclass(frozen=True, slots=True)
class Analysis:
    id: str
    text: str
    meta: Meta = field(default_factory=Meta)
    furniture: tuple[Furniture, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    errors: tuple[ErrorEntry, ...] = ()
    notes: tuple[Note, ...] = ()
    provenance: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = {"schema": SCHEMA}
        out.update(_plain(self))
        return out

    def entity(self, entity_id: str | None) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None


# Types that _plain returns as they are, and the field names of each dataclass met so far:
# a record has ~3,000 small objects, and dataclasses.is_dataclass / fields per object were
# most of the JSONL record's CPU (2.0 of 2.3 us/word, benchmarks/profile_stages.py)
_AS_IS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(obj: Any) -> Any:
    """dataclasses.asdict without its deep copies, and with lists for tuples."""
    cls = type(obj)
    if cls in _AS_IS:
        return obj
    names = _FIELD_NAMES.get(cls)
    if names is not None:
        # (a field that is a string or a number is taken without a call)
        return {name: v if type(v := getattr(obj, name)) in _AS_IS else _plain(v) for name in names}
    if cls is tuple or cls is list:
        return [x if type(x) in _AS_IS else _plain(x) for x in obj]
    if cls is dict:
        return {k: _plain(v) for k, v in obj.items()}
    if is_dataclass(obj):
        if not isinstance(obj, type):  # an instance: its class's names serve every later one
            _FIELD_NAMES[cls] = tuple(f.name for f in fields(obj))
        return {f.name: _plain(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    return obj
