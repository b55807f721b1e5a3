"""The output of ``according batch``, which is also its ledger.

``DIR/records/`` is a Parquet dataset with one row per article: ``id``, ``input_hash``,
``status`` (``ok`` or ``failed``), ``record`` (the analysis-v1 record as JSON text, the bytes
``analyze --format jsonl`` writes for the same input, without the newline). Its (id,
input_hash) pairs say what is done: a re-run of the same command analyses only the rest.

The local engine commits in waves. A wave's files are written under temporary names
(``.part-*.tmp``) and renamed into place, tables first and the records file last: that rename is
the commit (atomic on one file system). So after a kill -9 or Ctrl-C at any point:

- a wave whose records file was renamed is complete (its table files were renamed before it);
- anything else is a temporary file or a table/jsonl file of a wave without records: both are
  removed when the next run opens the dataset (:meth:`Output.open`), and the wave's articles,
  absent from the ledger, are analysed again. A kill costs at most one wave.

The Spark engine appends to the same dataset through Spark's writer (its job commit protocol:
nothing is visible before the job commits); both engines read the ledger the same way.

``--retry-failed`` first removes the failed rows from the ledger (each affected file rewritten
under a temporary name and renamed), so a retried article is again exactly once in the output
whether or not the run is interrupted.
"""

from __future__ import annotations

import os
import re
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .pool import Done
from .tables import TABLES, arrow_schemas

STATUS_OK, STATUS_FAILED = "ok", "failed"


def records_schema():
    import pyarrow as pa

    return pa.schema(
        [
            pa.field("id", pa.string(), nullable=False),
            pa.field("input_hash", pa.string(), nullable=False),
            pa.field("status", pa.string(), nullable=False),
            pa.field("record", pa.string(), nullable=False),
        ]
    )


def parquet_parts(folder: Path) -> list[Path]:
    """The committed Parquet files of a records dataset (either engine's), in name order."""
    return _parts(folder)


def _parts(folder: Path, suffix: str = ".parquet") -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.name.endswith(suffix) and not p.name.startswith((".", "_"))
    )


_LOCAL_PART = re.compile(r"^part-(\d{8}T\d{6}-[0-9a-f]+-\d{6})\.")


def _wave_of(path: Path) -> str | None:
    """``part-<wave>.parquet`` -> ``<wave>`` for the local engine's files; None for others
    (Spark's ``part-00000-<uuid>...`` files are committed by Spark)."""
    m = _LOCAL_PART.match(path.name)
    return m.group(1) if m else None


@dataclass(frozen=True)
class LedgerEntry:
    input_hash: str
    status: str


