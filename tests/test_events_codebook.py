"""ACLED's codebook conventions as ACLED's notes phrase them (events/codebook.py), on sentences built by
hand and on notes written here (invented incidents, real places)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from according.events.codebook import (
    codebook,
    emergency,
    exchange_of_fire,
    one_sided_harm,
    suicide_bomber,
    takes_back,
    weapon_stopped,
    weapon_used,
    went_off,
)
from test_relevance_features import parse_of


def work_of(words):
    return SimpleNamespace(parse=parse_of(words))


def test_a_suicide_attacker_is_named_only_by_suicide_qualifying_an_attacker_or_a_bomb():
    bomber = work_of(
        [
            ("a", "a", "det", 2, "DET", "DT"),
            ("suicide", "suicide", "compound", 2, "NOUN", "NN"),
            ("attacker", "attacker", "ROOT", 2, "NOUN", "NN"),
        ]
    )
    assert suicide_bomber(bomber, 0, 3)
    assert codebook(bomber, 0, 3, "Remote explosive/landmine/IED", None) == "Suicide bomb"
    jail = work_of(
        [
            ("a", "a", "det", 1, "DET", "DT"),
            ("suicide", "suicide", "nsubj", 2, "NOUN", "NN"),
            ("happened", "happen", "ROOT", 2, "VERB", "VBD"),
        ]
    )
    assert not suicide_bomber(jail, 0, 3)


def test_weapons_stopped_in_the_air_are_disrupted_weapons_use_but_aircraft_are_not_weapons():
    def intercepted(obj, lemma):
        return work_of(
            [
                ("defences", "defence", "nsubj", 1, "NOUN", "NNS"),
                ("intercepted", "intercept", "ROOT", 1, "VERB", "VBD"),
                ("three", "three", "nummod", 3, "NUM", "CD"),
                (obj, lemma, "dobj", 1, "NOUN", "NNS"),
            ]
        )

    drones = intercepted("drones", "drone")
    assert weapon_stopped(drones, 0, 4)
    assert codebook(drones, 0, 4, "Air/drone strike", None) == "Disrupted weapons use"
    assert not weapon_stopped(intercepted("bombers", "bomber"), 0, 4)  # air policing
    helicopter = work_of(
        [
            ("rebels", "rebel", "nsubj", 1, "NOUN", "NNS"),
            ("shot", "shoot", "ROOT", 1, "VERB", "VBD"),
            ("down", "down", "prt", 1, "ADP", "RP"),
            ("a", "a", "det", 4, "DET", "DT"),
            ("helicopter", "helicopter", "dobj", 1, "NOUN", "NN"),
        ]
    )
    assert not weapon_stopped(helicopter, 0, 5)  # a manned aircraft: an attack on its crew


def test_something_that_went_off_is_no_weapon_made_safe():
    exploded = work_of(
        [
            ("an", "an", "det", 1, "DET", "DT"),
            ("IED", "ied", "nsubj", 2, "NOUN", "NN"),
            ("exploded", "explode", "ROOT", 2, "VERB", "VBD"),
        ]
    )
    assert went_off(exploded, 0, 3)
    assert codebook(exploded, 0, 3, "Disrupted weapons use", None) == "Remote explosive/landmine/IED"
    defused = work_of(
        [
            ("troops", "troop", "nsubj", 1, "NOUN", "NNS"),
            ("defused", "defuse", "ROOT", 1, "VERB", "VBD"),
            ("it", "it", "dobj", 1, "PRON", "PRP"),
            ("before", "before", "mark", 6, "ADP", "IN"),
            ("it", "it", "nsubj", 6, "PRON", "PRP"),
            ("could", "could", "aux", 6, "AUX", "MD"),
            ("explode", "explode", "advcl", 1, "VERB", "VB"),
        ]
    )
    assert not went_off(defused, 0, 7)
    assert codebook(defused, 0, 7, "Disrupted weapons use", None) == "Disrupted weapons use"


def test_a_weapon_used_as_a_fact_is_the_event_not_a_development():
    def fired():
        words = [
            ("militants", "militant", "nsubj", 1, "NOUN", "NNS"),
            ("fired", "fire", "ROOT", 1, "VERB", "VBD"),
            ("mortars", "mortar", "dobj", 1, "NOUN", "NNS"),
        ]
        return work_of(words)

    work = fired()
    assert weapon_used(work, 0, 3)
    assert (
        codebook(work, 0, 3, "Headquarters or base established", None) == "Shelling/artillery/missile attack"
    )
    assert codebook(work, 0, 3, "Arrests", None) == "Arrests"  # arrests of those who fired stay arrests
    stop = work_of(
        [
            ("they", "they", "nsubj", 1, "PRON", "PRP"),
            ("agreed", "agree", "ROOT", 1, "VERB", "VBD"),
            ("to", "to", "aux", 3, "PART", "TO"),
            ("stop", "stop", "xcomp", 1, "VERB", "VB"),
            ("the", "the", "det", 5, "DET", "DT"),
            ("shelling", "shelling", "dobj", 3, "NOUN", "NN"),
        ]
    )
    assert not weapon_used(stop, 0, 6)
    assert codebook(stop, 0, 6, "Agreement", None) == "Agreement"


def test_an_exchange_of_fire_by_noun_phrase():
    words = [
        ("an", "an", "det", 1, "DET", "DT"),
        ("exchange", "exchange", "ROOT", 1, "NOUN", "NN"),
        ("of", "of", "prep", 1, "ADP", "IN"),
        ("gunfire", "gunfire", "pobj", 2, "NOUN", "NN"),
    ]
    work = work_of(words)
    assert exchange_of_fire(work, 0, 4)
    assert codebook(work, 0, 4, "Arrests", None) == "Armed clash"
    assert not exchange_of_fire(work_of(words[:3] + [("views", "view", "pobj", 2, "NOUN", "NNS")]), 0, 4)


def one_sided(subject, lemma):
    return work_of(
        [
            (subject, lemma, "nsubj", 1, "NOUN", "NNS"),
            ("executed", "execute", "ROOT", 1, "VERB", "VBD"),
            ("3", "3", "nummod", 3, "NUM", "CD"),
            ("shepherds", "shepherd", "dobj", 1, "NOUN", "NNS"),
        ]
    )


def test_one_sided_violence_on_people_who_fight_no_one():
    militants = one_sided("militants", "militant")
    assert one_sided_harm(militants, 0, 4) == "armed"
    assert codebook(militants, 0, 4, "Armed clash", None) == "Attack"
    villagers = one_sided("villagers", "villager")
    assert one_sided_harm(villagers, 0, 4) == "crowd"
    assert codebook(villagers, 0, 4, "Attack", None) == "Mob violence"
    soldiers = work_of(
        [
            ("militants", "militant", "nsubj", 1, "NOUN", "NNS"),
            ("attacked", "attack", "ROOT", 1, "VERB", "VBD"),
            ("soldiers", "soldier", "dobj", 1, "NOUN", "NNS"),
        ]
    )
    assert one_sided_harm(soldiers, 0, 3) is None
    market_and_base = work_of(
        [
            ("gunmen", "gunman", "nsubj", 1, "NOUN", "NNS"),
            ("attacked", "attack", "ROOT", 1, "VERB", "VBD"),
            ("farmers", "farmer", "dobj", 1, "NOUN", "NNS"),
            ("and", "and", "cc", 2, "CCONJ", "CC"),
            ("a", "a", "det", 6, "DET", "DT"),
            ("military", "military", "amod", 6, "ADJ", "JJ"),
            ("base", "base", "conj", 2, "NOUN", "NN"),
        ]
    )
    assert one_sided_harm(market_and_base, 0, 7) is None  # soldiers too: a clash is possible
    assert codebook(soldiers, 0, 3, "Armed clash", None) == "Armed clash"


def test_territory_taken_back_and_a_curfew():
    back = work_of(
        [
            ("troops", "troop", "nsubj", 1, "NOUN", "NNS"),
            ("took", "take", "ROOT", 1, "VERB", "VBD"),
            ("back", "back", "advmod", 1, "ADV", "RB"),
            ("the", "the", "det", 4, "DET", "DT"),
            ("town", "town", "dobj", 1, "NOUN", "NN"),
        ]
    )
    assert takes_back(back, 0, 5)
    assert codebook(back, 0, 5, "Armed clash", None) == "Government regains territory"
    curfew = work_of(
        [
            ("the", "the", "det", 1, "DET", "DT"),
            ("junta", "junta", "nsubj", 2, "NOUN", "NN"),
            ("imposed", "impose", "ROOT", 2, "VERB", "VBD"),
            ("a", "a", "det", 4, "DET", "DT"),
            ("curfew", "curfew", "dobj", 2, "NOUN", "NN"),
        ]
    )
    assert emergency(curfew, 0, 5)
    assert codebook(curfew, 0, 5, "Change to group/activity", None) == "Other"


def test_a_peaceful_protest_met_with_water_cannon_or_suppressed_is_one_with_intervention():
    cannon = work_of(
        [
            ("police", "police", "nsubj", 1, "NOUN", "NNS"),
            ("used", "use", "ROOT", 1, "VERB", "VBD"),
            ("water", "water", "compound", 3, "NOUN", "NN"),
            ("cannon", "cannon", "dobj", 1, "NOUN", "NN"),
        ]
    )
    assert codebook(cannon, 0, 4, "Peaceful protest", None) == "Protest with intervention"
    suppressed = work_of(
        [
            ("police", "police", "nsubj", 1, "NOUN", "NNS"),
            ("suppressed", "suppress", "ROOT", 1, "VERB", "VBD"),
            ("a", "a", "det", 3, "DET", "DT"),
            ("march", "march", "dobj", 1, "NOUN", "NN"),
        ]
    )
    assert codebook(suppressed, 0, 4, "Peaceful protest", None) == "Protest with intervention"
    marched = work_of(
        [("teachers", "teacher", "nsubj", 1, "NOUN", "NNS"), ("marched", "march", "ROOT", 1, "VERB", "VBD")]
    )
    assert codebook(marched, 0, 2, "Peaceful protest", None) == "Peaceful protest"


NOTES = [
    (
        "On 4 May 2022, a truck bomb driven by a suicide attacker exploded at a checkpoint in Beledweyne "
        "(Beledweyne, Hiraan). 9 fatalities.",
        "Suicide bomb",
    ),
    (
        "On 9 January 2023, the air force bombed militant hideouts near Gwoza (Gwoza, Borno). Fatalities unknown.",
        "Air/drone strike",
    ),
    (
        "On 2 December 2022, gunmen executed 5 farmers near Bandiagara (Bandiagara, Mopti).",
        "Attack",
    ),
    (
        "On 7 July 2022, soldiers and militiamen exchanged gunfire near Beni (Beni, Nord-Kivu). No casualties.",
        "Armed clash",
    ),
    # ACLED's crowd-size tag marks a demonstration: a march (a weak trigger alone) keeps its event
    (
        "On 12 April 2022, opposition supporters marched in Mombasa (Mvita, Mombasa) against high food "
        "prices. [size=no report]",
        "Peaceful protest",
    ),
    # a raid made on the ground by an armed side: on villagers an Attack, on police a clash; by the
    # air force still an air strike
    (
        "On 4 May 2021, bandits raided Kuchi village (Munya, Niger) and killed 12 villagers.",
        "Attack",
    ),
    (
        "On 4 May 2021, Al Shabaab militants raided a police station in Balad (Balcad, Middle Shabelle), "
        "killing 3 police officers.",
        "Armed clash",
    ),
    (
        "On 4 May 2021, the air force conducted raids on ISWAP positions near Marte (Marte, Borno), "
        "killing 20 militants.",
        "Air/drone strike",
    ),
]


@pytest.mark.parametrize("note,sub", NOTES)
def test_codebook_on_notes(analyze, note, sub):
    rec = analyze(note, published=None)
    assert rec.events and rec.events[0].sub_event_type == sub
