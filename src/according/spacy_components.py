"""according's spaCy components, found by spaCy through the ``spacy_factories`` entry point
(pyproject.toml), so ``nlp.add_pipe("according")`` works in any pipeline once the package is
installed, and ``nlp.py`` needs no import of the analyzer:

- ``according_paragraphs``: a line break ends a sentence (``nlp.load`` puts it before the parser);
- ``according_attribute_rules``: the model's ``attribute_ruler`` (POS, morphology and lemma
  exceptions from the tag and the word) computed without spaCy's Matcher, with the same result
  token for token (``nlp.load`` puts it in the ruler's place; see :class:`AttributeRules`);
- ``according_lemmas``: the model's rule lemmatizer asked once per distinct word, POS and
  morphology, the lemmas written as a column (``nlp.load`` puts it in the lemmatizer's place; see
  :class:`Lemmas`);
- ``according``: sets ``doc._.according`` to the :class:`according.model.Analysis` of the doc.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc

from .nlp import to_parse


def mark_paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence: news text puts each paragraph, caption and headline on its own
    line, and the parser otherwise glues a headline onto the next paragraph.

    Only a token holding a line break can end a line (spaCy's trailing whitespace is one space at
    most), so the tokens looked at are those whose text holds one, found from the token column of
    word ids (one string look-up per distinct word) instead of a Token object per token and
    ``Doc.text`` (which joins every token anew)."""
    if len(doc) < 2:
        return doc
    strings = doc.vocab.strings
    breaks: dict[int, bool] = {}
    for i, orth in enumerate(doc.to_array(ORTH).tolist()[:-1]):
        holds_break = breaks.get(orth)
        if holds_break is None:
            holds_break = breaks[orth] = "\n" in strings[orth]
        if holds_break:
            tok = doc[i]
            if (tok.is_space and "\n" in tok.text) or "\n" in tok.whitespace_ or tok.text.endswith("\n"):
                doc[i + 1].is_sent_start = True
    return doc


@Language.factory("according_paragraphs", default_config={})
def make_paragraphs(nlp: Language, name: str):
    return mark_paragraphs


# A token pattern of the attribute ruler: the attribute it reads and a test on its string value
_TokenTest = tuple[int, Callable[[Any], bool]]
_READ = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_WRITE = (POS, MORPH, LEMMA, TAG, DEP)  # every attribute the model's ruler sets
_COLUMN = {attr: k for k, attr in enumerate(_WRITE)}
_OTHER_WORD = "\x00"  # stands for every lowercase form no pattern names
_CACHE_LIMIT = 200_000  # keys kept before the caches start over, so memory stays flat on a stream


def _value_test(value: Any) -> Callable[[Any], bool]:
    """A Matcher token-pattern value as a test (only the forms the model's ruler uses)."""
    if isinstance(value, bool | str):
        return lambda v: v == value
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if op == "NOT_IN":
            refused = frozenset(arg)
            return lambda v: v not in refused
        if op == "REGEX":
            regex = re.compile(arg)
            return lambda v: regex.search(v) is not None
    raise ValueError(f"unsupported attribute-ruler pattern value {value!r}")


def _tags_named(value: Any) -> frozenset[str] | None:
    """The tags a pattern's TAG value can match when it names them (a string, or IN a list);
    None when it does not test the tag or tests it otherwise."""
    if isinstance(value, str):
        return frozenset([value])
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(value["IN"])
    return None


