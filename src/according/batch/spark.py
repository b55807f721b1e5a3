"""``according batch --engine spark``: the same job as a PySpark job.

``SparkSession.builder.getOrCreate()``: run with plain ``python``/``according`` it is a
``local[*]`` session on this machine; under ``spark-submit`` it is the cluster's. The driver
reads the inputs (the same readers and ledger keys as the local engine), skips what the ledger
holds, and hands the rest to the executors in waves of chunks of 16 articles (the chunks the
local engine parses together). Each task analyses its chunks with the same function as a local
worker; the model is loaded inside the task, once per Python worker process (a spaCy pipeline
does not pickle; Spark reuses its Python workers, and ``according.nlp.load`` caches per process).

Records leave the tasks only as rows of a DataFrame written with Spark's writer
(``mode("append")`` into ``DIR/records``): Spark's commit protocol makes a wave visible whole
or not at all, so a killed job leaves nothing half-written; speculation is off (a speculative
copy of a task would analyse its articles twice). The flat tables (``DIR/tables/<table>``) come
from the same cached rows of each wave, appended right after the wave's records commit; a run that
resumes an output rebuilds them from all the committed records instead, so they always match.

A small local job's cost is mostly fixed: the JVM and the session, and the model's load in Spark's
Python daemon. A session ``according`` starts itself (``run_spark`` without a session, not under
spark-submit) starts the JVM with the class-data-sharing archive ``make setup-spark`` built
(:mod:`.spark_cds`) and, before the JVM, a warm server that loads the model meanwhile, to which
Spark's daemon relays (:mod:`.spark_daemon`).
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterator
from functools import partial
from itertools import islice
from typing import Any

from ..settings import Settings
from .inputs import read_inputs
from .ledger import STATUS_FAILED, STATUS_OK, Output
from .pool import CHUNK, Item, analyse_chunk, chunks_of
from .run import MAX_FAILURES_SHOWN, Summary
from .tables import TABLES, arrow_schemas, flat_rows

SPARK_WAVE = 1024  # articles per Spark job (a commit): a kill costs at most this many (more on a
# large cluster: wave_size_for); an input smaller than a wave is one job (200 articles: one)
TASKS_PER_CORE = 8  # one-chunk tasks per core and wave on a large cluster: a wave is then ~8 x 16 x
# 0.36 CPU-s = ~46 s of each core's work, long beside a job's few seconds of planning and commit


# What a session for this job needs (``session`` sets them; under spark-submit pass them with
# ``--conf``): no speculative copies of a task (it would analyse its articles twice), and the
# Python daemon that loads the model once per executor before forking its workers (spark_daemon).
SPARK_CONF = {
    "spark.speculation": "false",
    "spark.python.daemon.module": "according.batch.spark_daemon",
}
# Only for a session ``according`` starts on this machine (not under spark-submit, whose settings
# are the cluster's): start-up is most of a small local job's fixed cost. No web UI (nobody looks at
# a local batch's), and the driver JVM compiles with C1 only and one GC thread (the JVM does little
# in this job: the work is in the Python workers). Measured on the shared 2-core machine at load
# 9-12, fresh processes interleaved over 3 rounds, session start + a first tiny Parquet write:
# stock 113 / 128 / 202 s, these options 58 / 95 / 118 s (0.51-0.74x; UI off alone 94-217 s).
LOCAL_CONF = {
    "spark.ui.enabled": "false",
    "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
}


def local_conf() -> dict[str, str]:
    """LOCAL_CONF, and the class-data-sharing archive ``make setup-spark`` built when there is one
    (:mod:`.spark_cds`: the session and a first write in about half the time)."""
    from .spark_cds import java_options

    conf = dict(LOCAL_CONF)
    if cds := java_options():
        conf["spark.driver.extraJavaOptions"] += " " + cds
    return conf


def session(app_name: str = "according batch"):
    """The active session, or a new one (local[*] when not under spark-submit)."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    builder = SparkSession.builder.appName(app_name)
    # PYSPARK_GATEWAY_PORT: the JVM is already there (spark-submit started this process)
    local = not os.environ.get("PYSPARK_GATEWAY_PORT")
    for key, value in {**SPARK_CONF, **(local_conf() if local else {})}.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def use_this_python(spark_context) -> None:
    """In local mode the Python workers must be this interpreter (the one with ``according`` and
    the model installed). PySpark takes ``$PYSPARK_PYTHON`` (set by spark-submit from
    ``spark.pyspark.python``), else ``python3`` from the PATH; on a local master without that
    variable the context is pointed at ``sys.executable`` (an attribute of the context, not a
    write to the environment)."""
    if not os.environ.get("PYSPARK_PYTHON") and str(spark_context.master).startswith("local"):
        spark_context.pythonExec = sys.executable


