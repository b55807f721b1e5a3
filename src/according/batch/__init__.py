"""Batch runs: every core of one machine (``--jobs``), resumable runs over archives
(``according batch``), and the same job on Spark (``--engine spark``).

- :mod:`.pool`: N worker processes, results in input order, a dead worker costs one article;
- :mod:`.inputs`: .jsonl(.gz), folders, Parquet, WARC(.gz), .html.gz as a stream of articles;
- :mod:`.ledger`: the output dataset, which is also the ledger a re-run resumes from;
- :mod:`.run`: ``according batch`` with the local engine; :mod:`.spark`: the Spark engine.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from ..settings import Settings

if TYPE_CHECKING:
    from .pool import Done, Item, WorkerPool

# the pool's names are imported when first asked for: importing this package (as the command line
# does to start the fork server) does not import the pool and the readers it needs
_FROM_POOL = ("Done", "Item", "WorkerPool")


def __getattr__(name: str) -> Any:
    if name in _FROM_POOL:
        from . import pool

        return getattr(pool, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def analyse(
    items: Iterable[Item],
    settings: Settings,
    jobs: int | None = None,
    *,
    as_objects: bool = False,
    with_tables: bool = False,
) -> Iterator[Done]:
    """Analyse every item, in input order, in ``jobs`` processes (None: the machine's cores when
    there is more than one item; 1: in this process)."""
    from .pool import WorkerPool, analyse_chunk, chunks_of

    stream = iter(items)
    if jobs is None:
        head = list(islice(stream, 2))
        jobs = default_jobs() if len(head) > 1 else 1
        stream = chain(head, stream)
    if jobs <= 1:
        settings.apply()
        for chunk in chunks_of(stream):
            yield from analyse_chunk(chunk, settings, as_objects, with_tables)
        return
    with WorkerPool(settings, jobs, as_objects=as_objects, with_tables=with_tables) as pool:
        yield from pool.run(stream)


__all__ = ["Done", "Item", "WorkerPool", "analyse", "default_jobs"]
