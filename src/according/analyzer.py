"""One article in, one :class:`~according.model.Analysis` out.

``analyze`` reads (text or HTML), marks furniture and metadata (``ingest``),
parses once (``nlp``), then runs the registered stages in order.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace

from . import __version__

# Importing the stage modules registers their stages.
from . import entities as _entities  # noqa: F401,E402
from . import events as _events  # noqa: F401,E402
from . import figures as _figures  # noqa: F401,E402
from . import places as _places  # noqa: F401,E402
from . import quotes as _quotes  # noqa: F401,E402
from . import times as _times  # noqa: F401,E402
from .errors import AccordingError
from .ingest import Document, Unreadable, read_document
from .ingest.readers import text_id
from .model import Analysis, ErrorEntry, Meta
from .nlp import DEFAULT_MODEL, Parse, load, parse_many, spacy_version, to_parse
from .pipeline import Work, check_stages, run_stages
from .views import TextView, map_spans, without_invisible
from .windows import WINDOW_CHARS, join_analyses, text_windows

STAGES = ("entities", "quotes", "speakers", "times", "places", "figures", "events")
check_stages(STAGES)  # at start-up: a stage order that breaks the declared contract never runs


_MODEL_INFO: dict[str, tuple[object, dict]] = {}  # model -> (the loaded pipeline, its name and version)


def _model_info(model: str) -> dict:
    """The name and version of the loaded ``model``, read once per loaded pipeline: spaCy's
    ``Language.meta`` rebuilds its labels and vectors summary on every read (0.3 ms, twice per
    article: 0.5 us per word of PolNeAR, 0.25% of the parse)."""
    nlp = load(model)
    known = _MODEL_INFO.get(model)
    if known is None or known[0] is not nlp:
        meta = nlp.meta
        known = _MODEL_INFO[model] = (
            nlp,
            {"name": f"{meta.get('lang', 'en')}_{meta.get('name')}", "version": meta.get("version")},
        )
    return known[1]


def provenance(model: str, model_info: dict | None = None) -> dict:
    return {
        "according": __version__,
        "model": model_info if model_info is not None else dict(_model_info(model)),
        "spacy": spacy_version(),
        "settings": {"stages": list(STAGES)},
    }


class _CollectorPause:
    """The cyclic garbage collector paused while one article's Parse is built and its stages run,
    and restored after (see :func:`collector_paused`)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.threads = 0  # threads with an analysis running now
        self.resume = False  # whether the collector was enabled when the first of them began
        self.local = threading.local()  # .depth: this thread's nesting (one analysis inside another)


_pause = _CollectorPause()


def _collect_as_the_collector_would() -> None:
    """One collection of the generation the collector itself would collect now: the young one,
    or an older one whose count has passed its threshold (``gc.get_threshold``), so that over a
    long run under pauses the older generations are still collected as often as without them."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if not thresholds[0]:  # automatic collection switched off by the caller's thresholds
        return
    generation = next((g for g in (2, 1) if thresholds[g] and counts[g] > thresholds[g]), 0)
    gc.collect(generation)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (``gc.disable``) for one article's analysis and restore
    its state after, also when the analysis raises.

    Why: an article's Parse holds one token object per word (``syntax.Tok``, a NamedTuple: tuple
    subclasses stay tracked by the collector) and the stages make many short-lived containers.
    With the collector running, its young-generation passes (every ~700 net allocations) walked
    them and moved the survivors to the older generations, whose passes walked them again: 3.0 us
    of CPU per word with the collector against 0.4 for spaCy's parse alone
    (benchmarks/bench_throughput.py). Paused, almost all of them die by reference counting before
    any pass sees them; what survives (the record) is walked once by the next young pass after
    the pause. Nothing is lost: cyclic garbage made during the pause is collected by the passes
    after it, so memory grows by at most one article's (one window's) cycles.

    Scoped, not process-wide: the collector's thresholds are never changed, and it runs as
    before outside the analysis. With threads, it stays paused while any analysis runs and is
    enabled again when the last one ends, and only if it was enabled when the first began (a
    caller's own ``gc.disable()`` is kept). Bounded under threads: when one thread's analysis
    ends while another thread's still runs (threads analysing back to back could keep the
    collector off indefinitely), it runs the collection the collector would run now
    (:func:`_collect_as_the_collector_would`), so each analysis's cycles are still collected
    after it. An analysis nested in another in the same thread (``analyze_documents`` around
    ``_finish``) counts as one: no collection at its inner end."""
    local = _pause.local
    depth = getattr(local, "depth", 0)
    local.depth = depth + 1
    if depth == 0:
        with _pause.lock:
            if _pause.threads == 0:
                _pause.resume = gc.isenabled()
                gc.disable()
            _pause.threads += 1
    try:
        yield
    finally:
        local.depth = depth
        if depth == 0:
            with _pause.lock:
                _pause.threads -= 1
                others_run = _pause.threads > 0
                if not others_run and _pause.resume:
                    gc.enable()
                collect = others_run and _pause.resume
            if collect:  # outside the lock: a finaliser the collection runs may analyse
                _collect_as_the_collector_would()


def _finish(doc: Document, parse: Parse, model: str, model_info: dict | None = None) -> Analysis:
    with collector_paused():
        return _run(doc, parse, model, model_info)


