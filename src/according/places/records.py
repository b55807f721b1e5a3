"""Gazetteer records and the name index they are looked up by (:class:`Gazetteer`), with the
name normalisation (:func:`norm`) and distance (:func:`haversine_km`) every places module uses.
How the records are made is :mod:`.builder`'s; how they are stored and loaded, :mod:`.gazetteer`'s.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from ..lang.places import GENERIC_PLACE_WORDS
from .packed import NameIndex, Strings
from .spelling import close, skeleton


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
        # (the columns indexed one by one and the record made positionally: a first-seen article
        # makes most of its records here, and the generator and keyword call cost as much as the reads)
        c_gid, c_name, c_lat, c_lon, c_cc, c_a1, c_pop, c_kind, c_cap, c_a2 = self.cols
        gid, lat, lon = c_gid[idx], c_lat[idx], c_lon[idx]
        return Rec(
            None if gid is None or gid < 0 else gid,  # gid
            c_name[idx],
            None if lat is None or lat != lat else lat,
            None if lon is None or lon != lon else lon,
            c_cc[idx] or None,
            c_a1[idx] or None,  # admin1
            c_pop[idx],
            c_kind[idx],
            bool(c_cap[idx]),  # capital
            c_a2[idx] or None,  # admin2
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


# km per degree of latitude, rounded down (6371.0088 * pi / 180 = 111.195...): a great circle is
# at least as long as its difference in latitude, so points farther apart in latitude than
# km / _KM_PER_LAT_DEGREE are farther apart than km, whatever their longitudes
_KM_PER_LAT_DEGREE = 111.0


def within_km(lat1: float, lon1: float, lat2: float, lon2: float, km: float) -> bool:
    """``haversine_km(...) < km``, without the trigonometry for points that differ in latitude
    by more than ``km`` allows (most pairs the resolver compares: namesakes across the world)."""
    if km >= 1.0 and abs(lat2 - lat1) * _KM_PER_LAT_DEGREE >= km:  # (not for bounds so small
        return False  # that haversine_km's terms could underflow)
    return haversine_km(lat1, lon1, lat2, lon2) < km