RECORD_COLUMNS = ("id", "input_hash", "status", "record")


def _records_schema():
    from pyspark.sql.types import StringType, StructField, StructType

    return StructType([StructField(c, StringType(), False) for c in RECORD_COLUMNS])


def _wave_schema():
    """A wave's rows: the record columns, then each flat table's rows of the article as JSON text
    (``t_<table>``, a JSON array of rows already cast to the table's Spark types)."""
    from pyspark.sql.types import StringType, StructField, StructType

    tables = [StructField(f"t_{name}", StringType(), False) for name in TABLES]
    return StructType(list(_records_schema().fields) + tables)


def _table_columns(casts: dict[str, Any]):
    """Table rows of one record (dict name -> rows) -> the ``t_<table>`` JSON texts, in TABLES order.
    The table names as plain ``str``: they come from the store's SQLAlchemy tables (``quoted_name``),
    which Spark's unpickler refuses."""
    import json

    def run(tables: dict[str, list[dict]] | None) -> tuple[str, ...]:
        tables = tables or {}
        return tuple(
            json.dumps([casts[str(name)](row) for row in tables.get(name, [])], ensure_ascii=False)
            for name in TABLES
        )

    return run


def _analyse_partition(settings: Settings, casts: dict[str, Any]):
    """A task: analyse its chunks (the local engine's function, flat table rows included, from the
    record dict it already holds) and yield the wave's rows."""
    table_columns = _table_columns(casts)

    def run(chunks: Iterator[list[tuple[str, Item]]]) -> Iterator[tuple[str, ...]]:
        settings.apply()
        for chunk in chunks:
            done = analyse_chunk([item for _, item in chunk], settings, as_objects=False, with_tables=True)
            for (input_hash, _), d in zip(chunk, done):
                status = STATUS_FAILED if d.failed else STATUS_OK
                yield (d.id, input_hash, status, d.record_json or "", *table_columns(d.tables))

    return run


def _tables_of_records(casts: dict[str, Any]):
    """For a rebuild: the ``t_<table>`` columns of committed records (JSON parsed again here)."""
    table_columns = _table_columns(casts)

    def run(records: Iterator[Any]) -> Iterator[tuple[str, ...]]:
        import json

        for row in records:
            ok = row["status"] == STATUS_OK
            tables = flat_rows(json.loads(row["record"])) if ok else None
            yield (row["id"], row["input_hash"], row["status"], "", *table_columns(tables))

    return run


def _spark_schema(arrow_schema):
    from pyspark.sql.types import BooleanType, DoubleType, LongType, StringType, StructField, StructType

    kinds = {"bool": BooleanType(), "int64": LongType(), "double": DoubleType()}
    return StructType([StructField(f.name, kinds.get(str(f.type), StringType()), True) for f in arrow_schema])


def _table_schemas() -> dict[str, Any]:
    return {str(name): _spark_schema(schema) for name, schema in arrow_schemas().items()}


def _as_typed(schema):
    """A table row (dict) with its values in the Spark schema's types (an int in a double column
    must be a float for Spark, anything else in a string column its ``str``)."""
    from pyspark.sql.types import BooleanType, DoubleType, LongType

    casts: list = []
    for f in schema.fields:
        if isinstance(f.dataType, DoubleType):
            casts.append(float)
        elif isinstance(f.dataType, LongType):
            casts.append(int)
        elif isinstance(f.dataType, BooleanType):
            casts.append(bool)
        else:
            casts.append(str)
    names = [f.name for f in schema.fields]

    def run(row: dict) -> dict:
        return {k: None if row.get(k) is None else cast(row[k]) for k, cast in zip(names, casts)}

    return run


