"""Read functions for the quote, figure, event and place lists of the HTTP API and the web page,
with their full-text and speaker filters. All return JSON-ready data:
``{"total", "items", "limit", "offset"}``.

Every value from the caller is a bound parameter (:class:`~according.store.filters.Where`);
the current version of each article is what the flat tables hold (see schema.py). Split out of
``queries.py``, which re-exports these functions.
"""

from __future__ import annotations

from sqlalchemy import bindparam, func, literal_column, or_, select, text
from sqlalchemy.engine import Connection

from . import schema as s
from .filters import (
    SEARCH_TERM,
    Where,
    count_listing,
    ilike_param,
    ilike_term,
    like_pattern,
    limit_offset,
    paging,
)
from .memo import _count_memo, _derived
from .prepared import fetch, scalar


def _fts_filter(conn: Connection, where: Where, col_text, query_text: str) -> None:
    """Full-text filter on other backends than SQLite (which has _fts_sqlite)."""
    terms = SEARCH_TERM.findall(query_text)
    if not terms:
        return
    if conn.dialect.name == "postgresql":
        where.add(
            "fts.pg",
            lambda: func.to_tsvector(literal_column("'english'"), col_text).bool_op("@@")(
                func.plainto_tsquery(literal_column("'english'"), bindparam("fts_terms"))
            ),
            fts_terms=" ".join(terms),
        )
        return
    for k, t in enumerate(terms):
        where.add(
            ("fts.like", k), lambda k=k: ilike_param(col_text, f"fts_t{k}"), **{f"fts_t{k}": like_pattern(t)}
        )


MAX_SPEAKER_KEYS = 500  # more matching names than this (a one-letter query): plain scan instead


def speaker_names(conn: Connection) -> list[str]:
    # lower() in SQL, as ILIKE folds it: ASCII only on SQLite, Unicode on PostgreSQL
    col = func.lower(s.quotes.c.speaker_name)
    return list(conn.execute(select(col).where(s.quotes.c.speaker_name.is_not(None)).distinct()).scalars())


def _speaker_filter(conn: Connection, where: Where, speaker: str) -> None:
    """``speaker`` is a substring of the quote's speaker name or of its source's name (ILIKE).

    The substring is matched against the distinct speaker names (derived once per write,
    a few hundred or thousand strings, not the quotes), then quotes are fetched through
    the lower(speaker_name) index (migration 3) and the source_id index: O(matching quotes)."""
    qt, src = s.quotes, s.sources

    def by_source():
        return qt.c.source_id.in_(select(src.c.id).where(ilike_param(src.c.name, "speaker_like")))

    if conn.dialect.name == "sqlite":  # SQLite's LIKE ignores case for ASCII letters only
        needle = speaker.translate(_ASCII_LOWER)
    else:
        needle = speaker.lower()
    names = [n for n in _derived(conn, "speaker_names", speaker_names) if needle in n]
    like = like_pattern(speaker)
    if len(names) > MAX_SPEAKER_KEYS:
        where.add(
            "speaker.scan",
            lambda: or_(ilike_param(qt.c.speaker_name, "speaker_like"), by_source()),
            speaker_like=like,
        )
    elif not names:
        where.add("speaker.source", by_source, speaker_like=like)
    else:
        where.add(
            "speaker.names",
            lambda: or_(
                func.lower(qt.c.speaker_name).in_(bindparam("speaker_names", expanding=True)), by_source()
            ),
            speaker_names=names,
            speaker_like=like,
        )


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _fts_sqlite(conn: Connection, query_text: str, where: Where, limit, offset):
    """SQLite full-text search: adds the filter to ``w`` and returns the total when q is the
    only filter (else None); does nothing and returns False when q has no terms.

    The number of hits comes from the FTS index alone (cheap), and is the total when q is
    the only filter. With many hits (a common word), the page is found by walking quotes
    in list order (ix_quotes_list_order) and keeping those in the hit set: about
    (offset + limit) x quotes / hits index entries instead of looking up and sorting
    every hit; the unary + stops SQLite from driving the query from the hit list. With
    few hits, driving from the hit list is cheaper and SQLite does that."""
    terms = SEARCH_TERM.findall(query_text)
    if not terms:
        return False
    match = " ".join('"' + t + '"' for t in terms)  # each term quoted: no FTS5 syntax from the user
    hits = scalar(
        conn,
        ("fts.hits",),
        lambda: text("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH :m"),
        {"m": match},
    )
    limit, offset = paging(limit, offset)
    n_quotes = _derived(
        conn, "n_quotes", lambda c: c.execute(select(func.count()).select_from(s.quotes)).scalar()
    )
    walk = bool(hits and (offset + limit) * n_quotes / hits < hits)
    total = None if where.shape else hits
    where.add(
        ("fts", walk),
        lambda: text(
            ("+quotes.id" if walk else "quotes.id")
            + " IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :fts_q)"
        ),
        fts_q=match,
    )
    return total


