"""Event actors named as ACLED names them (events/actors.py, word data in lang/actors.py)."""

from __future__ import annotations

import pytest


def actors(analyze, text):
    rec = analyze(text, published="2024-02-20")
    assert rec.events, rec.errors
    ev = rec.events[0]
    return (ev.actor1.name if ev.actor1 else None), (ev.actor2.name if ev.actor2 else None)


@pytest.mark.parametrize(
    "text,actor1",
    [
        # the doer of a light verb whose object is the event
        (
            "On 14 February 2024, Israeli forces carried out an airstrike on a building in Rafah, killing 5 people.",
            "Military Forces of Israel",
        ),
        # a group named by its members or by the proper noun of its fighters
        ("On 5 January 2020, members of Boko Haram attacked Gamboru and killed 6 civilians.", "Boko Haram"),
        ("On 16 March 2022, JNIM militants ambushed an army convoy near Djibo.", "JNIM"),
        # a "by" agent of a noun trigger
        ("On 3 October 2019, an ambush by Al Shabaab militants killed 7 soldiers near Afgoye.", "Al Shabaab"),
        # an unclaimed explosion: ACLED's Unidentified Armed Group, with the event's country
        (
            "On 7 October 2020, a roadside IED exploded near a military vehicle in Kidal, Mali.",
            "Unidentified Armed Group (Mali)",
        ),
        # generic actors keep ACLED's naming with the event's country
        (
            "On 3 March 2021, around 200 farmers held a demonstration in Amritsar, India.",
            "Protesters (India)",
        ),
    ],
)
def test_actor1_in_acled_style(analyze, text, actor1):
    assert actors(analyze, text)[0] == actor1


def test_a_place_attacked_is_no_actor(analyze):
    a1, a2 = actors(
        analyze,
        "On 5 January 2020, members of Boko Haram attacked Gamboru (Ngala, Borno) and killed 6 civilians.",
    )
    assert (a1, a2) == ("Boko Haram", None)


def test_a_protest_has_no_armed_group(analyze):
    # the unclaimed-perpetrator default is for violence only: a protest's actor is its protesters
    a1, _ = actors(
        analyze, "On 21 April 2019, protesters gathered in Khartoum to demand a civilian government."
    )
    assert a1 is not None and a1.startswith("Protesters")
