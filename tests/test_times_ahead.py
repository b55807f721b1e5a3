"""Times stage: a weekday that the parse hangs on a noun looks ahead when a word on its way to the
clause's verb says so ("investors await Friday's report"), and a phrasal verb in the present is an
event ("the report comes out Thursday"). Sentences built by hand (issue 9)."""

from __future__ import annotations

from datetime import date

import pytest

from times_probe import time_value

WED = date(2013, 3, 13)  # a Wednesday: last Friday 8 March, next Friday 15 March


@pytest.mark.parametrize(
    "sentence,phrase,value",
    [
        ("Investors await Friday's jobs report.", "Friday", "2013-03-15"),
        ("Friday's jobs report is expected to show gains.", "Friday", "2013-03-15"),
        ("An expected announcement Friday of jobs data could move markets.", "Friday", "2013-03-15"),
        ("The report comes out Thursday.", "Thursday", "2013-03-14"),
        ("Results come out Thursday, the company said.", "Thursday", "2013-03-14"),
        # through a "to" infinitive to a verb of expecting or intending
        ("Voters expect Clinton to win Friday's debate.", "Friday", "2013-03-15"),
        ("Clinton hopes to win Tuesday's primary.", "Tuesday", "2013-03-19"),
        ("He plans to attend Friday's meeting.", "Friday", "2013-03-15"),
    ],
)
def test_a_weekday_the_text_puts_ahead_is_the_next_one(sentence, phrase, value):
    assert time_value(sentence, phrase, WED) == value


@pytest.mark.parametrize(
    "sentence,phrase,value",
    [
        ("Investors awaited Friday's jobs report.", "Friday", "2013-03-08"),  # told in the past
        ("Friday's jobs report showed gains.", "Friday", "2013-03-08"),
        ("Monday's attack killed five people.", "Monday", "2013-03-11"),
        ("The attack Monday is the worst this year.", "Monday", "2013-03-11"),  # a state, not a schedule
        ("The report came out Thursday.", "Thursday", "2013-03-07"),
        ("Before Friday's vote, polls showed a tie.", "Friday", "2013-03-08"),
        ("He hoped to win Tuesday's primary.", "Tuesday", "2013-03-12"),  # the hoping told in the past
        ("Trump refused to attend Friday's hearing.", "Friday", "2013-03-08"),
        ("It was his effort to bounce back from Monday's debate.", "Monday", "2013-03-11"),
    ],
)
def test_a_weekday_without_such_a_word_keeps_its_tense(sentence, phrase, value):
    assert time_value(sentence, phrase, WED) == value


@pytest.mark.parametrize(
    "sentence,phrase,value",
    [
        ("The deadline is Friday.", "Friday", "2013-03-15"),  # what "is" says of its subject: a schedule
        ("The election is on Sunday.", "Sunday", "2013-03-17"),
        ("The deadline was Friday.", "Friday", "2013-03-08"),
        ("Monday is a holiday.", "Monday", "2013-03-11"),  # the day is the subject: no schedule
        ("The attack Monday is the worst this year.", "Monday", "2013-03-11"),
    ],
)
def test_a_weekday_a_present_copula_gives_its_subject_is_a_schedule(sentence, phrase, value):
    assert time_value(sentence, phrase, WED) == value


@pytest.mark.parametrize(
    "text,phrase,value",
    [
        ("Obama to visit Japan on Monday\n\nThe president will travel.", "Monday", "2013-03-18"),
        ("Talks to resume Friday\n\nNegotiators met in Geneva.", "Friday", "2013-03-15"),
        (
            "Pope arrives in Brazil Monday\n\nThe pope arrived.",
            "Monday",
            "2013-03-11",
        ),  # headline present: past
        ("Efforts to end the strike failed on Monday\n\nUnions met.", "Monday", "2013-03-11"),
    ],
)
def test_a_headline_infinitive_is_the_future(text, phrase, value):
    assert time_value(text, phrase, WED) == value


@pytest.mark.parametrize(
    "sentence,phrase,value",
    [
        # a bare verb after "and" is finite: present (a schedule) or the first verb's "will"
        ("Markets were closed on Monday and reopen Thursday.", "Thursday", "2013-03-14"),
        ("Markets will close on Monday and reopen Thursday.", "Thursday", "2013-03-14"),
        ("Markets closed on Monday and reopened Thursday.", "Thursday", "2013-03-07"),  # both past
    ],
)
def test_a_weekday_of_a_verb_joined_by_and_takes_that_verbs_tense(sentence, phrase, value):
    assert time_value(sentence, phrase, WED) == value


NOV = date(2023, 11, 10)  # a Friday


