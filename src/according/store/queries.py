"""Read functions behind the HTTP API and the web page: articles, versions and diffs, sources,
stories, the memo warm-up and stats (the quote, figure, event and place lists are in
``listings.py``, re-exported here). All return JSON-ready data.

Every value from the caller is a bound parameter. Lists return
``{"total", "items", "limit", "offset"}``; the current version of each
article is what the flat tables hold (see schema.py).
"""

from __future__ import annotations

import difflib
import re
import time

from sqlalchemy import and_, bindparam, func, literal_column, or_, select
from sqlalchemy.engine import Connection

from . import schema as s
from .filters import (
    Where,
    article_pk,
    ilike_param,
    ilike_term,
    like_pattern,
    limit_offset,
    paging,
)
from .listings import events, figures, places, quotes, speaker_names  # noqa: F401 - re-exported for Store
from .memo import (  # noqa: F401 (write_token: Store)
    MEMO_STORIES,
    _count_memo,
    _derived,
    _memo,
    from_json,
    lru_get,
    lru_put,
    superseded,
    to_json,
    write_token,
)
from .prepared import fetch, scalar
from .stories import contested, figure_series, source_stats, timeline


# -- articles -------------------------------------------------------------------------------------
def _count(table):
    return (
        select(func.count())
        .where(table.c.article_id == s.articles.c.id)
        .correlate(s.articles)
        .scalar_subquery()
    )


def _article_item(row) -> dict:
    return {
        "id": row.key,
        "url": row.url,
        "headline": row.headline,
        "publisher": row.publisher,
        "published": row.published,
        "updated": row.updated,
        "versions": row.n_versions,
        "story": row.story_id,
        "n_quotes": row.n_quotes,
        "n_figures": row.n_figures,
        "n_events": row.n_events,
    }


def _articles_select():
    a = s.articles
    return select(
        a,
        _count(s.quotes).label("n_quotes"),
        _count(s.figures).label("n_figures"),
        _count(s.events).label("n_events"),
    )


def articles(conn, limit=50, offset=0, q=None, story=None, source=None, date_from=None, date_to=None) -> dict:
    a, w = s.articles, Where()
    if q:
        w.add(
            "q",
            lambda: or_(
                ilike_param(a.c.headline, "q_like"),
                ilike_param(a.c.key, "q_like"),
                ilike_param(a.c.url, "q_like"),
            ),
            q_like=like_pattern(q),
        )
    if story is not None:
        w.add("story", lambda: a.c.story_id == bindparam("story"), story=int(story))
    if source is not None:
        w.add(
            "source",
            lambda: a.c.id.in_(
                select(s.entities.c.article_id).where(s.entities.c.source_id == bindparam("source"))
            ),
            source=int(source),
        )
    w.dates(a.c.pub_date, date_from, date_to)
    limit, offset = paging(limit, offset)
    shape = tuple(w.shape)
    total = scalar(
        conn,
        ("articles.count", shape),
        lambda: select(func.count()).select_from(a).where(*w.clauses()),
        w.params,
    )
    # Undated last on both backends (PostgreSQL puts NULLs first in DESC by default).
    rows = fetch(
        conn,
        ("articles.page", shape),
        lambda: limit_offset(
            _articles_select().where(*w.clauses()).order_by(a.c.pub_date.desc().nulls_last(), a.c.id.desc())
        ),
        {**w.params, "lim": limit, "off": offset},
    )
    return {"total": total, "items": [_article_item(r) for r in rows], "limit": limit, "offset": offset}


def article(conn, key, version=None) -> dict | None:
    a, v = s.articles, s.versions
    rows = fetch(conn, ("article",), lambda: select(a).where(a.c.key == bindparam("key")), {"key": str(key)})
    if not rows:
        return None
    row = rows[0]
    n = row.current_version if version is None else int(version)
    rec = scalar(
        conn,
        ("article.record",),
        lambda: select(v.c.record).where(and_(v.c.article_id == bindparam("aid"), v.c.n == bindparam("n"))),
        {"aid": row.id, "n": n},
    )
    if rec is None:
        return None
    same_url = (
        fetch(
            conn,
            ("article.same_url",),
            lambda: limit_offset(
                select(a.c.key)
                .where(and_(a.c.url == bindparam("url"), a.c.id != bindparam("aid")))
                .order_by(a.c.id)
            ),
            {"url": row.url, "aid": row.id, "lim": 20, "off": 0},
        )
        if row.url
        else []
    )
    return {
        "id": row.key,
        "version": n,
        "versions": row.n_versions,
        "current_version": row.current_version,
        "story": row.story_id,
        "same_url": [r.key for r in same_url],  # other articles (their own ids) at this URL
        "record": from_json(rec),
    }


