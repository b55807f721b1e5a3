"""Times stage, reporting periods and ranges (issue 9): duration ranges, "the year-earlier
quarter", "year-end", the day's parts. Sentences built by hand; the publication date is given."""

from __future__ import annotations

from datetime import date

import pytest

from according.nlp import parse
from according.times import extract

MON = date(1989, 10, 30)  # a Monday in the fourth quarter


def times(text: str, published: date | None = MON) -> list[tuple[str, str, str]]:
    found, _ = extract(text, parse(text), published)
    return [(t.span.text, t.type, t.value) for t in found]


# ---------------------------------------------------------------- duration ranges


@pytest.mark.parametrize(
    "sentence,expected",
    [
        (
            "The bankruptcy process would take between 60 and 90 days.",
            [("60", "DURATION", "P60D"), ("90 days", "DURATION", "P90D")],
        ),
        (
            "The effects will last two to three years.",
            [("two", "DURATION", "P2Y"), ("three years", "DURATION", "P3Y")],
        ),
        (
            "It will take five or six months and 1.5 to 2 years.",
            [
                ("five", "DURATION", "P5M"),
                ("six months", "DURATION", "P6M"),
                ("1.5", "DURATION", "P1.5Y"),
                ("2 years", "DURATION", "P2Y"),
            ],
        ),
    ],
)
def test_each_end_of_a_duration_range_is_a_duration(sentence, expected):
    assert times(sentence) == expected


@pytest.mark.parametrize(
    "sentence,absent",
    [
        ("The plant closed 20 to 30 years ago.", "20"),  # a date range: the second number's alone
        ("Children aged 5 to 12 years were tested.", "5"),  # an age range
        ("Two or three quarters of the vote went to him.", "Two"),  # fractions, not quarters of a year
        ("The score was 3 to 2 with minutes left.", "3"),  # no unit after the second number
        ("Production will run from 2009 to 2011.", "2009 to 2011"),
    ],
)
def test_no_range_duration_where_the_first_number_is_no_length(sentence, absent):
    assert all(span != absent or typ != "DURATION" for span, typ, _ in times(sentence))


# ---------------------------------------------------------------- the year-earlier period


def test_the_year_earlier_quarter_is_the_quarter_last_named_a_year_back():
    text = "Profit rose in the third quarter from the year-earlier quarter."
    assert times(text)[-1] == ("the year-earlier quarter", "DATE", "1988-Q3")


def test_the_year_ago_period_without_a_named_period_is_last_year():
    assert times("Net income rose 12% from the year-ago period.") == [("the year-ago period", "DATE", "1988")]


# ---------------------------------------------------------------- year-end


@pytest.mark.parametrize(
    "sentence,value",
    [
        ("The deal is expected to close by year-end.", "1989"),  # ahead: this year's
        ("Debt stood at $2 billion at year-end.", "1988"),  # told in the past: the last year-end passed
        ("Cash fell to $10 million at year-end 1987.", "1987"),
    ],
)
def test_year_end_is_a_year(sentence, value):
    found = [(s, v) for s, t, v in times(sentence) if "year" in s.lower()]
    assert len(found) == 1 and found[0][1] == value


def test_a_fiscal_year_end_is_not_the_calendar_year():
    assert [span for span, _, _ in times("The company's fiscal year-end falls in June.")] == ["June"]


# ---------------------------------------------------------------- parts of the day


@pytest.mark.parametrize(
    "sentence,span,value",
    [
        ("The index rebounded late in the day after falling 250 points.", "the day", "1989-10-30"),
        ("After a fall at the start of the day, the index recovered.", "the start of the day", "1989-10-30"),
        ("On Friday the index fell early in the day.", "the day", "1989-10-27"),  # the day last mentioned
    ],
)
def test_the_day_inside_a_part_of_the_day_is_the_day_reported(sentence, span, value):
    assert (span, "DATE", value) in times(sentence)


@pytest.mark.parametrize(
    "sentence,span,value",
    [
        ("The shares traded at $30 earlier in the week.", "the week", "1989-W44"),
        ("The plan will be unveiled later in the month.", "the month", "1989-10"),
        ("Prices rose early in the year.", "the year", "1989"),
        ("Sales rose 3% in 1987, mostly late in the year.", "the year", "1987"),  # the year last mentioned
        ("The index fell on Friday after gains earlier in the week.", "the week", "1989-W43"),
    ],
)
def test_the_week_month_or_year_inside_earlier_or_later_is_the_one_reported(sentence, span, value):
    assert (span, "DATE", value) in times(sentence)


def test_the_end_of_the_day_as_an_idiom_is_not_a_date():
    assert times("At the end of the day, it is about trust.") == []


def test_no_publication_date_leaves_relative_periods_out():
    assert times("Debt fell by year-end and late in the day.", None) == []


# ---------------------------------------------------------------- a season as the time a clause is about

THU = date(2013, 3, 14)


@pytest.mark.parametrize(
    "sentence,span,value",
    [
        ("Last spring, the company cut jobs. This summer it will hire.", "This summer", "2013-SU"),
        ("It is too early to see a trend, but spring shows signs of hope.", "spring", "2013-SP"),
        ("Spring arrived early in the north.", "Spring", "2013-SP"),
    ],
)
def test_a_season_before_a_verb_or_pronoun_is_a_date(sentence, span, value):
    assert (span, "DATE", value) in times(sentence, THU)


