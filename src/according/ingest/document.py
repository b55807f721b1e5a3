from __future__ import annotations

from dataclasses import dataclass

from ..errors import AccordingError
from ..model import ErrorEntry, Furniture, Meta


@dataclass(frozen=True)
class Document:
    """An article ready for analysis: ``text`` is what offsets index."""

    id: str
    text: str
    meta: Meta = Meta()
    furniture: tuple[Furniture, ...] = ()
    errors: tuple[ErrorEntry, ...] = ()


@dataclass(frozen=True)
class Unreadable:
    """An input item that could not be read as an article, with the reason."""

    id: str
    text: str
    error: AccordingError
