"""Analysis off the server process: a bounded pool of worker processes with a time limit.

Why a process and not a thread: the parse holds the GIL for most of its time, so in a
thread it slowed every read the event loop served (a 500 KB POST to /api/analyze pushed
concurrent reads to p99 240 ms and grew the server by 1.6 GB), and a thread cannot be
stopped. A worker process runs at a lower CPU priority (``NICE``), is killed when an analysis
passes the time limit (the request gets a 422 ``analysis_limit``; the next analysis starts a
new worker), and is replaced after a task that left it above ``max_rss`` bytes, so the memory a
long document took goes back to the system. The server process keeps only the reads.

A worker does whole tasks: ``analyze`` (returns the record as JSON bytes, sent as is) and
``ingest`` (the store's own ingest_documents in the worker, with its own connection:
skip-before-analysis, versions and stories as for ``according ingest``; returns the summary).
Workers start on the first analysis (loading the language model takes a few seconds, once
per worker) and at most ``slots`` exist; ``AnalysisGate`` (app.py) bounds who waits for one.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import threading
import time
from dataclasses import dataclass
from typing import Any

from ..errors import AccordingError, AnalysisLimitError, InputError, InputTooLargeError, ModelError

log = logging.getLogger("according.web")

NICE = 10  # the readers' process keeps its priority: the analysis gets the CPU they leave
DEFAULT_TIMEOUT = 300.0  # seconds per analysis; a 5 MB article (the size cap) must fit
DEFAULT_MAX_RSS = 1_500_000_000  # bytes a worker may keep after a task before it is replaced

_ERRORS: dict[str, type[AccordingError]] = {
    "InputTooLargeError": InputTooLargeError,
    "ModelError": ModelError,
}


def _analysis_json(doc, model: str) -> bytes:
    """The record as UTF-8 JSON; text with lone surrogates (a JSON body may carry them) as
    ASCII escapes, as the store keeps it (store.ingest.record_json)."""
    import orjson

    from ..analyzer import analyze_document
    from ..store.ingest import record_json

    record = analyze_document(doc, model).to_dict()
    try:
        return orjson.dumps(record)
    except TypeError:  # orjson refuses lone surrogates (and NaN is written as null by it)
        return record_json(record).encode("utf-8")


def _die_with_parent(every: float = 1.0) -> None:
    """A watchdog thread ends this worker when the server process is gone, however it ended
    (a busy worker would otherwise finish its analysis as an orphan). Not PR_SET_PDEATHSIG:
    that fires when the *thread* that started the worker ends, and workers are started from
    the server's threadpool, whose threads come and go."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(every)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="according-parent-watch", daemon=True).start()


def _worker_main(conn, store_url: str | None) -> None:
    """The worker's loop: one task at a time until the pipe closes or None arrives."""
    _die_with_parent()
    with contextlib.suppress(OSError):
        os.nice(NICE)
    store = None
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        kind, doc, model = task
        try:
            if kind == "analyze":
                conn.send(("ok", _analysis_json(doc, model)))
            else:
                if store is None:
                    from ..store import Store

                    store = Store(store_url)
                conn.send(("ok", store.ingest_documents([doc], model=model)))
        except AccordingError as exc:
            conn.send(("error", type(exc).__name__, exc.message, exc.detail, isinstance(exc, InputError)))
        except Exception:  # noqa: BLE001 - the worker reports and goes on
            logging.getLogger("according.web").exception("analysis failed")
            conn.send(("error", "internal", "the analysis failed", None, False))


@dataclass
class _Worker:
    process: Any
    conn: Any

    def stop(self, kill: bool = False) -> None:
        if not kill:
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)
            self.process.join(2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        with contextlib.suppress(OSError):
            self.conn.close()

    def rss(self) -> int:
        try:
            with open(f"/proc/{self.process.pid}/statm") as fh:
                return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            return 0


class AnalysisPool:
    """``run(kind, doc, model)``: blocking (call it from a thread); at most ``slots`` workers."""

    def __init__(
        self,
        store_url: str | None,
        slots: int = 1,
        timeout: float = DEFAULT_TIMEOUT,
        max_rss: int = DEFAULT_MAX_RSS,
    ):
        self.store_url = store_url
        self.slots = max(1, slots)
        self.timeout = timeout
        self.max_rss = max_rss
        self._idle: list[_Worker] = []
        self._busy: dict[int, _Worker] = {}  # id -> a worker running a task
        self._lock = threading.Lock()
        self._free = threading.Semaphore(self.slots)
        self._ctx = multiprocessing.get_context("spawn")  # never fork a process that has threads
        self.closed = False

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_worker_main, args=(child, self.store_url), name="according-analysis", daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def run(self, kind: str, doc, model: str) -> Any:
        with self._free:
            with self._lock:
                if self.closed:
                    raise ModelError("the server is stopping")
                worker = self._idle.pop() if self._idle else None
            if worker is None or not worker.process.is_alive():
                if worker is not None:
                    worker.stop(kill=True)
                worker = self._spawn()
            with self._lock:
                self._busy[id(worker)] = worker
            try:
                worker.conn.send((kind, doc, model))
                if not worker.conn.poll(self.timeout):
                    worker.stop(kill=True)
                    raise AnalysisLimitError(
                        f"the analysis took longer than the limit of {self.timeout:g} s and was stopped",
                        detail="split the article, or analyse it with `according analyze` on the command line",
                    )
                answer = worker.conn.recv()
            except (EOFError, OSError) as exc:
                worker.stop(kill=True)
                raise AnalysisLimitError(
                    "the analysis stopped before it finished (the worker ran out of memory or was killed)",
                    detail="split the article, or analyse it with `according analyze` on the command line",
                ) from exc
            finally:
                with self._lock:
                    self._busy.pop(id(worker), None)
            if worker.rss() > self.max_rss:
                worker.stop()  # a long document left it large: the next task starts a fresh one
            else:
                with self._lock:
                    if self.closed:
                        worker.stop()
                    else:
                        self._idle.append(worker)
        if answer[0] == "ok":
            return answer[1]
        _, name, message, detail, is_input = answer
        cls = _ERRORS.get(name) or (InputError if is_input else AccordingError)
        raise cls(message, detail=detail)

    def close(self) -> None:
        """Stop every worker: the idle ones politely, the busy ones at once (their requests
        get an error; the server is stopping)."""
        with self._lock:
            self.closed = True
            idle, self._idle = self._idle, []
            busy = list(self._busy.values())
        for worker in idle:
            worker.stop()
        for worker in busy:
            worker.stop(kill=True)
