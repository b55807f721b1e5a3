"""Stages: small callables with declared inputs and outputs, registered by name.

A stage reads fields of a :class:`Work` (its ``requires``) and returns a dict of
the fields it fills (its ``assigns``). :func:`run_stages` runs them in order;
an exception inside one stage is recorded in ``work.errors`` (like spaCy's
error handler) and the fields it should have filled stay empty, so the other
stages still run and the record is still written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .model import ErrorEntry, Meta
from .nlp import Parse

log = logging.getLogger("according")


@dataclass
class Work:
    """What the stages share while one article is analysed (mutable, internal)."""

    text: str
    parse: Parse
    meta: Meta = field(default_factory=Meta)
    furniture: tuple = ()
    entities: tuple = ()
    mentions: tuple = ()  # internal: resolved mentions, see entities/
    quotes: tuple = ()
    figures: tuple = ()
    times: tuple = ()
    places: tuple = ()
    events: tuple = ()
    errors: list[ErrorEntry] = field(default_factory=list)
    scratch: dict[str, Any] = field(default_factory=dict)  # internal hand-offs between stages

    def in_furniture(self, start: int, end: int) -> bool:
        for f in self.furniture:
            if f.start <= start and end <= f.end:
                return True
        return False


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[[Work], dict[str, Any]]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, work: Work) -> dict[str, Any]:
        return self.func(work)


REGISTRY: dict[str, Stage] = {}


def stage(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()):
    """Register a stage function under ``name``."""

    def deco(func: Callable[[Work], dict[str, Any]]):
        REGISTRY[name] = Stage(name, func, tuple(requires), tuple(assigns))
        return func

    return deco


def run_stages(work: Work, names: list[str] | tuple[str, ...]) -> Work:
    for name in names:
        st = REGISTRY[name]
        try:
            out = st(work) or {}
            extra = set(out) - set(st.assigns) - {"scratch"}
            if extra:
                raise RuntimeError(f"stage {name} assigned undeclared fields {sorted(extra)}")
            for key, value in out.items():
                if key == "scratch":
                    work.scratch.update(value)
                else:
                    setattr(work, key, value)
        except Exception as exc:  # one failing stage must not cost the record
            log.warning("stage %s failed: %s", name, exc, exc_info=log.isEnabledFor(logging.DEBUG))
            work.errors.append(ErrorEntry(stage=name, message=f"{type(exc).__name__}: {exc}"))
    return work
