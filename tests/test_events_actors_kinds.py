"""ACLED's names for doers named by their kind (branch actors5, issue 9 part 2): a people's
militiamen as its Ethnic Militia, a state's militia as armed men of that state, a government's
violence as its forces' (events/actor_phrases.py, actors.py; word data lang/actors.py). The
sentences are made up here."""

from __future__ import annotations

import pytest


def actor1(analyze, text):
    rec = analyze(text, published="2022-06-01")
    assert rec.events, rec.errors
    a1 = rec.events[0].actor1
    return a1.name if a1 is not None else None


@pytest.mark.parametrize(
    "text,expected",
    [
        # a people's militiamen: its ethnic militia, as its militia is
        (
            "On 3 May 2022, Fulani militiamen attacked farmers near Agatu, Nigeria, killing 5.",
            "Fulani Ethnic Militia (Nigeria)",
        ),
        (
            "On 3 May 2022, a Fulani militia attacked farmers near Agatu, Nigeria, killing 5.",
            "Fulani Ethnic Militia (Nigeria)",
        ),
        # a state's demonym names no people's militia: armed men of that state
        (
            "On 3 May 2022, Libyan militiamen stormed a checkpoint near Zawiya, Libya.",
            "Unidentified Armed Group (Libya)",
        ),
        (
            "On 3 May 2022, a Libyan militia stormed a checkpoint near Zawiya, Libya.",
            "Unidentified Armed Group (Libya)",
        ),
    ],
)
def test_militiamen_by_their_people(analyze, text, expected):
    assert actor1(analyze, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("On 3 May 2022, the Syrian regime shelled the town of Saraqib, Syria.", "Military Forces of Syria"),
        (
            "On 3 May 2022, the Ethiopian government carried out a drone strike on a market near Mekele, "
            "Ethiopia, killing 20.",
            "Military Forces of Ethiopia",
        ),
    ],
)
def test_a_governments_violence_is_its_forces(analyze, text, expected):
    assert actor1(analyze, text) == expected


def test_a_government_that_signs_is_the_government(analyze):
    # (no violence: ACLED's Government of X stays a party to agreements)
    text = (
        "On 3 May 2022, the Ethiopian government signed a ceasefire with the rebels in Addis Ababa, Ethiopia."
    )
    assert actor1(analyze, text) == "Government of Ethiopia"


def test_a_notes_doer_from_its_first_sentence(analyze):
    # the event's trigger in the second sentence names no doer: the first sentence's fighters
    text = (
        "On 4 May 2022, Amhara militiamen and federal soldiers fought near Woldia, Ethiopia. "
        "The fighting went on for hours and 6 people were killed."
    )
    name = actor1(analyze, text)
    assert name is not None and "Amhara" in name


@pytest.mark.parametrize(
    "text,expected",
    [
        # an organisation's name the tagger did not take whole (a state's name in it is no place)
        (
            "On 6 May 2022, the Durango Cartel clashed with a rival gang near Culiacan, Mexico.",
            "Durango Cartel",
        ),
        # hired killers are armed men of no name
        ("On 6 May 2022, hitmen killed a reporter in Ensenada, Mexico.", "Unidentified Armed Group (Mexico)"),
    ],
)
def test_named_and_unnamed_gangs(analyze, text, expected):
    assert actor1(analyze, text) == expected


def test_members_of_two_groups_are_the_first(analyze):
    text = "On 6 May 2022, supporters of the BNP and the Jatiya Party clashed in Feni, Bangladesh."
    assert actor1(analyze, text) == "BNP"


def test_an_and_inside_one_name_stays(analyze):
    text = "On 6 May 2022, members of the Justice and Equality Movement attacked a police post near Nyala, Sudan."
    assert actor1(analyze, text) == "Justice and Equality Movement"


@pytest.mark.parametrize(
    "text,expected",
    [
        # a state's forces by a demonym the gazetteer lacks, not the forces of the country they strike
        (
            "On 7 May 2022, Azeri forces shelled a village near Goris, Armenia.",
            "Military Forces of Azerbaijan",
        ),
        (
            "On 7 May 2022, Ecuadorian soldiers clashed with smugglers near Ipiales, Colombia.",
            "Military Forces of Ecuador",
        ),
    ],
)
def test_forces_by_a_rarer_demonym(analyze, text, expected):
    assert actor1(analyze, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a people's forces are not the forces of the state they fight in
        ("On 7 May 2022, Tigrayan forces shelled a town near Woldia, Ethiopia.", "Tigrayan Forces"),
        ("On 7 May 2022, Kurdish forces clashed with rebels near Manbij, Syria.", "Kurdish Forces"),
        # ... and a state's demonym still names the state's
        (
            "On 7 May 2022, Afghan forces clashed with rebels near Kunduz, Afghanistan.",
            "Military Forces of Afghanistan",
        ),
    ],
)
def test_a_peoples_forces(analyze, text, expected):
    assert actor1(analyze, text) == expected


def test_a_partys_abbreviation_as_acleds_name(analyze):
    text = "On 7 May 2022, TMC supporters attacked a rival party's office near Howrah, India."
    assert actor1(analyze, text) == "AITC"
