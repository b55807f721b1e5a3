"""Where the store lives and how we connect.

``--db`` takes a SQLite file path or any SQLAlchemy URL. Without it the store
is ``$XDG_DATA_HOME/according/according.sqlite`` (``~/.local/share/...`` when
the variable is unset), the XDG place for user data.

SQLite runs in WAL mode (readers do not block the writer, and a crash leaves
the last committed transaction intact) with ``synchronous=NORMAL`` (durable at
each checkpoint; a power cut can lose the last transactions but never corrupts
the file or leaves half of one: the atomicity we need for "no half article").
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url

from ..errors import StoreError


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
    path.parent.mkdir(parents=True, exist_ok=True)
    return "sqlite:///" + str(path)


_UNSTORABLE = re.compile("[\ud800-\udfff\x00]")


def clean(value):
    """Column strings must encode as UTF-8 (no lone surrogates) and PostgreSQL refuses NUL:
    both are replaced by U+FFFD. (Records are stored as JSON, where they are escaped.)"""
    if isinstance(value, str) and _UNSTORABLE.search(value):
        return _UNSTORABLE.sub("\ufffd", value)
    return value


def _sqlite_pragmas(dbapi_conn, _record):
    # The driver's own implicit transactions off: we emit BEGIN ourselves (see _sqlite_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")  # wait for another writer rather than fail
    cur.close()


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
