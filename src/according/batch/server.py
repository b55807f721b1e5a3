"""The worker pool's fork server (:mod:`.pool`): which start method, and starting it early.

On Linux the workers fork from a ``forkserver`` process that imports spaCy and the project and
loads the default model and the gazetteer once (:mod:`.preload`, ~3 CPU-s). Nothing in it depends
on the command's input, so a command that will run workers starts it first thing
(:func:`start_early`, called by the command line before its own imports, settings and reading):
the server loads on one core while the command starts on the other, instead of after it. Started
here or by the first worker, it is the same server: :mod:`multiprocessing` keeps one per process.
"""

from __future__ import annotations

import multiprocessing as mp
import sys
from typing import Any

PRELOAD = "according.batch.preload"


def start_method() -> str:
    """``forkserver`` where it exists and fork is safe (Linux), else ``spawn``."""
    if sys.platform.startswith("linux") and "forkserver" in mp.get_all_start_methods():
        return "forkserver"
    return "spawn"


def set_preload() -> None:
    """Name the module the fork server imports when it starts (once per process: a later call
    after the server started changes nothing)."""
    mp.get_context("forkserver").set_forkserver_preload([PRELOAD])


def _server() -> Any:
    """multiprocessing's record of this process's fork server (private: read with care)."""
    from multiprocessing import forkserver

    return getattr(forkserver, "_forkserver", None)


def _running_pid() -> int | None:
    pid = getattr(_server(), "_forkserver_pid", None)
    return pid if isinstance(pid, int) else None


def start_early() -> int | None:
    """Start the fork server now, without waiting for its load; the process id when this call
    started it (None: it was running already, or workers are spawned here). It ends with the last
    process that holds it (this one, or its workers), or with :func:`stop`."""
    if start_method() != "forkserver":
        return None
    from multiprocessing import forkserver

    before = _running_pid()
    set_preload()
    forkserver.ensure_running()
    pid = _running_pid()
    return pid if pid != before else None


def stop(pid: int | None) -> None:
    """End the fork server ``start_early`` started (its ``pid``), if it still runs: the command line
    calls this last, once its pools are closed. Otherwise a server still loading (the command failed
    on its arguments, or found one article only) would hold the command's stdout open until its load
    ends. ``multiprocessing`` has no public call for this: its private record of the server is read
    and reset with care (a version without it leaves the server to end on its own)."""
    server = _server()
    if pid is None or server is None or _running_pid() != pid:
        return
    import os
    import signal

    lock = getattr(server, "_lock", None)
    if lock is None:
        return
    with lock:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:  # gone already
            pass
        alive = getattr(server, "_forkserver_alive_fd", None)
        if isinstance(alive, int):
            try:
                os.close(alive)
            except OSError:
                pass
        server._forkserver_alive_fd = None
        server._forkserver_address = None
        server._forkserver_pid = None