def versions(conn, key) -> list[dict]:
    v = s.versions
    aid = article_pk(conn, key)
    if aid is None:
        return []
    rows = conn.execute(
        select(v.c.n, v.c.content_hash, v.c.published, v.c.updated, v.c.ingested_at, v.c.headline)
        .where(v.c.article_id == aid)
        .order_by(v.c.n)
    )
    return [
        {
            "version": r.n,
            "content_hash": r.content_hash,
            "published": r.published,
            "updated": r.updated,
            "ingested_at": r.ingested_at,
            "headline": r.headline,
        }
        for r in rows
    ]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n", text) if p.strip()]


def _quote_sig(quote: dict) -> tuple:
    content = " ".join(c.get("text", "") for c in quote.get("content") or [])
    return (" ".join(content.split()).lower(), ((quote.get("speaker") or {}).get("name") or "").lower())


def _figure_sig(figure: dict) -> tuple:
    return (
        figure.get("value"),
        figure.get("low"),
        figure.get("high"),
        figure.get("unit"),
        figure.get("measure"),
        ((figure.get("source") or {}).get("name") or "").lower(),
    )


def _added_removed(old: list, new: list, sig) -> dict:
    old_s, new_s = {sig(x) for x in old}, {sig(x) for x in new}
    return {
        "added": [x for x in new if sig(x) not in old_s],
        "removed": [x for x in old if sig(x) not in new_s],
    }


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
    return {
        "article": str(key),
        "from": int(v1),
        "to": int(v2),
        "paragraphs": ops,
        "unified": unified,
        "meta": {"old": ra.get("meta"), "new": rb.get("meta")},
        "quotes": _added_removed(ra.get("quotes") or [], rb.get("quotes") or [], _quote_sig),
        "figures": _added_removed(ra.get("figures") or [], rb.get("figures") or [], _figure_sig),
    }