def _write_tables_of(rows, out: Output, mode: str, files: int, also=()) -> list[Any]:
    """Every flat table from a (persisted) DataFrame with ``t_<table>`` columns, each picked out and
    typed by Spark itself (from_json, no Python). The tables' jobs (and ``also``, more functions
    that run a job) are submitted together from threads, so one job's planning and commit overlap
    the others' tasks instead of queueing behind them; their results are returned in order."""
    from concurrent.futures import ThreadPoolExecutor

    from pyspark.sql import functions as F
    from pyspark.sql.types import ArrayType

    def table_job(name: str, schema):
        def run():
            table = rows.select(F.explode(F.from_json(f"t_{name}", ArrayType(schema))).alias("r")).select(
                "r.*"
            )
            table.coalesce(files).write.mode(mode).parquet(str(out.tables_dir / name))

        return run

    jobs = [table_job(name, schema) for name, schema in _table_schemas().items()] + list(also)
    with ThreadPoolExecutor(len(jobs)) as pool:
        return [f.result() for f in [pool.submit(job) for job in jobs]]


def write_tables(spark, out: Output) -> None:
    """DIR/tables/<table> rebuilt from the committed records (overwritten: what records/ holds).
    A run that resumes an output does this at its end; a run on an empty output writes each wave's
    tables right after the wave's records instead (see :func:`run_spark`)."""
    from pyspark import StorageLevel

    from .ledger import parquet_parts

    parts = [str(p) for p in parquet_parts(out.records_dir)]
    if not parts:
        return
    records = spark.read.schema(_records_schema()).parquet(*parts)
    casts = {name: _as_typed(schema) for name, schema in _table_schemas().items()}
    # One Python pass over the records for all the tables (JSON parse and flattening are the cost)
    rows = spark.createDataFrame(records.rdd.mapPartitions(_tables_of_records(casts)), _wave_schema())
    rows = rows.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        _write_tables_of(rows, out, "overwrite", max(1, spark.sparkContext.defaultParallelism))
    finally:
        rows.unpersist()


def wave_size_for(parallelism: int) -> int:
    """Articles per Spark job (a commit; what a kill can cost): SPARK_WAVE, or more on a large cluster
    so that each core gets TASKS_PER_CORE one-chunk tasks per wave (a short tail: a core that ends
    its last task waits at most one chunk for the others)."""
    return max(SPARK_WAVE, CHUNK * TASKS_PER_CORE * max(1, parallelism))


def run_spark(
    inputs: list[str],
    out: Output,
    settings: Settings,
    *,
    retry_failed: bool = False,
    published: str | None = None,
    wave_size: int | None = None,
    spark=None,
) -> Summary:
    """Analyse what the output's ledger does not hold. Without ``spark``, a new local session (not
    under spark-submit) gets a warm server (:class:`.spark_daemon.WarmServer`) started before its JVM,
    so that the model loads while the JVM starts instead of after it, at the first task."""
    from .spark_daemon import WarmServer

    t0 = time.monotonic()
    warm = WarmServer() if spark is None and not os.environ.get("PYSPARK_GATEWAY_PORT") else None
    try:
        return _run_spark(inputs, out, settings, retry_failed, published, wave_size, spark, warm, t0)
    finally:
        if warm is not None:
            warm.close()