class AttributeRules:
    """The model's ``attribute_ruler`` without the Matcher: the same token attributes, set the same way.

    spaCy's ruler runs a Matcher of its 179 patterns over every token and applies the matches in
    pattern order (a later pattern overwrites an earlier one); in the analysis it took 43 us of
    CPU per word, more than the tagger and the lemmatizer together. Nearly all its patterns
    test one token on its tag, lowercase form, dependency label and whether it is a space, so the
    result for one token is a function of those four values: it is computed once per distinct
    four values (in pattern order, the same merge) and cached; the few two-token patterns ("gon
    na", "There is") are tested on neighbouring tokens. A new key is tested only against the
    patterns that name its tag or no tag (a pattern naming other tags cannot match it), which
    makes the first articles of a stream, where most keys are new, cheaper. The values are written with
    ``Doc.from_array``, which sets each token's field as the ruler's ``set_token_attrs`` does.
    Columns are read and written as lists of ints, and each distinct key is one kept tuple: the
    collector runs during the parse, and a list or a new tuple per token alive through the call
    made it walk them (on 96 PolNeAR articles the analysis's collector time fell from ~1.1 to
    ~0.6 us/word with this and the event classifier's weights as tuples; the bare parse's ~0.4).
    The result is checked token for token against spaCy's ruler (tests/test_spacy_components.py);
    a ruler with a pattern form this class does not read is not replaced (``supports``).
    """

    def __init__(self, ruler: Any) -> None:
        self.vocab = ruler.vocab
        # the lowercase forms the patterns name, and their regular expressions: any other word
        # reads as _OTHER_WORD, so the caches are keyed by few distinct values
        self.lower_words: set[str] = set()
        self.lower_regexes: list[re.Pattern[str]] = []
        self.single: list[tuple[int, list[_TokenTest], dict[int, int]]] = []
        # the tags a single-token pattern may match (None: any tag), to test only those patterns
        single_tags: list[frozenset[str] | None] = []
        self.double: list[tuple[int, list[_TokenTest], list[_TokenTest], int, dict[int, int]]] = []
        for order, attrs in enumerate(ruler.attrs):
            index = ruler.indices[order]
            for pattern in ruler.matcher.get(str(order))[1]:
                if any(key not in _READ for spec in pattern for key in spec):
                    raise ValueError(f"unsupported attribute-ruler pattern {pattern!r}")
                specs = [
                    [(_READ[key], _value_test(value)) for key, value in spec.items()] for spec in pattern
                ]
                self._lowers_read([spec["LOWER"] for spec in pattern if "LOWER" in spec])
                if set(attrs) - set(_WRITE):
                    raise ValueError(f"unsupported attribute-ruler attributes {attrs!r}")
                if len(specs) == 1 and index in (0, -1):
                    self.single.append((order, specs[0], attrs))
                    single_tags.append(_tags_named(pattern[0].get("TAG")))
                elif len(specs) == 2 and index in (0, 1, -1, -2):
                    self.double.append((order, specs[0], specs[1], index % 2, attrs))
                else:
                    raise ValueError(f"unsupported attribute-ruler pattern {pattern!r}")
        if _OTHER_WORD in self.lower_words or any(r.search(_OTHER_WORD) for r in self.lower_regexes):
            raise ValueError("the patterns read the placeholder word")
        self._single_any_tag = [k for k, tags in enumerate(single_tags) if tags is None]
        self._single_by_tag: dict[str, list[int]] = {}
        for k, tags in enumerate(single_tags):
            for tag in tags or ():
                self._single_by_tag.setdefault(tag, []).append(k)
        self._single_of_tag: dict[str, list[int]] = {}  # tag -> the patterns to test, in order
        self._strings: dict[int, str] = {}
        self._lower_class: dict[int, int] = {}
        self._rows: dict[tuple[int, int, int, int], tuple[int, int, int, int]] = {}  # one tuple per key
        self._single_result: dict[tuple, tuple[tuple[int, dict[int, int]], ...]] = {}
        self._merged: dict[tuple, tuple] = {}
        self._double_roles: dict[tuple, tuple[frozenset[int], frozenset[int]]] = {}

    def _lowers_read(self, values: list[Any]) -> None:
        for value in values:
            if isinstance(value, str):
                self.lower_words.add(value)
            elif isinstance(value, dict) and ("IN" in value or "NOT_IN" in value):
                self.lower_words.update(value["IN"] if "IN" in value else value["NOT_IN"])
            elif isinstance(value, dict) and "REGEX" in value:
                self.lower_regexes.append(re.compile(value["REGEX"]))

    def _row(self, tag: int, lower: int, dep: int, is_space: int) -> tuple[int, int, int, int]:
        """A token's key: its lowercase form only when a pattern names it (else 0)."""
        word = self._lower_class.get(lower)
        if word is None:
            if len(self._lower_class) > _CACHE_LIMIT:
                self._lower_class.clear()
            if len(self._rows) > _CACHE_LIMIT:
                self._rows.clear()
            text = self.vocab.strings[lower]
            named = text in self.lower_words or any(r.search(text) for r in self.lower_regexes)
            word = self._lower_class[lower] = lower if named else 0
        row = (tag, word, dep, is_space)
        return self._rows.setdefault(row, row)  # the kept key: no new tuple per token lives on

    @classmethod
    def supports(cls, ruler: Any) -> bool:
        try:
            cls(ruler)
        except (ValueError, KeyError, TypeError, AttributeError):
            return False
        return True

    def _string(self, key: int) -> str:
        text = self._strings.get(key)
        if text is None:
            if len(self._strings) > _CACHE_LIMIT:
                self._strings.clear()
            text = self._strings[key] = self.vocab.strings[key] if key else ""
        return text

    def _values(self, row: tuple[int, int, int, int]) -> dict[int, Any]:
        tag, lower, dep, is_space = row
        word = self._string(lower) if lower else _OTHER_WORD
        return {TAG: self._string(tag), LOWER: word, DEP: self._string(dep), IS_SPACE: bool(is_space)}

    @staticmethod
    def _matches(tests: list[_TokenTest], values: dict[int, Any]) -> bool:
        return all(test(values[attr]) for attr, test in tests)

    def _single(self, row: tuple[int, int, int, int]) -> tuple[tuple[int, dict[int, int]], ...]:
        """The single-token patterns a token with these four values matches, in pattern order."""
        found = self._single_result.get(row)
        if found is None:
            if len(self._single_result) > _CACHE_LIMIT:
                self._single_result.clear()
                self._merged.clear()
            values = self._values(row)
            tag = values[TAG]
            patterns = self._single_of_tag.get(tag)
            if patterns is None:  # a pattern naming other tags cannot match: not tested
                patterns = self._single_of_tag[tag] = sorted(
                    self._single_any_tag + self._single_by_tag.get(tag, [])
                )
            single = self.single
            found = tuple(
                (single[k][0], single[k][2]) for k in patterns if self._matches(single[k][1], values)
            )
            self._single_result[row] = found
        return found

    def _roles(self, row: tuple[int, int, int, int]) -> tuple[frozenset[int], frozenset[int]]:
        """The two-token patterns whose first token, and whose second, a token with these values matches."""
        found = self._double_roles.get(row)
        if found is None:
            if len(self._double_roles) > _CACHE_LIMIT:
                self._double_roles.clear()
            values = self._values(row)
            found = self._double_roles[row] = (
                frozenset(k for k, d in enumerate(self.double) if self._matches(d[1], values)),
                frozenset(k for k, d in enumerate(self.double) if self._matches(d[2], values)),
            )
        return found

    @staticmethod
    def _merge(found: list[tuple[int, dict[int, int]]] | tuple[tuple[int, dict[int, int]], ...]) -> tuple:
        """(column, value) pairs the matches leave: a later pattern overwrites an earlier one."""
        merged: dict[int, int] = {}
        for _order, attrs in sorted(found, key=lambda match: match[0]):  # stable, as the ruler sorts
            for attr, value in attrs.items():
                merged[_COLUMN[attr]] = value
        return tuple(merged.items())

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # the columns as lists of ints and one kept key per distinct row: a list per token (a 2-D
        # tolist()) and a new key per token were young containers that lived through the call, and
        # the collector, which runs during the parse, walked them (about a collection per 700)
        rows = list(map(self._row, *doc.to_array([TAG, LOWER, DEP, IS_SPACE]).T.tolist()))
        extra: dict[int, list[tuple[int, dict[int, int]]]] = {}
        if self.double:
            roles = [self._roles(row) for row in rows]
            for i, (firsts, _seconds) in enumerate(roles[:-1]):
                for k in firsts:
                    if k in roles[i + 1][1]:
                        order, _first, _second, index, attrs = self.double[k]
                        extra.setdefault(i + index, []).append((order, attrs))
        out = doc.to_array(list(_WRITE)).T.tolist()  # one list per column (see rows above)
        merged_of = self._merged
        for i, row in enumerate(rows):
            pairs: tuple | None
            if i in extra:
                pairs = self._merge([*self._single(row), *extra[i]])
            else:
                pairs = merged_of.get(row)
                if pairs is None:
                    pairs = merged_of[row] = self._merge(self._single(row))
            for column, value in pairs:
                out[column][i] = value
        doc.from_array(list(_WRITE), numpy.array(out, dtype=numpy.uint64).T.copy())  # type: ignore[arg-type]
        return doc


