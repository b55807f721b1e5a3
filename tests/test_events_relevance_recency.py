"""Old news and off-topic articles: an article sentence recalling an event dated long before the
article's present reports no event (events/recency.py); an article whose only conflict-like sentence
is not a sure one gives none (finding.LONE_EVENT_THRESHOLD); a news brief's event needs the relevance
threshold (finding.BRIEF_SENTENCES)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from according.events.finding import LONE_EVENT_THRESHOLD
from according.events.recency import OLD_DAYS, old_news
from according.events.relevance import show_threshold
from according.model import Meta, Span, TimeExpr

FILLER = (
    "The city council met on Tuesday to discuss the budget. Members debated the cost of new roads. "
    "The mayor said the plan would be ready next month. Residents asked about parking fees. "
    "A vote is expected in the spring. The council also approved a new library. "
)


@dataclass(frozen=True)
class FakeWork:
    """What old_news reads of a Work: the text, its resolved times, the publication date."""

    text: str
    times: tuple[TimeExpr, ...]
    meta: Meta


def work_of(sentence: str, dates: dict[str, str], published: str | None = "2016-09-22") -> FakeWork:
    times = tuple(
        TimeExpr(
            span=Span.of(sentence, sentence.index(phrase), sentence.index(phrase) + len(phrase)),
            type="DATE",
            value=value,
        )
        for phrase, value in dates.items()
    )
    return FakeWork(text=sentence, times=times, meta=Meta(published=published))


def test_a_year_long_before_publication_is_old_news() -> None:
    s = "In 1993, radical Islamists bombed the World Trade Center."
    assert old_news(work_of(s, {"1993": "1993"}), 0, len(s))  # type: ignore[arg-type]


def test_a_day_of_the_present_makes_it_news_of_now() -> None:
    s = "Protesters marched on Friday, as they did in 2010."
    work = work_of(s, {"Friday": "XXXX-WXX-5", "2010": "2010"})
    assert not old_news(work, 0, len(s))  # type: ignore[arg-type]


def test_an_undated_sentence_is_not_old_news() -> None:
    s = "Rebels attacked the village."
    assert not old_news(work_of(s, {}), 0, len(s))  # type: ignore[arg-type]


def test_years_ago_is_old_and_a_year_ago_is_not() -> None:
    s = "Ten years ago, a gunman entered the church."
    assert old_news(work_of(s, {"years ago": "PAST_REF"}), 0, len(s))  # type: ignore[arg-type]
    s = "A year ago, a gunman entered the church."
    assert not old_news(work_of(s, {"year ago": "PAST_REF"}), 0, len(s))  # type: ignore[arg-type]


def test_without_a_publication_date_the_latest_month_named_is_the_present() -> None:
    s = "He died in January 2005. The base was attacked in July 2008."
    cut = s.index(" The") + 1
    work = work_of(s, {"January 2005": "2005-01", "July 2008": "2008-07"}, published=None)
    assert old_news(work, 0, cut)  # type: ignore[arg-type]
    assert not old_news(work, cut, len(s))  # type: ignore[arg-type]


@given(days_before=st.integers(min_value=0, max_value=4000))
def test_old_exactly_when_more_than_a_year_before(days_before: int) -> None:
    import datetime

    day = datetime.date(2016, 9, 22) - datetime.timedelta(days=days_before)
    s = "Troops shelled the town on that day."
    work = work_of(s, {"that day": day.isoformat()})
    assert old_news(work, 0, len(s)) == (days_before > OLD_DAYS)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "first, kept",
    [
        ("In 1993, radical Islamists bombed the World Trade Center. ", 0),
        ("Ten years ago, rebels attacked the village and killed seven people. ", 0),
        ("On Monday, rebels attacked the village and killed seven people. ", 1),
    ],
)
def test_article_sentences_dated_long_ago_give_no_event(analyze, first: str, kept: int) -> None:
    assert len(analyze(first + FILLER, published="2016-09-22").events) == kept


def test_an_off_topic_articles_one_unsure_sentence_gives_no_event(analyze) -> None:
    raid = "Police seized heroin and three guns in raids in the city on Thursday, and arrested 13 people. "
    shooting = "A man was shot dead outside a bar on Friday night, police said. "  # crime: read as no event
    (arrests,) = analyze(raid + FILLER, published="2016-09-22").events
    assert arrests.confidence is not None and arrests.confidence < LONE_EVENT_THRESHOLD
    # beside a crime story's violence words the model rejected, the unsure raid is the crime story's too
    assert analyze(raid + shooting + FILLER, published="2016-09-22").events == ()


def test_a_sure_lone_event_and_an_article_of_events_stay(analyze) -> None:
    shooting = "A man was shot dead outside a bar on Friday night, police said. "
    protest = "Hundreds of students protested outside the parliament on Monday. "
    assert len(analyze(protest + shooting + FILLER, published="2016-09-22").events) == 1
    battle = (
        "On Monday, rebels attacked the village of Kalma and killed seven people. "
        "Soldiers shelled rebel positions near the town on Tuesday, killing four fighters. "
    )
    assert len(analyze(battle + shooting + FILLER, published="2016-09-22").events) == 2


def test_a_news_brief_needs_a_sure_event_and_a_note_does_not(analyze) -> None:
    stabbing = "A woman was stabbed on Tuesday morning while jogging near the park, police said."
    brief = (
        "Woman stabbed while jogging near park. " + stabbing + " The victim was taken to a hospital. "
        "Police have not named a suspect."
    )
    assert analyze(brief, published="2016-09-22").events == ()  # a local-news brief: crime
    (note,) = analyze(stabbing, published="2016-09-22").events  # one sentence: a report keeps its event
    assert note.confidence is not None and note.confidence < show_threshold()
    battle = (
        "Rebels attack army post in north. Rebels attacked an army post near the town of Kalma on Monday, "
        "killing four soldiers, officials said. The army said it repelled the attack. "
        "The area has seen heavy fighting this year."
    )
    assert len(analyze(battle, published="2016-09-22").events) == 1
