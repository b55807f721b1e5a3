"""Actors read from more of the text (branch actors3): who seized or found weapons, the parts of a
force that act for it, a demonym coordinated with a force noun, pirates, a country that backs or
leads (not where an event was), a people's demonym against "in <country>", and the subject of "be"
(events/actors.py, actor_phrases.py, actor_names.py, doers.py; word data lang/actor_groups.py,
lang/actor_doers.py)."""

from __future__ import annotations

import pytest
from tests.test_actors import _work_with_places


def actor1(analyze, text):
    rec = analyze(text, published="2024-03-20")
    assert rec.events, rec.errors
    a1 = rec.events[0].actor1
    return a1.name if a1 is not None else None


@pytest.mark.parametrize(
    "text,expected",
    [
        # who found the weapons: the subject of the verb of finding above the weapon noun, through a
        # verb coordinated with another
        (
            "Soldiers continued a sweep of the town of Kidal in Mali and discovered a cache of rifles "
            "and ammunition on Sunday.",
            "Military Forces of Mali",
        ),
        # ... however deep in the noun phrases the weapon sits
        (
            "Troops discovered a network of tunnels used by the militants for moving weapons near "
            "Kidal, Mali on Sunday.",
            "Military Forces of Mali",
        ),
        # the units of a force named by its possessive
        (
            "The Malian Army's engineering units found a cache of rifles near Kidal, Mali on Sunday.",
            "Military Forces of Mali",
        ),
        # its "by" agent
        (
            "Dozens of rifles were seized by police in a house in Kano, Nigeria on Friday.",
            "Police Forces of Nigeria",
        ),
        # no one named: ACLED's seizures are the police's
        ("A cache of weapons was found in a house in Kano, Nigeria on Friday.", "Police Forces of Nigeria"),
        # the units of a force are the force
        (
            "The artillery units of the Syrian army shelled rebel positions near Idlib, Syria on Tuesday.",
            "Military Forces of Syria",
        ),
        # pirates are an unidentified armed group, in the country the sentence says, not their victims'
        (
            "The Filipinos were kidnapped by a group of pirates who attacked their tanker in Nigeria "
            "on Monday.",
            "Unidentified Armed Group (Nigeria)",
        ),
    ],
)
def test_doers_read_from_more_of_the_text(analyze, text, expected):
    assert actor1(analyze, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a force as the subject of its verb is its own doer when it is the trigger
        (
            "Russian warplanes targeted the village of Kafr Nabl in Idlib, Syria on Monday, killing "
            "five civilians.",
            "Military Forces of Russia",
        ),
        # a coalition's attack is its leading state's
        (
            "A Saudi-led coalition airstrike killed 12 people in Saada, Yemen on Monday.",
            "Military Forces of Saudi Arabia",
        ),
        # occupiers are the occupying state's forces
        (
            "Artillery shells fired by Russian occupants hit a school in Kharkiv, Ukraine on Monday.",
            "Military Forces of Russia",
        ),
    ],
)
def test_forces_named_by_their_machines_and_occupation(analyze, text, expected):
    assert actor1(analyze, text) == expected


def test_a_demonym_coordinated_with_forces_is_that_states_forces(analyze):
    text = (
        "Azerbaijani and Armenian-backed forces have agreed a ceasefire after heavy fighting in the "
        "border regions of Nagorno-Karabakh."
    )
    assert actor1(analyze, text) == "Military Forces of Azerbaijan"


def test_the_target_of_an_attack_is_no_doer(analyze):
    text = "Police said a Mercedes car was the target of the early morning attack in Belfast on Monday."
    assert actor1(analyze, text) != "Mercedes"


def test_event_country_leaves_out_a_backer_and_a_peoples_demonym():
    from according.events.actor_names import event_country

    # "US-backed": whose support, not where; no other place: no country
    text = "Fighters attacked US-backed militias on Tuesday."
    work = _work_with_places(text, [("US", "US", "country")])
    assert event_country(work, 0, 0, len(text)) is None
    assert event_country(work, None, 0, len(text)) is None
    # "US-made missiles" in a town of Syria: the town's country
    text = "The army found US-made missiles in Oldtown."
    work = _work_with_places(text, [("US", "US", "country"), ("Oldtown", "SY", "city")])
    assert event_country(work, None, 0, len(text)) == "Syria"
    # a people by its demonym ("the Filipinos") against a country after "in": the latter
    text = "The Filipinos were kidnapped by pirates in Nigeria."
    work = _work_with_places(text, [("Filipinos", "PH", "country"), ("Nigeria", "NG", "country")])
    assert event_country(work, 0, 0, len(text)) == "Nigeria"
    # the demonym alone still gives its country
    work = _work_with_places(text, [("Filipinos", "PH", "country")])
    assert event_country(work, 0, 0, len(text)) == "Philippines"


def test_the_other_side_of_a_clash_with(analyze):
    rec = analyze(
        "Police and soldiers clashed with Boko Haram militants in Borno, Nigeria on Monday.",
        published="2024-03-20",
    )
    assert rec.events, rec.errors
    ev = rec.events[0]
    assert ev.actor1 is not None and ev.actor1.name == "Police Forces of Nigeria"
    assert ev.actor2 is not None and ev.actor2.name == "Boko Haram"