def _quote_item(row) -> dict:
    return {
        "id": row.id,
        "article": row.article_key,
        "quote_id": row.quote_id,
        "text": row.text,
        "kind": row.kind,
        "category": row.category,
        "cue": row.cue,
        "source_text": row.source_text,
        "speaker": {
            "name": row.speaker_name,
            "type": row.speaker_type,
            "description": row.speaker_description,
        },
        "source_id": row.source_id,
        "source_name": row.source_name,
        "published": row.pub_date,
        "in_furniture": bool(row.in_furniture),
        "confidence": row.confidence,
        "start": row.start,
        "end": row.end,
    }


def _in_articles(where: Where, table, story=None, article=None) -> None:
    """story / article filters as article_id IN (...): the flat table alone, no join."""
    a = s.articles
    if story is not None:
        where.add(
            "story",
            lambda: table.c.article_id.in_(select(a.c.id).where(a.c.story_id == bindparam("story"))),
            story=int(story),
        )
    if article is not None:
        where.add(
            "article",
            lambda: table.c.article_id.in_(select(a.c.id).where(a.c.key == bindparam("article"))),
            article=str(article),
        )


def _keyed_listing(
    conn: Connection,
    table,
    where: Where,
    order,
    limit,
    offset,
    full,
    row_fn,
    total=None,
    count_key: tuple | None = None,
) -> dict:
    """A page of a flat table in two steps: the page's ids from ``table`` alone (its indexes,
    no joins), then the full rows (``full()``: a select joining article keys, names) for
    those ids only. The total counts ``table`` rows under the same conditions, again
    without joins. Joins therefore cost O(page), not O(matching rows). ``order()`` gives
    the ORDER BY columns. All three are prepared statements (prepared.py), keyed by the
    table and the filters' shape."""
    limit, offset = paging(limit, offset)
    name, shape = table.name, tuple(where.shape)

    def count():
        return scalar(
            conn,
            (name, "count", shape),
            lambda: select(func.count()).select_from(table).where(*where.clauses()),
            where.params,
        )

    if total is None and count_key is not None:
        total = _count_memo(conn, count_key, count)
    elif total is None:
        total = count()
    ids = [
        r[0]
        for r in fetch(
            conn,
            (name, "ids", shape),
            lambda: limit_offset(select(table.c.id).where(*where.clauses()).order_by(*order())),
            {**where.params, "lim": limit, "off": offset},
        )
    ]
    items = []
    if ids:
        rows = {
            r.id: r
            for r in fetch(
                conn,
                (name, "full"),
                lambda: full().where(table.c.id.in_(bindparam("ids", expanding=True))),
                {"ids": ids},
            )
        }
        items = [row_fn(rows[i]) for i in ids if i in rows]
    return {"total": total, "items": items, "limit": limit, "offset": offset}


def quotes(
    conn,
    speaker=None,
    source_id=None,
    type=None,
    category=None,
    kind=None,
    story=None,
    article=None,
    date_from=None,
    date_to=None,
    q=None,
    limit=50,
    offset=0,
) -> dict:
    qt, a, src = s.quotes, s.articles, s.sources

    def full():
        return select(qt, a.c.key.label("article_key"), src.c.name.label("source_name")).select_from(
            qt.join(a, a.c.id == qt.c.article_id).outerjoin(src, src.c.id == qt.c.source_id)
        )

    def order():
        return qt.c.pub_date.desc().nulls_last(), qt.c.article_id, qt.c.id

    key = ("quotes", speaker, source_id, type, category, kind, story, article, date_from, date_to, q)
    w = Where()
    _in_articles(w, qt, story, article)
    if speaker:
        _speaker_filter(conn, w, speaker)
    if source_id is not None:
        w.add("source_id", lambda: qt.c.source_id == bindparam("source_id"), source_id=int(source_id))
    if type:
        w.add("type", lambda: qt.c.speaker_type == bindparam("speaker_type"), speaker_type=type)
    if category:
        w.add("category", lambda: qt.c.category == bindparam("category"), category=category)
    if kind:
        w.add("kind", lambda: qt.c.kind == bindparam("kind"), kind=kind)
    w.dates(qt.c.pub_date, date_from, date_to)
    if q and conn.dialect.name == "sqlite":
        total = _fts_sqlite(conn, q, w, limit, offset)
        if total is not False:
            return _keyed_listing(
                conn, qt, w, order, limit, offset, full, _quote_item, total=total, count_key=key
            )
    elif q:
        _fts_filter(conn, w, qt.c.text, q)
    return _keyed_listing(conn, qt, w, order, limit, offset, full, _quote_item, count_key=key)


