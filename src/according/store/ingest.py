"""Writing analysis records into the store.

Idempotence: an article is keyed on its record ``id``, stored exactly as given (an id that
cannot be is refused with a reason: :func:`id_problem`), and a version on the SHA-256 of its
``text``. A text equal to the article's current version is skipped; any other text under
the same id is a new version that becomes current (an older version's text again, A B A, is
a re-publication: version 3 equal to version 1). A new id with a known URL is its own article.
:func:`ingest_documents` checks this *before* analysing, so a re-run over the same inputs
costs a hash and an indexed look-up per article.

Atomicity: records are written in batches, one transaction per batch; a
process killed mid-batch leaves the database at the previous commit, and the
next run analyses and stores the lost batch again. A batch that fails (a bad
record, a concurrent writer) is retried one record per transaction so one bad
article costs only itself.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from . import schema as s
from .crossdoc import SourceResolver
from .db import clean
from .stories import assign_story
from .validate import record_problem

BATCH = 32  # records per transaction: large enough to amortise commits (fsync), small enough to lose little
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def day(value: str | None) -> str | None:
    return value[:10] if isinstance(value, str) and _DAY.match(value) else None


def as_record(rec: Any) -> dict:
    if isinstance(rec, dict):
        return rec
    if hasattr(rec, "to_dict"):
        return rec.to_dict()
    raise TypeError(f"not an analysis record: {type(rec).__name__}")


def record_json(rec: dict) -> str:
    """The record as `according analyze --format jsonl` writes it (falls back to ASCII
    escapes for text with lone surrogates, which no UTF-8 database column accepts)."""
    out = json.dumps(rec, ensure_ascii=False)
    try:
        out.encode("utf-8")
    except UnicodeEncodeError:
        out = json.dumps(rec, ensure_ascii=True)
    return out


def failure_reason(rec: dict) -> str | None:
    """Why a record is a failed analysis or cannot be stored (a later run retries it), or None."""
    why = id_problem(rec.get("id")) or record_problem(rec)
    if why:
        return why
    bad = [
        e for e in rec.get("errors") or [] if isinstance(e, dict) and e.get("stage") in ("ingest", "analyze")
    ]
    if bad:
        return "; ".join(str(e.get("message")) for e in bad)
    return None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def find_version(conn: Connection, key: str, text_hash: str) -> bool:
    """Is this text the *current* version of the article with this id? (An older version's
    text again is a re-publication: it becomes current again as a new version.)"""
    a, v = s.articles, s.versions
    q = (
        select(v.c.id)
        .select_from(v.join(a, and_(v.c.article_id == a.c.id, v.c.n == a.c.current_version)))
        .where(and_(a.c.key == key, v.c.content_hash == text_hash))
        .limit(1)
    )
    return conn.execute(q).first() is not None


# Ids are stored exactly as given, so an id that a database column, a URL path or a
# response header cannot carry exactly is refused rather than altered (altering merged
# "x\x00y", "x\ud800y" and "x\ufffdy" into one article): NUL (PostgreSQL refuses it), lone
# surrogates (not UTF-8), C0/C1 control characters (CR LF would end a Location header).
_UNSTORABLE_ID = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
MAX_ID_CHARS = 1000  # an id is a path segment of /api/articles/{id}: kept well under URL limits


def shown_id(value: Any) -> str:
    """An id for a message: control characters and lone surrogates escaped."""
    text = str(value)
    return repr(text)[1:-1] if _UNSTORABLE_ID.search(text) else text


def id_problem(value: Any) -> str | None:
    """Why this cannot be stored as an article id, or None."""
    if not isinstance(value, str) or not value.strip():
        return "record has no id"
    if len(value) > MAX_ID_CHARS:
        return f"the id is {len(value):,} characters long; at most {MAX_ID_CHARS:,} are stored"
    bad = _UNSTORABLE_ID.search(value)
    if bad:
        return (
            f"the id holds the character U+{ord(bad.group()):04X} at position {bad.start()}: ids are "
            "stored exactly as given and cannot hold NUL, control characters or lone surrogates"
        )
    return None


# -- flat rows ----------------------------------------------------------------------------------
def _speaker(speaker: dict | None) -> tuple:
    speaker = speaker or {}
    return speaker.get("name"), speaker.get("type"), speaker.get("description"), speaker.get("entity")


def _flat_rows(rec: dict, article_id: int, pub_date: str | None, resolver: SourceResolver) -> dict:
    ents = {e.get("id"): e for e in rec.get("entities") or [] if isinstance(e, dict)}
    ent_source: dict[str | None, int | None] = {}
    rows: dict[str, list] = {t.name: [] for t in s.FLAT_TABLES}
    for e in ents.values():
        sid = resolver.resolve(e.get("name"), e.get("type"))
        ent_source[e.get("id")] = sid
        rows["entities"].append(
            dict(
                article_id=article_id,
                entity_id=str(e.get("id")),
                source_id=sid,
                name=clean(e.get("name") or ""),
                type=e.get("type") or "OTHER",
                description=clean(e.get("description")),
                n_mentions=len(e.get("mentions") or []),
            )
        )

    def source_of(speaker: dict | None) -> int | None:
        name, typ, _, ent = _speaker(speaker)
        if ent in ent_source:
            return ent_source[ent]
        if typ in ("person", "organization", "group") and name:
            return resolver.resolve(name, typ)
        return None

    for q in rec.get("quotes") or []:
        if q.get("part_of"):  # its text is a content span of the quote it is part of: count it once
            continue
        content = q.get("content") or []
        name, typ, desc, _ = _speaker(q.get("speaker"))
        cue, src = q.get("cue") or {}, q.get("source") or {}
        rows["quotes"].append(
            dict(
                article_id=article_id,
                quote_id=str(q.get("id")),
                kind=q.get("kind"),
                category=q.get("category"),
                text=clean(" … ".join(c.get("text", "") for c in content)),
                cue=clean(cue.get("text")),
                source_text=clean(src.get("text")),
                speaker_name=clean(name),
                speaker_type=typ,
                speaker_description=clean(desc),
                source_id=source_of(q.get("speaker")),
                in_furniture=bool(q.get("in_furniture")),
                confidence=q.get("confidence"),
                start=content[0].get("start") if content else None,
                end=content[-1].get("end") if content else None,
                pub_date=pub_date,
            )
        )
    place_list = rec.get("places") or []

    def place(index):
        return place_list[index] if isinstance(index, int) and 0 <= index < len(place_list) else {}

    for f in rec.get("figures") or []:
        name, typ, _, _ = _speaker(f.get("source"))
        p = place(f.get("where"))
        rows["figures"].append(
            dict(
                article_id=article_id,
                figure_id=str(f.get("id")),
                text=clean((f.get("span") or {}).get("text")),
                value=f.get("value"),
                low=f.get("low"),
                high=f.get("high"),
                qualifier=f.get("qualifier"),
                unit=clean(f.get("unit")),
                measure=clean(f.get("measure")),
                source_name=clean(name),
                source_type=typ,
                source_id=source_of(f.get("source")),
                quote_id=f.get("quote"),
                when_value=f.get("when"),
                place_name=clean(p.get("name")),
                country=p.get("country"),
                date=day(f.get("when")) or pub_date,
                pub_date=pub_date,
                in_furniture=bool(f.get("in_furniture")),
            )
        )
    for ev in rec.get("events") or []:
        a1, a2 = ev.get("actor1") or {}, ev.get("actor2") or {}
        p = place(ev.get("place"))
        rows["events"].append(
            dict(
                article_id=article_id,
                event_id=str(ev.get("id")),
                text=clean((ev.get("span") or {}).get("text")),
                event_type=ev.get("event_type"),
                sub_event_type=ev.get("sub_event_type"),
                actor1=clean(a1.get("name")),
                actor1_source_id=ent_source.get(a1.get("entity")),
                actor2=clean(a2.get("name")),
                actor2_source_id=ent_source.get(a2.get("entity")),
                place_name=clean(p.get("name")),
                country=p.get("country"),
                lat=p.get("lat"),
                lon=p.get("lon"),
                date=day(ev.get("date")) or pub_date,
                time_precision=ev.get("time_precision"),
                fatalities=ev.get("fatalities"),
                fatalities_qualifier=ev.get("fatalities_qualifier"),
                source_name=clean(_speaker(ev.get("source"))[0]),
                pub_date=pub_date,
                in_furniture=bool(ev.get("in_furniture")),
                confidence=ev.get("confidence"),
            )
        )
    for p in place_list:
        span = p.get("span") or {}
        rows["places"].append(
            dict(
                article_id=article_id,
                name=clean(p.get("name")),
                geonameid=p.get("geonameid"),
                lat=p.get("lat"),
                lon=p.get("lon"),
                country=p.get("country"),
                feature=p.get("feature"),
                start=span.get("start"),
                end=span.get("end"),
            )
        )
    for t in rec.get("times") or []:
        span = t.get("span") or {}
        rows["times"].append(
            dict(
                article_id=article_id,
                text=clean(span.get("text")),
                type=t.get("type"),
                value=t.get("value"),
                start=span.get("start"),
                end=span.get("end"),
            )
        )
    return rows


def store_record(conn: Connection, rec: dict, resolver: SourceResolver, pending: dict) -> str:
    """Store one record inside the caller's transaction: 'new', 'version' or 'skipped'.

    Flat rows go to ``pending`` (table name -> rows), written by :func:`flush_rows`
    with one executemany per table per batch.
    """
    text = rec["text"]
    key = rec["id"]  # checked by failure_reason: stored exactly as given
    meta = rec.get("meta") or {}
    url = clean(meta.get("url")) or None
    h = content_hash(text)
    if find_version(conn, key, h):
        return "skipped"
    now = _now()
    pub_date = day(meta.get("published"))
    heads = dict(
        headline=clean(meta.get("headline")), published=meta.get("published"), updated=meta.get("updated")
    )
    # The article is the one with this id, nothing else: a new id with a known URL is its own
    # article (queries.article lists the others at the same URL).
    found = conn.execute(
        select(s.articles.c.id, s.articles.c.n_versions).where(s.articles.c.key == key)
    ).first()
    if found is None:
        article_id = conn.execute(  # type: ignore[index]
            s.articles.insert().values(
                key=key,
                url=url,
                publisher=clean(meta.get("publisher")),
                pub_date=pub_date,
                current_version=1,
                n_versions=1,
                first_seen=now,
                **heads,
            )
        ).inserted_primary_key[0]
        n, outcome = 1, "new"
    else:
        article_id, n, outcome = found.id, found.n_versions + 1, "version"
        flush_rows(conn, pending, resolver)  # the batch may hold this article's previous version
        for t in s.FLAT_TABLES:
            conn.execute(t.delete().where(t.c.article_id == article_id))
        conn.execute(
            update(s.articles)
            .where(s.articles.c.id == article_id)
            .values(
                url=url or s.articles.c.url,
                publisher=clean(meta.get("publisher")),
                pub_date=pub_date,
                current_version=n,
                n_versions=n,
                **heads,
            )
        )
    conn.execute(
        s.versions.insert().values(
            article_id=article_id, n=n, content_hash=h, ingested_at=now, record=record_json(rec), **heads
        )
    )
    for table, rows in _flat_rows(rec, article_id, pub_date, resolver).items():
        pending.setdefault(table, []).extend(rows)
    assign_story(conn, article_id, rec, pub_date, new=outcome == "new")
    return outcome


def flush_rows(conn: Connection, pending: dict, resolver: SourceResolver | None = None) -> None:
    """Write pending flat rows. Sources merged since a row was built (a later name absorbed
    the source it points to: UPDATEs re-pointed the rows already written) are followed here."""
    merged = resolver is not None and resolver.merged
    for t in s.FLAT_TABLES:
        rows = pending.get(t.name)
        if rows:
            if merged:
                for row in rows:
                    for col in ("source_id", "actor1_source_id", "actor2_source_id"):
                        if row.get(col) is not None:
                            row[col] = resolver.final(row[col])  # type: ignore[union-attr]
            conn.execute(t.insert(), rows)
            rows.clear()


def write_batch(engine: Engine, records: list[dict], cache: dict | None = None) -> list[tuple[dict, str]]:
    """Store records in one transaction; on failure, one transaction per record.

    Returns (record, outcome) pairs; outcome is new|version|skipped|failed: <reason>.
    ``cache`` (name key -> source id) carries the resolver's look-ups from batch to batch.
    """
    cache = {} if cache is None else cache
    try:
        with engine.begin() as conn:
            pending: dict[str, list] = {}
            resolver, out = SourceResolver(conn, cache), []
            for rec in records:
                out.append((rec, store_record(conn, rec, resolver, pending)))
            flush_rows(conn, pending, resolver)
        return out
    except (SQLAlchemyError, ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
        cache.clear()  # it may hold ids of the rolled-back transaction
        if len(records) == 1:
            return [(records[0], f"failed: {_refusal(exc)}")]
    out = []
    for rec in records:
        out.extend(write_batch(engine, [rec], cache))
    return out


def _refusal(exc: Exception) -> str:
    """Why a record was not stored, in words (no Python exception text: it reaches API clients)."""
    if isinstance(exc, SQLAlchemyError):
        first = str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]
        return f"the database refused the record ({first})"
    if isinstance(exc, OverflowError):
        return "the record holds a number too large to store"
    return "the record holds a value of the wrong type (see the analysis-v1 spec)"


class Summary:
    def __init__(self):
        self.read = self.analysed = self.stored = self.new_versions = self.skipped = 0
        self.failed: list[dict] = []

    def as_dict(self) -> dict:
        return {
            "analysed": self.analysed,
            "stored": self.stored,
            "new_versions": self.new_versions,
            "skipped": self.skipped,
            "failed": list(self.failed),
        }

    def count(self, rec: dict, outcome: str) -> None:
        if outcome == "new":
            self.stored += 1
        elif outcome == "version":
            self.stored += 1
            self.new_versions += 1
        elif outcome == "skipped":
            self.skipped += 1
        else:
            self.failed.append({"id": shown_id(rec.get("id")), "reason": outcome.removeprefix("failed: ")})


def ingest_records(
    engine: Engine, records: Iterable[Any], summary: Summary | None = None, progress=None
) -> Summary:
    """Store already analysed records (Analysis objects or spec dicts)."""
    summary = summary or Summary()
    batch: list[dict] = []
    cache: dict = {}

    def flush():
        for rec, outcome in write_batch(engine, batch, cache):
            summary.count(rec, outcome)
        batch.clear()
        if progress:
            progress.update(summary)

    for item in records:
        try:
            rec = as_record(item)
        except TypeError as exc:
            summary.failed.append({"id": "?", "reason": str(exc)})
            continue
        why = failure_reason(rec)
        if why:
            summary.failed.append({"id": shown_id(rec.get("id")), "reason": why})
            continue
        batch.append(rec)
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    return summary


def ingest_documents(
    engine: Engine,
    docs: Iterable,
    model: str = "en_core_web_md",
    progress=None,
    analyse: Callable[[Iterable], Iterable] | None = None,
) -> Summary:
    """Analyse and store documents, skipping (before analysis) those already stored.

    ``analyse`` turns the documents still to do into Analysis objects, in order (default: this
    process's ``analyze_documents``; ``--jobs`` passes a pool of worker processes)."""
    from ..analyzer import analyze_documents
    from ..ingest import Document

    summary = Summary()
    reader = engine.execution_options(writer=False)  # the look-up needs no write lock
    if analyse is None:

        def analyse(todo: Iterable) -> Iterable:
            return analyze_documents(todo, model=model)

    def pending() -> Iterator:
        for d in docs:
            summary.read += 1
            if isinstance(d, Document):
                why = id_problem(d.id)
                if why:  # refused before it costs an analysis; the batch goes on
                    summary.failed.append({"id": shown_id(d.id), "reason": why})
                    if progress:
                        progress.update(summary)
                    continue
                with reader.connect() as conn:
                    if find_version(conn, d.id, content_hash(d.text)):
                        summary.skipped += 1
                        if progress:
                            progress.update(summary)
                        continue
            yield d

    def analysed() -> Iterator:
        for rec in analyse(pending()):
            # an unreadable input's record (an "ingest" error) was never analysed
            if not any(getattr(e, "stage", None) == "ingest" for e in getattr(rec, "errors", ())):
                summary.analysed += 1
            if progress:
                progress.update(summary)
            yield rec

    return ingest_records(engine, analysed(), summary, progress)


class Progress:
    """A progress bar on a terminal (stderr), plain counts every ``every`` seconds otherwise."""

    def __init__(self, total: int | None = None, stream=None, every: float = 10.0):
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.total, self.every = total, every
        self.t0 = self.last = time.monotonic()

    def _line(self, summary: Summary) -> str:
        done = max(summary.stored + summary.skipped + len(summary.failed), summary.analysed + summary.skipped)
        rate = done / max(time.monotonic() - self.t0, 1e-6)
        counts = (
            f"{summary.analysed} analysed, {summary.stored} stored, {summary.skipped} skipped, {len(summary.failed)} failed "
            f"({rate:.1f}/s)"
        )
        if self.total:
            frac = min(done / self.total, 1.0)
            bar = "#" * int(frac * 30)
            return f"[{bar:<30}] {done}/{self.total} {counts}"
        return f"{done} done: {counts}"

    def update(self, summary: Summary) -> None:
        self.summary = summary
        now = time.monotonic()
        if self.tty:
            if now - self.last >= 0.1:
                self.stream.write("\r" + self._line(summary) + "\x1b[K")
                self.stream.flush()
                self.last = now
        elif now - self.last >= self.every:
            self.stream.write("according ingest: " + self._line(summary) + "\n")
            self.stream.flush()
            self.last = now

    def close(self) -> None:
        sm = getattr(self, "summary", None)
        if self.tty and sm is not None:
            self.stream.write("\r" + self._line(sm) + "\x1b[K\n")
            self.stream.flush()


def count_inputs(paths: list[str]) -> int | None:
    """How many articles the inputs hold (files, JSONL lines), for the bar; None for stdin."""
    from pathlib import Path

    from ..ingest.readers import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES

    def lines(path: Path) -> int:
        with open(path, "rb") as fh:
            return sum(1 for line in fh if line.strip())

    n = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if not f.is_file() or (path.is_dir() and f.name.startswith(".")):
                continue
            suffix = f.suffix.lower()
            if suffix in JSONL_SUFFIXES:
                n += lines(f)
            elif not path.is_dir() or suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
                n += 1
    return n
