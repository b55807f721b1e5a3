"""Locative "there" (according.coref.locatives): the place named last, within a sentence;
never the existential "there is"; small texts made up here."""

from __future__ import annotations

import according.entities  # noqa: F401  (registers the stage)
import according.quotes  # noqa: F401  (registers "speakers")
from according.coref.locatives import is_locative_there
from according.nlp import parse
from according.pipeline import Work, run_stages


def analyse(text):
    work = Work(text=text, parse=parse(text))
    run_stages(work, ["entities", "speakers"])
    assert not work.errors, work.errors
    return work


def entity_of(work, start, end):
    return next((e.name for e in work.entities for m in e.mentions if (m.start, m.end) == (start, end)), None)


def at(text, phrase, nth=0):
    i = text.index(phrase)
    for _ in range(nth):
        i = text.index(phrase, i + 1)
    return i, i + len(phrase)


def test_there_after_a_verb_is_the_place_named_last():
    text = "Maria Lopez flew to Nairobi in March. She has worked there since then."
    w = analyse(text)
    assert entity_of(w, *at(text, "there")) == "Nairobi"


def test_existential_there_is_left_alone():
    text = "Maria Lopez flew to Nairobi in March. There were no hotels left."
    w = analyse(text)
    assert entity_of(w, *at(text, "There")) is None
    p = parse(text)
    i = p.token_at(text.index("There"))
    assert i is not None and not is_locative_there(p, i)


def test_there_with_no_place_named_in_the_last_sentences_is_left_alone():
    text = (
        "Maria Lopez flew to Nairobi in March. The trip took a long time. "
        "Her luggage was lost on the way. The airline apologised to her. She has worked there since then."
    )
    w = analyse(text)
    assert entity_of(w, *at(text, "there")) is None