# -- sources and quotes ---------------------------------------------------------------------------
def _aliases(conn, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        al = s.source_aliases
        for r in fetch(
            conn,
            ("aliases",),
            lambda: (
                select(al.c.source_id, al.c.name)
                .where(al.c.source_id.in_(bindparam("ids", expanding=True)))
                .order_by(al.c.name)
            ),
            {"ids": ids},
        ):
            if r.name and r.name not in out[r.source_id]:
                out[r.source_id].append(r.name)
    return out


def _source_counts(conn: Connection, story=None) -> dict[int, tuple[int, int]]:
    """source id -> (quotes, distinct articles with an entity resolved to it), optionally in one story."""
    qt, et, a = s.quotes, s.entities, s.articles
    qc = select(qt.c.source_id, func.count()).where(qt.c.source_id.is_not(None))
    ec = select(et.c.source_id, func.count(func.distinct(et.c.article_id))).where(et.c.source_id.is_not(None))
    if story is not None:
        in_story = select(a.c.id).where(a.c.story_id == int(story))
        qc, ec = qc.where(qt.c.article_id.in_(in_story)), ec.where(et.c.article_id.in_(in_story))
    out: dict[int, list[int]] = {}
    for sid, n in conn.execute(qc.group_by(qt.c.source_id)):
        out.setdefault(sid, [0, 0])[0] = n
    for sid, n in conn.execute(ec.group_by(et.c.source_id)):
        out.setdefault(sid, [0, 0])[1] = n
    return {k: (v[0], v[1]) for k, v in out.items()}


SOURCE_TYPES = (None, "person", "organization", "place", "group", "other")  # memo keys: a bounded set


def sources(conn, limit=50, offset=0, q=None, type=None, story=None) -> dict:
    """Ordered by quotes, then articles, then name. The counts over all quotes and entities
    are derived once per write (_derived); per request only the sources table is read
    (one row per real-world source: small next to the quotes), so a page costs
    O(sources), not O(quotes + entities). A story's counts touch only its articles."""
    limit, offset = paging(limit, offset)
    if q or story is not None or type not in SOURCE_TYPES:
        rows = _sources_sorted(conn, q, type, story)
    else:  # the common page (all sources, or one type): the sorted list is derived once per write
        rows = _derived(conn, ("sources_sorted", type), lambda c: _sources_sorted(c, None, type, None))
    items = [
        {"id": sid, "name": name, "type": typ, "n_quotes": -nq, "n_articles": -na}
        for nq, na, name, sid, typ in rows[offset : offset + limit]
    ]
    al = _aliases(conn, [i["id"] for i in items])
    for item in items:
        item["aliases"] = al[item["id"]]
    return {"total": len(rows), "items": items, "limit": limit, "offset": offset}


def _sources_sorted(conn: Connection, q, type, story) -> list[tuple]:
    """(-n_quotes, -n_articles, name, id, type) of the matching sources, in list order."""
    src = s.sources
    counts = _derived(conn, "source_counts", _source_counts) if story is None else _source_counts(conn, story)
    sel = select(src.c.id, src.c.name, src.c.type)
    if q:
        sel = sel.where(
            or_(
                ilike_term(src.c.name, q),
                src.c.id.in_(
                    select(s.source_aliases.c.source_id).where(ilike_term(s.source_aliases.c.name, q))
                ),
            )
        )
    if type:
        sel = sel.where(src.c.type == type)
    if story is not None:
        sel = sel.where(src.c.id.in_(list(counts)) if counts else literal_column("1") == 0)
    rows = []
    for r in conn.execute(sel):
        nq, na = counts.get(r.id, (0, 0))
        rows.append((-nq, -na, r.name, r.id, r.type))
    rows.sort(key=lambda x: x[:3])  # name tie-break in Python: code-point order, as SQLite's ORDER BY
    return rows


def source(conn, source_id, quote_limit=200) -> dict | None:
    src = s.sources
    row = conn.execute(select(src).where(src.c.id == int(source_id))).first()
    if row is None:
        return None
    arts = (
        conn.execute(
            select(func.distinct(s.articles.c.key))
            .select_from(s.entities.join(s.articles, s.articles.c.id == s.entities.c.article_id))
            .where(s.entities.c.source_id == row.id)
        )
        .scalars()
        .all()
    )
    qs = quotes(conn, source_id=row.id, limit=quote_limit)
    return {
        "id": row.id,
        "name": row.name,
        "type": row.type,
        "aliases": _aliases(conn, [row.id])[row.id],
        "n_quotes": qs["total"],
        "n_articles": len(arts),
        "articles": sorted(arts),
        "quotes": qs["items"],
    }


def _top_sources_all(conn: Connection, count: int = 3) -> dict[int, list[str]]:
    """story id -> its k most quoted sources (ties by name), for every story in one grouped read."""
    qt, a, src = s.quotes, s.articles, s.sources
    n = func.count()
    rows = conn.execute(
        select(a.c.story_id, src.c.name, n)
        .select_from(qt.join(a, a.c.id == qt.c.article_id).join(src, src.c.id == qt.c.source_id))
        .where(a.c.story_id.is_not(None))
        .group_by(a.c.story_id, src.c.id, src.c.name)
    ).all()
    rows.sort(key=lambda r: (r[0], -r[2], r[1]))  # type: ignore[attr-defined]
    out: dict[int, list[str]] = {}
    for story_id, name, _ in rows:
        top = out.setdefault(story_id, [])
        if len(top) < count:
            top.append(name)
    return out


def stories(conn, limit=50, offset=0, q=None, compute: bool = True) -> dict | bool:
    """A page of stories with their top sources. ``compute=False``: False instead of
    computing the top sources of every story when they are not derived yet (~90 ms on
    10k articles; the web layer then asks again off the event loop)."""
    if not compute and "top_sources" not in _memo(conn):
        return False
    st, w = s.stories, Where()
    if q:
        w.add("q", lambda: ilike_param(st.c.title, "q_like"), q_like=like_pattern(q))
    limit, offset = paging(limit, offset)
    shape = tuple(w.shape)
    total = scalar(
        conn,
        ("stories.count", shape),
        lambda: select(func.count()).select_from(st).where(*w.clauses()),
        w.params,
    )
    rows = fetch(
        conn,
        ("stories.page", shape),
        lambda: limit_offset(
            select(st)
            .where(*w.clauses())
            .order_by(st.c.last_date.desc().nulls_last(), st.c.n_articles.desc(), st.c.id.desc())
        ),
        {**w.params, "lim": limit, "off": offset},
    )
    out = {
        "total": total,
        "items": [
            {
                "id": r.id,
                "title": r.title,
                "first": r.first_date,
                "last": r.last_date,
                "n_articles": r.n_articles,
            }
            for r in rows
        ],
        "limit": limit,
        "offset": offset,
    }
    # top sources of every story, derived once per write: no query per listed story
    top = _derived(conn, "top_sources", _top_sources_all) if out["items"] else {}
    for item in out["items"]:
        item["top_sources"] = list(top.get(item["id"], []))
    return out


def _story(conn, story_id: int) -> dict | None:
    st = s.stories
    row = conn.execute(select(st).where(st.c.id == story_id)).first()
    if row is None:
        return None
    arts = conn.execute(
        _articles_select()
        .where(s.articles.c.story_id == row.id)
        .order_by(s.articles.c.pub_date, s.articles.c.id)
    ).all()
    series = figure_series(conn, row.id)
    return {
        "id": row.id,
        "title": row.title,
        "first": row.first_date,
        "last": row.last_date,
        "n_articles": row.n_articles,
        "articles": [_article_item(r) for r in arts],
        "timeline": timeline(conn, row.id),
        "figure_series": series,
        "contested": contested(conn, row.id, series),
        "source_stats": source_stats(conn, row.id),
    }


def story_json(conn, story_id, compute: bool = True) -> bytes | None | bool:
    """A story's page (articles, timeline, series, contested claims, source stats) as JSON
    bytes: several aggregate reads over the story's articles (~10-25 ms on a 10k store),
    kept per write token for the MEMO_STORIES most recently asked stories. None: no such
    story. With ``compute=False`` only the memo is looked at and False means "not kept"
    (the web layer then computes it off the event loop)."""
    story_id = int(story_id)
    cache = _memo(conn)["stories"]
    hit = lru_get(cache, story_id)
    if hit is None:
        if not compute:
            return False
        page = _story(conn, story_id)
        if page is None:
            return None
        hit = to_json(page)
        lru_put(cache, story_id, hit, MEMO_STORIES)
    return hit


def story(conn, story_id) -> dict | None:
    """The story page as a dict (a fresh copy: callers may change it); see story_json."""
    body = story_json(conn, story_id)
    return None if body is None else from_json(body)


def warm(conn, n_stories: int = MEMO_STORIES, deadline: float | None = None) -> dict:
    """Compute the derived data of the current write token ahead of the readers: the list
    aggregates (source counts and order, top sources per story, speaker names, quote count)
    and the pages of the ``n_stories`` most recently active stories (the stories list's
    first entries). The web layer calls this at start-up and, in a background thread, after
    each write, so that the first reader after a write finds ready pages instead of paying
    ~10-25 ms per story page and ~70-90 ms for the list aggregates (10k-article store).
    ``deadline`` (time.monotonic()): stop computing story pages after it.
    Returns {"token", "stories": pages computed or found, "complete": all of them}."""
    box = _memo(conn)
    _derived(conn, "source_counts", _source_counts)
    for typ in SOURCE_TYPES:
        _derived(conn, ("sources_sorted", typ), lambda c, typ=typ: _sources_sorted(c, None, typ, None))
    _derived(conn, "top_sources", _top_sources_all)
    _derived(conn, "speaker_names", speaker_names)
    _derived(conn, "n_quotes", lambda c: c.execute(select(func.count()).select_from(s.quotes)).scalar())
    st = s.stories
    ids = (
        conn.execute(
            select(st.c.id)
            .order_by(st.c.last_date.desc().nulls_last(), st.c.n_articles.desc(), st.c.id.desc())
            .limit(max(0, min(n_stories, MEMO_STORIES)))
        )
        .scalars()
        .all()
    )
    done = 0
    for story_id in ids:
        if (deadline is not None and time.monotonic() > deadline) or superseded(conn, box):
            break  # out of time, or a write came in: these pages would be for an old snapshot
        story_json(conn, story_id)
        done += 1
    return {"token": box["token"], "stories": done, "complete": done == len(ids)}


def stats(conn) -> dict:
    out = {}
    for name, t in (
        ("articles", s.articles),
        ("versions", s.versions),
        ("quotes", s.quotes),
        ("figures", s.figures),
        ("events", s.events),
        ("sources", s.sources),
        ("stories", s.stories),
    ):
        out[name] = conn.execute(select(func.count()).select_from(t)).scalar()
    return out
