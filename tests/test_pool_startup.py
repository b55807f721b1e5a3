"""The worker pool's start-up: the command line starts the fork server first thing when it will run
workers, ends the one it started, and the server ends without an interpreter's teardown."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from according import cli
from according.batch import preload, server


def _run_python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_importing_the_batch_package_does_not_import_the_pool_and_its_readers():
    out = _run_python(
        """
        import sys
        import according.batch
        print("according.batch.pool" in sys.modules, "according.ingest" in sys.modules)
        from according.batch import WorkerPool, Done
        print(WorkerPool.__module__, Done.__module__)
        """
    )
    assert out.split() == ["False", "False", "according.batch.pool", "according.batch.pool"]


@pytest.mark.skipif(server.start_method() != "forkserver", reason="workers are spawned here")
def test_a_server_started_early_is_ended_by_stop_and_a_later_start_makes_a_new_one():
    out = _run_python(
        """
        import os
        from according.batch import server

        first = server.start_early()
        os.kill(first, 0)  # running (raises if not)
        assert server.start_early() is None  # already running: not this call's to stop
        server.stop(None)
        os.kill(first, 0)
        server.stop(first)
        try:
            os.kill(first, 0)
            print("still running")
        except ProcessLookupError:
            print("ended")
        second = server.start_early()
        print(second is not None and second != first)
        server.stop(second)
        """
    )
    assert out.split() == ["ended", "True"]


def test_only_the_fork_server_importing_preload_ends_without_teardown():
    # imported here (a test, a benchmark, a spawned worker): no exit hook that would skip teardown
    assert preload._imported_by_fork_server() is False
    namespace = {"__name__": "multiprocessing.forkserver", "check": preload._imported_by_fork_server}
    exec("def main():\n    return check()\n", namespace)  # a frame like the server's main()
    assert namespace["main"]() is True


@pytest.mark.parametrize(
    ("argv", "starts"),
    [
        (["analyze", "a.jsonl", "--jobs", "2"], True),
        (["analyze", "a.txt", "b.txt", "--jobs", "2"], True),
        (["analyze", "a.txt", "--jobs", "1"], False),
        (["analyze", "a.jsonl"], None),  # default: the machine's cores decide
        (["analyze", "a.txt"], False),  # one article: analysed in this process
        (["batch", "a.jsonl", "--out", "o", "--jobs", "2"], True),
        (["batch", "a.jsonl", "--out", "o", "--jobs", "2", "--engine", "spark"], False),
        (["ingest", "--records", "o/records", "--jobs", "2"], False),
        (["export", "--out", "o"], False),
    ],
)
def test_the_command_line_starts_the_server_only_when_it_will_run_workers(monkeypatch, argv, starts):
    calls = []
    monkeypatch.setattr(server, "start_early", lambda: calls.append(1) or 4242)
    args = cli.build_parser().parse_args(argv)
    from according.batch import default_jobs

    expected = default_jobs() > 1 if starts is None else starts
    assert cli._start_workers_early(args) == (4242 if expected else None)
    assert len(calls) == int(expected)
