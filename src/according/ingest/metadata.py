"""Metadata helpers: merging what the caller gave with what the page says, dates."""
from __future__ import annotations

import re
from dataclasses import fields, replace
from datetime import datetime

from ..model import Meta


def merge_meta(first: Meta, second: Meta) -> Meta:
    """Field by field, ``first`` wins where it has a value."""
    changes = {}
    for f in fields(Meta):
        a, b = getattr(first, f.name), getattr(second, f.name)
        changes[f.name] = a if a not in (None, (), "") else b
    return replace(first, **changes)


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][\d:.]+)?(Z|[+-]\d{2}:?\d{2})?$")


def normalise_date(value: str) -> str | None:
    """ISO 8601 as given where it is ISO already (a bare date stays a date);
    other common forms parsed; None when it is not a date."""
    value = value.strip()
    if _ISO.match(value):
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T"))
            return value.replace(" ", "T")
        except ValueError:
            return None
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y/%m/%d", "%m/%d/%Y"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            pass
    return None


def published_date(meta: Meta) -> str | None:
    """The YYYY-MM-DD of publication, or None."""
    if meta.published and re.match(r"\d{4}-\d{2}-\d{2}", meta.published):
        return meta.published[:10]
    return None
