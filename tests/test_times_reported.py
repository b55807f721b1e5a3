"""Times stage: reported speech keeps its own reference day ("said Friday it would raise rates on
Monday" is the Monday after that Friday), and a reporting verb with a noun for its object schedules
an event in the present ("the company reports earnings Thursday"). Sentences built by hand
(issue 9); MEANTIME's region gives the same values before and after."""

from __future__ import annotations

from datetime import date

import pytest

from times_probe import time_value

WED = date(2024, 2, 14)  # a Wednesday: last Friday 9 Feb, last Monday 12 Feb, next Monday 19 Feb
BODY = "Markets news\n\n"  # a headline line, so that the sentence below is body text


@pytest.mark.parametrize(
    "sentence,phrase,value",
    [
        # the day after the saying, already gone at publication
        ("The bank said Friday it would raise rates on Monday.", "Monday", "2024-02-12"),
        ("The union said on Friday that the strike would begin on Monday.", "Monday", "2024-02-12"),
        ("Officials said Monday that the plan would start Tuesday.", "Tuesday", "2024-02-13"),
        ("On Monday, he said talks would resume Tuesday.", "Tuesday", "2024-02-13"),
        # the same as counting from publication when the day is still ahead
        ("He said Tuesday he would testify Monday.", "Monday", "2024-02-19"),
        ("Officials said Monday the talks would resume on Friday.", "Friday", "2024-02-16"),
        # "last Wednesday" said on a Wednesday: the saying a week back, and the Thursday after it
        ("He said last Wednesday that the board would meet Thursday.", "Thursday", "2024-02-08"),
        # the day of the saying itself is unchanged
        ("The bank said Friday it would raise rates on Monday.", "Friday", "2024-02-09"),
    ],
)
def test_reported_speech_counts_from_the_day_it_was_said(sentence: str, phrase: str, value: str) -> None:
    assert time_value(BODY + sentence, phrase, WED) == value


@pytest.mark.parametrize(
    "sentence,phrase,value",
    [
        # no day of its own on the reporting verb: publication is the reference
        ("The company said it would announce results on Tuesday.", "Tuesday", "2024-02-20"),
        ('"We will decide on Friday," he said.', "Friday", "2024-02-16"),
        ('"We decided on Friday to sell," he said.', "Friday", "2024-02-09"),
        # a present-tense reporting verb's own day is unchanged
        ("The minister, who resigned Tuesday, said he would leave on Friday.", "Friday", "2024-02-16"),
    ],
)
def test_without_a_dated_saying_publication_is_the_reference(sentence: str, phrase: str, value: str) -> None:
    assert time_value(BODY + sentence, phrase, WED) == value


@pytest.mark.parametrize(
    "sentence,phrase,value",
    [
        ("The company reports earnings Thursday.", "Thursday", "2024-02-15"),  # a schedule
        ("The company reported earnings Thursday.", "Thursday", "2024-02-08"),
        ("The ministry says Monday that the road is open.", "Monday", "2024-02-12"),  # a saying: the past
        ("The company said on Thursday that profits rose.", "Thursday", "2024-02-08"),
    ],
)
def test_reporting_verb_with_a_noun_object_schedules(sentence: str, phrase: str, value: str) -> None:
    assert time_value(BODY + sentence, phrase, WED) == value


@pytest.mark.parametrize(
    "sentence,phrase,value",
    [
        # told with "will": still ahead when written, so not before publication
        ("Officials said Thursday that the results will be announced Saturday.", "Saturday", "2024-02-17"),
        ("The results will be announced Saturday, officials said on Thursday.", "Saturday", "2024-02-17"),
        # "would" keeps the day after the saying, gone by publication
        ("Officials said Thursday that the results would be announced Saturday.", "Saturday", "2024-02-10"),
        # a day before publication is left (a story is often dated the day after it was written)
        ("Officials said Monday the vote will take place Tuesday.", "Tuesday", "2024-02-13"),
    ],
)
def test_a_reported_will_is_not_before_publication(sentence: str, phrase: str, value: str) -> None:
    assert time_value(BODY + sentence, phrase, WED) == value
