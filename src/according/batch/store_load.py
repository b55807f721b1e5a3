"""Into the store with every core, and from a batch output into the store.

:func:`ingest_documents` is :func:`according.store.ingest.ingest_documents` with the analysis in
``jobs`` worker processes: the same look-up before analysis (an article already stored costs a
hash and an index look-up, not an analysis), the same writer (one process writes, in batches of
one transaction each), the same summary. :func:`load_records` stores the records of a batch
output (``DIR/records``, either engine) with that one writer, e.g. into PostgreSQL after a
cluster run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..settings import Settings


def ingest_documents(store: Any, docs: Iterable, settings: Settings, jobs: int | None, progress=None) -> dict:
    """Analyse (in ``jobs`` processes) and store documents not stored yet; the summary dict.
    The store's own ingest decides what is skipped or refused; only the analysis moves to the pool."""
    from ..store.ingest import ingest_documents as store_ingest
    from . import analyse

    def in_pool(todo: Iterable) -> Iterator:
        return (done.analysis for done in analyse(todo, settings, jobs, as_objects=True))

    return store_ingest(store.writer, docs, settings.model, progress, analyse=in_pool).as_dict()


def load_records(store: Any, records_dir: str | Path, progress=None) -> dict:
    """Store the ``ok`` records of a batch output's records dataset; the summary dict (the failed
    ones are counted as failed with their reason, as ``ingest`` counts them)."""
    import json

    from ..errors import ConfigError
    from .ledger import parquet_parts, read_records

    folder = Path(records_dir)
    if not parquet_parts(folder):
        raise ConfigError(
            f"--records: no Parquet records in {str(folder)!r}",
            detail="give the records/ folder written by `according batch --out DIR` (DIR/records)",
        )

    def records() -> Iterator[dict]:
        for _id, _hash, _status, rec in read_records(folder):
            yield json.loads(rec)

    return store.ingest(records(), progress=progress)
