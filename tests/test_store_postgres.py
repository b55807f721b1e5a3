"""The store on PostgreSQL: the same behaviour as on SQLite.

Runs when ACCORDING_TEST_PG_URL names a database the tests may wipe, e.g.
``ACCORDING_TEST_PG_URL="$(bash scripts/ci-postgres.sh | tail -n 1)"`` (what
.ci/run does); skipped otherwise.
"""

from __future__ import annotations

import os

import pytest

import test_store as sqlite_tests
import test_stories as story_tests
from according.store import Store

PG_URL = os.environ.get("ACCORDING_TEST_PG_URL")
pytestmark = pytest.mark.skipif(
    not PG_URL, reason="set ACCORDING_TEST_PG_URL (scripts/ci-postgres.sh prints one)"
)


@pytest.fixture
def store():
    from sqlalchemy import create_engine

    from according.store import schema
    from according.store.db import to_url

    engine = create_engine(to_url(PG_URL))
    schema.metadata.drop_all(engine)  # a clean database for each test
    engine.dispose()
    st = Store(PG_URL)
    yield st
    st.close()


def test_dialect(store):
    assert store.engine.dialect.name == "postgresql" and store.schema_version >= 1


def test_idempotent(store):
    sqlite_tests.test_ingest_is_idempotent(store)


def test_versions_and_diff(store):
    sqlite_tests.test_republished_article_is_a_new_version_with_a_diff(store)


def test_untrusted_text(store):
    sqlite_tests.test_untrusted_text_is_bound_not_formatted(store)


def test_undated_last(store):
    sqlite_tests.test_undated_articles_list_last(store)


def test_long_values(store):
    sqlite_tests.test_long_values_are_stored(store)


def test_sources_across_articles(store):
    sqlite_tests.test_same_person_across_articles_is_one_source_in_any_order(store)
    sqlite_tests.test_acronym_and_full_name_are_one_organisation(store)


def test_queries_and_full_text(store):
    sqlite_tests.test_quote_filters_search_and_paging(store)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_export(store, tmp_path, fmt):
    sqlite_tests.test_export_reproduces_records(store, tmp_path, fmt)


def test_stories(store):
    story_tests.load_corpus(store)
    story_tests.test_articles_are_grouped_by_story_and_time_window(store)
    story_tests.test_story_view(store)
    story_tests.test_story_listing_and_filters(store)
