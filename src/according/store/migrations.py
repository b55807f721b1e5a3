"""Versioned schema migrations: ordered functions, applied once each.

``schema_migrations`` records what has been applied. ``migrate`` runs the
missing ones in order, each in its own transaction (PostgreSQL DDL is
transactional; SQLite's is too). To change the schema, append a function to
MIGRATIONS: never edit one that has shipped.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, inspect, select, text
from sqlalchemy.engine import Connection, Engine

from . import schema as s


def _m1_initial(conn: Connection) -> None:
    tables = [t for t in s.metadata.sorted_tables if t.name not in ("schema_migrations", "key_df")]
    s.metadata.create_all(conn, tables=tables, checkfirst=True)
    if conn.dialect.name == "sqlite":
        # Full-text index of quote text, kept in step by triggers (FTS5 external content).
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5("
            "text, content='quotes', content_rowid='id', tokenize='porter unicode61')"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER IF NOT EXISTS quotes_fts_ai AFTER INSERT ON quotes BEGIN "
            "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER IF NOT EXISTS quotes_fts_ad AFTER DELETE ON quotes BEGIN "
            "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); END"
        )
    elif conn.dialect.name == "postgresql":
        conn.execute(
            text(
                "CREATE INDEX IF NOT EXISTS ix_quotes_fts ON quotes USING GIN (to_tsvector('english', text))"
            )
        )


def _m2_key_df(conn: Connection) -> None:
    s.key_df.create(conn, checkfirst=True)
    conn.execute(
        s.key_df.insert().from_select(
            ["key", "df"], select(s.article_keys.c.key, func.count()).group_by(s.article_keys.c.key)
        )
    )


def _m3_read_indexes(conn: Connection) -> None:
    # Indexes for what the read API asks on every request (queries.py; plans checked with
    # EXPLAIN QUERY PLAN on a 10,000-article store, benchmarks/bench_api.py):
    # - lower(speaker_name): "quotes by speaker" probes the index with the matching names
    #   instead of scanning every quote with LIKE;
    # - quotes in list order: a full-text search with many hits walks this index and stops
    #   after one page instead of sorting every hit;
    # - figures by lower(measure) in list order: a page of "killed" figures is read in order.
    # Expressions are the same on SQLite and PostgreSQL; PostgreSQL sorts NULLs first in
    # DESC unless told, and the queries ask for NULLS LAST.
    last = " NULLS LAST" if conn.dialect.name == "postgresql" else ""  # SQLite: DESC puts NULLs last
    for name, table, cols in (
        ("ix_quotes_speaker_lower", "quotes", "lower(speaker_name)"),
        ("ix_quotes_list_order", "quotes", f"pub_date DESC{last}, article_id, id"),
        ("ix_figures_measure_order", "figures", f"lower(measure), date DESC{last}, article_id, id"),
    ):
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({cols})"))


_VERSIONS_M4 = """CREATE TABLE versions_m4 (
    id INTEGER NOT NULL PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id),
    n INTEGER NOT NULL,
    content_hash VARCHAR(64) NOT NULL,
    headline TEXT,
    published TEXT,
    updated TEXT,
    ingested_at TEXT NOT NULL,
    record TEXT NOT NULL,
    CONSTRAINT uq_versions_article_n UNIQUE (article_id, n)
)"""
_VERSION_COLUMNS = "id, article_id, n, content_hash, headline, published, updated, ingested_at, record"


def _m4_republished_versions(conn: Connection) -> None:
    # A text may come back (A, B, A: the edit was withdrawn): it is then a new version, so
    # (article_id, content_hash) is no longer unique. SQLite cannot drop a constraint: the
    # table is rebuilt with the same columns and ids (the write token, max(versions.id), is kept).
    if conn.dialect.name == "postgresql":
        conn.execute(text("ALTER TABLE versions DROP CONSTRAINT IF EXISTS uq_versions_article_hash"))
        return
    conn.exec_driver_sql(_VERSIONS_M4)
    conn.exec_driver_sql(
        f"INSERT INTO versions_m4 ({_VERSION_COLUMNS}) SELECT {_VERSION_COLUMNS} FROM versions"
    )
    conn.exec_driver_sql("DROP TABLE versions")
    conn.exec_driver_sql("ALTER TABLE versions_m4 RENAME TO versions")
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_versions_hash ON versions (content_hash)")


def _m5_event_confidence(conn: Connection) -> None:
    # events carry the relevance model's confidence (issue 9); a store made by migration 1 from
    # this schema has the column already
    if "confidence" not in {c["name"] for c in inspect(conn).get_columns("events")}:
        conn.execute(text("ALTER TABLE events ADD COLUMN confidence FLOAT"))


MIGRATIONS = [
    (
        1,
        "initial schema: articles, versions, flat tables, sources, stories, quote full-text index",
        _m1_initial,
    ),
    (2, "key_df: document frequency of story keys", _m2_key_df),
    (
        3,
        "read-path indexes: quotes by lower(speaker_name), quotes and figures in list order",
        _m3_read_indexes,
    ),
    (
        4,
        "versions: a re-published older text is a new version (no unique article + hash)",
        _m4_republished_versions,
    ),
    (5, "events.confidence: the event relevance model's confidence", _m5_event_confidence),
]


def current_version(engine: Engine) -> int:
    if not inspect(engine).has_table("schema_migrations"):
        return 0
    with engine.connect() as conn:
        v = conn.execute(
            select(s.schema_migrations.c.version).order_by(s.schema_migrations.c.version.desc()).limit(1)
        ).scalar()
    return v or 0


def migrate(engine: Engine) -> int:
    """Bring the database to the latest schema; returns the version reached."""
    s.schema_migrations.create(engine, checkfirst=True)
    done = current_version(engine)
    for version, name, fn in MIGRATIONS:
        if version <= done:
            continue
        with engine.begin() as conn:
            # Another process may have applied it meanwhile: check inside the transaction.
            if conn.execute(
                select(s.schema_migrations.c.version).where(s.schema_migrations.c.version == version)
            ).first():
                continue
            fn(conn)
            conn.execute(
                s.schema_migrations.insert().values(
                    version=version, name=name, applied_at=datetime.now(UTC).isoformat()
                )
            )
        done = version
    return done
