"""The store: analysis records in a database (SQLite by default, PostgreSQL by URL).

>>> from according.store import Store
>>> with Store("news.sqlite") as store:
...     store.ingest(records)            # Analysis objects or spec dicts
...     store.quotes(speaker="Netanyahu")

The functions the HTTP API calls are documented in the methods below; they
return plain JSON-ready dicts and lists. Modules: schema (tables), migrations,
db (URLs, engine), ingest (writing), crossdoc (sources across articles),
stories (grouping, timelines, figure series, contested claims), queries
(reading), export.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from . import export as _export
from . import queries as _q
from .db import make_engine, make_url_safe, prepare_sqlite, to_url
from .ingest import Progress, Summary, ingest_documents, ingest_records
from .migrations import migrate


class Store:
    """``create=False``: refuse (StoreMissingError) a SQLite store that does not exist yet."""

    def __init__(self, url: str | None = None, create: bool = True):
        self.url = to_url(url)
        prepare_sqlite(self.url, create)
        self.engine = make_engine(self.url)
        self.writer = self.engine.execution_options(writer=True)  # same pool; SQLite: BEGIN IMMEDIATE
        try:
            self.schema_version = migrate(self.writer)
        except (SQLAlchemyError, OSError) as exc:
            self.engine.dispose()
            raise StoreError(
                "the database refused", source=make_url_safe(self.url), detail=str(exc).splitlines()[0]
            ) from exc

    # -- lifecycle ------------------------------------------------------------------------------
    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _read(self, query, *args, **kwargs):
        try:
            with self.engine.connect() as conn:
                return query(conn, *args, **kwargs)
        except SQLAlchemyError as exc:
            raise StoreError(
                "the database refused", source=make_url_safe(self.url), detail=str(exc).splitlines()[0]
            ) from exc

    # -- writing --------------------------------------------------------------------------------
    def ingest(self, records: Iterable[Any], progress: Progress | None = None) -> dict:
        """Store already analysed records; returns the summary dict."""
        return ingest_records(self.writer, records, progress=progress).as_dict()

    def ingest_documents(
        self, docs: Iterable, model: str = "en_core_web_md", progress: Progress | None = None
    ) -> dict:
        """Analyse and store Documents, skipping already stored id+text before analysis."""
        return ingest_documents(self.writer, docs, model=model, progress=progress).as_dict()

    # -- reading --------------------------------------------------------------------------------
    def articles(self, limit=50, offset=0, q=None, story=None, source=None, date_from=None, date_to=None):
        return self._read(
            _q.articles,
            limit=limit,
            offset=offset,
            q=q,
            story=story,
            source=source,
            date_from=date_from,
            date_to=date_to,
        )

    def article(self, id, version=None):
        return self._read(_q.article, id, version)

    def versions(self, article_id):
        return self._read(_q.versions, article_id)

    def diff(self, article_id, v1, v2):
        return self._read(_q.diff, article_id, v1, v2)

    def sources(self, limit=50, offset=0, q=None, type=None, story=None):
        return self._read(_q.sources, limit=limit, offset=offset, q=q, type=type, story=story)

    def source(self, id):
        return self._read(_q.source, id)

    def quotes(self, **filters):
        """speaker, source_id, type, category, kind, story, article, date_from, date_to, q, limit, offset."""
        return self._read(_q.quotes, **filters)

    def figures(self, **filters):
        """measure, unit, place, source, story, article, date_from, date_to, limit, offset."""
        return self._read(_q.figures, **filters)

    def events(self, **filters):
        """type, sub_type, place, actor, story, article, date_from, date_to, limit, offset."""
        return self._read(_q.events, **filters)

    def places(self, **filters):
        return self._read(_q.places, **filters)

    def stories(self, limit=50, offset=0, q=None, compute: bool = True):
        return self._read(_q.stories, limit=limit, offset=offset, q=q, compute=compute)

    def story(self, id):
        return self._read(_q.story, id)

    def story_json(self, id, compute: bool = True):
        """The story page as response-ready JSON bytes; None: no such story; False: not
        memoised yet and ``compute`` is off (see queries.story_json)."""
        return self._read(_q.story_json, id, compute)

    def stats(self):
        return self._read(_q.stats)

    def write_token(self):
        """Changes with every committed write (any process): see queries.write_token."""
        return self._read(_q.write_token)

    def warm(self, n_stories: int = _q.MEMO_STORIES, deadline: float | None = None) -> dict:
        """Compute the read memos of the current write token now (see queries.warm)."""
        return self._read(_q.warm, n_stories, deadline)

    def export(self, format: str, out_dir) -> dict:
        return self._read(_export.export, format, out_dir)

    def export_table(self, table: str, format: str, path) -> str:
        """One table into the file ``path`` (the HTTP export: one table a request)."""
        return str(self._read(_export.export_table, table, format, path))


__all__ = ["Store", "Summary", "Progress", "StoreError"]