def _run_spark(inputs, out, settings, retry_failed, published, wave_size, spark, warm, t0) -> Summary:
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from .spark_daemon import WARM_ENV

    sm = Summary()
    clock = _PhaseClock(sm.phases, t0)
    spark = spark or session()
    sc = spark.sparkContext
    use_this_python(sc)
    if warm is not None and str(sc.master).startswith("local") and sc.pythonExec == sys.executable:
        # the daemons of this context's Python functions find the server through their environment
        # (the context's ``environment`` reaches them; this process's own is left alone). Not when
        # the workers are another interpreter ($PYSPARK_PYTHON): the server is this one.
        sc.environment[WARM_ENV] = warm.path
    clock.lap("session")
    out.open()
    # A killed Spark job leaves its committed tasks' files under _temporary/0 (Hadoop's job attempt
    # path, the same for every job): the next job's commit would move them in as well, duplicating
    # those articles. One writer per output folder, so what is there is a dead job's.
    shutil.rmtree(out.records_dir / "_temporary", ignore_errors=True)
    if retry_failed:
        out.drop_failed()
    ledger = out.ledger()
    # On an empty output each wave's tables are appended right after its records commit, from the
    # same cached rows (no second pass over the records). A run that finds records (a resumed or a
    # retried run: a kill may have fallen between a wave's records and its tables) rebuilds the
    # tables from all the records at its end instead.
    fresh = not ledger
    if fresh:
        shutil.rmtree(out.tables_dir, ignore_errors=True)
    clock.lap("ledger")
    seen: set[tuple[str, str]] = set()

    def pending() -> Iterator[tuple[str, Item]]:
        for keyed in read_inputs(inputs, settings, published):
            key = (keyed.id, keyed.input_hash)
            status = ledger.get(key)
            if status == STATUS_FAILED:
                sm.skipped_failed += 1
            elif status is not None or key in seen:
                sm.skipped += 1
            else:
                seen.add(key)
                yield keyed.input_hash, keyed.item

    def failures_of(rows) -> None:
        failed = rows.where(F.col("status") == STATUS_FAILED).select("id", "record").collect()
        sm.failed += len(failed)
        for doc_id, rec in failed[: max(0, MAX_FAILURES_SHOWN - len(sm.failures))]:
            sm.failures.append((doc_id, _first_error(rec)))

    casts = {name: _as_typed(schema) for name, schema in _table_schemas().items()}
    stream = pending()
    size = wave_size or wave_size_for(sc.defaultParallelism)
    files = max(1, sc.defaultParallelism)
    while True:
        wave = list(islice(stream, size))
        if not wave:
            break
        # one chunk per task: the 2 slots of local[2] take the next chunk as they finish, so the
        # wave's tail (one slot busy, the other idle) is at most one chunk
        chunks = list(chunks_of(wave, CHUNK))
        rdd = sc.parallelize(chunks, len(chunks)).mapPartitions(_analyse_partition(settings, casts))
        rows = spark.createDataFrame(rdd, _wave_schema()).persist(StorageLevel.MEMORY_AND_DISK)
        try:
            rows.select(*RECORD_COLUMNS).write.mode("append").parquet(str(out.records_dir))
            sm.waves += 1
            sm.analysed += len(wave)
            clock.lap(f"wave {sm.waves}")
            if fresh:
                _write_tables_of(rows, out, "append", files, also=[partial(failures_of, rows)])
            else:
                failures_of(rows)
            clock.lap("tables" if fresh else "failures")
        finally:
            rows.unpersist()
    if not fresh:
        write_tables(spark, out)
        clock.lap("tables")
    sm.seconds = time.monotonic() - t0
    return sm


class _PhaseClock:
    """Wall seconds since the previous lap, stored under each phase's name."""

    def __init__(self, phases: dict[str, float], start: float | None = None):
        self.phases, self.last = phases, time.monotonic() if start is None else start

    def lap(self, name: str) -> None:
        now = time.monotonic()
        self.phases[name] = round(self.phases.get(name, 0.0) + now - self.last, 2)
        self.last = now


def _first_error(record_json: str) -> str:
    import json

    try:
        errors = json.loads(record_json).get("errors") or []
    except ValueError:
        return "?"
    return "; ".join(str(e.get("message")) for e in errors if e.get("stage") in ("ingest", "analyze")) or "?"


__all__ = ["SPARK_CONF", "TABLES", "local_conf", "run_spark", "session", "write_tables"]
