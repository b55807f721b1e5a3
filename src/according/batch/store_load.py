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
    """Analyse (in ``jobs`` processes) and store documents not stored yet; the summary dict."""
    from ..ingest import Document
    from ..store.ingest import Summary, content_hash, find_version, id_problem, ingest_records, shown_id
    from . import analyse

    summary = Summary()
    reader = store.writer.execution_options(writer=False)  # the look-up needs no write lock

    def pending() -> Iterator:
        for d in docs:
            summary.read += 1
            if isinstance(d, Document):
                why = id_problem(d.id)
                if why:  # refused before it costs an analysis, as Store.ingest_documents does
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
        for done in analyse(pending(), settings, jobs, as_objects=True):
            rec = done.analysis
            # an unreadable input's record (an "ingest" error) was never analysed
            if not any(e.stage == "ingest" for e in rec.errors):
                summary.analysed += 1
            if progress:
                progress.update(summary)
            yield rec

    return ingest_records(store.writer, analysed(), summary, progress).as_dict()


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
