"""``according batch`` with the local engine: read, skip what the ledger holds, analyse in a
process pool, commit in waves, report progress and a summary."""

from __future__ import annotations

import sys
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ..settings import Settings
from .inputs import Keyed, read_inputs
from .ledger import STATUS_FAILED, Output
from .pool import Done, Item

WAVE = 128  # articles per commit: ~1 min of work at jobs 2 (what a kill can cost), ~100 files per 10k
MAX_FAILURES_SHOWN = 20  # failed ids kept for the summary (the rest are counted): a screenful, by hand


@dataclass
class Summary:
    analysed: int = 0
    failed: int = 0
    skipped: int = 0  # committed by an earlier run (or a duplicate of an input in this run)
    skipped_failed: int = 0  # failed in an earlier run, not retried (no --retry-failed)
    waves: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(
        default_factory=list
    )  # (id, reason), the first MAX_FAILURES_SHOWN
    # wall seconds per phase of the run, in order (the Spark engine's: session, ledger, waves, tables)
    phases: dict[str, float] = field(default_factory=dict)

    def line(self) -> str:
        rate = self.analysed / self.seconds if self.seconds > 0 else 0.0
        out = (
            f"{self.analysed} analysed ({self.failed} failed), {self.skipped} already done, "
            f"in {self.seconds:.1f} s ({rate:.2f} articles/s), {self.waves} waves committed"
        )
        if self.skipped_failed:
            out += f"; {self.skipped_failed} failed earlier and not retried (--retry-failed)"
        if self.phases:
            out += " (" + ", ".join(f"{name} {s:.1f} s" for name, s in self.phases.items()) + ")"
        return out


class Progress:
    """One line with articles/s and the ETA: redrawn on a terminal, every ``every`` s otherwise."""

    def __init__(self, total: int | None, stream: TextIO | None = None, every: float = 10.0):
        self.total, self.stream, self.every = total, stream or sys.stderr, every
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.t0 = self.last = time.monotonic()

    def text(self, summary: Summary) -> str:
        elapsed = max(time.monotonic() - self.t0, 1e-6)
        rate = summary.analysed / elapsed
        line = f"according batch: {summary.analysed} analysed, {summary.failed} failed, {summary.skipped} skipped, {rate:.2f}/s"
        if self.total is not None and rate > 0:
            left = max(self.total - summary.analysed - summary.skipped - summary.skipped_failed, 0)
            line += f", ETA {_duration(left / rate)}"
        return line

    def update(self, summary: Summary, force: bool = False) -> None:
        now = time.monotonic()
        if self.tty and (force or now - self.last >= 0.5):
            self.stream.write("\r" + self.text(summary) + "\x1b[K")
        elif not self.tty and (force or now - self.last >= self.every):
            self.stream.write(self.text(summary) + "\n")
        else:
            return
        self.stream.flush()
        self.last = now

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")


def _duration(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}h{s % 3600 // 60:02d}m" if s >= 3600 else f"{s // 60}m{s % 60:02d}s"


def count_articles(paths: list[str]) -> int | None:
    """How many articles the inputs hold, when that is cheap to know (None with WARC files)."""
    import gzip

    from .inputs import JSONL_GZ_SUFFIXES, PARQUET_SUFFIXES, WARC_SUFFIXES, known

    total = 0
    for p in paths:
        path = Path(p)
        files = [f for f in sorted(path.rglob("*")) if f.is_file() and known(f)] if path.is_dir() else [path]
        for f in files:
            name = f.name.lower()
            if name.endswith(WARC_SUFFIXES):
                return None
            if name.endswith(PARQUET_SUFFIXES):
                import pyarrow.parquet as pq

                total += pq.ParquetFile(f).metadata.num_rows
            elif name.endswith((".jsonl", ".ndjson") + JSONL_GZ_SUFFIXES):
                opener = gzip.open if name.endswith(".gz") else open
                with opener(f, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            else:
                total += 1
    return total


def run_local(
    inputs: list[str],
    out: Output,
    settings: Settings,
    jobs: int | None = None,
    *,
    wave_size: int = WAVE,
    retry_failed: bool = False,
    published: str | None = None,
    progress: Progress | None = None,
) -> Summary:
    from . import analyse

    t0 = time.monotonic()
    out.open()
    if retry_failed:
        out.drop_failed()
    ledger = out.ledger()
    sm = Summary()
    hashes: deque[str] = deque()  # input hashes of the items handed to the pool, in order

    def pending() -> Iterator[Item]:
        seen: set[tuple[str, str]] = set()
        for keyed in read_inputs(inputs, settings, published):
            key = (keyed.id, keyed.input_hash)
            status = ledger.get(key)
            if status == STATUS_FAILED:
                sm.skipped_failed += 1
                continue
            if status is not None or key in seen:
                sm.skipped += 1
                continue
            seen.add(key)
            hashes.append(keyed.input_hash)
            yield keyed.item

    wave: list[tuple[str, Done]] = []
    number = 0

    def commit() -> None:
        nonlocal number
        out.commit(out.new_wave_name(number), wave)
        number += 1
        sm.waves += 1
        wave.clear()

    for done in analyse(pending(), settings, jobs, with_tables=True):
        wave.append((hashes.popleft(), done))
        sm.analysed += 1
        if done.failed:
            sm.failed += 1
            if len(sm.failures) < MAX_FAILURES_SHOWN:
                sm.failures.append((done.id, _reason(done)))
        if len(wave) >= wave_size:
            commit()
        if progress:
            progress.update(sm)
    if wave:
        commit()
    sm.seconds = time.monotonic() - t0
    if progress:
        progress.update(sm, force=True)
        progress.close()
    return sm


def _reason(done: Done) -> str:
    import json

    try:
        errors = json.loads(done.record_json or "{}").get("errors") or []
    except ValueError:
        return "?"
    return "; ".join(str(e.get("message")) for e in errors if e.get("stage") in ("ingest", "analyze")) or "?"


__all__ = ["Keyed", "Output", "Progress", "Summary", "count_articles", "run_local"]
