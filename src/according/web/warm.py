"""Keeps the store's read memos warm: one background thread per server process.

The store derives some read data once per write (store/queries.py: list aggregates such as
quotes per source and top sources per story, and the story pages). Computed on the first
read after a write, that costs the unlucky reader ~10-25 ms per story page and ~70-90 ms
for the list aggregates (10k-article store), and under load the cold computations of many
readers pile up in the threadpool and starve the event loop (GIL). This thread computes
them instead: at start-up (``warm_now``, before the server accepts connections, for at
most ``warm_at_start`` seconds; the thread finishes the rest), right after a write through
this app (``kick``), and when it
sees the write token move (a write by another process, e.g. ``according ingest``: checked
every ``interval`` seconds with one O(1) read). Readers never wait for it: a page it has
not reached yet is computed on demand as before, and memos are never stale (they are keyed
on the write token), so this changes only when the work is done, not what is answered.
"""

from __future__ import annotations

import logging
import threading
import time

log = logging.getLogger("according.web")

DUTY = 3.0  # after a warm run of t seconds, rest at least DUTY x t (warming <= 25 % of the time)


class Warmer:
    def __init__(self, store, interval: float = 2.0):
        self.store = store
        self.interval = interval
        self._kick = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.token = None  # the write token last warmed
        self.runs = 0

    def usable(self) -> bool:
        return hasattr(self.store, "warm") and hasattr(self.store, "write_token")  # not tests' stand-ins

    def warm_now(self, budget: float) -> None:
        """Warm for at most ``budget`` seconds of story pages (start-up: before the server
        accepts connections); the background thread finishes what is left."""
        if not self.usable() or budget <= 0:
            return
        try:
            done = self.store.warm(deadline=time.monotonic() + budget)
            if done.get("complete"):
                self.token = done.get("token")
            self.runs += 1
        except Exception:  # noqa: BLE001 - readers compute on demand
            log.warning("warming the read memos failed", exc_info=True)

    def start(self) -> None:
        if not self.usable():
            return
        self._thread = threading.Thread(target=self._run, name="according-warm", daemon=True)
        self._thread.start()

    def kick(self) -> None:
        """A write went through this app: warm now rather than at the next poll."""
        self._kick.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._kick.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            took = 0.0
            try:
                token = self.store.write_token()
                if token != self.token:
                    t0 = time.monotonic()
                    done = self.store.warm()
                    took = time.monotonic() - t0
                    self.token = done.get("token", token) if done.get("complete", True) else None
                    self.runs += 1
            except Exception:  # noqa: BLE001 - the store may be briefly unavailable; readers compute on demand
                log.warning("warming the read memos failed", exc_info=True)
            if took:
                # At most a quarter of the time warming: under a steady stream of writes (each
                # one moves the token) the thread must not take a core away from the readers;
                # between runs readers compute what they need on demand, as without it.
                self._stop.wait(DUTY * took)
            self._kick.wait(self.interval)
            self._kick.clear()