def _run(doc: Document, parse: Parse, model: str, model_info: dict | None) -> Analysis:
    work = Work(text=doc.text, parse=parse, meta=doc.meta, furniture=doc.furniture, errors=list(doc.errors))
    run_stages(work, STAGES)
    return Analysis(
        id=doc.id,
        text=doc.text,
        meta=work.meta,
        furniture=tuple(work.furniture),
        entities=tuple(work.entities),
        quotes=tuple(work.quotes),
        figures=tuple(work.figures),
        times=tuple(work.times),
        places=tuple(work.places),
        events=tuple(work.events),
        errors=tuple(work.errors),
        notes=tuple(work.notes),
        provenance=provenance(model, model_info),
    )


def _readable(doc: Document) -> tuple[Document, TextView | None]:
    """The document the analysis reads: without zero-width characters (see
    :mod:`according.views`), with the view that maps its offsets back."""
    view = without_invisible(doc.text)
    if view is None:
        return doc, None
    furniture = tuple(view.furniture_in_view(f) for f in doc.furniture)
    return replace(doc, text=view.text, furniture=furniture), view


def _as_written(analysis: Analysis, doc: Document, view: TextView) -> Analysis:
    """The analysis of a view with its offsets indexing the text as written."""
    return replace(map_spans(analysis, view.span), text=doc.text, furniture=doc.furniture)


def analyze_long(doc: Document, model: str = DEFAULT_MODEL, window_chars: int = WINDOW_CHARS) -> Analysis:
    """Analyse a long text window by window (see :mod:`according.windows`): one
    window is parsed and analysed at a time, so memory is bounded by the window."""
    spans = text_windows(doc.text, window_chars)
    parses = parse_many((doc.text[a:b] for a, b in spans), model, batch_size=1)

    def parts() -> Iterator[tuple[int, Analysis]]:
        for (a, b), parse in zip(spans, parses):
            furniture = tuple(
                replace(f, start=f.start - a, end=f.end - a)
                for f in doc.furniture
                if a <= f.start and f.end <= b
            )
            window = Document(id=doc.id, text=doc.text[a:b], meta=doc.meta, furniture=furniture)
            yield a, _finish(window, parse, model)

    whole = Analysis(
        id=doc.id,
        text=doc.text,
        meta=doc.meta,
        furniture=doc.furniture,
        errors=doc.errors,
        provenance=provenance(model),
    )
    return join_analyses(whole, parts())


def analyze_parse(
    parse: Parse, meta: Meta | None = None, id: str | None = None, model_info: dict | None = None
) -> Analysis:
    """Analyse an already parsed text (the spaCy component; tests)."""
    doc = Document(id=id or text_id(parse.text), text=parse.text, meta=meta or Meta())
    return _finish(doc, parse, parse.model, model_info)


def analyze(
    text_or_html: str | bytes,
    *,
    format: str | None = None,
    published: str | None = None,
    url: str | None = None,
    id: str | None = None,
    model: str = DEFAULT_MODEL,
) -> Analysis:
    """Analyse one article. ``format`` ("text" or "html") overrides detection.

    Raises :class:`~according.errors.InputError` for input that is not an article
    (empty, binary, undecodable, too large).
    """
    doc = read_document(text_or_html, format=format, published=published, url=url, id=id)
    return analyze_document(doc, model=model)


def analyze_document(doc: Document, model: str = DEFAULT_MODEL) -> Analysis:
    return next(analyze_documents([doc], model=model))


def failed(
    doc_id: str,
    text: str,
    error: AccordingError | Exception,
    stage: str = "ingest",
    model: str = DEFAULT_MODEL,
) -> Analysis:
    """The record of a document that could not be analysed: empty lists and the reason."""
    return Analysis(
        id=doc_id,
        text=text,
        errors=(ErrorEntry(stage=stage, message=str(error)),),
        provenance={"according": __version__, "model": {"name": model}},
    )


def analyze_documents(
    docs: Iterable[Document | Unreadable], model: str = DEFAULT_MODEL, batch_size: int = 16
) -> Iterator[Analysis]:
    """Analyse a stream of documents with one batched parse; order is kept.

    An item that is an error (a document that could not be read) yields its
    error record in place; one bad document never stops the stream.
    """
    buf: list = []

    def flush():
        read = [_readable(d) if isinstance(d, Document) else None for d in buf]
        # a long text is analysed on its own, window by window (analyze_long)
        good = [r.text for r, _ in filter(None, read) if len(r.text) <= WINDOW_CHARS]
        # the model loads (once per process) only when there is something to parse
        parsed = iter(load(model).pipe(good, batch_size=batch_size)) if good else iter(())
        for d, prepared in zip(buf, read):
            if isinstance(d, Document) and prepared is not None:
                r, view = prepared
                try:
                    if len(r.text) > WINDOW_CHARS:
                        a = analyze_long(r, model)
                    else:
                        spacy_doc = next(parsed)  # (spaCy parses with the collector running)
                        with collector_paused():  # the Parse's tokens too (see collector_paused)
                            a = _finish(r, to_parse(spacy_doc, model), model)
                    yield a if view is None else _as_written(a, d, view)
                except Exception as exc:  # noqa: BLE001 - the stream must go on
                    yield replace(failed(d.id, d.text, exc, stage="analyze", model=model), meta=d.meta)
            else:  # Unreadable: its record carries the reason
                yield failed(d.id, d.text, d.error, model=model)
        buf.clear()

    for d in docs:
        buf.append(d)
        if len(buf) >= batch_size:
            yield from flush()
    if buf:
        yield from flush()
