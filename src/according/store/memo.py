"""Derived read data kept per write token, and the JSON form the API sends.

Split out of queries.py (which reads through it): the token, the per-engine memo box, the
list totals memo, and to_json/from_json.
"""

from __future__ import annotations

import json
import threading
import weakref
from collections import OrderedDict

import orjson
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from . import schema as s
from .prepared import scalar

# -- derived data, recomputed once per write --------------------------------------------------------
# Aggregates over whole tables (quotes per source, top sources per story, a story's page, the
# distinct speaker names) cost O(table) to compute but change only when an article is stored.
# Every write that changes the flat tables also inserts a ``versions`` row (ingest.py: a new
# article or a new version; an unchanged article is skipped and writes nothing; versions are
# never deleted), so (max(versions.id), count(versions.id)) is a write token: two indexed reads,
# and any committed write, from this process or another one, changes it. Derived data is kept
# per engine for the token it was computed at and dropped when the token moves, so these
# reads are never stale (unlike the web layer's 5 s response cache): the write token is
# read at the start of each read transaction, and the derived data came from a
# transaction that saw the same token.
_MEMO: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_MEMO_LOCK = threading.Lock()
MEMO_STORIES = 256  # story pages kept per token (LRU): the stories people are reading


_TOKENS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # transaction -> its token


def _token(conn: Connection) -> tuple:
    """The write token, read once per transaction (a Store call is one read transaction;
    a connection reused after a commit is in a new transaction and reads it again).

    SQLite: max(versions.id) alone (a rowid b-tree's last entry, O(1)): SQLite has one writer
    at a time, so ids grow in commit order, and a rolled-back id changed nothing.
    PostgreSQL: concurrent writers may commit a lower id after a higher one, so the count
    of versions (which only grows) is part of the token too."""
    tx = conn.get_transaction()
    tok = _TOKENS.get(tx) if tx is not None else None
    if tok is None:
        v = s.versions
        if conn.dialect.name == "sqlite":
            tok = (scalar(conn, ("token",), lambda: select(func.max(v.c.id)), {}),)
        else:
            tok = tuple(conn.execute(select(func.max(v.c.id), func.count(v.c.id))).one())
        tx = conn.get_transaction()  # begun by the read above if it was not yet
        if tx is not None:
            _TOKENS[tx] = tok
    return tok


def _older(token: tuple, other: tuple) -> bool:
    """``token`` is from before ``other`` (both parts only grow; None: no versions yet)."""
    return tuple(-1 if x is None else x for x in token) < tuple(-1 if x is None else x for x in other)


def _memo(conn: Connection) -> dict:
    """This engine's derived data for the current write token (emptied when it moved).
    A transaction older than the kept box (a long read begun before a write) gets a box of
    its own instead of replacing the newer one that current readers are filling."""
    token = _token(conn)
    with _MEMO_LOCK:
        box = _MEMO.get(conn.engine)
        if box is None or box["token"] != token:
            fresh = {"token": token, "stories": OrderedDict(), "totals": OrderedDict()}
            if box is None or not _older(token, box["token"]):
                _MEMO[conn.engine] = fresh
            box = fresh
        return box


def superseded(conn: Connection, box: dict) -> bool:
    """A newer write token's box has replaced ``box`` (warming it further is wasted work)."""
    with _MEMO_LOCK:
        return _MEMO.get(conn.engine) is not box


def _derived(conn: Connection, name: str | tuple, compute):
    box = _memo(conn)
    if name not in box:
        box[name] = compute(conn)  # two threads may both compute: same result, last one kept
    return box[name]


MEMO_TOTALS = 2048  # list totals kept per write token (LRU)


def _count_memo(conn: Connection, key: tuple, count) -> int:
    """The total of a filtered list, counted once per write token: the next pages of the same
    list (same filters, another offset) then cost O(page) instead of O(matching rows)."""
    totals = _memo(conn)["totals"]
    n = lru_get(totals, key)
    if n is None:
        n = count()
        lru_put(totals, key, n, MEMO_TOTALS)
    return n


def lru_get(cache, key):
    """``cache[key]`` (an OrderedDict kept in a memo box) marked as just used, or None."""
    with _MEMO_LOCK:
        hit = cache.get(key)
        if hit is not None:
            cache.move_to_end(key)
    return hit


def lru_put(cache, key, value, limit: int) -> None:
    """Keep ``value`` under ``key``, dropping the least recently used entries beyond ``limit``."""
    with _MEMO_LOCK:
        cache[key] = value
        while len(cache) > limit:
            cache.popitem(last=False)


def to_json(obj) -> bytes:
    """Compact UTF-8 JSON bytes, the form the API sends (web/api.py) and story pages are kept in.
    orjson: 60-90 -> 3-6 us for a 5-10 KB page against json.dumps. What it refuses (a
    non-string key, an integer beyond 64 bits) goes through the standard encoder."""
    try:
        return orjson.dumps(obj)
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return json.dumps(obj, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


def from_json(text):
    """A stored record: orjson (~2x faster), or the standard decoder for what orjson refuses
    (a NaN literal, which json.dumps writes by default)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def write_token(conn) -> tuple:
    """The current write token (see _token): changes with every committed write."""
    return _token(conn)
