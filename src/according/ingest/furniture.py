"""Page furniture in pasted web pages: marked by offsets, never cut out."""
from __future__ import annotations

from ..model import Furniture, Meta


def mark_furniture(text: str) -> tuple[list[Furniture], Meta]:
    """Furniture spans and the metadata read from them (headline, timestamps...)."""
    return [], Meta()
