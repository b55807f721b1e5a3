"""An event's date is the date the text gives for it (events/dates.py), never the publication day
of an older event the text leaves undated."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from according.events.dates import EventDate, text_date
from according.model import Span, TimeExpr

PUBLISHED = "2024-02-14"  # a Wednesday

# Sentences around an article's event sentence, so that the text is an article (more than five body
# sentences), not a one-event report; none of them reports an event.
FILLER = (
    "The city has a population of about two million people. "
    "Its port handles most of the country's grain exports. "
    "The council meets every month in the old town hall. "
    "Local newspapers have covered the budget debate for weeks. "
    "Schools reopened after the winter holidays. "
    "Traffic on the coastal road remains heavy in the evenings. "
)


def article_events(analyze, sentence: str):
    rec = analyze(FILLER + sentence + " " + FILLER, published=PUBLISHED)
    return [ev for ev in rec.events if sentence[:30] in ev.span.text]


@pytest.mark.parametrize(
    "sentence,date,precision",
    [
        # the text dates it: the times stage's value, with ACLED's precision
        ("On Monday, police fired tear gas at protesters in Harare.", "2024-02-12", 1),
        ("Police fired tear gas at protesters in Harare on 3 February 2024.", "2024-02-03", 1),
        ("Police fired tear gas at protesters in Harare in January.", "2024-01-01", 3),
        # a day with its part ("Monday afternoon", a TIME) dates it too
        ("Police fired tear gas at protesters in Harare on Monday afternoon.", "2024-02-12", 1),
        # news of now: the publication day
        ("Police are firing tear gas at protesters in Harare.", PUBLISHED, 1),
        ("Police have fired tear gas at protesters in Harare.", PUBLISHED, 1),
        # a past event the text does not date: unknown, not the publication day
        ("Police fired tear gas at protesters in Harare.", None, None),
        ("Soldiers killed five villagers in an attack near Gao.", None, None),
    ],
)
def test_article_event_date(analyze, sentence, date, precision):
    evs = article_events(analyze, sentence)
    assert evs, sentence
    assert (evs[0].date, evs[0].time_precision) == (date, precision)


def test_report_dates(analyze):
    # a one-sentence report: the date it gives, else unknown when it is past and undated
    rec = analyze(
        "On 3 March 2021, police arrested five opposition activists in Harare.", published=PUBLISHED
    )
    assert (rec.events[0].date, rec.events[0].time_precision) == ("2021-03-03", 1)
    rec = analyze("Police arrested five opposition activists in Harare.", published=PUBLISHED)
    assert (rec.events[0].date, rec.events[0].time_precision) == (None, None)
    rec = analyze("Police arrest five opposition activists in Harare.", published=PUBLISHED)
    assert (rec.events[0].date, rec.events[0].time_precision) == (PUBLISHED, 1)


def test_week_is_coded_on_its_first_day(analyze):
    evs = article_events(analyze, "Police fired tear gas at protesters in Harare last week.")
    assert evs and evs[0].time_precision == 2
    assert evs[0].date == "2024-02-05"  # the Monday of the week before 14 February 2024


# --------------------------------------------------------------------------- text_date, no parse

VALUES = st.one_of(
    st.builds("{:04d}-{:02d}-{:02d}".format, st.integers(1, 2100), st.integers(0, 14), st.integers(0, 33)),
    st.builds("{:04d}-W{:02d}".format, st.integers(1, 2100), st.integers(0, 60)),
    st.builds("{:04d}-{:02d}".format, st.integers(1, 2100), st.integers(0, 14)),
    st.sampled_from(["PRESENT_REF", "XXXX-XX-XX", "2024", "2024-SU", "2024-Q1"]),
)


def work_with(value: str, text: str = "on that day"):
    return SimpleNamespace(text=text, times=[TimeExpr(Span(0, len(text), text), "DATE", value)])


@given(VALUES)
def test_text_date_is_a_real_day_or_none(value):
    found = text_date(work_with(value), 0, 11)  # type: ignore[arg-type]
    if found is None:
        return
    assert found.precision in (1, 2, 3)
    day = datetime.date.fromisoformat(found.day)  # never an impossible date ("2021-W53", "2024-13-01")
    if found.precision == 1:
        assert found.day == value[:10]
    elif found.precision == 2:
        assert day.weekday() == 0 and value.startswith(f"{day.isocalendar()[0]:04d}-W")
    else:
        assert day.day == 1 and found.day[:7] == value


def test_text_date_week_and_month():
    assert text_date(work_with("2024-W06"), 0, 11) == EventDate("2024-02-05", 2)  # type: ignore[arg-type]
    assert text_date(work_with("2024-03"), 0, 11) == EventDate("2024-03-01", 3)  # type: ignore[arg-type]
    assert text_date(work_with("2021-W53"), 0, 11) is None  # type: ignore[arg-type]  # 2021 has 52 weeks
    assert text_date(work_with("PRESENT_REF"), 0, 11) is None  # type: ignore[arg-type]
    clock = SimpleNamespace(
        text="at 4 p.m.", times=[TimeExpr(Span(0, 9, "at 4 p.m."), "TIME", "2024-02-14T16:00")]
    )
    assert text_date(clock, 0, 9) is None  # type: ignore[arg-type]  # a clock time alone dates nothing
