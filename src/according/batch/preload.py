"""Imported once by the worker pool's fork server (``set_forkserver_preload``): spaCy, thinc and the
project's modules are imported and the default model and the gazetteer loaded there, once, so every
worker forked from the server starts with them (see :mod:`.pool`). Nothing here may fail the server:
what cannot be loaded is loaded again, and its error reported, by the worker that needs it. A worker
whose settings name another GeoNames dump drops this gazetteer (``Settings.apply``).

The server ends without an interpreter's teardown (``os._exit`` from an ``atexit`` hook, registered
only when the importer is the fork server itself): tearing down the loaded model took 0.1-0.8 s after
the command had finished, and the command's caller waited for it, since the server holds the
command's stdout and stderr (a pipe's reader sees its end only when every holder has closed it).
"""

from __future__ import annotations

import atexit
import os
import sys
from types import FrameType


def _warm() -> None:
    try:
        from ..analyzer import analyze_documents  # noqa: F401 - the analysis' modules
        from ..nlp import DEFAULT_MODEL, load
        from ..places import gazetteer

        load(DEFAULT_MODEL)
        gazetteer.get()
    except Exception:  # noqa: BLE001 - the worker reports it (see the docstring)
        pass


def _imported_by_fork_server() -> bool:
    """Whether ``multiprocessing.forkserver.main`` is importing this module (not a test, a
    benchmark or a spawned worker)."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "main" and frame.f_globals.get("__name__") == "multiprocessing.forkserver":
            return True
        frame = frame.f_back
    return False


def _exit_without_teardown() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    os._exit(0)


_warm()
if _imported_by_fork_server():
    atexit.register(_exit_without_teardown)  # the workers it forks end with os._exit already