# -- figures, events, places ----------------------------------------------------------------------
def figures(
    conn,
    measure=None,
    unit=None,
    place=None,
    source=None,
    story=None,
    article=None,
    date_from=None,
    date_to=None,
    limit=50,
    offset=0,
) -> dict:
    f, a, w = s.figures, s.articles, Where()
    _in_articles(w, f, story, article)
    w.dates(f.c.date, date_from, date_to)
    if measure:  # ix_figures_measure_lower
        w.add(
            "measure", lambda: func.lower(f.c.measure) == bindparam("measure"), measure=str(measure).lower()
        )
    if unit:
        w.add("unit", lambda: func.lower(f.c.unit) == bindparam("unit"), unit=str(unit).lower())
    if place:
        w.add(
            "place",
            lambda: or_(
                ilike_param(f.c.place_name, "place_like"), func.lower(f.c.country) == bindparam("place")
            ),
            place_like=like_pattern(place),
            place=str(place).lower(),
        )
    if source:
        w.add("source", lambda: ilike_param(f.c.source_name, "source_like"), source_like=like_pattern(source))
    key = ("figures", measure, unit, place, source, story, article, date_from, date_to)
    return _keyed_listing(
        conn,
        f,
        w,
        lambda: (f.c.date.desc().nulls_last(), f.c.article_id, f.c.id),
        limit,
        offset,
        lambda: select(f, a.c.key.label("article_key")).select_from(f.join(a, a.c.id == f.c.article_id)),
        count_key=key,
        row_fn=lambda r: {
            "id": r.id,
            "article": r.article_key,
            "figure_id": r.figure_id,
            "text": r.text,
            "value": r.value,
            "low": r.low,
            "high": r.high,
            "qualifier": r.qualifier,
            "unit": r.unit,
            "measure": r.measure,
            "source": r.source_name,
            "source_type": r.source_type,
            "source_id": r.source_id,
            "quote": r.quote_id,
            "when": r.when_value,
            "place": r.place_name,
            "country": r.country,
            "date": r.date,
            "published": r.pub_date,
            "in_furniture": bool(r.in_furniture),
        },
    )


def events(
    conn,
    type=None,
    sub_type=None,
    place=None,
    actor=None,
    story=None,
    article=None,
    date_from=None,
    date_to=None,
    limit=50,
    offset=0,
) -> dict:
    e, a, w = s.events, s.articles, Where()
    _in_articles(w, e, story, article)
    w.dates(e.c.date, date_from, date_to)
    if type:
        w.add("type", lambda: e.c.event_type == bindparam("event_type"), event_type=type)
    if sub_type:
        w.add("sub_type", lambda: e.c.sub_event_type == bindparam("sub_type"), sub_type=sub_type)
    if place:
        w.add(
            "place",
            lambda: or_(
                ilike_param(e.c.place_name, "place_like"), func.lower(e.c.country) == bindparam("place")
            ),
            place_like=like_pattern(place),
            place=str(place).lower(),
        )
    if actor:
        w.add(
            "actor",
            lambda: or_(ilike_param(e.c.actor1, "actor_like"), ilike_param(e.c.actor2, "actor_like")),
            actor_like=like_pattern(actor),
        )
    key = ("events", type, sub_type, place, actor, story, article, date_from, date_to)
    return _keyed_listing(
        conn,
        e,
        w,
        lambda: (e.c.date.desc().nulls_last(), e.c.article_id, e.c.id),
        limit,
        offset,
        lambda: select(e, a.c.key.label("article_key")).select_from(e.join(a, a.c.id == e.c.article_id)),
        count_key=key,
        row_fn=lambda r: {
            "id": r.id,
            "article": r.article_key,
            "event_id": r.event_id,
            "text": r.text,
            "event_type": r.event_type,
            "sub_event_type": r.sub_event_type,
            "actor1": r.actor1,
            "actor2": r.actor2,
            "place": r.place_name,
            "country": r.country,
            "lat": r.lat,
            "lon": r.lon,
            "date": r.date,
            "time_precision": r.time_precision,
            "fatalities": r.fatalities,
            "fatalities_qualifier": r.fatalities_qualifier,
            "source": r.source_name,
            "published": r.pub_date,
            "confidence": r.confidence,
            "in_furniture": bool(r.in_furniture),
        },
    )


def places(conn, q=None, country=None, story=None, limit=50, offset=0) -> dict:
    p, a = s.places, s.articles
    n = func.count(func.distinct(p.c.article_id))
    sel = (
        select(
            p.c.name,
            p.c.geonameid,
            func.max(p.c.lat).label("lat"),
            func.max(p.c.lon).label("lon"),
            p.c.country,
            p.c.feature,
            n.label("n_articles"),
        )
        .select_from(p.join(a, a.c.id == p.c.article_id))
        .group_by(p.c.name, p.c.geonameid, p.c.country, p.c.feature)
    )
    if q:
        sel = sel.where(ilike_term(p.c.name, q))
    if country:
        sel = sel.where(func.lower(p.c.country) == str(country).lower())
    if story is not None:
        sel = sel.where(a.c.story_id == int(story))
    return count_listing(conn, sel, (n.desc(), p.c.name), limit, offset, lambda r: dict(r._mapping))


# -- stories --------------------------------------------------------------------------------------
