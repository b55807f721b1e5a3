"""The store's tables (SQLAlchemy Core), one schema for SQLite and PostgreSQL.

Two layers:

- ``articles`` + ``versions``: every version of every article with its full
  analysis record (``versions.record``, the spec JSON exactly as produced), so
  ``export`` reproduces the records and ``diff`` compares any two versions;
- flat tables (``entities``, ``quotes``, ``figures``, ``events``, ``places``,
  ``times``) holding the rows of each article's *current* version only, for
  querying. A new version replaces its article's flat rows in the same
  transaction, so queries never see two versions of one article.

Cross-article tables: ``sources`` (one row per real-world person/organisation/
place, see crossdoc.py) with ``source_aliases`` (normalised keys -> source),
``stories`` with ``article_keys`` (the weighted keys stories are built from).
"""
from __future__ import annotations

from sqlalchemy import (Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table,
                        Text, UniqueConstraint)

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

stories = Table(
    "stories", metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text),
    Column("first_date", String(10)),
    Column("last_date", String(10)),
    Column("n_articles", Integer, nullable=False, default=0),
)

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(500), nullable=False, unique=True),  # the record's `id`
    Column("url", Text),
    Column("headline", Text),
    Column("publisher", Text),
    Column("published", String(40)),
    Column("updated", String(40)),
    Column("pub_date", String(10)),  # YYYY-MM-DD of `published` (for date filters)
    Column("current_version", Integer, nullable=False),
    Column("n_versions", Integer, nullable=False),
    Column("story_id", Integer, ForeignKey("stories.id"), index=True),
    Column("first_seen", String(40), nullable=False),
)
Index("ix_articles_url", articles.c.url)
Index("ix_articles_pub_date", articles.c.pub_date)

versions = Table(
    "versions", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),
    Column("n", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("headline", Text),
    Column("published", String(40)),
    Column("updated", String(40)),
    Column("ingested_at", String(40), nullable=False),
    Column("record", Text, nullable=False),  # the analysis record, JSON, exactly as produced
    UniqueConstraint("article_id", "n", name="uq_versions_article_n"),
    UniqueConstraint("article_id", "content_hash", name="uq_versions_article_hash"),
)
Index("ix_versions_hash", versions.c.content_hash)

sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(500), nullable=False, unique=True),  # canonical normalised key
    Column("name", Text, nullable=False),                     # fullest name seen
    Column("type", String(20), nullable=False),               # person|organization|place|group|other
    Column("surname", String(200)),                           # persons with a full name: last token
    Column("initials", String(20)),                           # organisations with a multi-word name
)
Index("ix_sources_surname", sources.c.type, sources.c.surname)
Index("ix_sources_initials", sources.c.type, sources.c.initials)

source_aliases = Table(
    "source_aliases", metadata,
    Column("key", String(500), primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False, index=True),
    Column("name", Text),  # the surface form first seen with this key
)

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("entity_id", String(40), nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id"), index=True),
    Column("name", Text, nullable=False),
    Column("type", String(20), nullable=False),
    Column("description", Text),
    Column("n_mentions", Integer, nullable=False),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("quote_id", String(40), nullable=False),
    Column("kind", String(20)),
    Column("category", String(20)),
    Column("text", Text, nullable=False),
    Column("cue", Text),
    Column("source_text", Text),
    Column("speaker_name", Text),
    Column("speaker_type", String(20), index=True),
    Column("speaker_description", Text),
    Column("source_id", Integer, ForeignKey("sources.id"), index=True),
    Column("in_furniture", Boolean, nullable=False, default=False),
    Column("confidence", Float),
    Column("start", Integer),
    Column("end", Integer),
    Column("pub_date", String(10), index=True),
)

figures = Table(
    "figures", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("figure_id", String(40), nullable=False),
    Column("text", Text),
    Column("value", Float),
    Column("low", Float),
    Column("high", Float),
    Column("qualifier", String(20)),
    Column("unit", String(200), index=True),
    Column("measure", String(200), index=True),
    Column("source_name", Text),
    Column("source_type", String(20)),
    Column("source_id", Integer, ForeignKey("sources.id"), index=True),
    Column("quote_id", String(40)),
    Column("when_value", String(40)),
    Column("place_name", Text),
    Column("country", String(2)),
    Column("date", String(10), index=True),  # YYYY-MM-DD: `when` when it is a day, else the article's date
    Column("pub_date", String(10)),
    Column("in_furniture", Boolean, nullable=False, default=False),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("event_id", String(40), nullable=False),
    Column("text", Text),
    Column("event_type", String(100), index=True),
    Column("sub_event_type", String(100)),
    Column("actor1", Text),
    Column("actor1_source_id", Integer, ForeignKey("sources.id")),
    Column("actor2", Text),
    Column("actor2_source_id", Integer, ForeignKey("sources.id")),
    Column("place_name", Text),
    Column("country", String(2)),
    Column("lat", Float),
    Column("lon", Float),
    Column("date", String(10), index=True),
    Column("time_precision", Integer),
    Column("fatalities", Integer),
    Column("fatalities_qualifier", String(20)),
    Column("source_name", Text),
    Column("pub_date", String(10)),
    Column("in_furniture", Boolean, nullable=False, default=False),
)

places = Table(
    "places", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("name", Text),
    Column("geonameid", Integer, index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(2)),
    Column("feature", String(20)),
    Column("start", Integer),
    Column("end", Integer),
)

times = Table(
    "times", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("text", Text),
    Column("type", String(20)),
    Column("value", String(60)),
    Column("start", Integer),
    Column("end", Integer),
)

article_keys = Table(
    "article_keys", metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("key", String(300), primary_key=True),
    Column("weight", Float, nullable=False),
)
Index("ix_article_keys_key", article_keys.c.key)

# Document frequency of each story key (articles having it), kept in step with
# article_keys so the idf of a key is one indexed read (migration 2).
key_df = Table(
    "key_df", metadata,
    Column("key", String(300), primary_key=True),
    Column("df", Integer, nullable=False),
)

FLAT_TABLES = (entities, quotes, figures, events, places, times)
