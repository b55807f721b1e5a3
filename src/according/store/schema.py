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

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()
# Text (unbounded) for every value that comes from an article or the analyser: a
# length limit would make PostgreSQL refuse what SQLite accepts.

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("applied_at", Text, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text),
    Column("first_date", Text),
    Column("last_date", Text),
    Column("n_articles", Integer, nullable=False, default=0),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),  # the record's `id`
    Column("url", Text),
    Column("headline", Text),
    Column("publisher", Text),
    Column("published", Text),
    Column("updated", Text),
    Column("pub_date", Text),  # YYYY-MM-DD of `published` (for date filters)
    Column("current_version", Integer, nullable=False),
    Column("n_versions", Integer, nullable=False),
    Column("story_id", Integer, ForeignKey("stories.id"), index=True),
    Column("first_seen", Text, nullable=False),
)
Index("ix_articles_url", articles.c.url)
Index("ix_articles_pub_date", articles.c.pub_date)

versions = Table(
    "versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),
    Column("n", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("headline", Text),
    Column("published", Text),
    Column("updated", Text),
    Column("ingested_at", Text, nullable=False),
    Column("record", Text, nullable=False),  # the analysis record, JSON, exactly as produced
    UniqueConstraint("article_id", "n", name="uq_versions_article_n"),
    # (article_id, content_hash) was unique until migration 4: a re-publication of an
    # older text (A, B, A) is a new version equal to an old one.
)
Index("ix_versions_hash", versions.c.content_hash)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),  # canonical normalised key
    Column("name", Text, nullable=False),  # fullest name seen
    Column("type", Text, nullable=False),  # person|organization|place|group|other
    Column("surname", Text),  # persons with a full name: last token
    Column("initials", Text),  # organisations with a multi-word name
)
Index("ix_sources_surname", sources.c.type, sources.c.surname)
Index("ix_sources_initials", sources.c.type, sources.c.initials)

source_aliases = Table(
    "source_aliases",
    metadata,
    Column("key", Text, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False, index=True),
    Column("name", Text),  # the surface form first seen with this key
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("entity_id", Text, nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id"), index=True),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("description", Text),
    Column("n_mentions", Integer, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("quote_id", Text, nullable=False),
    Column("kind", Text),
    Column("category", Text),
    Column("text", Text, nullable=False),
    Column("cue", Text),
    Column("source_text", Text),
    Column("speaker_name", Text),
    Column("speaker_type", Text, index=True),
    Column("speaker_description", Text),
    Column("source_id", Integer, ForeignKey("sources.id"), index=True),
    Column("in_furniture", Boolean, nullable=False, default=False),
    Column("confidence", Float),
    Column("start", Integer),
    Column("end", Integer),
    Column("pub_date", Text, index=True),
)

figures = Table(
    "figures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("figure_id", Text, nullable=False),
    Column("text", Text),
    Column("value", Float),
    Column("low", Float),
    Column("high", Float),
    Column("qualifier", Text),
    Column("unit", Text, index=True),
    Column("measure", Text, index=True),
    Column("source_name", Text),
    Column("source_type", Text),
    Column("source_id", Integer, ForeignKey("sources.id"), index=True),
    Column("quote_id", Text),
    Column("when_value", Text),
    Column("place_name", Text),
    Column("country", Text),
    Column("date", Text, index=True),  # YYYY-MM-DD: `when` when it is a day, else the article's date
    Column("pub_date", Text),
    Column("in_furniture", Boolean, nullable=False, default=False),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("event_id", Text, nullable=False),
    Column("text", Text),
    Column("event_type", Text, index=True),
    Column("sub_event_type", Text),
    Column("actor1", Text),
    Column("actor1_source_id", Integer, ForeignKey("sources.id")),
    Column("actor2", Text),
    Column("actor2_source_id", Integer, ForeignKey("sources.id")),
    Column("place_name", Text),
    Column("country", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("date", Text, index=True),
    Column("time_precision", Integer),
    Column("fatalities", Integer),
    Column("fatalities_qualifier", Text),
    Column("source_name", Text),
    Column("pub_date", Text),
    Column("in_furniture", Boolean, nullable=False, default=False),
    Column("confidence", Float),  # the relevance model's (events/relevance.py); migration 4
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("name", Text),
    Column("geonameid", Integer, index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", Text),
    Column("feature", Text),
    Column("start", Integer),
    Column("end", Integer),
)

times = Table(
    "times",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("text", Text),
    Column("type", Text),
    Column("value", Text),
    Column("start", Integer),
    Column("end", Integer),
)

article_keys = Table(
    "article_keys",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("key", Text, primary_key=True),
    Column("weight", Float, nullable=False),
)
Index("ix_article_keys_key", article_keys.c.key)

# Document frequency of each story key (articles having it), kept in step with
# article_keys so the idf of a key is one indexed read (migration 2).
key_df = Table(
    "key_df",
    metadata,
    Column("key", Text, primary_key=True),
    Column("df", Integer, nullable=False),
)

FLAT_TABLES = (entities, quotes, figures, events, places, times)
