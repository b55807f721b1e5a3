"""Read functions behind the HTTP API and the web page. All return JSON-ready data.

Every value from the caller is a bound parameter. Lists return
``{"total", "items", "limit", "offset"}``; the current version of each
article is what the flat tables hold (see schema.py).
"""
from __future__ import annotations

import difflib
import json
import re

from sqlalchemy import and_, func, literal_column, or_, select, text
from sqlalchemy.engine import Connection

from . import schema as s
from .stories import contested, figure_series, source_stats, timeline

MAX_LIMIT = 1000
_TERM = re.compile(r"[^\W_]+", re.UNICODE)


def _page(limit, offset) -> tuple[int, int]:
    limit = 50 if limit is None else max(0, min(int(limit), MAX_LIMIT))
    return limit, max(0, int(offset or 0))


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _ilike(col, term: str):
    return col.ilike(_like(term), escape="\\")


def _listing(conn: Connection, q, order, limit, offset, row_fn) -> dict:
    limit, offset = _page(limit, offset)
    total = conn.execute(select(func.count()).select_from(q.order_by(None).subquery())).scalar()
    rows = conn.execute(q.order_by(*order).limit(limit).offset(offset)).all()
    return {"total": total, "items": [row_fn(r) for r in rows], "limit": limit, "offset": offset}


def _article_id(conn: Connection, key: str) -> int | None:
    return conn.execute(select(s.articles.c.id).where(s.articles.c.key == str(key))).scalar()


def _dates(q, col, date_from, date_to):
    if date_from:
        q = q.where(col >= str(date_from)[:10])
    if date_to:
        q = q.where(col <= str(date_to)[:10])
    return q


# -- articles -------------------------------------------------------------------------------------
def _count(table):
    return (select(func.count()).where(table.c.article_id == s.articles.c.id)
            .correlate(s.articles).scalar_subquery())


def _article_item(r) -> dict:
    return {"id": r.key, "url": r.url, "headline": r.headline, "publisher": r.publisher, "published": r.published,
            "updated": r.updated, "versions": r.n_versions, "story": r.story_id,
            "n_quotes": r.n_quotes, "n_figures": r.n_figures, "n_events": r.n_events}


def _articles_select():
    a = s.articles
    return select(a, _count(s.quotes).label("n_quotes"), _count(s.figures).label("n_figures"),
                  _count(s.events).label("n_events"))


def articles(conn, limit=50, offset=0, q=None, story=None, source=None, date_from=None, date_to=None) -> dict:
    a = s.articles
    sel = _articles_select()
    if q:
        sel = sel.where(or_(_ilike(a.c.headline, q), _ilike(a.c.key, q), _ilike(a.c.url, q)))
    if story is not None:
        sel = sel.where(a.c.story_id == int(story))
    if source is not None:
        sel = sel.where(a.c.id.in_(select(s.entities.c.article_id).where(s.entities.c.source_id == int(source))))
    sel = _dates(sel, a.c.pub_date, date_from, date_to)
    # Undated last on both backends (PostgreSQL puts NULLs first in DESC by default).
    return _listing(conn, sel, (a.c.pub_date.desc().nulls_last(), a.c.id.desc()), limit, offset, _article_item)


def article(conn, key, version=None) -> dict | None:
    a, v = s.articles, s.versions
    row = conn.execute(select(a).where(a.c.key == str(key))).first()
    if row is None:
        return None
    n = row.current_version if version is None else int(version)
    rec = conn.execute(select(v.c.record).where(and_(v.c.article_id == row.id, v.c.n == n))).scalar()
    if rec is None:
        return None
    return {"id": row.key, "version": n, "versions": row.n_versions, "current_version": row.current_version,
            "story": row.story_id, "record": json.loads(rec)}


def versions(conn, key) -> list[dict]:
    v = s.versions
    aid = _article_id(conn, key)
    if aid is None:
        return []
    rows = conn.execute(select(v.c.n, v.c.content_hash, v.c.published, v.c.updated, v.c.ingested_at, v.c.headline)
                        .where(v.c.article_id == aid).order_by(v.c.n))
    return [{"version": r.n, "content_hash": r.content_hash, "published": r.published, "updated": r.updated,
             "ingested_at": r.ingested_at, "headline": r.headline} for r in rows]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n", text) if p.strip()]


def _quote_sig(q: dict) -> tuple:
    content = " ".join(c.get("text", "") for c in q.get("content") or [])
    return (" ".join(content.split()).lower(), ((q.get("speaker") or {}).get("name") or "").lower())


