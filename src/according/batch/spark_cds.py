"""A class-data-sharing archive of the classes a Spark job of this project loads: a faster JVM start.

The driver JVM of a local ``according batch --engine spark`` loads some 15,000 classes from Spark's
jars before the first task runs, parsing and verifying each one. A dynamic CDS archive
(``-XX:ArchiveClassesAtExit``, JDK 13+) stores them already parsed, and a JVM started with
``-XX:SharedArchiveFile`` maps it instead. It is built on this machine by ``make setup-spark``
(``python -m according.batch.spark_cds``: a two-article job, ~40 s, a ~150 MB file in the virtual
environment), never downloaded, and only a session ``according`` starts itself uses it
(:func:`according.batch.spark.local_conf`). The JVM checks the archive against its own build and
the jars' sizes and times; a stale one is ignored (its messages silenced), never an error.

Measured on the shared 2-core machine (load 8-10), a fresh process each, session start then a
first small Parquet write, three rounds interleaved: without 9.2 / 17.8 / 17.8 s, with the archive
5.5 / 9.2 / 7.0 s.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ARCHIVE_NAME = "according-spark-classes.jsa"
# no "[warning][cds] ..." lines on stdout when the archive is stale or a class cannot be archived
QUIET = "-Xlog:cds=off -Xlog:cds+dynamic=off"


def archive_path() -> Path:
    """Next to the interpreter's environment (the virtual environment that has pyspark's jars)."""
    return Path(sys.prefix) / ARCHIVE_NAME


def java_options() -> str:
    """The driver JVM's options to use the archive, or "" when it has not been built."""
    path = archive_path()
    return f"-XX:SharedArchiveFile={path} {QUIET}" if path.is_file() else ""


def build(path: Path | None = None) -> Path:
    """Run a small job of this project (the code paths of a real one: a Python task, the records'
    and tables' Parquet writes) in a JVM that writes the classes it loaded when it exits."""
    from ..settings import Settings
    from .ledger import Output
    from .spark import LOCAL_CONF, SPARK_CONF, run_spark

    path = path or archive_path()
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    from pyspark.sql import SparkSession

    options = f"{LOCAL_CONF['spark.driver.extraJavaOptions']} -XX:ArchiveClassesAtExit={partial} {QUIET}"
    with tempfile.TemporaryDirectory(prefix="according-cds-") as tmp:
        inputs = Path(tmp) / "in.jsonl"
        with open(inputs, "w", encoding="utf-8") as fh:
            for i, text in enumerate(
                ("The minister said on Monday that talks would resume.", "“We will help,” she said.")
            ):
                fh.write(json.dumps({"id": f"cds-{i}", "text": text}) + "\n")
        spark = (
            SparkSession.builder.master("local[2]")
            .config(map={**SPARK_CONF, **LOCAL_CONF, "spark.driver.extraJavaOptions": options})
            .config("spark.pyspark.python", sys.executable)
            .getOrCreate()
        )
        run_spark([str(inputs)], Output(Path(tmp) / "out"), Settings(), spark=spark)
        gateway = spark.sparkContext._gateway
        assert gateway is not None
        proc = gateway.proc  # the JVM (spark-submit's) process
        spark.stop()
        proc.stdin.close()  # the gateway exits when its stdin ends; the archive is written then
        proc.wait()
    if not partial.is_file():
        raise SystemExit(f"according: no CDS archive was written ({partial})")
    os.replace(partial, path)
    return path


if __name__ == "__main__":
    print(f"according: Spark class archive {build()}")
