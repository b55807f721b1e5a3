"""A reported "that" clause the parser hangs on the noun of the cue's phrase ("says in a statement
that ...", "claimed in an interview with X that ...", "expressed concern that ..."; issue 8:
noun cues, "in an interview", the long cues of PolNeAR).
Small sentences written here; the parse is spaCy's."""

from __future__ import annotations

import pytest

from according.quotes import extract


@pytest.fixture(scope="module")
def parse():
    from according.nlp import parse as p

    return p


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "The Wisconsin Republican says in a statement that the new rules are certain to be challenged.",
            "says",
            "The Wisconsin Republican",
            "that the new rules are certain to be challenged",
        ),
        (
            "Pate claimed in an interview with Breitbart News that he is not backing any candidate.",
            "claimed",
            "Pate",
            "that he is not backing any candidate",
        ),
        (
            "Some Sanders supporters expressed outrage that so many superdelegates appeared unwilling.",
            "expressed outrage",
            "Some Sanders supporters",
            "that so many superdelegates appeared unwilling",
        ),
    ],
)
def test_a_that_clause_on_the_noun_of_the_cue_phrase_is_the_content(parse, text, cue, source, content):
    qs, _ = extract(parse(text))
    assert len(qs) == 1
    q = qs[0]
    assert q.cue is not None and q.cue.text == cue
    assert q.source is not None and q.source.text == source
    assert [c.text for c in q.content] == [content]


def test_a_relative_clause_of_the_phrase_is_not_what_was_said(parse):
    # "that" is the relative pronoun of "a rally", not the mark of a reported clause
    qs, _ = extract(parse("The senator spoke at a rally that drew thousands of supporters."))
    assert not any("drew thousands" in c.text for q in qs for c in q.content)


def test_a_clause_the_cue_governs_is_kept_as_before(parse):
    qs, _ = extract(parse("The mayor said in a statement on Monday that the bridge would reopen."))
    assert len(qs) == 1
    assert [c.text for c in qs[0].content] == ["that the bridge would reopen"]


def test_a_relative_clause_of_the_object_is_not_what_was_said(parse):
    # "that" is the relative pronoun of "a statement" (its subject), not the mark of a clause
    qs, _ = extract(parse("He issued a statement that ran to four pages."))
    assert not any(c.text == "that ran to four pages" for q in qs for c in q.content)


def test_a_paragraph_set_out_after_the_cue_and_its_colon_is_the_content(parse):
    # a block quotation with no quotation marks: "The governor added:" ends its paragraph
    text = (
        "The senator spoke for an hour.\n\nThe governor added:\n\n"
        "It is typical of the way this campaign has gone. Nobody listens to the voters any more.\n\n"
        "The meeting ended at noon."
    )
    qs, _ = extract(parse(text))
    added = [q for q in qs if q.cue is not None and q.cue.text.startswith("added")]
    assert len(added) == 1
    assert added[0].source is not None and added[0].source.text == "The governor"
    assert added[0].content[0].text.startswith("It is typical of the way")
    assert not any("meeting ended" in c.text for q in qs for c in q.content)


def test_a_colon_after_a_stranded_preposition_sets_out_a_list(parse):
    qs, _ = extract(parse("The recipe calls for:\n\nTwo cups of flour, one egg and a pinch of salt."))
    assert not any("flour" in c.text for q in qs for c in q.content)


def test_a_colon_inside_the_line_keeps_its_own_content(parse):
    qs, _ = extract(parse("She added: the plan is dead.\n\nThe vote is on Monday."))
    assert not any("vote is on Monday" in c.text for q in qs for c in q.content)