def _figure_sig(f: dict) -> tuple:
    return (f.get("value"), f.get("low"), f.get("high"), f.get("unit"), f.get("measure"),
            ((f.get("source") or {}).get("name") or "").lower())


def _added_removed(old: list, new: list, sig) -> dict:
    old_s, new_s = {sig(x) for x in old}, {sig(x) for x in new}
    return {"added": [x for x in new if sig(x) not in old_s], "removed": [x for x in old if sig(x) not in new_s]}


def diff(conn, key, v1, v2) -> dict | None:
    a, b = article(conn, key, v1), article(conn, key, v2)
    if a is None or b is None:
        return None
    ra, rb = a["record"], b["record"]
    pa, pb = paragraphs(ra.get("text") or ""), paragraphs(rb.get("text") or "")
    ops = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=pa, b=pb, autojunk=False).get_opcodes():
        ops.append({"op": op, "old": pa[i1:i2], "new": pb[j1:j2]})
    unified = "\n".join(difflib.unified_diff(pa, pb, f"{key} v{v1}", f"{key} v{v2}", lineterm=""))
    return {"article": str(key), "from": int(v1), "to": int(v2), "paragraphs": ops, "unified": unified,
            "meta": {"old": ra.get("meta"), "new": rb.get("meta")},
            "quotes": _added_removed(ra.get("quotes") or [], rb.get("quotes") or [], _quote_sig),
            "figures": _added_removed(ra.get("figures") or [], rb.get("figures") or [], _figure_sig)}


