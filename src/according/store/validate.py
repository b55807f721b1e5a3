"""The shape a record must have to be stored: the fields the store reads, by type.

A record posted to ``/api/articles`` or read from a JSONL archive is untrusted: ``"quotes":
"xyz"`` or an integer past 2^63 reached the flat-row code and ended as a 500 or an
OverflowError. :func:`record_problem` walks only the fields the store writes into its
columns (ingest._flat_rows) and says, with the path, the first one of the wrong type.
Every field may be missing or null; anything the store does not read is kept as given
in the stored record.
"""

from __future__ import annotations

from typing import Any

INT_MAX = 2**31 - 1  # PostgreSQL's integer columns (SQLite's hold 2^63): one bound for both


class Kind:
    def __init__(self, name: str, test):
        self.name, self.test = name, test


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and -INT_MAX <= value <= INT_MAX


def _num(value: Any) -> bool:
    return (_int(value) or isinstance(value, float)) and not isinstance(value, bool)


STR = Kind("a string", lambda v: isinstance(v, str))
INT = Kind(f"an integer within ±{INT_MAX}", _int)
NUM = Kind(f"a number within ±{INT_MAX}", lambda v: _num(v) and (not isinstance(v, float) or abs(v) < 1e300))
KEY = Kind("a string or an integer", lambda v: isinstance(v, str) or _int(v))
ANY = Kind("anything", lambda v: True)
LIST = Kind("a list", lambda v: isinstance(v, list))

SPAN = {"text": STR, "start": INT, "end": INT}
PARTY = {"name": STR, "type": STR, "description": STR, "entity": KEY}
SHAPE: dict[str, Any] = {
    "meta": {"url": STR, "headline": STR, "publisher": STR, "published": STR, "updated": STR},
    "entities": [{"id": KEY, "name": STR, "type": STR, "description": STR, "mentions": LIST}],
    "quotes": [
        {
            "id": KEY,
            "kind": STR,
            "category": STR,
            "content": [SPAN],
            "cue": SPAN,
            "source": SPAN,
            "speaker": PARTY,
            "confidence": NUM,
        }
    ],
    "figures": [
        {
            "id": KEY,
            "span": SPAN,
            "value": NUM,
            "low": NUM,
            "high": NUM,
            "qualifier": STR,
            "unit": STR,
            "measure": STR,
            "source": PARTY,
            "quote": KEY,
            "where": INT,
            "when": STR,
        }
    ],
    "events": [
        {
            "id": KEY,
            "span": SPAN,
            "event_type": STR,
            "sub_event_type": STR,
            "actor1": PARTY,
            "actor2": PARTY,
            "source": PARTY,
            "place": INT,
            "date": STR,
            "time_precision": INT,
            "fatalities": INT,
            "fatalities_qualifier": STR,
        }
    ],
    "places": [
        {
            "span": SPAN,
            "name": STR,
            "geonameid": INT,
            "lat": NUM,
            "lon": NUM,
            "country": STR,
            "feature": STR,
        }
    ],
    "times": [{"span": SPAN, "type": STR, "value": STR}],
    "errors": [ANY],
}


def _check(value: Any, shape: Any, path: str) -> str | None:
    if value is None:
        return None
    if isinstance(shape, Kind):
        return None if shape.test(value) else f"{path} must be {shape.name}"
    if isinstance(shape, list):
        if not isinstance(value, list):
            return f"{path} must be a list"
        for i, item in enumerate(value):
            why = _check(item, shape[0], f"{path}[{i}]")
            if why:
                return why
        return None
    if not isinstance(value, dict):
        return f"{path} must be an object"
    for key, sub in shape.items():
        why = _check(value.get(key), sub, f"{path}.{key}")
        if why:
            return why
    return None


def record_problem(rec: dict) -> str | None:
    """The first field of ``rec`` that the store cannot take as it is, in words, or None."""
    if not isinstance(rec.get("text"), str):
        return "record has no text"
    return _check(rec, SHAPE, "record")
