"""Spark's Python daemon for ``according``: the model loaded once per executor, before it forks.

PySpark runs one daemon per executor (``pyspark.daemon``) that forks a Python worker for each
task slot and reuses them. With the stock daemon every worker loads the spaCy model and the
gazetteer itself, about 6 s of CPU each on this project's 2-core machine (model 4.6 s, first
analysis 1.3 s, ``time.process_time``), so an executor with N slots pays N loads before its first
article and holds N copies. Started as ``spark.python.daemon.module=according.batch.spark_daemon``
(``batch.spark.SPARK_CONF``), the daemon loads them once and its forked workers share them
copy-on-write, as spaCy's own ``nlp.pipe(n_process=...)`` forks its workers after loading.

Settings still reach each task as its argument; this warms the default settings only (a daemon
gets nothing from the job but Spark's environment). A task whose settings name another model
loads it itself (``according.nlp.load`` caches per process), and a warm-up that fails costs only
that: the workers load what they need, as with the stock daemon.
"""

from __future__ import annotations

import contextlib
import os
import sys

# The pid of the daemon that warmed this process's memory before forking it (None: not forked from
# a warmed daemon). Set on the module under its package name: Spark runs this file as __main__.
WARMED_BY_PID: int | None = None


def warm_up() -> None:
    """Load the model and everything the first analysis loads (gazetteer, lexicons)."""
    from ..ingest import read_document
    from ..settings import Settings
    from .pool import analyse_chunk

    settings = Settings()
    settings.apply()
    doc = read_document(
        "The minister said on Monday that two people were killed in Paris. “We will help,” she said.",
        id="spark-daemon-warm-up",
        format="text",
    )
    analyse_chunk([doc], settings, as_objects=False)


def main() -> None:
    from pyspark import daemon

    # The daemon tells Spark its port on stdout: nothing else may be written there.
    with contextlib.redirect_stdout(sys.stderr):
        try:
            warm_up()
            from according.batch import spark_daemon

            spark_daemon.WARMED_BY_PID = os.getpid()
        except Exception as exc:  # noqa: BLE001 - the workers then load what they need themselves
            print(
                f"according: Spark daemon warm-up failed ({exc!r}); workers load the model", file=sys.stderr
            )
    daemon.manager()


if __name__ == "__main__":
    main()
