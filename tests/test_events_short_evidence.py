"""A one-sentence text keeps an event only where the parse finds no reason against it (issue 9
parts 1 and 5: events/evidence.py, finding.NO_TRIGGER_FLOOR). Sentences written for the tests,
not the blind set's (examples/short-texts)."""

from __future__ import annotations

import re

import pytest

from according.lang.event_evidence import NOTE_OPENING


@pytest.mark.parametrize(
    "text",
    [
        "A tornado struck the town of Moore on Monday, killing 9 people.",  # nature as the doer
        "A ferry capsized off the island on Friday, killing 31 passengers.",  # hangs off an accident
        "The inmate hanged himself in his cell at the prison on Tuesday, officials said.",  # self-harm
        "The movie follows a squad of soldiers who ambush an enemy convoy in 1943.",  # a story
        "Heart attacks killed thousands of people last winter, doctors said.",  # medical
        "Coast guards seized 800 kilograms of heroin from a fishing boat on Sunday.",  # a drug haul
        "Auditors said the Joint Strike Fighter program is years behind schedule.",  # a name
        "A ceramics fair opened at the convention centre on Saturday with 300 stalls.",  # no trigger
    ],
)
def test_short_texts_with_no_acled_event_keep_none(analyze, text):
    assert analyze(text, published="2024-05-20").events == (), text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Gunmen killed five farmers in a village near Jos on Monday, residents said.",
            "Violence against civilians",
        ),
        ("Soldiers and rebels clashed near Beni on Friday, leaving six fighters dead.", "Battles"),
        ("Hundreds of nurses marched to the health ministry in Lagos to demand back pay.", "Protests"),
        (
            "Police seized 40 rifles and a rocket launcher from an armed group's hideout.",
            "Strategic developments",
        ),
    ],
)
def test_short_texts_that_report_an_event_keep_it(analyze, text, kind):
    rec = analyze(text, published="2024-05-20")
    assert [e.event_type for e in rec.events] == [kind], text


def test_a_note_without_a_trigger_word_keeps_its_event(analyze):
    # an ACLED note's opening ("On 3 May 2024, ...") keeps the report floors: "sit-in" is no word of
    # the trigger lexicon, and ACLED codes the sit-in as a protest
    rec = analyze(
        "On 3 May 2024, around 80 nurses staged a sit-in in front of the health directorate in Sfax "
        "(Sfax) to demand unpaid wages.",
        published="2024-05-06",
    )
    assert len(rec.events) == 1


def _reasons(text: str) -> list[str | None]:
    from according import nlp
    from according.events.classifier import triggers_in
    from according.events.evidence import explained_away

    p = next(iter(nlp.parse_many([text])))
    return [explained_away(p, k) for s in p.sents for k, _ in triggers_in(p, s.start, s.end)]


def test_footage_and_foul_play_are_no_story():
    # a film that shows real events and "foul play in the killing" explain nothing away; a film's
    # plot and a play about a riot do
    assert set(_reasons("A film of the attack on the convoy shows gunmen firing at soldiers.")) == {None}
    assert set(_reasons("Police suspect foul play in the killing of a journalist in Juarez.")) == {None}
    assert "story" in _reasons("The movie follows a squad of soldiers who ambush an enemy convoy.")
    assert "story" in _reasons("A new play about a prison riot opens in Leeds next week.")


def test_a_company_of_a_brigade_and_an_explosive_device_are_armed():
    # "company" and "device" are kinds of business and product elsewhere; here they are armed sides
    assert set(_reasons("A company of the 5th Brigade surrendered to rebel forces near Goma.")) == {None}
    assert set(_reasons("An improvised explosive device detonated inside a market in Kano.")) == {None}


@pytest.mark.parametrize(
    "text, is_note",
    [
        ("On 3 March 2021, protesters held a sit-in outside the ministry.", True),
        ("Around 3 May 2021 (month of), residents held a sit-in in Beni.", True),
        ("On or around 11 March 2022, the group declared a new emir.", True),
        ("Non-violent transfer of territory: On 13 June 2022, the army withdrew from Buna.", True),
        ("In 1347 the Black Death reached Sicily.", False),
        ("On Tuesday the band played at the opening.", False),
    ],
)
def test_a_note_opens_with_its_date_in_any_of_acleds_openings(text, is_note):
    assert bool(re.match(NOTE_OPENING, text)) is is_note
