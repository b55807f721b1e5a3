"""Stories: articles about the same story, grouped as they arrive.

Each article gets weighted keys: its people and organisations (coarse keys from
crossdoc.story_key, so "IDF" and "Israel Defense Forces" agree) and its places
(geonameid when geocoded, else the folded name). A key's weight in an article
is ``1 + ln(mentions)`` times its inverse document frequency in the store when
the article is stored (``ln((N+1)/(df+1)) + 1``, df counting the article), so
places every article mentions count less.

Clustering is single-link and incremental: a new article joins the story of
its most similar earlier article published within ``WINDOW_DAYS`` when their
weighted Jaccard similarity (sum of minimum weights / sum of maximum weights)
reaches ``THRESHOLD``; otherwise it starts a new story. Stories are never
merged afterwards (an article bridging two stories joins the closer one).

Calibration: see THRESHOLD.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import date, timedelta

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.engine import Connection

from ..events.relevance import show_threshold
from ..lang.reporting import DENIAL_WORDS
from . import schema as s
from .crossdoc import fold, story_key
from .db import clean

# Days either side of an article's date within which a story's articles are compared.
# News stories run for days; three days keeps a continuing story (daily updates link
# day to day, single-link) while a different event weeks later with the same actors
# starts a new story.
WINDOW_DAYS = 3
# Weighted-Jaccard threshold for joining a story. Calibrated on MEANTIME (120 Wikinews
# articles in 4 topics, analysed by this pipeline, idf over the 120; topic = a proxy for
# story): of the 35 same-topic pairs published within 3 days, 15 reach 0.12 (the GM
# bankruptcy, the September and October 2008 market falls, the first A380 delivery: 0.13-0.25)
# and the rest are mostly the same company in different stories (0.0-0.12); none of the 9
# cross-topic pairs within 3 days reaches 0.07, and 6 of all 5,400 cross-topic pairs (any
# date) reach 0.12 (0.11%; none reaches 0.15). 0.12 keeps cross-topic merges near zero
# while linking most same-story pairs; single-link then chains a story's daily updates.
THRESHOLD = 0.12
# Cost bounds, not tuned for accuracy: candidates are the MAX_CANDIDATES articles sharing
# most of the new article's PROBE_KEYS heaviest keys (idf x tf). Checked on MEANTIME (120
# articles in date order): the same 9 multi-article stories as with no bounds at all.
MAX_CANDIDATES = 20
PROBE_KEYS = 12

_KEY_TYPES = {"PERSON", "ORG"}
_PLACE_TYPES = {"GPE", "LOC", "FAC"}


def article_keys(rec: dict) -> dict[str, float]:
    """Key -> term weight (1 + ln mentions) for one analysis record."""
    counts: Counter = Counter()
    for e in rec.get("entities") or []:
        typ = e.get("type")
        if typ in _KEY_TYPES or (typ in _PLACE_TYPES and not rec.get("places")):
            k = story_key(e.get("name") or "", typ)
            if k:
                counts[k] += max(1, len(e.get("mentions") or []))
    for p in rec.get("places") or []:
        if p.get("geonameid") is not None:
            counts[f"gn:{p['geonameid']}"] += 1
        elif p.get("name"):
            counts["g:" + fold(p["name"]).strip()] += 1
    return {k[:200]: 1.0 + math.log(n) for k, n in counts.items()}


def weighted_jaccard(weights: dict[str, float], other: dict[str, float]) -> float:
    if len(weights) > len(other):
        weights, other = other, weights
    lo = sum(min(w, other[k]) for k, w in weights.items() if k in other)
    hi = sum(weights.values()) + sum(other.values()) - lo  # sum of max = sum a + sum b - sum of min
    return lo / hi if hi > 0 else 0.0


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _bump_df(conn: Connection, keys, delta: int) -> None:
    kd = s.key_df
    keys = list(keys)
    if delta < 0:
        conn.execute(update(kd).where(kd.c.key.in_(keys)).values(df=kd.c.df + delta))
        return
    if conn.dialect.name in ("sqlite", "postgresql"):
        if conn.dialect.name == "sqlite":
            from sqlalchemy.dialects.sqlite import insert
        else:
            from sqlalchemy.dialects.postgresql import insert  # type: ignore[assignment]
        # executemany of one statement: compiled once, whatever the number of keys
        ins = insert(kd).on_conflict_do_update(index_elements=[kd.c.key], set_={"df": kd.c.df + delta})
        conn.execute(ins, [{"key": k, "df": delta} for k in keys])
        return
    have = set(conn.execute(select(kd.c.key).where(kd.c.key.in_(keys))).scalars())
    if have:
        conn.execute(update(kd).where(kd.c.key.in_(list(have))).values(df=kd.c.df + delta))
    if set(keys) - have:
        conn.execute(kd.insert(), [{"key": k, "df": delta} for k in keys if k not in have])


def _refresh_story(conn: Connection, story_id: int) -> None:
    a = s.articles
    row = conn.execute(
        select(func.count(), func.min(a.c.pub_date), func.max(a.c.pub_date)).where(a.c.story_id == story_id)
    ).one()  # an aggregate gives one row
    if not row[0]:
        conn.execute(s.stories.delete().where(s.stories.c.id == story_id))
        return
    conn.execute(
        update(s.stories)
        .where(s.stories.c.id == story_id)
        .values(n_articles=row[0], first_date=row[1], last_date=row[2])
    )


def assign_story(
    conn: Connection, article_id: int, rec: dict, pub_date: str | None, new: bool = False
) -> int:
    """(Re)compute the article's keys and put it in a story; returns the story id.

    Key weights are stored already multiplied by the key's idf at the time the
    article is stored, and the similarity is computed from the shared keys and each
    candidate's total weight (sum of max = sum a + sum b - sum of min), so a new
    article costs two indexed queries, not a read of every candidate's keys.
    ``new``: the article was just created (no previous keys or story to undo).
    """
    ak, a = s.article_keys, s.articles
    old_keys: list[str] = []
    old_story = None
    if not new:  # a new version: its previous keys and story
        old_story = conn.execute(select(a.c.story_id).where(a.c.id == article_id)).scalar()
        old_keys = conn.execute(select(ak.c.key).where(ak.c.article_id == article_id)).scalars().all()  # type: ignore[assignment]
    if old_keys:
        conn.execute(ak.delete().where(ak.c.article_id == article_id))
        _bump_df(conn, old_keys, -1)
    tf = article_keys(rec)
    best_story, best = None, 0.0
    if tf:
        keys = list(tf)
        _bump_df(conn, keys, +1)
        n_docs = conn.execute(select(func.max(a.c.id))).scalar() or 1  # ~ articles stored; an index read
        df = dict(conn.execute(select(s.key_df.c.key, s.key_df.c.df).where(s.key_df.c.key.in_(keys))).all())
        mine = {k: w * (math.log((n_docs + 1) / (df.get(k, 1) + 1)) + 1.0) for k, w in tf.items()}
        conn.execute(ak.insert(), [dict(article_id=article_id, key=k, weight=w) for k, w in mine.items()])
        # Candidates come from the most specific keys (a common place's posting list is long).
        probe = sorted(keys, key=lambda k: -mine[k])[:PROBE_KEYS]
        shared = (
            select(ak.c.article_id)
            .select_from(ak.join(a, a.c.id == ak.c.article_id))
            .where(and_(ak.c.key.in_(probe), ak.c.article_id != article_id, a.c.story_id.is_not(None)))
        )
        if pub_date:
            shared = shared.where(
                or_(
                    a.c.pub_date.is_(None),
                    a.c.pub_date.between(_shift(pub_date, -WINDOW_DAYS), _shift(pub_date, WINDOW_DAYS)),
                )
            )
        shared = shared.group_by(ak.c.article_id).order_by(func.count().desc()).limit(MAX_CANDIDATES)
        cands = [r.article_id for r in conn.execute(shared)]
        if cands:
            lo: dict[int, float] = defaultdict(float)
            for r in conn.execute(
                select(ak.c.article_id, ak.c.key, ak.c.weight).where(
                    and_(ak.c.article_id.in_(cands), ak.c.key.in_(keys))
                )
            ):
                lo[r.article_id] += min(mine[r.key], r.weight)
            totals = conn.execute(
                select(ak.c.article_id, func.sum(ak.c.weight), a.c.story_id)
                .select_from(ak.join(a, a.c.id == ak.c.article_id))
                .where(ak.c.article_id.in_(cands))
                .group_by(ak.c.article_id, a.c.story_id)
            )
            mine_total = sum(mine.values())
            for other, total, story_id in totals:
                hi = mine_total + total - lo[other]
                sim = lo[other] / hi if hi > 0 else 0.0
                if sim > best:
                    best, best_story = sim, story_id
    if best < THRESHOLD or best_story is None:
        headline = (rec.get("meta") or {}).get("headline") or rec.get("id")
        best_story = conn.execute(  # type: ignore[index]
            s.stories.insert().values(
                title=clean(headline), first_date=pub_date, last_date=pub_date, n_articles=0
            )
        ).inserted_primary_key[0]
    conn.execute(update(a).where(a.c.id == article_id).values(story_id=best_story))
    _refresh_story(conn, best_story)
    if old_story is not None and old_story != best_story:
        _refresh_story(conn, old_story)
    return best_story


# -- reading a story ------------------------------------------------------------------------------
DENIAL_CUES = DENIAL_WORDS
# Two reports of one figure disagree when their values (or ranges) do not overlap
# and differ by more than this fraction of the larger one: a toll updated within the
# day or rounded ("about 28,000" against 28,340: 1.2%) is not a contest; a convention,
# not a tuned value (no gold for contested figures exists).
CONTEST_TOLERANCE = 0.05


def _range(figure: dict) -> tuple[float, float] | None:
    lo = figure["value"] if figure["value"] is not None else figure["low"]
    hi = figure["value"] if figure["value"] is not None else figure["high"]
    if lo is None and hi is None:
        return None
    lo, hi = (lo if lo is not None else hi), (hi if hi is not None else lo)
    return float(lo), float(hi)


def _disagree(figure: dict, other: dict) -> bool:
    rx, ry = _range(figure), _range(other)
    if rx is None or ry is None:
        return False
    if rx[1] < ry[0] or ry[1] < rx[0]:
        gap = max(ry[0] - rx[1], rx[0] - ry[1])
        return gap > CONTEST_TOLERANCE * max(abs(rx[1]), abs(ry[1]), 1.0)
    return False


def figure_series(conn: Connection, story_id: int) -> list[dict]:
    f, a = s.figures, s.articles
    q = (
        select(f, a.c.key.label("article_key"), a.c.publisher)
        .select_from(f.join(a, a.c.id == f.c.article_id))
        .where(and_(a.c.story_id == story_id, f.c.measure.is_not(None), f.c.in_furniture.is_(False)))
        .order_by(f.c.date, a.c.id, f.c.id)
    )
    series: dict[tuple, list] = defaultdict(list)
    for r in conn.execute(q):
        key = (r.measure, r.unit, r.place_name or r.country)
        series[key].append(
            {
                "date": r.date,
                "value": r.value,
                "low": r.low,
                "high": r.high,
                "qualifier": r.qualifier,
                "source": r.source_name or r.publisher,
                "source_id": r.source_id,
                "text": r.text,
                "article": r.article_key,
            }
        )
    return [
        {"measure": k[0], "unit": k[1], "place": k[2], "points": pts}
        for k, pts in sorted(series.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))
    ]


def contested(conn: Connection, story_id: int, series: list[dict]) -> list[dict]:
    """Contested claims: within one figure series (measure, unit, place), reports dated the
    same day from different sources whose values disagree (see CONTEST_TOLERANCE); and
    quotes whose cue denies, rejects or disputes."""
    out = []
    for ser in series:
        by_date: dict = defaultdict(list)
        for p in ser["points"]:
            by_date[p["date"]].append(p)
        for d, pts in sorted(by_date.items(), key=lambda kv: str(kv[0])):
            pairs = [
                (x, y)
                for i, x in enumerate(pts)
                for y in pts[i + 1 :]
                if (x["source"] or "").lower() != (y["source"] or "").lower() and _disagree(x, y)
            ]
            if pairs:
                claims = {id(p): p for pair in pairs for p in pair}
                out.append(
                    {
                        "kind": "figures",
                        "measure": ser["measure"],
                        "unit": ser["unit"],
                        "place": ser["place"],
                        "date": d,
                        "claims": list(claims.values()),
                    }
                )
    q, a = s.quotes, s.articles
    rows = conn.execute(
        select(q, a.c.key.label("article_key"))
        .select_from(q.join(a, a.c.id == q.c.article_id))
        .where(a.c.story_id == story_id)
        .order_by(q.c.pub_date, q.c.id)
    )
    for r in rows:
        cue = (r.cue or "").lower()
        if any(w in cue.split() for w in DENIAL_CUES):
            out.append(
                {
                    "kind": "denial",
                    "date": r.pub_date,
                    "speaker": r.speaker_name,
                    "source_id": r.source_id,
                    "cue": r.cue,
                    "text": r.text,
                    "article": r.article_key,
                    "quote_id": r.quote_id,
                }
            )
    return out


def source_stats(conn: Connection, story_id: int, top: int = 10) -> dict:
    q, a, src = s.quotes, s.articles, s.sources
    base = and_(
        a.c.story_id == story_id,
        q.c.in_furniture.is_(False),
        or_(q.c.category.is_(None), q.c.category == "speech"),
    )
    j = q.join(a, a.c.id == q.c.article_id)
    by_type: dict[str, int] = dict(
        conn.execute(
            select(q.c.speaker_type, func.count()).select_from(j).where(base).group_by(q.c.speaker_type)
        ).all()
    )
    total = sum(by_type.values())
    anonymous = by_type.get("anonymous", 0)
    named = sum(n for t, n in by_type.items() if t in ("person", "organization", "group"))
    most = conn.execute(
        select(src.c.id, src.c.name, src.c.type, func.count().label("n"))
        .select_from(j.join(src, src.c.id == q.c.source_id))
        .where(base)
        .group_by(src.c.id, src.c.name, src.c.type)
        .order_by(func.count().desc(), src.c.name)
        .limit(top)
    ).all()
    return {
        "quotes": total,
        "named": named,
        "anonymous": anonymous,
        "unknown": total - named - anonymous,
        "named_share": round(named / (named + anonymous), 3) if named + anonymous else None,
        "by_type": by_type,
        "most_quoted": [{"source_id": r.id, "name": r.name, "type": r.type, "n_quotes": r.n} for r in most],
    }


def timeline(conn: Connection, story_id: int) -> list[dict]:
    e, a = s.events, s.articles
    rows = conn.execute(
        select(e, a.c.key.label("article_key"))
        .select_from(e.join(a, a.c.id == e.c.article_id))
        .where(
            and_(
                a.c.story_id == story_id,
                e.c.in_furniture.is_(False),
                # the timeline shows the events the relevance model is sure of (older rows: all)
                or_(e.c.confidence.is_(None), e.c.confidence >= show_threshold()),
            )
        )
        .order_by(e.c.date, a.c.pub_date, e.c.id)
    )
    out: list[dict] = []
    seen: dict[tuple, dict] = {}
    for r in rows:
        # One entry per (date, sub-event type, place, fatalities) reported by several articles.
        k = (r.date, r.sub_event_type, (r.place_name or "").lower(), r.fatalities)
        if k in seen:
            seen[k]["articles"].append(r.article_key)
            continue
        item = {
            "date": r.date,
            "event_type": r.event_type,
            "sub_event_type": r.sub_event_type,
            "text": r.text,
            "actor1": r.actor1,
            "actor2": r.actor2,
            "place": r.place_name,
            "country": r.country,
            "fatalities": r.fatalities,
            "article": r.article_key,
            "articles": [r.article_key],
        }
        seen[k] = item
        out.append(item)
    return out
