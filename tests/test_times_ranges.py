"""Times stage on other newswire (issue 9, part 4): the ends of a range of days keep their order,
far years after a preposition ("by 2050"), a year before a numbered day ("World Cup 2018 day five"),
the halves and quarters of a game, "this weekend" told in the past.
Sentences built by hand after the cases found in GUM's Wikinews articles; publication dates given."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from according.nlp import parse
from according.times import extract
from according.times.grammar import Found
from according.times.ranges import order_range_ends
from times_probe import time_value

TUE = date(2014, 1, 28)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip


def times(text: str, published: date | None = TUE) -> list[tuple[str, str, str]]:
    found, _ = extract(text, parse(text), published)
    return [(t.span.text, t.type, t.value) for t in found]


def test_a_future_range_starting_days_ago_keeps_its_start_this_year() -> None:
    text = "The exhibit, which opened last week, is to run from January 23 through March 9."
    assert time_value(text, "January 23", TUE) == "2014-01-23"  # not 2015-01-23, after its own end
    assert time_value(text, "March 9", TUE) == "2014-03-09"


def test_a_range_whose_end_has_its_year_moves_only_the_start() -> None:
    text = "The show will run from November 20 through January 5, 2014."
    assert time_value(text, "January 5, 2014", date(2013, 11, 25)) == "2014-01-05"
    assert time_value(text, "November 20", date(2013, 11, 25)) == "2013-11-20"


def test_ends_already_in_order_and_unjoined_days_are_left_alone() -> None:
    text = "The vote was on March 9. The exhibit opens on January 23."
    assert time_value(text, "March 9", TUE) == "2013-03-09"
    assert time_value(text, "January 23", TUE) == "2015-01-23"  # future, and no range joins them


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    a=st.tuples(st.integers(0, 11), st.integers(1, 28)),
    b=st.tuples(st.integers(0, 11), st.integers(1, 28)),
    tense=st.sampled_from(["ran", "will run", "runs"]),
    published=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
)
def test_the_start_of_a_range_never_comes_after_its_end(a, b, tense, published) -> None:
    text = f"The festival {tense} from {MONTHS[a[0]]} {a[1]} through {MONTHS[b[0]]} {b[1]}."
    start = time_value(text, f"{MONTHS[a[0]]} {a[1]}", published)
    end = time_value(text, f"{MONTHS[b[0]]} {b[1]}", published)
    assert start <= end


def test_order_range_ends_without_a_publication_date_changes_nothing() -> None:
    found = [Found(0, 10, "DATE", "2015-01-23", "day"), Found(19, 26, "DATE", "2014-03-09", "day")]
    assert order_range_ends("January 23 through March 9", found, None) == found


@pytest.mark.parametrize(
    "sentence,year",
    [
        ("Crop yields will fall by 2050, the study said.", "2050"),
        ("By 2050, undernourishment would increase.", "2050"),
        ("The effects of warming over 2000 - 2050 were analysed.", "2050"),
    ],
)
def test_a_far_year_after_a_preposition_is_a_year(sentence: str, year: str) -> None:
    assert (year, "DATE", year) in times(sentence)


def test_a_far_bare_number_is_still_no_year() -> None:
    assert times("The company has 2090 stores and 2080 franchises.") == []


def test_both_years_of_a_spaced_range() -> None:
    assert times("The study covers 1990 - 2010.") == [("1990", "DATE", "1990"), ("2010", "DATE", "2010")]


def test_a_year_before_a_numbered_day_is_the_year_not_a_duration() -> None:
    assert times("FIFA World Cup 2018 day five: Sweden win", date(2018, 6, 19)) == [("2018", "DATE", "2018")]
    assert ("2000 year old", "DURATION", "P2000Y") in times("A 2000 year old temple stands there.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Just two minutes into the second half, Mertens scored a goal.",
        "The first half ended 0-0 after the referee disallowed a header.",
        "He threw a touchdown in the third quarter.",
    ],
)
def test_the_halves_and_quarters_of_a_game_are_no_part_of_the_year(sentence: str) -> None:
    assert [t for t in times(sentence, date(2018, 6, 19)) if "-H" in t[2] or "-Q" in t[2]] == []


def test_the_halves_and_quarters_of_a_company_year_keep_their_value() -> None:
    assert ("the second half", "DATE", "2017-H2") in times("Sales fell in the second half.", date(2018, 2, 6))
    assert ("the third quarter", "DATE", "2018-Q3") in times(
        "Profit rose in the third quarter, the company said.", date(2018, 10, 30)
    )


@pytest.mark.parametrize(
    "sentence,value",
    [
        ("He was a guest at the fair this weekend.", "2014-W04-WE"),  # told on Tuesday 28th: 25-26 Jan, gone
        ("He will be a guest at the fair this weekend.", "2014-W05-WE"),  # 1-2 Feb, ahead
    ],
)
def test_this_weekend_told_in_the_past_early_in_the_week_is_the_one_gone(sentence: str, value: str) -> None:
    assert time_value(sentence, "this weekend", TUE) == value
