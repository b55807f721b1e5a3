"""nlp.to_parse keeps each word's strings and lexical flags across documents (nlp._Lexicon):
per vocabulary, so a pipeline of another language never gets the flags of the first."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from according import nlp  # noqa: E402


def _parse(lang: str, text: str):
    pipeline = spacy.blank(lang)
    pipeline.add_pipe("sentencizer")
    return nlp.to_parse(pipeline(text), "blank")


def test_flags_follow_the_vocabulary_of_each_document():
    english = _parse("en", "vingt ans")
    french = _parse("fr", "vingt ans")  # a number word in French, not in English
    assert [t.like_num for t in english.toks] == [False, False]
    assert [t.like_num for t in french.toks] == [True, False]
    assert _parse("en", "vingt ans").toks[0].like_num is False


def test_the_same_words_again_give_the_same_tokens():
    first = _parse("en", "Ten people said 10 things.")
    again = _parse("en", "Ten people said 10 things.")
    assert first.toks == again.toks and first.text == again.text == "Ten people said 10 things."


def test_the_kept_words_are_bounded(monkeypatch):
    pipeline = spacy.blank("en")  # one vocabulary throughout
    pipeline.add_pipe("sentencizer")
    monkeypatch.setattr(nlp._Lexicon, "LIMIT", 3)
    nlp.to_parse(pipeline("one two three four five six"), "blank")
    _, names, words = nlp._lexicon.state
    assert len(names) + len(words) > 3  # kept until the next document asks
    parse = nlp.to_parse(pipeline("seven"), "blank")
    _, names_after, words_after = nlp._lexicon.state
    assert names_after is not names and len(names_after) + len(words_after) <= 4
    assert parse.toks[0].text == "seven"
