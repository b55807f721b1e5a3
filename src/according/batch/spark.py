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
copy of a task would analyse its articles twice). The flat tables are rebuilt at the end of a
run from the committed records (``DIR/tables/<table>``, overwritten), so they always match them.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterator
from itertools import islice
from typing import Any

from ..settings import Settings
from .inputs import read_inputs
from .ledger import STATUS_FAILED, STATUS_OK, Output
from .pool import CHUNK, Item, analyse_chunk, chunks_of
from .run import MAX_FAILURES_SHOWN, Summary
from .tables import TABLES, arrow_schemas, flat_rows

SPARK_WAVE = 1024  # articles per Spark job (a commit): a kill costs at most this many


# What a session for this job needs (``session`` sets them; under spark-submit pass them with
# ``--conf``): no speculative copies of a task (it would analyse its articles twice), and the
# Python daemon that loads the model once per executor before forking its workers (spark_daemon).
SPARK_CONF = {
    "spark.speculation": "false",
    "spark.python.daemon.module": "according.batch.spark_daemon",
}


def session(app_name: str = "according batch"):
    """The active session, or a new one (local[*] when not under spark-submit)."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    builder = SparkSession.builder.appName(app_name)
    for key, value in SPARK_CONF.items():
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


def _records_schema():
    from pyspark.sql.types import StringType, StructField, StructType

    return StructType([StructField(c, StringType(), False) for c in ("id", "input_hash", "status", "record")])


def _analyse_partition(settings: Settings):
    def run(chunks: Iterator[list[tuple[str, Item]]]) -> Iterator[tuple[str, str, str, str]]:
        settings.apply()
        for chunk in chunks:
            done = analyse_chunk([item for _, item in chunk], settings, as_objects=False)
            for (input_hash, _), d in zip(chunk, done):
                yield (d.id, input_hash, STATUS_FAILED if d.failed else STATUS_OK, d.record_json or "")

    return run


def _all_table_rows(casts: dict[str, Any]):
    """Every flat table's rows of a partition of records, in one pass: (table, row as JSON text of
    the row already cast to the Spark schema's types). The table name as a plain ``str``: the names
    come from the store's SQLAlchemy tables (``quoted_name``), which Spark's unpickler refuses."""

    def run(records: Iterator[Any]) -> Iterator[tuple[str, str]]:
        import json

        for row in records:
            if row["status"] != STATUS_OK:
                continue
            for name, rows in flat_rows(json.loads(row["record"])).items():
                if name in casts:
                    for table_row in rows:
                        yield str(name), json.dumps(casts[name](table_row), ensure_ascii=False)

    return run


def _spark_schema(arrow_schema):
    from pyspark.sql.types import BooleanType, DoubleType, LongType, StringType, StructField, StructType

    kinds = {"bool": BooleanType(), "int64": LongType(), "double": DoubleType()}
    return StructType([StructField(f.name, kinds.get(str(f.type), StringType()), True) for f in arrow_schema])


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


def write_tables(spark, out: Output) -> None:
    """DIR/tables/<table> from the committed records (overwritten: always what records/ holds)."""
    from .ledger import parquet_parts

    parts = [str(p) for p in parquet_parts(out.records_dir)]
    if not parts:
        return
    records = spark.read.schema(_records_schema()).parquet(*parts)
    schemas = {name: _spark_schema(schema) for name, schema in arrow_schemas().items()}
    # One Python pass over the records for all the tables (JSON parse and flattening are the cost),
    # cached; each table is then picked out and typed by Spark itself (from_json, no Python). One
    # pass per table made the tables ~a quarter of a small job's wall time.
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    casts = {name: _as_typed(schema) for name, schema in schemas.items()}
    rows = records.rdd.mapPartitions(_all_table_rows(casts))
    tagged_schema = StructType(
        [StructField("table", StringType(), False), StructField("row", StringType(), False)]
    )
    tagged = spark.createDataFrame(rows, tagged_schema).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        for name, schema in schemas.items():
            table = (
                tagged.where(F.col("table") == name)
                .select(F.from_json("row", schema).alias("r"))
                .select("r.*")
            )
            table.write.mode("overwrite").parquet(str(out.tables_dir / name))
    finally:
        tagged.unpersist()


def run_spark(
    inputs: list[str],
    out: Output,
    settings: Settings,
    *,
    retry_failed: bool = False,
    published: str | None = None,
    wave_size: int = SPARK_WAVE,
    spark=None,
) -> Summary:
    t0 = time.monotonic()
    spark = spark or session()
    sc = spark.sparkContext
    use_this_python(sc)
    out.open()
    # A killed Spark job leaves its committed tasks' files under _temporary/0 (Hadoop's job attempt
    # path, the same for every job): the next job's commit would move them in as well, duplicating
    # those articles. One writer per output folder, so what is there is a dead job's.
    shutil.rmtree(out.records_dir / "_temporary", ignore_errors=True)
    if retry_failed:
        out.drop_failed()
    ledger = out.ledger()
    sm = Summary()
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

    stream = pending()
    slices = max(1, sc.defaultParallelism)
    while True:
        wave = list(islice(stream, wave_size))
        if not wave:
            break
        chunks = list(chunks_of(wave, CHUNK))
        rdd = sc.parallelize(chunks, min(len(chunks), slices * 4)).mapPartitions(_analyse_partition(settings))
        df = spark.createDataFrame(rdd, _records_schema())
        df.write.mode("append").parquet(str(out.records_dir))
        sm.waves += 1
        sm.analysed += len(wave)
    if sm.waves:  # the failures of this run, for the summary
        from .ledger import read_records

        for doc_id, input_hash, status, rec in read_records(out.records_dir):
            if status == STATUS_FAILED and (doc_id, input_hash) in seen:
                sm.failed += 1
                if len(sm.failures) < MAX_FAILURES_SHOWN:
                    sm.failures.append((doc_id, _first_error(rec)))
    write_tables(spark, out)
    sm.seconds = time.monotonic() - t0
    return sm


def _first_error(record_json: str) -> str:
    import json

    try:
        errors = json.loads(record_json).get("errors") or []
    except ValueError:
        return "?"
    return "; ".join(str(e.get("message")) for e in errors if e.get("stage") in ("ingest", "analyze")) or "?"


__all__ = ["SPARK_CONF", "TABLES", "run_spark", "session", "write_tables"]
