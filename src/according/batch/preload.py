"""Imported once by the worker pool's fork server (``set_forkserver_preload``): spaCy, thinc and the
project's modules are imported and the default model and the gazetteer loaded there, once, so every
worker forked from the server starts with them (see :mod:`.pool`). Nothing here may fail the server:
what cannot be loaded is loaded again, and its error reported, by the worker that needs it. A worker
whose settings name another GeoNames dump drops this gazetteer (``Settings.apply``)."""

from __future__ import annotations


def _warm() -> None:
    try:
        from ..analyzer import analyze_documents  # noqa: F401 - the analysis' modules
        from ..nlp import DEFAULT_MODEL, load
        from ..places import gazetteer

        load(DEFAULT_MODEL)
        gazetteer.get()
    except Exception:  # noqa: BLE001 - the worker reports it (see the docstring)
        pass


_warm()