@pytest.mark.parametrize(
    "sentence,phrase,value",
    [
        # postponed, delayed, adjourned: the new date is ahead even when told in the past
        ("The hearing was postponed until Nov. 14.", "Nov. 14", "2023-11-14"),
        ("The trial was adjourned until Nov. 20.", "Nov. 20", "2023-11-20"),
        ("The vote was delayed to Monday.", "Monday", "2023-11-13"),
        ("The vote was pushed back to March.", "March", "2024-03"),
        # a plan told in the past is the nearest such date, not the last one
        ("Sentencing was scheduled for Jan. 5.", "Jan. 5", "2024-01-05"),
        ("The surgery was scheduled for Sept. 26, but the donor fell ill.", "Sept. 26", "2023-09-26"),
        # other past participles keep the past
        ("The record was set on October 18.", "October 18", "2023-10-18"),
        ("The bill was moved to committee on Tuesday.", "Tuesday", "2023-11-07"),
    ],
)
def test_postponed_and_scheduled_dates_told_in_the_past(sentence, phrase, value):
    assert time_value(sentence, phrase, NOV) == value


@pytest.mark.parametrize(
    "sentence,phrase,value",
    [
        ("Sales in December rose 4 percent.", "December", "2022-12"),  # a noun phrase in a past clause
        ("After a test in January, the council imposed sanctions.", "January", "2023-01"),
        ("Sales in December will rise.", "December", "2023-12"),
    ],
)
def test_a_bare_month_in_a_noun_phrase_told_in_the_past(sentence, phrase, value):
    assert time_value(sentence, phrase, NOV) == value


@pytest.mark.parametrize(
    "sentence,phrase,value",
    [
        # "ahead of" a day: after the thing told, whatever its tense; on or after publication ...
        ("Parties held rallies ahead of Sunday's election.", "Sunday", "2013-03-17"),
        ("The announcement was meant to hurt her ahead of Monday's caucuses.", "Monday", "2013-03-18"),
        # ... or after the clause's own day when it names one in the past
        ("Police were deployed on Monday ahead of Thursday's march.", "Thursday", "2013-03-14"),
        ("Stocks rose Monday ahead of Tuesday's report.", "Tuesday", "2013-03-12"),
        # a plan or preparation "for" a day: the nearest such day
        ("The governor barely qualified for Thursday's debate.", "Thursday", "2013-03-14"),
        ("She canceled a joint rally slated for Friday.", "Friday", "2013-03-15"),
        ("The strike called for Thursday will go ahead.", "Thursday", "2013-03-14"),
        ("A rally planned for Sunday drew thousands.", "Sunday", "2013-03-10"),
        # not a noun of blame: the day gone
        ("The group claimed responsibility for Friday's attack.", "Friday", "2013-03-08"),
        # "beginning" / "starting" a day takes the tense of its clause
        ("It will air beginning Friday on TV and online.", "Friday", "2013-03-15"),
        ("Beginning Thursday, the store will close early.", "Thursday", "2013-03-14"),
        ("Beginning Monday, the store closed early.", "Monday", "2013-03-11"),
    ],
)
def test_a_day_ahead_of_or_planned_for(sentence, phrase, value):
    assert time_value(sentence, phrase, WED) == value


@pytest.mark.parametrize(
    "sentence,phrase,published,value",
    [
        # a plan seen from the past ("was to"): the nearest such day, either side
        ("Netanyahu was to arrive at the White House on Monday.", "Monday", date(2013, 3, 12), "2013-03-11"),
        ("Ministers were to meet Thursday.", "Thursday", WED, "2013-03-14"),
        ("The rule was to be issued on Wednesday.", "Wednesday", date(2013, 3, 14), "2013-03-13"),
        # "later" / "earlier" a day: the day the story was written, the publication date a day either side
        (
            "He may face a skeptical audience when he speaks later Monday.",
            "later Monday",
            date(2013, 3, 12),
            "2013-03-11",
        ),
        ("Later Wednesday, the minister is due to address parliament.", "Later Wednesday", WED, "2013-03-13"),
        (
            "Earlier Friday, the army said it had retaken the town.",
            "Earlier Friday",
            date(2013, 3, 14),
            "2013-03-15",
        ),
        # "ahead of" a noun the day hangs on
        (
            "Sanders continued a fierce contest ahead of voting Tuesday.",
            "Tuesday",
            date(2013, 3, 11),
            "2013-03-12",
        ),
    ],
)
def test_a_plan_seen_from_the_past_or_a_later_day_is_the_nearest(sentence, phrase, published, value):
    assert time_value(sentence, phrase, published) == value


def test_a_verb_the_tagger_took_for_a_noun_keeps_its_will():
    # the parse tags "vote" a noun under "will": the day is still ahead
    sentence = "Cornyn said the chamber will most likely vote on four gun control measures on Monday."
    assert time_value(sentence, "Monday", date(2013, 3, 14)) == "2013-03-18"


@pytest.mark.parametrize(
    "sentence,phrase,value",
    [
        ("The court adjourned the case until Thursday.", "Thursday", "2013-03-14"),
        ("The judge adjourned until Monday.", "Monday", "2013-03-18"),
        ("Officials postponed the vote to Sunday.", "Sunday", "2013-03-17"),
        ("The army moved to the town on Monday.", "Monday", "2013-03-11"),  # a place, not a new date
        ("The markets were closed until Friday.", "Friday", "2013-03-08"),  # a state told in the past
    ],
)
def test_a_day_something_was_put_off_to_is_ahead(sentence, phrase, value):
    assert time_value(sentence, phrase, WED) == value