@dataclass
class Output:
    """One output folder: its ledger, and the writer of the local engine's waves."""

    root: Path
    jsonl: bool = False
    # one token per run: two runs started in the same second by one process (the library called
    # twice, a test) must not write the same file names (the second would replace the first's wave)
    run_token: str = field(default_factory=lambda: uuid.uuid4().hex[:12])

    @property
    def records_dir(self) -> Path:
        return self.root / "records"

    @property
    def tables_dir(self) -> Path:
        return self.root / "tables"

    def open(self) -> None:
        """Create the folders; drop what an interrupted run left uncommitted."""
        self.records_dir.mkdir(parents=True, exist_ok=True)
        committed = {_wave_of(p) for p in _parts(self.records_dir)}
        leftovers = [p for p in self.records_dir.glob(".part-*.tmp")]
        leftovers += [p for p in _parts(self.records_dir, ".jsonl") if _wave_of(p) not in committed | {None}]
        for name in TABLES:
            folder = self.tables_dir / name
            leftovers += list(folder.glob(".part-*.tmp"))
            leftovers += [p for p in _parts(folder) if _wave_of(p) not in committed | {None}]
        for p in leftovers:
            p.unlink(missing_ok=True)

    def ledger(self) -> dict[tuple[str, str], str]:
        """(id, input_hash) -> status of every committed article."""
        import pyarrow.parquet as pq

        done: dict[tuple[str, str], str] = {}
        for part in _parts(self.records_dir):
            table = pq.read_table(part, columns=["id", "input_hash", "status"])
            for doc_id, h, status in zip(
                *(table.column(c).to_pylist() for c in ("id", "input_hash", "status"))
            ):
                done[(doc_id, h)] = status
        return done

    def drop_failed(self) -> int:
        """Remove the failed rows from the ledger (for ``--retry-failed``); how many were removed."""
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        removed = 0
        for part in _parts(self.records_dir):
            table = pq.read_table(part)
            bad = pc.equal(table.column("status"), STATUS_FAILED)
            n_bad = pc.sum(bad).as_py() or 0
            if not n_bad:
                continue
            removed += n_bad
            kept = table.filter(pc.invert(bad))
            tmp = part.with_name(f".{part.name}.tmp")
            pq.write_table(kept, tmp)
            os.replace(tmp, part)
            jsonl = part.with_suffix(".jsonl")
            if jsonl.exists():  # failed records have no table rows; their JSONL lines go too
                tmp_jsonl = jsonl.with_name(f".{jsonl.name}.tmp")
                with open(tmp_jsonl, "w", encoding="utf-8") as fh:
                    for rec in kept.column("record").to_pylist():
                        fh.write(rec + "\n")
                os.replace(tmp_jsonl, jsonl)
        return removed

    def new_wave_name(self, number: int) -> str:
        # sortable across runs: the start time of the run, then the wave number
        return f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{self.run_token}-{number:06d}"

    def commit(self, wave: str, rows: list[tuple[str, Done]]) -> None:
        """Write one wave: (input_hash, result) pairs in input order."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        renames: list[tuple[Path, Path]] = []
        schemas = arrow_schemas()
        for name in TABLES:
            table_rows = [r for _, done in rows for r in (done.tables or {}).get(name, [])]
            if not table_rows:
                continue
            folder = self.tables_dir / name
            folder.mkdir(parents=True, exist_ok=True)
            final = folder / f"part-{wave}.parquet"
            tmp = folder / f".part-{wave}.parquet.tmp"
            pq.write_table(pa.Table.from_pylist(table_rows, schema=schemas[name]), tmp)
            renames.append((tmp, final))
        if self.jsonl:
            final = self.records_dir / f"part-{wave}.jsonl"
            tmp = self.records_dir / f".part-{wave}.jsonl.tmp"
            with open(tmp, "w", encoding="utf-8") as fh:
                for _, done in rows:
                    fh.write(f"{done.record_json}\n")
            renames.append((tmp, final))
        records = pa.Table.from_pydict(
            {
                "id": [done.id for _, done in rows],
                "input_hash": [h for h, _ in rows],
                "status": [STATUS_FAILED if done.failed else STATUS_OK for _, done in rows],
                "record": [done.record_json or "" for _, done in rows],
            },
            schema=records_schema(),
        )
        tmp = self.records_dir / f".part-{wave}.parquet.tmp"
        pq.write_table(records, tmp)
        for path, _ in renames + [(tmp, tmp)]:
            _fsync(path)
        for src, dst in renames:
            os.replace(src, dst)
        os.replace(tmp, self.records_dir / f"part-{wave}.parquet")  # the commit
        _fsync_dir(self.records_dir)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    try:
        _fsync(path)
    except OSError:  # not every platform can fsync a directory
        pass


def read_records(records_dir: Path) -> Iterator[tuple[str, str, str, str]]:
    """(id, input_hash, status, record JSON) of every row of a records dataset, file by file."""
    import pyarrow.parquet as pq

    for part in _parts(Path(records_dir)):
        table = pq.read_table(part, columns=["id", "input_hash", "status", "record"])
        cols = [table.column(c).to_pylist() for c in ("id", "input_hash", "status", "record")]
        yield from zip(*cols)