@pytest.mark.parametrize(
    "sentence",
    [
        "The rebels launched a spring offensive.",  # before a noun: a thing named by its season
        "Summer camp opens for children.",
        "The Winter Olympics begin in Sochi.",
        "Prices fall sharply after the fall of the regime.",
        "He said fall brings rain.",  # bare "fall" stays out: the verb is far more common
    ],
)
def test_a_season_naming_a_thing_is_no_date(sentence):
    assert [
        s for s, _, _ in times(sentence, THU) if s.lower().endswith(("spring", "summer", "winter", "fall"))
    ] == []


# ---------------------------------------------------------------- "the next month" told in the past


@pytest.mark.parametrize(
    "sentence,span,typ,value",
    [
        (
            "The bank failed in October 2008. The next month, the government stepped in.",
            "The next month",
            "DATE",
            "2008-11",
        ),
        ("The unrest began in late 2010 and spread early the next year.", "the next year", "DATE", "2011"),
        ("He was appointed in 1995 and first elected the next year.", "the next year", "DATE", "1996"),
        ("Over the next year, prices will rise.", "the next year", "DURATION", "P1Y"),  # the coming stretch
        ("Prices rose for the next month.", "the next month", "DURATION", "P1M"),  # a preposition of extent
    ],
)
def test_the_next_month_told_in_the_past_is_the_one_after_the_last_named(sentence, span, typ, value):
    assert (span, typ, value) in times(sentence, THU)


# ---------------------------------------------------------------- a part of the day last mentioned


@pytest.mark.parametrize(
    "sentence,span,value",
    [
        (
            "Fighting broke out on Sunday and lasted until the next morning.",
            "the next morning",
            "2013-03-11TMO",
        ),
        ("The plane landed on March 3. That night, the crew slept.", "That night", "2013-03-03TNI"),
        ("He left on Friday evening and returned the same night.", "the same night", "2013-03-08TNI"),
        (
            "The storm hit on March 5. The previous evening, crews had left.",
            "The previous evening",
            "2013-03-04TEV",
        ),
    ],
)
def test_a_part_of_the_day_last_mentioned_is_a_time_on_that_day(sentence, span, value):
    assert (span, "TIME", value) in times(sentence, THU)


# ---------------------------------------------------------------- "a year earlier" after a month or quarter


@pytest.mark.parametrize(
    "sentence,value",
    [
        ("Sales rose 4% in February from a year earlier.", "2012-02"),
        (
            "The company lost $5 million in the fourth quarter, compared with a profit a year earlier.",
            "2011-Q4",
        ),
        ("The law was passed in 2005 and amended a year later.", "2006"),
    ],
)
def test_years_earlier_keep_the_precision_of_the_period_last_named(sentence, value):
    assert [v for s, _, v in times(sentence, THU) if s.startswith("a year")] == [value]


def test_the_following_year_after_a_month_is_a_year():
    assert ("the following year", "DATE", "2013") in times(
        "He was arrested in February 2012 and tried the following year.", THU
    )


# ---------------------------------------------------------------- one unit before the date last mentioned


@pytest.mark.parametrize(
    "sentence,span,typ,value",
    [
        (
            "The vote was on Tuesday; the day before, protesters marched.",
            "the day before",
            "DATE",
            "2013-03-11",
        ),
        ("Exports rose in January; the month before, they fell.", "the month before", "DATE", "2012-12"),
        ("Sales rose in 2012 after falling the year before.", "the year before", "DATE", "2011"),
        (
            "The attack came on March 3. The night before, guards had left.",
            "The night before",
            "TIME",
            "2013-03-02TNI",
        ),
    ],
)
def test_the_unit_before_counts_back_from_the_date_last_mentioned(sentence, span, typ, value):
    assert (span, typ, value) in times(sentence, THU)


def test_the_day_before_an_event_without_a_date_is_left_out():
    assert times("He left the day before the election.", THU) == []


@pytest.mark.parametrize(
    "published,sentence,span,value",
    [
        # told during a season, "last fall" is the one a year before and "next fall" the one after
        (date(1989, 11, 2), "Last fall, the company was sold.", "Last fall", "1988-FA"),
        (date(1989, 11, 2), "Next fall, the plant will open.", "Next fall", "1990-FA"),
        # once it is over, "last fall" is this year's
        (date(1989, 12, 15), "Last fall, the company was sold.", "Last fall", "1989-FA"),
        (date(1989, 8, 10), "Next fall, the plant will open.", "Next fall", "1989-FA"),
        # winter is counted from December: in January the one under way began the year before
        (date(1989, 1, 15), "Last winter was cold.", "Last winter", "1987-WI"),
        (date(1989, 3, 10), "Last winter was cold.", "Last winter", "1988-WI"),
        (date(1989, 1, 15), "Next winter will be cold.", "Next winter", "1989-WI"),
    ],
)
def test_last_and_next_season_skip_the_one_under_way(published, sentence, span, value):
    assert (span, "DATE", value) in times(sentence, published)


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Profit fell 12% from the prior year.", ("the prior year", "DATE", "1988")),
        ("Revenue rose from the prior quarter.", ("the prior quarter", "DATE", "1989-Q3")),
        ("Exports fell from the prior month.", ("the prior month", "DATE", "1989-09")),
        ("Sales rose from the previous year.", ("the previous year", "DATE", "1988")),
    ],
)
def test_the_prior_unit_is_the_one_before_publication(sentence, expected):
    assert times(sentence) == [expected]


def test_prior_without_a_unit_is_no_time():
    assert times("Approval is needed prior to the sale of the prior owner's stake.") == []
