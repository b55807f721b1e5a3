"""Events as ACLED-style CSV rows."""

from __future__ import annotations

import csv
from typing import TextIO

ACLED_COLUMNS = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "fatalities",
    "notes",
    "source",
)
GEO_PRECISION = {"city": 1, "facility": 1, "admin": 2, "region": 3, "other": 2, "country": 3}


def acled_rows(rec) -> list[dict]:
    rows = []
    for ev in rec.events:
        pl = rec.places[ev.place] if ev.place is not None and 0 <= ev.place < len(rec.places) else None
        rows.append(
            {
                "event_date": ev.date or "",
                "event_type": ev.event_type,
                "sub_event_type": ev.sub_event_type,
                "actor1": ev.actor1.name if ev.actor1 else "",
                "actor2": ev.actor2.name if ev.actor2 else "",
                "location": pl.name if pl else "",
                "latitude": "" if pl is None or pl.lat is None else pl.lat,
                "longitude": "" if pl is None or pl.lon is None else pl.lon,
                "geo_precision": (pl.geo_precision or GEO_PRECISION.get(pl.feature, 3)) if pl else "",
                "time_precision": ev.time_precision or "",
                "fatalities": ev.fatalities or 0,
                "notes": " ".join(ev.span.text.split()),
                "source": (ev.source.name if ev.source and ev.source.name else None)
                or rec.meta.publisher
                or "",
            }
        )
    return rows


def write_acled_csv(rec, out: TextIO, header: bool) -> None:
    """Write the events of one record as ACLED-style CSV rows (the header once, when asked)."""
    w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    if header:
        w.writeheader()
    for row in acled_rows(rec):
        w.writerow(row)
