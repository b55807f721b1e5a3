"""What every list read of the store builds on: paging limits, LIKE patterns with their
escapes, and :class:`Where`, the filters of a read as clause builders with named bind
parameters (so that ``prepared.py`` can key compiled statements by the filters' shape, never
their values). Every value from the caller is a bound parameter.

Split out of ``queries.py`` (articles, sources, stories) and shared with ``listings.py``
(quotes, figures, events, places).
"""

from __future__ import annotations

import re

from sqlalchemy import Integer, bindparam, func, select
from sqlalchemy.engine import Connection

from . import schema as s

MAX_LIMIT = 1000
SEARCH_TERM = re.compile(r"[^\W_]+", re.UNICODE)


def paging(limit, offset) -> tuple[int, int]:
    limit = 50 if limit is None else max(0, min(int(limit), MAX_LIMIT))
    return limit, max(0, int(offset or 0))


def like_pattern(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def ilike_term(col, term: str):
    return col.ilike(like_pattern(term), escape="\\")


def ilike_param(col, name: str):
    """ILIKE against the bound parameter ``name`` (give it the value like_pattern(term))."""
    return col.ilike(bindparam(name), escape="\\")


def limit_offset(sel):
    return sel.limit(bindparam("lim", type_=Integer)).offset(bindparam("off", type_=Integer))


class Where:
    """The filters of a list read, for prepared statements (prepared.py): each filter is a
    function building its clause with named bind parameters, plus the values. ``shape``
    (which filters, in order; never their values) keys the compiled statements."""

    def __init__(self):
        self.builders: list = []
        self.shape: list = []
        self.params: dict = {}

    def add(self, token, build, **params) -> None:
        self.builders.append(build)
        self.shape.append(token)
        self.params.update(params)

    def clauses(self) -> list:
        return [b() for b in self.builders]

    def dates(self, col, date_from, date_to) -> None:
        if date_from:
            self.add("from", lambda: col >= bindparam("date_from"), date_from=str(date_from)[:10])
        if date_to:
            self.add("to", lambda: col <= bindparam("date_to"), date_to=str(date_to)[:10])


def count_listing(conn: Connection, q, order, limit, offset, row_fn) -> dict:
    limit, offset = paging(limit, offset)
    total = conn.execute(select(func.count()).select_from(q.order_by(None).subquery())).scalar()
    rows = conn.execute(q.order_by(*order).limit(limit).offset(offset)).all()
    return {"total": total, "items": [row_fn(r) for r in rows], "limit": limit, "offset": offset}


def article_pk(conn: Connection, key: str) -> int | None:
    return conn.execute(select(s.articles.c.id).where(s.articles.c.key == str(key))).scalar()
