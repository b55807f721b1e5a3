"""Colon cues: "NAME: what they said" in titles, transcripts and Q&A layouts, and "a name: “...”"
(issue 8, parts 3 and 5). Small texts written here; the parse is spaCy's."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from according.quotes import colons, cues, extract
from according.quotes.marks import pair, paragraphs


@pytest.fixture(scope="module")
def parse():
    from according.nlp import parse as p

    return p


def found(parse, text: str) -> list[tuple[str, str, str]]:
    """(source, cue, first content) text of each colon attribution."""
    p = parse(text)
    return [
        (text[c.source[0] : c.source[1]], text[c.cue[0] : c.cue[1]], text[c.content[0][0] : c.content[0][1]])
        for c in colons.find(p, paragraphs(text), pair(text))
    ]


def test_a_title_naming_its_speaker_is_a_quote(parse):
    text = "Graham: Trump's rhetoric is destroying the party.\n\nThe senator spoke on Sunday."
    assert found(parse, text) == [("Graham", ":", "Trump's rhetoric is destroying the party")]


def test_transcript_turns_are_attributed_to_the_one_speaking(parse):
    text = (
        "The interview went as follows.\n\n"
        "TAPPER: Do you think Donald Trump has campaigned well?\n\n"
        "FALLIN: I think he is trying to campaign as a businessman."
    )
    got = found(parse, text)
    assert [g[0] for g in got] == ["TAPPER", "FALLIN"]
    assert got[1][2] == "I think he is trying to campaign as a businessman"
    # the answer's first person is the one answering: the quote's source is the turn's name
    quotes, _ = extract(parse(text))
    answer = next(q for q in quotes if q.content[0].text.startswith("I think"))
    assert answer.source is not None and answer.source.text == "FALLIN"
    assert answer.category == "speech"


def test_question_and_answer_labels(parse):
    text = "Q: Did you expect to win the primary?\n\nA: I was surprised by the margin."
    assert [g[0] for g in found(parse, text)] == ["Q", "A"]


def test_a_name_before_a_colon_and_a_quotation(parse):
    text = (
        "Pollsters agree - Carl Bialik: \u201cOne of the biggest lessons was a simple one.\u201d\n\n"
        "More from the report: \u201cSamples with more elaborate weighting did better.\u201d"
    )
    got = found(parse, text)
    assert [g[0] for g in got] == ["Carl Bialik", "the report"]
    assert got[0][2] == "\u201cOne of the biggest lessons was a simple one.\u201d"


def test_labels_tallies_and_verb_cues_are_not_colon_cues(parse):
    assert found(parse, "The Latest: Cruz to give away an engraved shotgun.\n\nMore follows.") == []
    assert found(parse, "Budget talks.\n\nBYLINE: Amber Phillips.\n\nUPDATE: The vote was delayed.") == []
    assert found(parse, "Delegates so far.\n\nClinton: 547.\n\nSanders: 46.") == []
    # a verb before the name is the cue (or the name is an addressee): "told Breitbart London: “...”"
    assert found(parse, "She said, telling Breitbart London: \u201cThe comments are typical.\u201d") == []


def test_a_turn_inside_a_quotation_is_not_a_turn(parse):
    text = "The transcript reads:\n\n\u201cRAMOS: Secretary Clinton, did you lie to them?\u201d"
    assert all(g[0] != "RAMOS" for g in found(parse, text))


def test_colon_cue_category():
    assert cues.category(cues.COLON, "indirect", True, source_class="per") == "speech"
    assert cues.category(cues.COLON, "indirect", True, source_class="find") == "belief"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(["Q:", "A:", "Name:", ": ", "\u201c", "\n\n", "Trump", " says ", "."]), max_size=14
    )
)
def test_colon_cues_never_raise_and_stay_inside_the_text(parse, pieces):
    text = "".join(pieces)
    p = parse(text)
    for c in colons.find(p, paragraphs(text), pair(text)):
        assert (
            0
            <= c.source[0]
            < c.source[1]
            <= c.cue[0]
            < c.cue[1]
            <= c.content[0][0]
            < c.content[0][1]
            <= len(text)
        )
        assert text[c.cue[0] : c.cue[1]] == ":"


def test_first_person_in_an_answer_is_the_one_answering(analyze):
    text = (
        "The interview went as follows.\n\n"
        "TAPPER: Do you think Donald Trump has campaigned well?\n\n"
        "FALLIN: I think he is trying to campaign as a businessman. I said so last week."
    )
    a = analyze(text)
    fallin = next(q.speaker for q in a.quotes if q.source is not None and q.source.text == "FALLIN")
    nested = [q for q in a.quotes if q.source is not None and q.source.text == "I"]
    assert nested and fallin.entity is not None
    assert all(q.speaker.entity == fallin.entity for q in nested)


def test_an_expletive_it_is_no_source(parse):
    from according.quotes import rules

    mdl = cues.model()
    for text, word in (
        ("It was revealed in March that she had used a personal email server.", "revealed"),
        ("It became clear that Trump was on a firm path to the nomination.", "became"),
    ):
        p = parse(text)
        h = next(t.i for t in p.toks if t.text == word)
        assert rules.speaker_head(p, h, mdl.get("passive_source", {})) is None
    # a referring "it" that says something stays the source: "It slams Trump University"
    p = parse("The advertisement is harsh. It slams Trump University for its record.")
    h = next(t.i for t in p.toks if t.text == "slams")
    sh = rules.speaker_head(p, h, mdl.get("passive_source", {}))
    assert sh is not None and p.toks[sh].text == "It"


# every mark the quote stage knows (placing.is_mark), as the tokenizer gives it
_MARKS = ["\u201c", "\u201d", '"', "\u00ab", "\u00bb", "\u201e", "``", "''"]


@pytest.mark.parametrize("mark", _MARKS)
def test_a_quoted_word_after_a_turns_colon_says_something(parse, mark):
    # no verb after the colon: the quotation mark makes it a turn (or a name before a quotation);
    # "``" is no mark here: the tokenizer splits it into two backticks
    text = "The exchange was short.\n\nSMITH: %sTotal nonsense." % mark
    assert [g[0] for g in found(parse, text)] == ([] if mark == "``" else ["SMITH"])
    assert found(parse, "The exchange was short.\n\nSMITH: Total nonsense.") == []


@pytest.mark.parametrize("mark", _MARKS)
def test_a_turn_opened_by_any_quotation_mark_is_not_a_turn(parse, mark):
    # a transcript quoted inside an article's quotation: the name is not the one speaking here
    text = "The exchange was short.\n\n%sSMITH: We will win the state." % mark
    assert found(parse, text) == []
    assert [g[0] for g in found(parse, "The exchange was short.\n\nSMITH: We will win the state.")] == [
        "SMITH"
    ]


def test_the_colon_cues_read_marks_as_the_quote_stage_does():
    from according.quotes import extent, placing

    texts = [*_MARKS, "\u201cWe", "end.\u201d", "'", "\u2018", "\u2019", "'s", ":", "-", "word"]
    assert [colons.is_mark(t) for t in texts] == [placing.is_mark(t) for t in texts]
    assert [extent._is_mark(t) for t in texts] == [placing.is_mark(t) for t in texts]
