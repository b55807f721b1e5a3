"""Export: one file per table.

``articles.jsonl`` holds one analysis record per article (its current version),
written byte for byte as stored, i.e. as ``according analyze --format jsonl``
wrote it. The flat tables (article_meta, sources, source_aliases, entities,
quotes, figures, events, places, times, stories, versions) are written in the
chosen format (jsonl, csv or parquet) with ``article_id`` = the record ``id``,
so they join with articles.jsonl. Rows are streamed in chunks: the export of a
large store does not hold it in memory.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from sqlalchemy import Boolean, Float, Integer, select
from sqlalchemy.engine import Connection

from ..errors import ConfigError
from . import schema as s

FORMATS = ("jsonl", "csv", "parquet")
CHUNK = 5000


def _columns(table, exclude=()):
    return [c for c in table.c if c.name not in exclude]


def _table_queries():
    a = s.articles
    key = a.c.key.label("article_id")
    out = {
        "article_meta": select(
            key,
            a.c.url,
            a.c.headline,
            a.c.publisher,
            a.c.published,
            a.c.updated,
            a.c.pub_date,
            a.c.current_version,
            a.c.n_versions,
            a.c.story_id,
            a.c.first_seen,
        ).order_by(a.c.id),
        "versions": select(key, *[c for c in _columns(s.versions, ("id", "article_id", "record"))])
        .select_from(s.versions.join(a, a.c.id == s.versions.c.article_id))
        .order_by(a.c.id, s.versions.c.n),
        "sources": select(s.sources).order_by(s.sources.c.id),
        "source_aliases": select(s.source_aliases).order_by(
            s.source_aliases.c.source_id, s.source_aliases.c.key
        ),
        "stories": select(s.stories).order_by(s.stories.c.id),
    }
    for t in s.FLAT_TABLES:
        cols = _columns(t, ("id", "article_id"))
        out[t.name] = (
            select(key, a.c.story_id, *cols)
            .select_from(t.join(a, a.c.id == t.c.article_id))
            .order_by(a.c.id, t.c.id)
        )
    return out


def _arrow_type(col):
    import pyarrow as pa

    if isinstance(col.type, Boolean):
        return pa.bool_()
    if isinstance(col.type, Integer):
        return pa.int64()
    if isinstance(col.type, Float):
        return pa.float64()
    return pa.string()


def _write(conn: Connection, query, fmt: str, path: Path) -> Path:
    result = conn.execution_options(stream_results=True).execute(query)
    cols = list(query.selected_columns)
    names = [c.name for c in cols]
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([(c.name, _arrow_type(c)) for c in cols])
        with pq.ParquetWriter(path, schema) as w:
            wrote = False
            for chunk in result.partitions(CHUNK):
                w.write_table(pa.Table.from_pylist([dict(zip(names, r)) for r in chunk], schema=schema))
                wrote = True
            if not wrote:
                w.write_table(schema.empty_table())
        return path
    with open(path, "w", encoding="utf-8", newline="") as fh:
        if fmt == "csv":
            w = csv.writer(fh)
            w.writerow(names)
            for chunk in result.partitions(CHUNK):
                w.writerows(chunk)
        else:
            for chunk in result.partitions(CHUNK):
                for r in chunk:
                    fh.write(json.dumps(dict(zip(names, r)), ensure_ascii=False) + "\n")
    return path


TABLES = ("articles", *_table_queries().keys())


def _write_articles(conn: Connection, path: Path) -> Path:
    a, v = s.articles, s.versions
    q = (
        select(v.c.record)
        .select_from(a.join(v, (v.c.article_id == a.c.id) & (v.c.n == a.c.current_version)))
        .order_by(a.c.id)
    )
    with open(path, "w", encoding="utf-8") as fh:
        for chunk in conn.execution_options(stream_results=True).execute(q).partitions(CHUNK):
            for (rec,) in chunk:
                fh.write(rec + "\n")
    return path


def export_table(conn: Connection, name: str, fmt: str, path) -> Path:
    """One table into the file ``path`` (articles: JSONL whatever ``fmt``)."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}", detail="use jsonl, csv or parquet")
    if name == "articles":
        return _write_articles(conn, Path(path))
    queries = _table_queries()
    if name not in queries:
        raise ConfigError(f"unknown table {name!r}", detail=", ".join(TABLES))
    return _write(conn, queries[name], fmt, Path(path))


def _out_dir(out_dir) -> Path:
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise ConfigError(f"--out {str(out)!r} is a file, not a folder", detail="give a folder") from None
    except OSError as exc:
        raise ConfigError(f"cannot create the folder {str(out)!r}", detail=exc.strerror or str(exc)) from exc
    if not out.is_dir():
        raise ConfigError(f"--out {str(out)!r} is not a folder", detail="give a folder")
    return out


def export(conn: Connection, fmt: str, out_dir) -> dict[str, str]:
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}", detail="use jsonl, csv or parquet")
    out = _out_dir(out_dir)
    written = {}
    for name in TABLES:
        path = out / (f"{name}.jsonl" if name == "articles" else f"{name}.{fmt}")
        try:
            written[name] = str(export_table(conn, name, fmt, path))
        except (PermissionError, IsADirectoryError) as exc:
            raise ConfigError(f"cannot write {str(path)!r}", detail=exc.strerror or str(exc)) from exc
    return written
