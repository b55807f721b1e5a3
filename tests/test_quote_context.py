"""Speech or belief decided from the cue in its context (issue 8, parts 3 and 5), and the
word classes the cue model reads. Pure functions: no parse needed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from according.lang.quotes import SPEECH, mention_class
from according.quotes.cues import category


def test_context_verbs_are_speech_only_when_reporting_words():
    # "the court ruled that ...": a clause
    assert category("rule", "indirect", True, cue_words=("ruled",)) == "speech"
    assert category("rule", "indirect", False, cue_words=("ruled",)) == "belief"
    # "“We will appeal,” her statement read" / "he read the report"
    assert category("read", "direct", True, cue_words=("read",)) == "speech"
    assert category("read", "indirect", False, cue_words=("read",)) == "belief"
    # "“...,” he continues" / "prices continued to rise"
    assert category("continue", "direct", True, cue_words=("continues",)) == "speech"
    assert category("continue", "indirect", True, cue_words=("continued",)) == "belief"
    # "points out that ..." / "pointed to the chart"
    assert category("point", "indirect", True, cue_words=("points", "out")) == "speech"
    assert category("point", "indirect", True, cue_words=("pointed",)) == "belief"


def test_negated_and_topical_cues_report_nothing_said():
    assert category("reveal", "indirect", False, cue_words=("did", "not", "reveal")) == "belief"
    assert category("say", "indirect", True, cue_words=("would", "n't", "say")) == "belief"
    assert category("say", "indirect", True, cue_words=("said",)) == "speech"
    # hearsay: "This is said to be out of frustration" has nobody saying it
    assert category("say", "indirect", True, cue_words=("is", "said")) == "belief"
    assert category("say", "direct", True, cue_words=("was", "said")) == "speech"
    # an author box: "writes about how cities change"
    assert category("write", "indirect", True, cue_words=("writes", "about")) == "belief"
    assert category("write", "indirect", True, cue_words=("wrote",)) == "speech"
    # a quotation is words said, negation or not in the cue span
    assert category("write", "direct", True, cue_words=("writes", "about")) == "speech"


def test_a_price_charged_is_not_an_accusation():
    assert category("charge", "indirect", False, cue_words=("charged",)) == "belief"
    assert category("charge", "indirect", True, cue_words=("charged",)) == "speech"
    assert category("describe", "indirect", False, cue_words=("described",)) == "speech"


def test_according_to_a_finding_is_a_belief():
    assert category("according", "indirect", True, cue_words=("according", "to"), source_class="find") == (
        "belief"
    )
    assert category("according", "indirect", True, cue_words=("according", "to"), source_class="spk") == (
        "speech"
    )


def test_mention_classes():
    assert mention_class("he", "PRON", "") == "per"
    assert mention_class("it", "PRON", "") == "thing"
    assert mention_class("Smith", "PROPN", "PERSON") == "per"
    assert mention_class("Reuters", "PROPN", "ORG") == "org"
    assert mention_class("premium", "NOUN", "") == "noun"
    assert mention_class("investigation", "NOUN", "") == "find"
    assert mention_class("statement", "NOUN", "") == "doc"
    assert mention_class("negotiator", "NOUN", "") == "spk"
    assert mention_class("$5", "NUM", "MONEY") == "num"


@given(
    st.sampled_from(sorted(SPEECH)),
    st.sampled_from(["direct", "mixed", "indirect"]),
    st.booleans(),
    st.lists(st.sampled_from(["not", "about", "said", "out", "to"]), max_size=3),
    st.sampled_from(["", "per", "find", "doc"]),
)
def test_category_is_one_of_two_and_quoted_words_are_speech(lemma, kind, clausal, words, source_class):
    cat = category(lemma, kind, clausal, cue_words=tuple(words), source_class=source_class)
    assert cat in ("speech", "belief")
    if kind != "indirect" and not (lemma == "according" and source_class == "find"):
        assert cat == "speech"


def test_a_title_in_an_earlier_sentence_is_not_what_a_later_cue_reports():
    from according.nlp import parse
    from according.quotes import extract

    text = (
        "His rallies are the political equivalent of \u201cThe Truman Show.\u201d "
        "She says he is unqualified to be president."
    )
    qs, _ = extract(parse(text))
    assert [[c.text for c in q.content] for q in qs] == [["he is unqualified to be president"]]
    # a quotation that is a sentence of its own still goes to the speaker quoted next
    text = "\u201cWe will win.\u201d She says he is unqualified to be president."
    qs, _ = extract(parse(text))
    assert any("\u201cWe will win.\u201d" in [c.text for c in q.content] for q in qs)


def test_a_passive_indirect_cue_with_no_agent_is_no_speech():
    assert category("deny", "indirect", True, cue_words=("were", "denied")) == "belief"
    assert category("announce", "indirect", True, cue_words=("was", "announced")) == "belief"
    # with a source ("the plan was announced by the mayor") or quoting words it is speech
    assert (
        category("announce", "indirect", True, cue_words=("was", "announced"), source_class="per") == "speech"
    )
    assert category("announce", "direct", True, cue_words=("was", "announced")) == "speech"
    assert category("deny", "indirect", True, cue_words=("denied",)) == "speech"


def test_a_that_clause_is_a_clause_whatever_the_tagger_made_of_its_verb():
    from according.model import Span
    from according.quotes import _clausal
    from test_relevance_features import parse_of

    # "smelled" tagged an adjective: the content is still a reported clause, so speech
    p = parse_of(
        [
            ("Residents", "resident", "nsubj", 1, "NOUN", "NNS"),
            ("complained", "complain", "ROOT", 1, "VERB", "VBD"),
            ("that", "that", "mark", 5, "SCONJ", "IN"),
            ("the", "the", "det", 4, "DET", "DT"),
            ("water", "water", "nsubj", 5, "NOUN", "NN"),
            ("smelled", "smelled", "ccomp", 1, "ADJ", "JJ"),
            ("of", "of", "prep", 5, "ADP", "IN"),
            ("chlorine", "chlorine", "pobj", 6, "NOUN", "NN"),
        ]
    )
    start = p.toks[2].start
    content = (Span.of(p.text, start, p.toks[7].end),)
    assert _clausal(p, content)
    assert category("complain", "indirect", _clausal(p, content), cue_words=("complained",)) == "speech"
    # a bare noun phrase stays no clause
    assert not _clausal(p, (Span.of(p.text, p.toks[3].start, p.toks[4].end),))


def test_the_auxiliary_of_a_relative_clause_makes_no_clause():
    from according.model import Span
    from according.quotes import _clausal
    from test_relevance_features import parse_of

    # "The update adds support for the format, which the firm has licensed.": the object is a
    # noun phrase; "has" serves a verb that only modifies "format", so nothing said is reported
    rows = [
        ("The", "the", "det", 1, "DET", "DT"),
        ("update", "update", "nsubj", 2, "NOUN", "NN"),
        ("adds", "add", "ROOT", 2, "VERB", "VBZ"),
        ("support", "support", "dobj", 2, "NOUN", "NN"),
        ("for", "for", "prep", 3, "ADP", "IN"),
        ("the", "the", "det", 6, "DET", "DT"),
        ("format", "format", "pobj", 4, "NOUN", "NN"),
        ("which", "which", "dobj", 11, "PRON", "WDT"),
        ("the", "the", "det", 9, "DET", "DT"),
        ("firm", "firm", "nsubj", 11, "NOUN", "NN"),
        ("has", "have", "aux", 11, "AUX", "VBZ"),
        ("licensed", "license", "relcl", 6, "VERB", "VBN"),
    ]
    p = parse_of(rows)
    content = (Span.of(p.text, p.toks[3].start, p.toks[11].end),)
    assert not _clausal(p, content)
    assert (
        category("add", "indirect", _clausal(p, content), cue_words=("adds",), source_class="noun")
        == "belief"
    )
    # the same auxiliary on the reported clause's own verb keeps it a clause
    rows2 = [
        ("He", "he", "nsubj", 1, "PRON", "PRP"),
        ("added", "add", "ROOT", 1, "VERB", "VBD"),
        ("the", "the", "det", 3, "DET", "DT"),
        ("deal", "deal", "nsubjpass", 6, "NOUN", "NN"),
        ("had", "have", "aux", 6, "AUX", "VBD"),
        ("been", "be", "auxpass", 6, "AUX", "VBN"),
        ("signed", "sign", "ccomp", 1, "VERB", "VBN"),
    ]
    p2 = parse_of(rows2)
    assert _clausal(p2, (Span.of(p2.text, p2.toks[2].start, p2.toks[6].end),))


def test_a_verb_of_evaluation_or_asking_with_a_reported_clause_is_speech():
    said = dict(cue_words=("asked",), source_class="per")
    assert category("ask", "indirect", True, complement=True, **said) == "speech"
    # no reported clause ("asked him to resign"), no clause at all, nobody asking, a passive, a negation
    assert category("ask", "indirect", True, complement=False, **said) == "belief"
    assert category("ask", "indirect", False, complement=True, **said) == "belief"
    assert category("ask", "indirect", True, cue_words=("asked",), complement=True) == "belief"
    assert category(
        "ask", "indirect", True, complement=True, cue_words=("was", "asked"), source_class="per"
    ) == ("belief")
    assert (
        category("mention", "indirect", True, complement=True, cue_words=("did", "not", "mention"))
        == "belief"
    )
