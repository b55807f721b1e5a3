"""ACLED's coding conventions (events/coding.py) on sentences built by hand."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from according.events.coding import (
    apply_conventions,
    armed_on_armed,
    crowd_violence,
    monitor_report,
    names_weapon,
    two_sided_fire,
)
from test_relevance_features import parse_of


def heard_explosions(weapon: str | None) -> SimpleNamespace:
    """'Residents heard explosions' (after 'The army fired <weapon>' when a weapon is given)."""
    words = [
        ("Residents", "resident", "nsubj", 1, "NOUN", "NNS"),
        ("heard", "hear", "ROOT", 1, "VERB", "VBD"),
        ("explosions", "explosion", "dobj", 1, "NOUN", "NNS"),
    ]
    if weapon:
        words = [
            ("The", "the", "det", 1, "DET", "DT"),
            ("army", "army", "nsubj", 2, "NOUN", "NN"),
            ("fired", "fire", "ROOT", 2, "VERB", "VBD"),
            (weapon, weapon, "dobj", 2, "NOUN", "NN"),
        ] + [(w, lem, dep, head + 4 if head < 3 else head, pos, tag) for w, lem, dep, head, pos, tag in words]
    return SimpleNamespace(parse=parse_of(words))


def test_explosions_heard_are_a_clash_unless_the_weapon_is_named():
    work = heard_explosions(None)
    n = len(work.parse.toks)
    assert monitor_report(work, 0, n) and not names_weapon(work, 0, n)
    assert apply_conventions(work, 0, n, "Remote explosive/landmine/IED", 0, None) == "Armed clash"
    for weapon in ("artillery", "mortar", "grenade"):
        work = heard_explosions(weapon)
        n = len(work.parse.toks)
        assert monitor_report(work, 4, n) and names_weapon(work, 0, n)
        assert (
            apply_conventions(work, 0, n, "Shelling/artillery/missile attack", 0, None)
            == "Shelling/artillery/missile attack"
        )


def test_a_strategic_development_with_dead_takes_the_likeliest_violent_type():
    work = heard_explosions(None)
    proba = {"Agreement": 0.6, "Attack": 0.3, "Armed clash": 0.1}
    assert apply_conventions(work, 0, 0, "Agreement", 2, proba) == "Attack"
    assert apply_conventions(work, 0, 0, "Agreement", 0, proba) == "Agreement"


# ACLED-style notes written here (invented incidents, real places), one per convention of the codebook
# that the classifier alone got wrong: (note, the sub-event type ACLED's rules give).
CONVENTIONS = [
    # a ceasefire monitor's report of shots or explosions near a place: an armed clash
    (
        "On 4 May 2022, the monitoring mission reported 14 shots and 3 explosions about 2 km south-east "
        "of Horlivka (Horlivka, Donetsk).",
        "Armed clash",
    ),
    # a police operation that ends in an exchange of fire: an armed clash
    (
        "On 15 April 2022, police raided a hideout of armed robbers in Zaria (Zaria, Kaduna) and exchanged "
        "fire with them, killing 3.",
        "Armed clash",
    ),
    (
        "On 8 May 2022, unidentified gunmen opened fire on a police station in Ogoja (Ogoja, Cross River). "
        "Police returned fire. No fatalities.",
        "Armed clash",
    ),
    # one armed side firing on another's positions is violent: no strategic development
    (
        "On 5 March 2022, Ukrainian forces fired on Russian positions near Popasna (Sievierodonetsk, "
        "Luhansk). Casualties unknown.",
        "Armed clash",
    ),
    (
        "On 7 October 2022, government troops engaged fighters of the armed group in the village of "
        "Kiwanja (Rutshuru, North Kivu). Fatalities unknown.",
        "Armed clash",
    ),
    # armed men killing civilians, with a closing tally: an attack
    (
        "On 28 February 2023, militants attacked a village near Seytenga (Seytenga, Seno), killing 9 "
        "civilians. 9 fatalities.",
        "Attack",
    ),
    # a crowd's violence named by a noun or adjective: a riot
    (
        "On 21 September 2022, a demonstration against fuel prices turned violent in Lagos (Lagos, Lagos). "
        "[size=no report]",
        "Violent demonstration",
    ),
    (
        "On 10 June 2021, demonstrators marched through Kisumu (Kisumu, Kisumu) and some smashed shop "
        "windows. [size=several hundred]",
        "Violent demonstration",
    ),
    # tear gas on a crowd that did no violence: intervention, not a riot
    (
        "On 2 March 2023, police fired tear gas to disperse teachers who were marching in Nairobi "
        "(Nairobi, Nairobi). [size=around 300]",
        "Protest with intervention",
    ),
    # a non-violent act of an armed group stays a strategic development
    (
        "On 14 March 2023, Wagner forces established a new base near Menaka (Menaka, Menaka).",
        "Headquarters or base established",
    ),
]


@pytest.mark.parametrize("note,sub", CONVENTIONS)
def test_acled_conventions_on_notes(analyze, note, sub):
    rec = analyze(note, published=None)
    assert rec.events and rec.events[0].sub_event_type == sub


def test_two_sided_fire_and_an_armed_side_on_another():
    fire = SimpleNamespace(
        parse=parse_of(
            [
                ("Police", "police", "nsubj", 1, "PROPN", "NNP"),
                ("returned", "return", "ROOT", 1, "VERB", "VBD"),
                ("fire", "fire", "dobj", 1, "NOUN", "NN"),
            ]
        )
    )
    assert two_sided_fire(fire, 0, 3)
    assert apply_conventions(fire, 0, 3, "Attack", 0, None) == "Armed clash"
    positions = SimpleNamespace(
        parse=parse_of(
            [
                ("Troops", "troop", "nsubj", 1, "NOUN", "NNS"),
                ("fired", "fire", "ROOT", 1, "VERB", "VBD"),
                ("on", "on", "prep", 1, "ADP", "IN"),
                ("enemy", "enemy", "compound", 4, "NOUN", "NN"),
                ("positions", "position", "pobj", 2, "NOUN", "NNS"),
            ]
        )
    )
    assert armed_on_armed(positions, 0, 5)
    assert apply_conventions(positions, 0, 5, "Agreement", 0, None) == "Armed clash"
    base = SimpleNamespace(
        parse=parse_of(
            [
                ("Troops", "troop", "nsubj", 1, "NOUN", "NNS"),
                ("built", "build", "ROOT", 1, "VERB", "VBD"),
                ("a", "a", "det", 3, "DET", "DT"),
                ("base", "base", "dobj", 1, "NOUN", "NN"),
            ]
        )
    )
    assert not armed_on_armed(base, 0, 4)  # building a base is no violence


def test_a_crowd_verb_joined_by_and_shares_the_crowd():
    work = SimpleNamespace(
        parse=parse_of(
            [
                ("Protesters", "protester", "nsubj", 1, "NOUN", "NNS"),
                ("marched", "march", "ROOT", 1, "VERB", "VBD"),
                ("and", "and", "cc", 1, "CCONJ", "CC"),
                ("torched", "torch", "conj", 1, "VERB", "VBD"),
                ("cars", "car", "dobj", 3, "NOUN", "NNS"),
            ]
        )
    )
    assert crowd_violence(work, 0, 5)
    assert apply_conventions(work, 0, 5, "Peaceful protest", 0, None) == "Violent demonstration"
