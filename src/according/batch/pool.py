"""Analyse a stream of documents in N worker processes, results in input order.

Why not ``multiprocessing.Pool`` or ``concurrent.futures``: when one of their workers dies
(killed by the kernel's OOM killer, a segfault in a C extension, ``kill -9``) the first loses
the task silently and the second breaks the whole pool. Here each worker has its own pipe and
works on one chunk at a time, so the parent always knows what a dead worker held: the chunk's
articles are retried one at a time in a fresh worker, and the one that kills a worker again is
recorded as failed (an ``analyze`` error naming the signal). The run goes on.

Schedule and exactness (:mod:`.schedule`): chunks of ``CHUNK`` consecutive articles while the input
lasts, then the rest longest first in shrinking chunks so that the workers finish together; the
results are put back in input order. A worker analyses a chunk with the call ``--jobs 1`` makes
(:func:`according.analyzer.analyze_documents`), and a document's parse does not depend on the
other documents of its batch (measured on 1,551 articles alone and in batches of 16 and 64, see
:mod:`.schedule`), so the records (bytes, order) are those of ``--jobs 1`` however the input is cut.

Memory: each worker's address space is capped (``RLIMIT_AS``, ``memory_mb``): an article that
would take more fails alone (MemoryError is caught per article by ``analyze_documents``, or the
worker dies and the rule above applies). A worker is replaced after ``chunks_per_worker``
chunks, so caches that grow with the input are dropped. At most ``4 x jobs x CHUNK`` articles are
read and not yet written, so a slow article does not make the parent buffer the run.

The parent's share: it reads the input (``read_document``, ~2.7 ms of CPU per PolNeAR article),
hands out chunks and writes the JSON lines the workers encoded. Its first ``ahead`` articles are read
before the workers start: starting one waits for the fork server's load, when the parent's core has
nothing else to do. An idle worker gets its next chunk before the parent writes the results that
came in (a slow reader of the output blocks the writes, not the workers).
(``benchmarks/bench_jobs_cpu.py`` accounts each process's CPU: on 200 PolNeAR articles the parent
took 1.2 of 80 CPU-s, the fork server's load 4.4, the workers the rest.)

Start-up: on Linux, workers are forked from a ``forkserver`` process that imported spaCy and the
project and loaded the default model and the gazetteer once (:mod:`.preload`; the command line
starts it before its own imports, :mod:`.server`, so that load overlaps the command's start): a new
worker starts in milliseconds with the model's pages shared, instead of a fresh interpreter per
worker importing everything and loading the model again (~2.6 CPU-s each, ~4 before the
vocabulary's strings were left unloaded: 2 x 2.6 for ``--jobs 2``, 32 x 2.6 on 32 cores). A forked
worker also ends without an interpreter's teardown (``os._exit``): closing the pool took 0.2-0.6 s
against 1.0-5.3 s for two spawned workers with the model loaded (same run, shared machine). The
fork server ends the same way: it holds the command's stdout and stderr, so a caller reading them
waited for its teardown after the command had exited (0.8 s at load 11, now 0.08 s). The fork
server is a clean interpreter started for the purpose, not the parent: it holds no database
connection, open output or lock of the parent. Its only other thread is
OpenBLAS's pool (started by ``import numpy``; spaCy, thinc and blis start none, checked after
loading and running the model), and OpenBLAS stops it around ``fork`` itself (checked: 2 threads
before, 1 in the child and in the parent after, restarted on the next matrix product). Elsewhere
(macOS, Windows) workers are spawned, each loading the model.
Settings reach the workers as the argument of their start-up function (``Settings.apply``),
never through the environment; a model other than the default is loaded by each worker.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

from ..ingest import Document, Unreadable
from ..settings import Settings
from .inputs import JsonlLine, RawArticle, read_item
from .schedule import CHUNK, Chunk, ChunkPlan
from .server import set_preload, start_method

CHUNKS_PER_WORKER = 200  # 3,200 articles (~10 min of work) between restarts (a fork: milliseconds)
DEFAULT_MEMORY_MB = 6144  # address space, not RSS. A worker with the md model peaked at 0.97 GB (VmPeak,
# short articles); README: a 5 MB text needs ~2 GB more to parse. 6 GB lets the largest allowed
# article through and stops a runaway one before it takes the machine (24 GB, several workers).


Item = Document | Unreadable | RawArticle | JsonlLine


@dataclass(frozen=True)
class Done:
    """One article's result: the record as JSON text (what ``analyze --format jsonl`` writes, without
    the newline), or the Analysis itself when the caller asked for objects."""

    id: str
    failed: bool  # an ingest or analyze error: the article could not be analysed
    record_json: str | None = None
    analysis: Any = None  # according.model.Analysis when as_objects
    tables: dict[str, list[dict]] | None = None  # flat table rows, when asked for
    errors: tuple[
        Any, ...
    ] = ()  # the record's errors (according.model.Error), for messages without the record


def record_failed(rec) -> bool:
    return any(e.stage in ("ingest", "analyze") for e in rec.errors)


def analyse_chunk(
    items: list[Item], settings: Settings, as_objects: bool, with_tables: bool = False
) -> list[Done]:
    """What a worker does with one chunk (also the in-process path of ``--jobs 1``)."""
    import json

    from ..analyzer import analyze_documents
    from .tables import flat_rows

    out = []
    for rec in analyze_documents([read_item(i) for i in items], model=settings.model, batch_size=CHUNK):
        if as_objects:
            out.append(Done(rec.id, record_failed(rec), analysis=rec))
            continue
        as_dict = rec.to_dict()
        out.append(
            Done(
                rec.id,
                record_failed(rec),
                json.dumps(as_dict, ensure_ascii=False),
                tables=flat_rows(as_dict) if with_tables else None,
                errors=tuple(rec.errors),
            )
        )
    return out


def dead_worker_record(item: Item, exitcode: int | None, settings: Settings, as_objects: bool) -> Done:
    import json

    from ..analyzer import failed

    if exitcode is not None and exitcode < 0:
        try:
            how = f"signal {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"signal {-exitcode}"
    else:
        how = f"exit code {exitcode}"
    reason = RuntimeError(f"the worker process analysing this article died ({how})")
    rec = failed(item.id, getattr(item, "text", ""), reason, stage="analyze", model=settings.model)
    if as_objects:
        return Done(rec.id, True, analysis=rec)
    return Done(rec.id, True, json.dumps(rec.to_dict(), ensure_ascii=False), errors=tuple(rec.errors))


def _limit_memory(memory_mb: int | None) -> None:
    if not memory_mb:
        return
    try:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on this platform, or a lower hard limit
        pass


def _worker_main(
    conn: Connection, settings: Settings, as_objects: bool, with_tables: bool, memory_mb: int | None
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _limit_memory(memory_mb)
    try:
        settings.apply()
        from ..nlp import load

        load(settings.model)  # once per worker, before the first chunk (forked: already loaded)
    except Exception as exc:  # noqa: BLE001 - e.g. the model is not installed: the parent raises it
        conn.send(("error", exc))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            return
        chunk_no, items = msg
        conn.send(("done", chunk_no, analyse_chunk(items, settings, as_objects, with_tables)))


@dataclass
class _Worker:
    process: Any  # multiprocessing.Process (forkserver or spawn context)
    conn: Connection
    chunk: Chunk[Item] | None = None
    chunks_done: int = 0


T = TypeVar("T")


def chunks_of(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    buf: list[T] = []
    for item in items:
        buf.append(item)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


class WorkerPool:
    """``jobs`` worker processes; :meth:`run` analyses items and yields the results in input order."""

    def __init__(
        self,
        settings: Settings,
        jobs: int,
        *,
        as_objects: bool = False,
        with_tables: bool = False,
        memory_mb: int | None = DEFAULT_MEMORY_MB,
        chunks_per_worker: int = CHUNKS_PER_WORKER,
        chunk: int = CHUNK,
        ahead: int | None = None,
        method: str | None = None,
    ):
        self.settings, self.jobs, self.as_objects = settings, max(1, jobs), as_objects
        self.with_tables, self.chunk, self.ahead = with_tables, chunk, ahead
        self.memory_mb, self.chunks_per_worker = memory_mb, chunks_per_worker
        self.method = method or start_method()
        self._ctx: Any = mp.get_context(self.method)
        if self.method == "forkserver":
            # read when the fork server starts (once per parent process); later calls change nothing
            set_preload()
        self._workers: list[_Worker] = []
        self.deaths = 0  # worker processes that died holding a chunk

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(
            target=_worker_main,
            args=(child, self.settings, self.as_objects, self.with_tables, self.memory_mb),
            daemon=True,
            name="according-worker",
        )
        proc.start()
        child.close()
        w = _Worker(proc, parent)
        self._workers.append(w)
        return w

    def _retire(self, worker: _Worker) -> None:
        self._workers.remove(worker)
        try:
            worker.conn.send(None)
        except (OSError, BrokenPipeError):
            pass
        worker.conn.close()
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()

    def close(self) -> None:
        for w in list(self._workers):
            if w.chunk is not None:  # interrupted: do not wait for its chunk
                w.process.kill()
            self._retire(w)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def pids(self) -> list[int]:
        return [w.process.pid for w in self._workers if w.process.pid is not None]

    def run(self, items: Iterable[Item]) -> Iterator[Done]:
        """The result of every item, in input order."""
        plan: ChunkPlan[Item] = ChunkPlan(items, self.jobs, chunk=self.chunk, ahead=self.ahead)
        retries: deque[Chunk[Item]] = deque()  # a dead worker's articles, one chunk each
        results: dict[int, Done] = {}  # by input position, until the ones before are written
        held = 0  # items handed to workers and not yet written
        next_out = 0
        if len(self._workers) < self.jobs:
            # read the first articles before starting the workers: starting one waits for the fork
            # server's load (~4 CPU-s on its core), during which this process's core is idle, so
            # reading then is free; read later, it takes CPU from the workers
            plan.read_ahead()
        while len(self._workers) < self.jobs:
            self._start()
        while True:
            # work for idle workers first, then the results in order (writing them can block on a
            # slow reader of the output, and a worker would wait for its next chunk meanwhile), then
            # work again for a worker the plan kept waiting until those results were written
            held = self._hand_out(plan, retries, held)
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
                held -= 1
            held = self._hand_out(plan, retries, held)
            busy = [w for w in self._workers if w.chunk is not None]
            if not busy:
                if plan.finished and not retries:
                    return
                continue
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
            for w in busy:
                if w.conn not in ready and w.process.sentinel not in ready:
                    continue
                assert w.chunk is not None
                chunk, w.chunk = w.chunk, None
                done = self._collect(w)
                if done is None:  # it died: redo its articles one by one, or record the single one
                    exitcode = w.process.exitcode
                    self._replace(w)
                    if len(chunk.items) > 1:
                        retries.extendleft(
                            Chunk((n,), (item,))
                            for n, item in reversed(list(zip(chunk.numbers, chunk.items)))
                        )
                        continue
                    done = [dead_worker_record(chunk.items[0], exitcode, self.settings, self.as_objects)]
                else:
                    w.chunks_done += 1
                    if w.chunks_done >= self.chunks_per_worker:
                        self._retire(w)
                        self._start()
                results.update(zip(chunk.numbers, done))

    def _hand_out(self, plan: ChunkPlan[Item], retries: deque[Chunk[Item]], held: int) -> int:
        """Give every idle worker its next chunk (a dead worker's articles first); the articles
        held (handed out, not yet written) afterwards."""
        for w in self._workers:
            if w.chunk is not None:
                continue
            if retries:  # already counted in held
                w.chunk = retries.popleft()
            else:
                w.chunk = plan.next(held)
                held += len(w.chunk.numbers) if w.chunk is not None else 0
            if w.chunk is not None:
                w.conn.send((w.chunk.numbers[0], list(w.chunk.items)))
        return held

    def _collect(self, worker: _Worker) -> list[Done] | None:
        """The worker's results for its chunk, or None when it died."""
        while True:
            if worker.conn.poll():
                try:
                    msg = worker.conn.recv()
                except (EOFError, OSError):
                    worker.process.join()
                    return None
                if msg[0] == "error":
                    raise msg[1]
                if msg[0] == "done":
                    return msg[2]
                continue  # "ready"
            if not worker.process.is_alive():
                worker.process.join()
                return None
            wait([worker.conn, worker.process.sentinel])

    def _replace(self, worker: _Worker) -> None:
        self.deaths += 1
        worker.conn.close()
        self._workers.remove(worker)
        self._start()
