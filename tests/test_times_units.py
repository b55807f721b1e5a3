"""A unit word is a duration only where it measures time: "a second" before a noun is the ordinal
("for a second term"), "quarters" counted back or ahead from now are quarters of a year ("the past
three quarters": P3Q, MEANTIME's convention for "two consecutive quarters"), a share is not."""

from __future__ import annotations

from datetime import date

import pytest

from according.nlp import parse
from according.times import extract

WED = date(2013, 3, 13)


def found(text: str) -> dict[str, tuple[str, str | None]]:
    times, _ = extract(text, parse(text), WED)
    return {t.span.text: (t.type, t.value) for t in times}


@pytest.mark.parametrize(
    "sentence",
    [
        "The economy shrank for a second consecutive quarter.",
        "She ran for a second term.",
        "For a second time, the vote failed.",
        "The party is in a second round of talks.",
    ],
)
def test_a_second_before_a_noun_is_the_ordinal(sentence):
    assert "a second" not in found(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["He paused for a second, then spoke.", "The screen froze for a second before the phone restarted."],
)
def test_a_second_alone_is_a_duration(sentence):
    assert found(sentence)["a second"] == ("DURATION", "PT1S")


@pytest.mark.parametrize(
    "sentence, phrase",
    [
        ("The company has lost money in each of the past three quarters.", "the past three quarters"),
        ("Growth should pick up over the next three quarters.", "the next three quarters"),
    ],
)
def test_quarters_counted_from_now_are_a_duration(sentence, phrase):
    assert found(sentence)[phrase] == ("DURATION", "P3Q")


def test_three_quarters_of_a_thing_is_no_time():
    assert found("Three quarters of the voters agreed.") == {}
