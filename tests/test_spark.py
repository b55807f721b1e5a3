"""`according batch --engine spark`: the same records as the local engine, resumable.

All Spark tests share one local[2] session (starting a JVM costs seconds). They run in CI (.ci/run
installs Java 17 and the spark extra) and skip with the reason on a machine without pyspark or
Java.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from according.batch.ledger import Output, read_records
from according.batch.spark import SPARK_CONF
from according.settings import Settings
from batch_articles import article, write_jsonl


@pytest.fixture(scope="session")
def spark():
    pytest.importorskip("pyspark", reason="needs the spark extra (pip install 'according[spark]')")
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        pytest.skip("needs Java 17 (Debian: apt-get install openjdk-17-jre-headless)")
    from pyspark.sql import SparkSession

    from according.batch.spark import use_this_python
    from according.batch.spark_daemon import WARM_ENV, WarmServer

    # as a command's own session: the model loads in a warm server while the JVM starts, and Spark's
    # daemon relays to it (so every test below goes through the relayed daemon)
    warm = WarmServer()
    session = (
        SparkSession.builder.master("local[2]")
        .appName("according tests")
        .config(map=SPARK_CONF)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.pyspark.python", sys.executable)
        .getOrCreate()
    )
    use_this_python(session.sparkContext)  # also when a test that runs no run_spark comes first
    session.sparkContext.environment[WARM_ENV] = warm.path
    yield session
    session.stop()
    warm.close()


def _by_id(out: Path) -> dict[str, tuple[str, str, str]]:
    rows = list(read_records(out / "records"))
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)), "an id is in the output twice"
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def test_spark_engine_writes_the_local_engines_records_and_resumes(spark, tmp_path):
    from according.batch.run import run_local
    from according.batch.spark import run_spark

    archive = tmp_path / "news.jsonl"
    ids = write_jsonl(archive, 7, bad_line_at=3)
    local, on_spark = tmp_path / "local", tmp_path / "spark"
    run_local([str(archive)], Output(local), Settings(), jobs=1)
    # waves of 4: two Spark jobs, each committed by Spark's writer, each wave's tables after it
    summary = run_spark([str(archive)], Output(on_spark), Settings(), spark=spark, wave_size=4)
    assert summary.analysed == 7 and summary.failed == 1 and summary.waves == 2
    assert [doc_id for doc_id, _ in summary.failures] == [ids[3]]
    assert set(summary.phases) == {"session", "ledger", "wave 1", "wave 2", "tables"}
    assert _by_id(on_spark) == _by_id(local) and sorted(_by_id(local)) == sorted(ids)
    _assert_same_tables(local, on_spark)
    # one more article: a re-run analyses only it; everything stays once; the tables, rebuilt
    # from all the records (a resumed run), are again the local engine's
    with open(archive, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "late", "text": article(9)}) + "\n")
    again = run_spark([str(archive)], Output(on_spark), Settings(), spark=spark)
    assert again.analysed == 1 and again.skipped == 6 and again.skipped_failed == 1
    assert sorted(_by_id(on_spark)) == sorted(ids + ["late"])
    run_local([str(archive)], Output(local), Settings(), jobs=1)
    _assert_same_tables(local, on_spark)


def _assert_same_tables(local: Path, on_spark: Path) -> None:
    import pyarrow.parquet as pq

    def rows(folder: Path) -> list[str]:  # the local engine writes no folder for a table without rows
        if not any(folder.glob("*.parquet")):
            return []
        return sorted(map(json.dumps, pq.read_table(folder).to_pylist()))

    for table in ("quotes", "entities", "times", "places", "figures", "events"):
        a, b = rows(local / "tables" / table), rows(on_spark / "tables" / table)
        assert a == b
        if table in ("quotes", "entities", "times"):
            assert a


def test_wave_size_gives_every_core_several_one_chunk_tasks_on_a_large_cluster():
    from according.batch.pool import CHUNK
    from according.batch.spark import SPARK_WAVE, TASKS_PER_CORE, wave_size_for

    assert wave_size_for(2) == SPARK_WAVE  # this machine: the default wave
    assert wave_size_for(0) == SPARK_WAVE
    assert wave_size_for(1000) == 1000 * TASKS_PER_CORE * CHUNK
    assert wave_size_for(1000) // CHUNK // 1000 >= 4


def test_python_workers_are_forked_from_a_daemon_that_loaded_the_model(spark):
    """SPARK_CONF's daemon module: each Python worker starts with the model the executor's daemon
    loaded once (its parent), instead of loading its own; here the daemon was forked by the warm
    server the fixture started before the JVM, and the tasks still see Spark's environment."""

    def probe(_):
        import os

        from according import nlp
        from according.batch import spark_daemon
        from according.settings import DEFAULT_MODEL

        yield spark_daemon.WARMED_BY_PID == os.getppid() and DEFAULT_MODEL in nlp._loaded
        yield "SPARK_REUSE_WORKER" in os.environ and spark_daemon.WARM_ENV in os.environ
        with open(f"/proc/{os.getppid()}/stat", encoding="utf-8") as fh:  # the daemon's parent
            server = fh.read().rsplit(")", 1)[1].split()[1]
        with open(f"/proc/{server}/cmdline", "rb") as fh:
            yield b"--serve" in fh.read()

    assert spark.sparkContext.parallelize([0, 1], 2).mapPartitions(probe).collect() == [True] * 6


def test_a_daemon_without_a_warm_server_loads_the_model_itself(tmp_path):
    """No server at the named socket (or none named): the relay hands nothing over, and Spark's
    daemon warms up itself as before."""
    pytest.importorskip("pyspark", reason="needs the spark extra (pip install 'according[spark]')")
    from according.batch.spark_daemon import _relay

    assert _relay(str(tmp_path / "no-server.sock")) is False


def test_the_class_archive_is_used_only_when_it_was_built(tmp_path, monkeypatch):
    from according.batch import spark_cds
    from according.batch.spark import LOCAL_CONF, local_conf

    archive = tmp_path / spark_cds.ARCHIVE_NAME
    monkeypatch.setattr(spark_cds, "archive_path", lambda: archive)
    assert local_conf() == LOCAL_CONF
    archive.write_bytes(b"")
    options = local_conf()["spark.driver.extraJavaOptions"]
    assert options.startswith(LOCAL_CONF["spark.driver.extraJavaOptions"])
    assert f"-XX:SharedArchiveFile={archive}" in options and "-Xlog:cds=off" in options
