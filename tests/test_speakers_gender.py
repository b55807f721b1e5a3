"""A he/she source never goes to a person whose given name says the other gender, even when the
entities stage's short list of given names does not know the name (the coreference stage's
table does)."""

from __future__ import annotations

import according.entities  # noqa: F401  (registers the stage)
import according.quotes  # noqa: F401  (registers "speakers")
from according.coref.ranker import name_gender
from according.entities.names import first_names
from according.model import Quote, Span, Speaker
from according.nlp import parse
from according.pipeline import Work, run_stages


def _speaker_of(text: str, phrase: str, after: str) -> Speaker:
    i = text.index(phrase, text.index(after) + len(after))
    src = Span.of(text, i, i + len(phrase))
    q = Quote("q1", "indirect", "speech", (), None, src, Speaker(name=phrase))
    work = Work(text=text, parse=parse(text), quotes=(q,))
    run_stages(work, ["entities", "speakers"])
    assert not work.errors, work.errors
    return work.quotes[0].speaker


def test_the_names_are_known_only_to_the_larger_table():
    assert "mario" not in first_names() and name_gender(["mario"]) == "m"


def test_she_is_not_a_man_named_by_a_rare_given_name():
    text = "Mario Lucero founded the studio in 2009. Later she said the comics sold well."
    assert _speaker_of(text, "she", "Later ").name != "Mario Lucero"


def test_he_still_takes_him():
    text = "Mario Lucero founded the studio in 2009. Later he said the comics sold well."
    assert _speaker_of(text, "he", "Later ").name == "Mario Lucero"
