"""The one headline-shape test (according.ingest.headlines), as the times stage reads it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from according.ingest.headlines import MAX_HEADLINE_CHARS, MAX_HEADLINE_WORDS, HeadlineLines, is_headline


def test_short_line_without_a_sentence_end_is_a_headline():
    assert is_headline("Talks resume in Cairo as truce deadline nears")
    assert is_headline("  Gaza ceasefire talks stall  ")


def test_a_sentence_end_a_closing_quote_a_colon_or_a_bracket_is_no_headline():
    for line in (
        "Talks resume in Cairo.",
        "Will talks resume?",
        "Talks resume!",
        "He said “we are close”",
        "Read more:",
        "(Reuters)",
        "",
        "   ",
    ):
        assert not is_headline(line), line


def test_a_long_line_is_no_headline():
    words = ["word"] * MAX_HEADLINE_WORDS
    assert is_headline(" ".join(words))
    assert not is_headline(" ".join([*words, "more"]))


def test_headline_lines_by_offset():
    text = "Talks resume in Cairo\n\nNegotiators met on Tuesday. They said little.\nLast line"
    lines = HeadlineLines(text)
    assert lines(0) and lines(text.index("Cairo"))
    assert not lines(text.index("Negotiators")) and not lines(text.index("little"))
    assert lines(text.index("Last")) and lines(len(text))
    assert not lines(text.index("\n\n") + 1)  # the empty line between


def test_a_line_over_the_character_bound_is_prose():
    long_words = "x" * (MAX_HEADLINE_CHARS // 2)
    text = f"{long_words} {long_words} {long_words}\nShort head"
    assert not HeadlineLines(text)(0)
    assert HeadlineLines(text)(text.index("Short"))


@given(st.lists(st.text(alphabet="ab .?\u201d:", max_size=40), min_size=1, max_size=6), st.data())
def test_offset_answer_is_the_line_answer(lines, data):
    text = "\n".join(lines)
    k = data.draw(st.integers(0, len(lines) - 1))
    start = sum(len(line) + 1 for line in lines[:k])
    offset = data.draw(st.integers(start, start + len(lines[k])))
    assert HeadlineLines(text)(offset) == is_headline(lines[k])
