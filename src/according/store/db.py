"""Where the store lives and how we connect.

``--db`` takes a SQLite file path or any SQLAlchemy URL. Without it the store
is ``$XDG_DATA_HOME/according/according.sqlite`` (``~/.local/share/...`` when
the variable is unset), the XDG place for user data.

SQLite runs in WAL mode (readers do not block the writer, and a crash leaves
the last committed transaction intact) with ``synchronous=NORMAL`` (durable at
each checkpoint; a power cut can lose the last transactions but never corrupts
the file or leaves half of one: the atomicity we need for "no half article").

A new SQLite store is created readable by its user only: the file 0600 (SQLite gives its
``-wal`` and ``-shm`` files the database file's mode) and, when we create it, its folder
0700. Commands that only read (``export``, ``serve``) never create one: a mistyped ``--db``
is refused (:class:`~according.errors.StoreMissingError`) instead of answering from a new,
empty store.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url

from ..errors import StoreError, StoreMissingError


def default_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "according" / "according.sqlite"


def to_url(db: str | os.PathLike | None) -> str:
    """A SQLAlchemy URL for a ``--db`` value: a URL as is, a path as a SQLite file."""
    if db is None:
        path = default_path()
    else:
        s = str(db)
        if "://" in s:
            if s.startswith("postgresql://") or s.startswith("postgres://"):
                # psycopg 3 is the pinned driver; SQLAlchemy's bare postgresql:// means psycopg2.
                s = "postgresql+psycopg://" + s.split("://", 1)[1]
            return s
        path = Path(s).expanduser()
    return "sqlite:///" + str(path)


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None: another database, or SQLite in memory)."""
    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - make_engine reports a bad URL
        return None
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def prepare_sqlite(url: str, create: bool) -> None:
    """Check (``create=False``) or make (``create=True``) the file of a SQLite store, user-only."""
    path = sqlite_file(url)
    if path is None:
        return
    if path.is_dir():
        raise StoreError("the store path is a folder", source=str(path), detail="give a file name")
    if path.exists():
        return
    if not create:
        raise StoreMissingError(
            "no store here",
            source=str(path),
            detail="check --db; `according ingest --db PATH FILES` creates a store",
        )
    try:
        if not path.parent.exists():
            # Only the folder we create gets 0700 (an existing one is the user's to set);
            # missing parents above it get the default mode, like mkdir -p.
            path.parent.mkdir(parents=True, mode=0o700)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass  # another process created it meanwhile
    except OSError as exc:
        raise StoreError(
            "cannot create the store", source=str(path), detail=exc.strerror or str(exc)
        ) from exc


_UNSTORABLE = re.compile("[\ud800-\udfff\x00]")


def clean(value):
    """Column strings must encode as UTF-8 (no lone surrogates) and PostgreSQL refuses NUL:
    both are replaced by U+FFFD. (Records are stored as JSON, where they are escaped.)"""
    if isinstance(value, str) and _UNSTORABLE.search(value):
        return _UNSTORABLE.sub("\ufffd", value)
    return value


WAL_SWITCH_ATTEMPTS = 300  # x 0.1 s: as long as busy_timeout below waits for a writer
WAL_SWITCH_PAUSE_S = 0.1


def _sqlite_pragmas(dbapi_conn, _record):
    # The driver's own implicit transactions off: we emit BEGIN ourselves (see _sqlite_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")  # wait for another writer rather than fail: set first
    _switch_to_wal(cur)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _switch_to_wal(cur) -> None:
    """``PRAGMA journal_mode=WAL``, retried while another process holds the file: two `ingest`
    processes opening a new database at once raced here. With busy_timeout set after this pragma,
    3 processes opening a fresh file failed 12 times in 150 trials ("database is locked"); with it
    set before, once in 150 (the mode switch can answer busy without calling the busy handler);
    with this retry, 0 in 200 (measured 2026-12-07)."""
    for attempt in range(WAL_SWITCH_ATTEMPTS):
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == WAL_SWITCH_ATTEMPTS - 1:
                raise
            time.sleep(WAL_SWITCH_PAUSE_S)


def _sqlite_begin(conn):
    """Writers start with BEGIN IMMEDIATE: they take the write lock up front and wait for
    it (busy_timeout) instead of failing when another process committed between their
    first read and first write. Readers use a plain BEGIN and never block a writer (WAL)."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("writer") else "BEGIN")


def make_engine(db: str | os.PathLike | None) -> Engine:
    url = to_url(db)
    try:
        engine = create_engine(url, future=True)
    except Exception as exc:  # noqa: BLE001 - bad URL, missing driver
        raise StoreError("cannot open the database", source=str(make_url_safe(url)), detail=str(exc)) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def make_url_safe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001
        return "<database>"