@Language.factory("according_attribute_rules", default_config={"ruler": "attribute_ruler"})
def make_attribute_rules(nlp: Language, name: str, ruler: str) -> AttributeRules:
    return AttributeRules(nlp.get_pipe(ruler))


class Lemmas:
    """The model's rule ``lemmatizer``, asked once per distinct (word, POS, morphology).

    spaCy's lemmatizer makes a Token object for every token and calls its ``lemmatize`` on each
    one without a lemma; its own cache is keyed by (word, POS, morphology) but is skipped for
    base forms (most nouns and verbs), which are worked out anew every time: 6.4 us of CPU per
    word of the analysis (benchmarks/profile_stages.py, 50 PolNeAR articles). Its result is a
    function of those three values (``rule_lemmatize`` reads the token's text, POS and
    morphology, ``is_base_form`` the POS and morphology), so this component reads them as
    columns, asks the lemmatizer once per distinct key (through the lemmatizer itself, on the
    token, so nothing of its rules is copied), and writes the lemma column with
    ``Doc.from_array``. A token without a POS is always asked (the lemmatizer warns on it). The
    result is checked token for token against spaCy's lemmatizer (tests/test_spacy_speed.py);
    a lemmatizer not in "rule" mode is not replaced (``supports``).
    """

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self._lemma: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma key

    @staticmethod
    def supports(lemmatizer: Any) -> bool:
        return (
            getattr(lemmatizer, "mode", None) == "rule"
            and callable(getattr(lemmatizer, "lemmatize", None))
            and callable(getattr(lemmatizer, "_validate_tables", None))
        )

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lemmatizer = self.lemmatizer
        if not getattr(lemmatizer, "_validated", True):
            lemmatizer._validate_tables(Errors.E1004)  # as its own __call__ does first
        overwrite = bool(getattr(lemmatizer, "overwrite", False))
        known = self._lemma
        if len(known) > _CACHE_LIMIT:  # memory stays flat on a stream (spaCy's cache too)
            known.clear()
            lemmatizer.cache.clear()
        # columns, not a list per token (young containers the collector walks during the parse)
        orths, poss, morphs, lemmas = doc.to_array([ORTH, POS, MORPH, LEMMA]).T.tolist()
        for i, (orth, pos, morph, lemma) in enumerate(zip(orths, poss, morphs, lemmas)):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = known.get(key)
            if value is None:
                value = self.strings.add(lemmatizer.lemmatize(doc[i])[0])
                if pos:
                    known[key] = value
            lemmas[i] = value
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1))  # type: ignore[arg-type]
        return doc


@Language.factory("according_lemmas", default_config={"lemmatizer": "lemmatizer"})
def make_lemmas(nlp: Language, name: str, lemmatizer: str) -> Lemmas:
    return Lemmas(nlp.get_pipe(lemmatizer))


class AttributionComponent:
    """spaCy component: ``nlp.add_pipe("according")`` sets ``doc._.according`` to the
    :class:`according.model.Analysis` of the doc (quotes, entities, figures...)."""

    def __init__(self, model_name: str, model_version: str):
        self.model = {"name": model_name, "version": model_version}
        if not Doc.has_extension("according"):
            Doc.set_extension("according", default=None)

    def __call__(self, doc: Doc) -> Doc:
        from .analyzer import analyze_parse  # the stages load only when a doc is analysed

        doc._.according = analyze_parse(to_parse(doc, model=self.model["name"]), model_info=self.model)
        return doc


@Language.factory(
    "according",
    requires=["token.dep", "token.head", "doc.ents"],
    assigns=["doc._.according"],
    default_config={},
)
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent(
        f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name')}", nlp.meta.get("version", "")
    )
