"""Prepared reads: a statement is built and compiled once per *shape*, then run with new values.

Why: the hot reads behind the HTTP API (one article, a page of quotes, figures or events)
cost ~0.1 ms of SQLite work but ~0.5-1.5 ms of SQLAlchemy Core around it: building the
select, computing its cache key, the execution context, result rows (10k bench store,
in-process profile). Here the caller names the statement's shape (``key``: which
filters are present, never their values) and gives a function that builds it with named
``bindparam``s; the values come separately. On SQLite the SQL string is compiled once
per key and run on the DBAPI connection of the caller's SQLAlchemy connection, inside its
transaction (the same snapshot as its other reads); on other backends the built
statement is cached and run through SQLAlchemy as usual. SQLAlchemy still writes every
statement, so the SQL is the same on both paths.

Rows have attribute access (``r.key``) like SQLAlchemy rows. Raw SQLite values are not
passed through SQLAlchemy's result types: callers convert booleans (``bool(r.flag)``);
the read paths that use this module select no date/time or JSON-typed columns.
"""

from __future__ import annotations

import re
import threading
from collections import namedtuple

from sqlalchemy.engine import Connection

_POSTCOMPILE = re.compile(r"__\[POSTCOMPILE_(\w+)\]")
_LOCK = threading.Lock()
_BUILT: dict = {}  # key -> the built statement (any backend)
_SQLITE: dict = {}  # key -> _Compiled
MAX_SHAPES = 4096  # shapes come from code paths x filter combinations: a bounded set


class _Compiled:
    __slots__ = ("sql", "names", "expanding", "row")

    def __init__(self, stmt, dialect):
        compiled = stmt.compile(dialect=dialect)
        self.sql = compiled.string
        self.names = tuple(compiled.positiontup or ())
        self.expanding = frozenset(_POSTCOMPILE.findall(self.sql))
        self.row = None  # namedtuple class, from the first execution's cursor.description

    def bind(self, params: dict) -> tuple[str, list]:
        if not self.expanding:
            return self.sql, [params[n] for n in self.names]
        sql, args = self.sql, []
        for n in self.names:
            v = params[n]
            if n in self.expanding:
                v = list(v)
                if not v:
                    raise ValueError(f"empty list for {n!r}: callers skip the read")
                sql = sql.replace(f"__[POSTCOMPILE_{n}]", ", ".join("?" * len(v)), 1)
                args.extend(v)
            else:
                args.append(v)
        return sql, args


def _remember(cache: dict, key, value):
    with _LOCK:
        if len(cache) >= MAX_SHAPES:
            cache.clear()  # a safety valve, not expected: shapes are a bounded set
        cache[key] = value
    return value


def _built(key, build):
    stmt = _BUILT.get(key)
    return stmt if stmt is not None else _remember(_BUILT, key, build())


def fetch(conn: Connection, key, build, params: dict) -> list:
    """All rows of the statement ``build()`` (built and compiled once per ``key``) with ``params``."""
    if conn.dialect.name != "sqlite":
        return conn.execute(_built(key, build), params).all()  # type: ignore[return-value]
    if not conn.in_transaction():
        conn.begin()  # BEGIN (db._sqlite_begin): this read and the caller's next ones see one snapshot
    c = _SQLITE.get(key)
    if c is None:
        c = _remember(_SQLITE, key, _Compiled(_built(key, build), conn.dialect))
    sql, args = c.bind(params)
    cur = conn.connection.dbapi_connection.execute(sql, args)  # type: ignore[union-attr]
    try:
        rows = cur.fetchall()
        if c.row is None:
            c.row = namedtuple("Row", [d[0] for d in cur.description], rename=True)  # type: ignore[misc]
    finally:
        cur.close()
    make = c.row._make
    return [make(r) for r in rows]


def scalar(conn: Connection, key, build, params: dict):
    """The first column of the first row, or None."""
    rows = fetch(conn, key, build, params)
    return rows[0][0] if rows else None