@pytest.mark.parametrize(
    "sentence,phrase,value",
    [
        # a plan told with "is to" / "is set to" / "is likely to", the day hung on a noun by the parse
        ("The senator is to testify before the committee on Thursday.", "Thursday", "2013-03-14"),
        ("The president is set to sign the bill at a ceremony on Friday.", "Friday", "2013-03-15"),
        ("The board is likely to approve the merger at its meeting on Thursday.", "Thursday", "2013-03-14"),
        # not a wish, not a plan told in the past, not "set" as a plain verb
        (
            "To understand the meaning of Monday night's debate, you want to read this.",
            "Monday night",
            "2013-03-11T",
        ),
        ("If you want to understand the meaning of Tuesday's debate, read on.", "Tuesday", "2013-03-12"),
        ("The runner set a record at the stadium on Monday.", "Monday", "2013-03-11"),
    ],
)
def test_a_plan_told_with_an_infinitive_looks_ahead(sentence, phrase, value):
    assert time_value(sentence, phrase, WED).startswith(value)


@pytest.mark.parametrize(
    "sentence,phrase,value",
    [
        # a plan still standing ("is / are / has been ... set for"): the next such day, though the last is nearer
        ("The vote is set for Sunday.", "Sunday", "2013-03-17"),
        ("Talks are tentatively scheduled for Monday.", "Monday", "2013-03-18"),
        ("The hearing has been scheduled for Monday.", "Monday", "2013-03-18"),
        # a plan told in the past, or a participle on a noun: the nearest, as before
        ("The vote was set for Sunday.", "Sunday", "2013-03-10"),
        ("A rally slated for Sunday drew thousands.", "Sunday", "2013-03-10"),
    ],
)
def test_a_day_a_standing_plan_is_set_for_is_the_next_one(sentence, phrase, value):
    assert time_value(sentence, phrase, WED) == value


@pytest.mark.parametrize(
    "sentence,phrase,value",
    [
        # a plan, wish or threat told in the past: the nearest such day (here the one gone)
        ("He was scheduled to leave the state late Monday.", "late Monday", "2013-03-11"),
        ("Both candidates sought to appeal to young voters on Monday.", "Monday", "2013-03-11"),
        ("He threatened to walk out of the talks Monday night.", "Monday night", "2013-03-11TNI"),
        # ... or the one ahead when that is nearer
        ("He was set to receive an endorsement on Friday.", "Friday", "2013-03-15"),
        # told in the present: the next one
        ("He is scheduled to leave the state on Monday.", "Monday", "2013-03-18"),
    ],
)
def test_a_plan_told_in_the_past_with_an_infinitive_is_the_nearest_day(sentence, phrase, value):
    assert time_value(sentence, phrase, WED) == value


@pytest.mark.parametrize(
    "sentence,phrase,value",
    [
        # a refusal or failure told as news: the day gone
        ("The senator wouldn't say Tuesday how the party would vote.", "Tuesday", "2013-03-12"),
        ("Representatives for the firm could not be reached for comment Saturday.", "Saturday", "2013-03-09"),
        # a complement, or "could" without "not": still ahead
        ("The airline said it would not resume flights until Monday.", "Monday", "2013-03-18"),
        ("The Senate could vote as early as Thursday.", "Thursday", "2013-03-14"),
    ],
)
def test_a_negated_would_or_could_in_a_main_clause_is_the_past(sentence, phrase, value):
    assert time_value(sentence, phrase, WED) == value


@pytest.mark.parametrize(
    "sentence,published,phrase,value",
    [
        # a possessive day in a "will" clause: the nearest such day, before or after publication
        ("Monday's decision will reverberate down the ballot.", date(2013, 3, 12), "Monday", "2013-03-11"),
        (
            "The results of Tuesday's primaries will force him out.",
            date(2013, 3, 14),
            "Tuesday",
            "2013-03-12",
        ),
        ("Saturday's caucuses will set her on a clear path.", date(2013, 3, 15), "Saturday", "2013-03-16"),
        # told in the past: the last one, as before
        ("Monday's decision made the choice stark.", date(2013, 3, 14), "Monday", "2013-03-11"),
    ],
)
def test_a_possessive_day_under_will_is_the_nearest(sentence, published, phrase, value):
    assert time_value(sentence, phrase, published) == value


@pytest.mark.parametrize(
    "sentence,phrase,value",
    [
        # a present condition is still to come, the day hung on a noun by the parse
        (
            "If he follows up with a wide victory in the state on Saturday, he will lead.",
            "Saturday",
            "2013-03-16",
        ),
        (
            "We will appeal because if there is a close election on Monday we need clarity.",
            "Monday",
            "2013-03-18",
        ),
        # not through an infinitive ("if you want to understand ..."), not a past condition
        ("If you want to understand the meaning of Monday's debate, read on.", "Monday", "2013-03-11"),
        ("If the rally on Monday was any guide, he is popular.", "Monday", "2013-03-11"),
    ],
)
def test_a_day_in_a_present_condition_is_ahead(sentence, phrase, value):
    assert time_value(sentence, phrase, WED) == value