# -- sources and quotes ---------------------------------------------------------------------------
def _aliases(conn, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        for r in conn.execute(select(s.source_aliases.c.source_id, s.source_aliases.c.name)
                              .where(s.source_aliases.c.source_id.in_(ids)).order_by(s.source_aliases.c.name)):
            if r.name and r.name not in out[r.source_id]:
                out[r.source_id].append(r.name)
    return out


def sources(conn, limit=50, offset=0, q=None, type=None, story=None) -> dict:
    src, qt, et, a = s.sources, s.quotes, s.entities, s.articles
    qc = select(qt.c.source_id, func.count().label("n")).where(qt.c.source_id.is_not(None))
    ec = select(et.c.source_id, func.count(func.distinct(et.c.article_id)).label("n")).where(
        et.c.source_id.is_not(None))
    if story is not None:
        in_story = select(a.c.id).where(a.c.story_id == int(story))
        qc, ec = qc.where(qt.c.article_id.in_(in_story)), ec.where(et.c.article_id.in_(in_story))
    qc, ec = qc.group_by(qt.c.source_id).subquery(), ec.group_by(et.c.source_id).subquery()
    n_quotes, n_articles = func.coalesce(qc.c.n, 0), func.coalesce(ec.c.n, 0)
    sel = (select(src, n_quotes.label("n_quotes"), n_articles.label("n_articles"))
           .select_from(src.outerjoin(qc, qc.c.source_id == src.c.id).outerjoin(ec, ec.c.source_id == src.c.id)))
    if story is not None:
        sel = sel.where(or_(qc.c.n.is_not(None), ec.c.n.is_not(None)))
    if q:
        sel = sel.where(or_(_ilike(src.c.name, q), src.c.id.in_(
            select(s.source_aliases.c.source_id).where(_ilike(s.source_aliases.c.name, q)))))
    if type:
        sel = sel.where(src.c.type == type)
    out = _listing(conn, sel, (n_quotes.desc(), n_articles.desc(), src.c.name), limit, offset,
                   lambda r: {"id": r.id, "name": r.name, "type": r.type, "n_quotes": r.n_quotes,
                              "n_articles": r.n_articles})
    al = _aliases(conn, [i["id"] for i in out["items"]])
    for item in out["items"]:
        item["aliases"] = al[item["id"]]
    return out


def source(conn, source_id, quote_limit=200) -> dict | None:
    src = s.sources
    row = conn.execute(select(src).where(src.c.id == int(source_id))).first()
    if row is None:
        return None
    arts = conn.execute(select(func.distinct(s.articles.c.key)).select_from(
        s.entities.join(s.articles, s.articles.c.id == s.entities.c.article_id))
        .where(s.entities.c.source_id == row.id)).scalars().all()
    qs = quotes(conn, source_id=row.id, limit=quote_limit)
    return {"id": row.id, "name": row.name, "type": row.type, "aliases": _aliases(conn, [row.id])[row.id],
            "n_quotes": qs["total"], "n_articles": len(arts), "articles": sorted(arts), "quotes": qs["items"]}


def _fts_filter(conn: Connection, col_id, col_text, q: str):
    terms = _TERM.findall(q)
    if not terms:
        return None
    if conn.dialect.name == "sqlite":
        match = " ".join('"' + t + '"' for t in terms)  # each term quoted: no FTS5 syntax from the user
        return col_id.in_(select(literal_column("rowid")).select_from(text("quotes_fts"))
                          .where(text("quotes_fts MATCH :fts_q").bindparams(fts_q=match)))
    if conn.dialect.name == "postgresql":
        return func.to_tsvector(literal_column("'english'"), col_text).bool_op("@@")(
            func.plainto_tsquery(literal_column("'english'"), " ".join(terms)))
    return and_(*[_ilike(col_text, t) for t in terms])


def _quote_item(r) -> dict:
    return {"id": r.id, "article": r.article_key, "quote_id": r.quote_id, "text": r.text, "kind": r.kind,
            "category": r.category, "cue": r.cue, "source_text": r.source_text,
            "speaker": {"name": r.speaker_name, "type": r.speaker_type, "description": r.speaker_description},
            "source_id": r.source_id, "source_name": r.source_name, "published": r.pub_date,
            "in_furniture": bool(r.in_furniture), "confidence": r.confidence, "start": r.start, "end": r.end}


def quotes(conn, speaker=None, source_id=None, type=None, category=None, kind=None, story=None, article=None,
           date_from=None, date_to=None, q=None, limit=50, offset=0) -> dict:
    qt, a, src = s.quotes, s.articles, s.sources
    sel = (select(qt, a.c.key.label("article_key"), src.c.name.label("source_name"))
           .select_from(qt.join(a, a.c.id == qt.c.article_id).outerjoin(src, src.c.id == qt.c.source_id)))
    if speaker:
        sel = sel.where(or_(_ilike(qt.c.speaker_name, speaker), _ilike(src.c.name, speaker)))
    if source_id is not None:
        sel = sel.where(qt.c.source_id == int(source_id))
    for col, val in ((qt.c.speaker_type, type), (qt.c.category, category), (qt.c.kind, kind)):
        if val:
            sel = sel.where(col == val)
    if story is not None:
        sel = sel.where(a.c.story_id == int(story))
    if article is not None:
        sel = sel.where(a.c.key == str(article))
    sel = _dates(sel, qt.c.pub_date, date_from, date_to)
    if q:
        cond = _fts_filter(conn, qt.c.id, qt.c.text, q)
        if cond is not None:
            sel = sel.where(cond)
    return _listing(conn, sel, (qt.c.pub_date.desc().nulls_last(), qt.c.article_id, qt.c.id), limit, offset, _quote_item)


# -- figures, events, places ----------------------------------------------------------------------
def figures(conn, measure=None, unit=None, place=None, source=None, story=None, article=None,
            date_from=None, date_to=None, limit=50, offset=0) -> dict:
    f, a = s.figures, s.articles
    sel = select(f, a.c.key.label("article_key")).select_from(f.join(a, a.c.id == f.c.article_id))
    if measure:
        sel = sel.where(func.lower(f.c.measure) == str(measure).lower())
    if unit:
        sel = sel.where(func.lower(f.c.unit) == str(unit).lower())
    if place:
        sel = sel.where(or_(_ilike(f.c.place_name, place), func.lower(f.c.country) == str(place).lower()))
    if source:
        sel = sel.where(_ilike(f.c.source_name, source))
    if story is not None:
        sel = sel.where(a.c.story_id == int(story))
    if article is not None:
        sel = sel.where(a.c.key == str(article))
    sel = _dates(sel, f.c.date, date_from, date_to)
    return _listing(conn, sel, (f.c.date.desc().nulls_last(), f.c.article_id, f.c.id), limit, offset, lambda r: {
        "id": r.id, "article": r.article_key, "figure_id": r.figure_id, "text": r.text, "value": r.value,
        "low": r.low, "high": r.high, "qualifier": r.qualifier, "unit": r.unit, "measure": r.measure,
        "source": r.source_name, "source_type": r.source_type, "source_id": r.source_id, "quote": r.quote_id,
        "when": r.when_value, "place": r.place_name, "country": r.country, "date": r.date,
        "published": r.pub_date, "in_furniture": bool(r.in_furniture)})


def events(conn, type=None, sub_type=None, place=None, actor=None, story=None, article=None,
           date_from=None, date_to=None, limit=50, offset=0) -> dict:
    e, a = s.events, s.articles
    sel = select(e, a.c.key.label("article_key")).select_from(e.join(a, a.c.id == e.c.article_id))
    if type:
        sel = sel.where(e.c.event_type == type)
    if sub_type:
        sel = sel.where(e.c.sub_event_type == sub_type)
    if place:
        sel = sel.where(or_(_ilike(e.c.place_name, place), func.lower(e.c.country) == str(place).lower()))
    if actor:
        sel = sel.where(or_(_ilike(e.c.actor1, actor), _ilike(e.c.actor2, actor)))
    if story is not None:
        sel = sel.where(a.c.story_id == int(story))
    if article is not None:
        sel = sel.where(a.c.key == str(article))
    sel = _dates(sel, e.c.date, date_from, date_to)
    return _listing(conn, sel, (e.c.date.desc().nulls_last(), e.c.article_id, e.c.id), limit, offset, lambda r: {
        "id": r.id, "article": r.article_key, "event_id": r.event_id, "text": r.text, "event_type": r.event_type,
        "sub_event_type": r.sub_event_type, "actor1": r.actor1, "actor2": r.actor2, "place": r.place_name,
        "country": r.country, "lat": r.lat, "lon": r.lon, "date": r.date, "time_precision": r.time_precision,
        "fatalities": r.fatalities, "fatalities_qualifier": r.fatalities_qualifier, "source": r.source_name,
        "published": r.pub_date, "in_furniture": bool(r.in_furniture)})


def places(conn, q=None, country=None, story=None, limit=50, offset=0) -> dict:
    p, a = s.places, s.articles
    n = func.count(func.distinct(p.c.article_id))
    sel = (select(p.c.name, p.c.geonameid, func.max(p.c.lat).label("lat"), func.max(p.c.lon).label("lon"),
                  p.c.country, p.c.feature, n.label("n_articles"))
           .select_from(p.join(a, a.c.id == p.c.article_id))
           .group_by(p.c.name, p.c.geonameid, p.c.country, p.c.feature))
    if q:
        sel = sel.where(_ilike(p.c.name, q))
    if country:
        sel = sel.where(func.lower(p.c.country) == str(country).lower())
    if story is not None:
        sel = sel.where(a.c.story_id == int(story))
    return _listing(conn, sel, (n.desc(), p.c.name), limit, offset, lambda r: dict(r._mapping))


# -- stories --------------------------------------------------------------------------------------
def _top_sources(conn, story_id: int, k: int = 3) -> list[str]:
    qt, a, src = s.quotes, s.articles, s.sources
    return conn.execute(select(src.c.name).select_from(qt.join(a, a.c.id == qt.c.article_id)
                                                       .join(src, src.c.id == qt.c.source_id))
                        .where(a.c.story_id == story_id).group_by(src.c.id, src.c.name)
                        .order_by(func.count().desc(), src.c.name).limit(k)).scalars().all()


def stories(conn, limit=50, offset=0, q=None) -> dict:
    st = s.stories
    sel = select(st)
    if q:
        sel = sel.where(_ilike(st.c.title, q))
    out = _listing(conn, sel, (st.c.last_date.desc().nulls_last(), st.c.n_articles.desc(), st.c.id.desc()), limit, offset,
                   lambda r: {"id": r.id, "title": r.title, "first": r.first_date, "last": r.last_date,
                              "n_articles": r.n_articles})
    for item in out["items"]:
        item["top_sources"] = _top_sources(conn, item["id"])
    return out


def story(conn, story_id) -> dict | None:
    st = s.stories
    row = conn.execute(select(st).where(st.c.id == int(story_id))).first()
    if row is None:
        return None
    arts = conn.execute(_articles_select().where(s.articles.c.story_id == row.id)
                        .order_by(s.articles.c.pub_date, s.articles.c.id)).all()
    series = figure_series(conn, row.id)
    return {"id": row.id, "title": row.title, "first": row.first_date, "last": row.last_date,
            "n_articles": row.n_articles, "articles": [_article_item(r) for r in arts],
            "timeline": timeline(conn, row.id), "figure_series": series,
            "contested": contested(conn, row.id, series), "source_stats": source_stats(conn, row.id)}


def stats(conn) -> dict:
    out = {}
    for name, t in (("articles", s.articles), ("versions", s.versions), ("quotes", s.quotes),
                    ("figures", s.figures), ("events", s.events), ("sources", s.sources), ("stories", s.stories)):
        out[name] = conn.execute(select(func.count()).select_from(t)).scalar()
    return out
