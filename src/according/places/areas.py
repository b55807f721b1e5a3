"""Which area holds which place, and what the words around a name say about it: the
verdicts of "City, County, State" qualifiers and of the "Town (Admin2, Admin1)" form,
used by :mod:`.resolve` to score a mention's candidate records."""

from __future__ import annotations

from .gazetteer import Gazetteer, Rec, haversine_km
from .mentions import Mention

QUALIFIER_MATCH, QUALIFIER_MISMATCH = 6.0, -4.0
# "Location (Admin2, Admin1)": how much the kind the pattern asks for counts (hand-set: enough to
# beat a district's prior over its seat town, less than a qualifier's verdict)
PAREN_KIND = 3.0


def _point(r: Rec) -> tuple[float, float] | None:
    return (r.lat, r.lon) if r.lat is not None and r.lon is not None else None


def _nested(a: Rec, b: Rec) -> bool:
    return a.cc == b.cc and bool(_contains(a, b) or _contains(b, a))


def _contains(q: Rec, r: Rec) -> bool | None:
    """Does area ``q`` hold place ``r``? None when ``q`` is no area (a city qualifies nothing)."""
    if q.kind == "country":
        return r.cc == q.cc
    if q.kind == "admin2" and q.admin2:
        if r.kind == "city" and not r.admin2 and (r.cc, r.admin1) == (q.cc, q.admin1):
            return None  # a town whose district the data does not give ("Kismayo"): no verdict
        return r.kind != "admin2" and (r.cc, r.admin1, r.admin2) == (q.cc, q.admin1, q.admin2)
    if q.kind == "admin1" and q.admin1:
        return r.kind != "admin1" and r.cc == q.cc and r.admin1 == q.admin1
    if q.kind in ("admin1", "region", "continent") and (q_at := _point(q)) and (r_at := _point(r)):
        # a province or region without GeoNames codes: near enough to its point
        return (q.cc is None or q.cc == r.cc) and haversine_km(*q_at, *r_at) < 600
    return None


def _qualifier_score(r: Rec, idx: int, m: Mention, g: Gazetteer) -> float:
    """ "Alexandria, La.", "London, Ontario", "Jilib (Middle Juba)": the reading must lie inside
    one of the records of every qualifying name (an area; a qualifying city says nothing)."""
    if not m.qualifier:
        return 0.0
    verdicts = []
    widest_holds = False
    for k, group in enumerate(m.qualifier):
        areas = [g.rec(q) for q in group if q != idx]
        if any(q.gid is not None and q.kind == "admin1" for q in areas):
            # a province without a geonameid (country_state_city's) has an admin1 code guessed from
            # the towns near its point ("Metro Manila" got Central Luzon's): its namesake with an
            # id speaks for it
            areas = [q for q in areas if q.gid is not None or q.kind != "admin1"]
        vs = [_contains(q, r) for q in areas]
        vs = [v for v in vs if v is not None]
        if vs:
            verdicts.append(any(vs))
            widest_holds = widest_holds or (k == 0 and any(vs))
    if not verdicts:
        return 0.0
    if all(verdicts):
        return QUALIFIER_MATCH
    if m.paren == "head" and widest_holds:
        # "San Juan (San Juan, Metro Manila)": the province holds it though the data knows no
        # district of that name: the namesake in the right province, not one in another country
        return QUALIFIER_MATCH / 2
    return QUALIFIER_MISMATCH


def _qualifies_score(r: Rec, idx: int, m: Mention, g: Gazetteer) -> float:
    """The qualifying name ("Georgia" in "Athens, Georgia") is read as an area around one of
    the readings of the name it qualifies."""
    if not m.qualifies or r.kind not in ("country", "admin1", "admin2", "region"):
        return 0.0
    return QUALIFIER_MATCH / 2 if any(_contains(r, g.rec(i)) for i in m.qualifies if i != idx) else 0.0


def _other_name(a: str, b: str) -> bool:
    """Two names that are not one in the other: "City of Richmond" and "Madison County" say
    nothing about "Richmond" and "Madison" (a county named after its seat is the same word)."""
    return a not in b and b not in a


def _paren_score(r: Rec, want: str) -> float:
    """ "Kidal (Kidal, Kidal)": the name before the parenthesis is a town (or the kind its
    generic word says: "Hays district"), the names inside are areas, the last the widest."""
    if want in ("admin1", "admin2"):
        if r.kind == "city":  # the names in the parenthesis are areas, even a city's name
            return -PAREN_KIND
        return (
            PAREN_KIND
            if r.kind == want
            else (PAREN_KIND / 2 if r.kind in ("admin1", "admin2", "region") else 0.0)
        )
    return PAREN_KIND if r.kind == want else 0.0
