"""Stages: small callables with declared inputs and outputs, run in one checked order.

A stage reads fields of a :class:`Work` (its ``requires``) and returns a dict of
the fields it fills (its ``assigns``). The contract is enforced:

- :func:`check_stages` (run once at start-up on the analyzer's ordered stage
  list) refuses an order in which a stage requires a field that neither the
  input (``INPUT_FIELDS``) nor an earlier stage assigns, or in which two stages
  assign the same field without the later one declaring it in ``refines`` (it
  rewrites what an earlier stage wrote: the speakers stage refines ``quotes``);
- :func:`run_stages` refuses a returned field the stage did not declare, and a
  field of ``Work`` the stage changed in place without declaring it.

Failures take one path, :meth:`Work.fail`: a warning in the log and an entry in
``errors``; choices that are no failure (a number word that is not a count, a date kept at
the month) go to ``notes`` through :meth:`Work.note`. An exception inside a stage goes there (like spaCy's error handler)
and the fields it should have filled stay empty, so the other stages still run
and the record is still written; a stage that gives up on one part (a sentence,
a quote) calls ``work.fail`` itself and goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from .model import ErrorEntry, Meta, Note
from .syntax import Parse

log = logging.getLogger("according")

# Filled by ingest and the parse before the first stage runs.
INPUT_FIELDS = ("text", "parse", "meta", "furniture")


@dataclass
class Work:
    """What the stages share while one article is analysed (mutable, internal)."""

    text: str
    parse: Parse
    meta: Meta = field(default_factory=Meta)
    furniture: tuple = ()
    entities: tuple = ()
    mentions: tuple = ()  # internal: resolved mentions, see entities/
    # internal: entity id -> what the article says about it (label, name, title, age...), see entities/
    entity_info: dict[str, dict] = field(default_factory=dict)
    quotes: tuple = ()
    # internal: quote id -> id of the earlier quote whose speaker it continues, see quotes/
    inherited_from: dict[str, str] = field(default_factory=dict)
    figures: tuple = ()
    times: tuple = ()
    places: tuple = ()
    events: tuple = ()
    errors: list[ErrorEntry] = field(default_factory=list)  # written only through fail()
    notes: list[Note] = field(default_factory=list)  # written only through note()

    def in_furniture(self, start: int, end: int) -> bool:
        for f in self.furniture:
            if f.start <= start and end <= f.end:
                return True
        return False

    def fail(self, stage: str, message: str, exc: BaseException | None = None) -> None:
        """The one failure path: log a warning and record an ``errors`` entry."""
        log.warning(
            "stage %s failed: %s", stage, message, exc_info=exc if log.isEnabledFor(logging.DEBUG) else None
        )
        self.errors.append(ErrorEntry(stage=stage, message=message))

    def note(self, stage: str, message: str) -> None:
        """Record a choice that is no failure (a skipped figure, a date kept at the month)."""
        log.debug("stage %s: %s", stage, message)
        self.notes.append(Note(stage=stage, message=message))


# the fields a stage may not assign: written through Work.fail and Work.note only
_SHARED = frozenset({"errors", "notes"})


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[[Work], dict[str, Any]]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    refines: tuple[str, ...] = ()  # assigned fields an earlier stage assigned first

    def __call__(self, work: Work) -> dict[str, Any]:
        return self.func(work)


REGISTRY: dict[str, Stage] = {}


def stage(
    name: str,
    *,
    requires: tuple[str, ...] = (),
    assigns: tuple[str, ...] = (),
    refines: tuple[str, ...] = (),
):
    """Register a stage function under ``name``."""

    def deco(func: Callable[[Work], dict[str, Any]]):
        REGISTRY[name] = Stage(name, func, tuple(requires), tuple(assigns), tuple(refines))
        return func

    return deco


class StageOrderError(RuntimeError):
    """The ordered stage list breaks the declared contract (a programming error)."""


def check_stages(names: list[str] | tuple[str, ...]) -> None:
    """Check an ordered stage list against the stages' declarations (see the module docstring)."""
    known = {f.name for f in fields(Work)}
    assigned: dict[str, str] = {name: "input" for name in INPUT_FIELDS}
    for name in names:
        if name not in REGISTRY:
            raise StageOrderError(f"unknown stage {name!r}")
        st = REGISTRY[name]
        for f in (*st.requires, *st.assigns):
            if f not in known or f in _SHARED:
                raise StageOrderError(f"stage {name} declares {f!r}, which is not a stage field of Work")
        for f in st.requires:
            if f not in assigned:
                raise StageOrderError(f"stage {name} requires {f!r}, which no earlier stage assigns")
        for f in st.refines:
            if f not in st.assigns or f not in assigned:
                raise StageOrderError(f"stage {name} refines {f!r}: it must assign it after an earlier stage")
        for f in st.assigns:
            if f in assigned and f not in st.refines:
                raise StageOrderError(
                    f"stages {assigned[f]} and {name} both assign {f!r} ({name} does not declare refines)"
                )
            assigned[f] = name


def run_stages(work: Work, names: list[str] | tuple[str, ...]) -> Work:
    watched = [f.name for f in fields(Work) if f.name not in _SHARED]
    for name in names:
        st = REGISTRY[name]
        before = {f: id(getattr(work, f)) for f in watched}
        try:
            out = st(work) or {}
            extra = set(out) - set(st.assigns)
            if extra:
                raise RuntimeError(f"stage {name} assigned undeclared fields {sorted(extra)}")
            touched = {f for f in watched if id(getattr(work, f)) != before[f]} - set(st.assigns)
            if touched:
                raise RuntimeError(f"stage {name} changed undeclared fields {sorted(touched)}")
            for key, value in out.items():
                setattr(work, key, value)
        except Exception as exc:  # one failing stage must not cost the record
            work.fail(name, f"{type(exc).__name__}: {exc}", exc)
    return work
