"""ACLED's coding of two sides fighting, bombs without a suicide attacker, arrests at a protest and a
group destroying property (events/coding.py), on sentences built by hand."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from according.events.coding import (
    apply_conventions,
    arrest_at_a_protest,
    destroys_property,
    suicide_attacker,
    two_sides_fight,
)
from test_relevance_features import parse_of


def fought(subject: tuple, obj: list[tuple]) -> SimpleNamespace:
    """'<subject> fought <obj ...>': obj tokens given with heads counted from the sentence start."""
    return SimpleNamespace(parse=parse_of([subject, ("fought", "fight", "ROOT", 1, "VERB", "VBD"), *obj]))


def test_two_sides_fighting_each_other_is_a_clash_whatever_else_the_words_say():
    work = fought(
        ("Clans", "clan", "nsubj", 1, "NOUN", "NNS"),
        [("each", "each", "det", 3, "DET", "DT"), ("other", "other", "dobj", 1, "ADJ", "JJ")],
    )
    assert two_sides_fight(work, 0, 4) == "reciprocal"
    for sub in ("Attack", "Remote explosive/landmine/IED", "Non-state actor overtakes territory"):
        assert apply_conventions(work, 0, 4, sub, 0, None) == "Armed clash"
    crowd = fought(
        ("Protesters", "protester", "nsubj", 1, "NOUN", "NNS"),
        [("each", "each", "det", 3, "DET", "DT"), ("other", "other", "dobj", 1, "ADJ", "JJ")],
    )
    assert two_sides_fight(crowd, 0, 4) is None  # a crowd fighting is a riot's business


def test_an_armed_side_fighting_another_turns_an_attack_but_not_an_explosion():
    work = fought(
        ("Rebels", "rebel", "nsubj", 1, "NOUN", "NNS"),
        [("with", "with", "prep", 1, "ADP", "IN"), ("troops", "troop", "pobj", 2, "NOUN", "NNS")],
    )
    assert two_sides_fight(work, 0, 4) == "armed"
    assert apply_conventions(work, 0, 4, "Attack", 0, None) == "Armed clash"
    assert apply_conventions(work, 0, 4, "Air/drone strike", 0, None) == "Air/drone strike"
    civilians = fought(
        ("Rebels", "rebel", "nsubj", 1, "NOUN", "NNS"),
        [("with", "with", "prep", 1, "ADP", "IN"), ("villagers", "villager", "pobj", 2, "NOUN", "NNS")],
    )
    assert two_sides_fight(civilians, 0, 4) is None


def car_bomb(doer: list[tuple]) -> SimpleNamespace:
    """'A car bomb went off' (after '<doer> ...' tokens that do not touch it)."""
    n = len(doer)
    return SimpleNamespace(
        parse=parse_of(
            [
                *doer,
                ("A", "a", "det", n + 2, "DET", "DT"),
                ("car", "car", "compound", n + 2, "NOUN", "NN"),
                ("bomb", "bomb", "nsubj", n + 3, "NOUN", "NN"),
                ("went", "go", "ROOT", n + 3, "VERB", "VBD"),
                ("off", "off", "prt", n + 3, "ADP", "RP"),
            ]
        )
    )


def test_a_bomb_is_a_suicide_bomb_only_with_a_suicide_attacker():
    work = car_bomb([])
    assert not suicide_attacker(work, 0, 5)
    assert apply_conventions(work, 0, 5, "Suicide bomb", 0, None) == "Remote explosive/landmine/IED"
    named = car_bomb(
        [("Suicide", "suicide", "compound", 1, "NOUN", "NN"), ("attack", "attack", "ROOT", 1, "NOUN", "NN")]
    )
    assert suicide_attacker(named, 0, 7)
    assert apply_conventions(named, 0, 7, "Suicide bomb", 0, None) == "Suicide bomb"
    reflexive = SimpleNamespace(
        parse=parse_of(
            [
                ("Militants", "militant", "nsubj", 1, "NOUN", "NNS"),
                ("killed", "kill", "ROOT", 1, "VERB", "VBD"),
                ("themselves", "themselves", "dobj", 1, "PRON", "PRP"),
            ]
        )
    )
    assert suicide_attacker(reflexive, 0, 3)


def detained(tail: list[tuple]) -> SimpleNamespace:
    return SimpleNamespace(
        parse=parse_of(
            [
                ("Police", "police", "nsubj", 1, "PROPN", "NNP"),
                ("detained", "detain", "ROOT", 1, "VERB", "VBD"),
                ("ten", "ten", "nummod", 3, "NUM", "CD"),
                ("people", "people", "dobj", 1, "NOUN", "NNS"),
                *tail,
            ]
        )
    )


def test_an_arrest_during_a_protest_is_intervention_an_arrest_for_one_is_not():
    during = detained(
        [("during", "during", "prep", 1, "ADP", "IN"), ("rally", "rally", "pobj", 4, "NOUN", "NN")]
    )
    assert arrest_at_a_protest(during, 0, 6)
    assert apply_conventions(during, 0, 6, "Arrests", 0, None) == "Protest with intervention"
    reason = detained(
        [("for", "for", "prep", 1, "ADP", "IN"), ("protest", "protest", "pobj", 4, "NOUN", "NN")]
    )
    assert not arrest_at_a_protest(reason, 0, 6)
    assert apply_conventions(reason, 0, 6, "Arrests", 0, None) == "Arrests"
    plain = detained([])
    assert not arrest_at_a_protest(plain, 0, 4)


def burned(doer: tuple, obj: tuple = ("school", "school", "dobj", 1, "NOUN", "NN")) -> SimpleNamespace:
    return SimpleNamespace(
        parse=parse_of(
            [doer, ("burned", "burn", "ROOT", 1, "VERB", "VBD"), ("down", "down", "prt", 1, "ADP", "RP"), obj]
        )
    )


def test_a_group_destroying_a_building_is_coded_by_who_does_it():
    men = burned(("Men", "man", "nsubj", 1, "NOUN", "NNS"))
    assert destroys_property(men.parse, 0, 4) == "other"
    assert apply_conventions(men, 0, 4, "Arrests", 0, None) == "Looting/property destruction"
    mob = burned(("Mob", "mob", "nsubj", 1, "NOUN", "NN"))
    assert destroys_property(mob.parse, 0, 4) == "crowd"
    assert apply_conventions(mob, 0, 4, "Arrests", 0, None) == "Mob violence"
    assert destroys_property(burned(("Fire", "fire", "nsubj", 1, "NOUN", "NN")).parse, 0, 4) is None
    toast = burned(("Men", "man", "nsubj", 1, "NOUN", "NNS"), ("toast", "toast", "dobj", 1, "NOUN", "NN"))
    assert destroys_property(toast.parse, 0, 4) is None  # no building


@pytest.mark.parametrize(
    "text,sub",
    [
        (
            "Two rival clans fought each other in the hills near the mine on Saturday, leaving three dead.",
            "Armed clash",
        ),
        (
            "A car bomb went off near a police station in the city centre on Tuesday, killing three people.",
            "Remote explosive/landmine/IED",
        ),
        (
            "A suicide bomber detonated a car bomb at a checkpoint on Tuesday, killing three soldiers.",
            "Suicide bomb",
        ),
        (
            "Unidentified men burned down a school in the village on Sunday night.",
            "Looting/property destruction",
        ),
        (
            "Police detained dozens of protesters during a rally in the capital on Sunday.",
            "Protest with intervention",
        ),
    ],
)
def test_short_reports_are_coded_as_acled_codes(analyze, text, sub):
    rec = analyze(text, published="2024-02-14")
    assert [e.sub_event_type for e in rec.events] == [sub]


def test_a_brief_whose_only_trigger_is_an_accident_gives_no_event(analyze):
    for text in (
        "A delivery van crash killed two people on the county road on Sunday, police said.",
        "A cyclist was killed in a traffic accident on Monday morning near the bridge.",
    ):
        assert analyze(text, published="2024-02-14").events == ()
    rec = analyze(
        "Gunmen killed two people on the county road on Sunday, police said.", published="2024-02-14"
    )
    assert [e.event_type for e in rec.events] == ["Violence against civilians"]


def test_intercepting_aircraft_is_air_policing_a_weapon_intercepted_is_not():
    from according.events.clauses import air_policing

    p = parse_of(
        [
            ("Jets", "jet", "nsubj", 1, "NOUN", "NNS"),
            ("intercepted", "intercept", "ROOT", 1, "VERB", "VBD"),
            ("bombers", "bomber", "dobj", 1, "NOUN", "NNS"),
            ("and", "and", "cc", 2, "CCONJ", "CC"),
            ("fighters", "fighter", "conj", 2, "NOUN", "NNS"),
        ]
    )
    assert air_policing(p, 1) and air_policing(p, 2) and air_policing(p, 4)
    q = parse_of(
        [
            ("Defences", "defence", "nsubj", 1, "NOUN", "NNS"),
            ("intercepted", "intercept", "ROOT", 1, "VERB", "VBD"),
            ("missiles", "missile", "dobj", 1, "NOUN", "NNS"),
        ]
    )
    assert not air_policing(q, 1)


def test_an_armed_sides_protest_is_a_claim_not_a_demonstration():
    from according.events.clauses import not_a_demonstration

    def protesting(subject: tuple):
        return parse_of(
            [
                subject,
                ("protested", "protest", "ROOT", 1, "VERB", "VBD"),
                ("against", "against", "prep", 1, "ADP", "IN"),
                ("modernity", "modernity", "pobj", 2, "NOUN", "NN"),
            ]
        )

    assert not_a_demonstration(protesting(("Terrorists", "terrorist", "nsubj", 1, "NOUN", "NNS")), 1)
    assert not not_a_demonstration(protesting(("Students", "student", "nsubj", 1, "NOUN", "NNS")), 1)


def test_looting_by_a_crowd_is_a_riot_and_marchers_smashing_windows_riot():
    looters = SimpleNamespace(
        parse=parse_of(
            [
                ("Rioters", "rioter", "nsubj", 1, "NOUN", "NNS"),
                ("looted", "loot", "ROOT", 1, "VERB", "VBD"),
                ("shops", "shop", "dobj", 1, "NOUN", "NNS"),
            ]
        )
    )
    assert (
        apply_conventions(looters, 0, 3, "Looting/property destruction", 0, None) == "Violent demonstration"
    )
    soldiers = SimpleNamespace(
        parse=parse_of(
            [
                ("Soldiers", "soldier", "nsubj", 1, "NOUN", "NNS"),
                ("looted", "loot", "ROOT", 1, "VERB", "VBD"),
                ("shops", "shop", "dobj", 1, "NOUN", "NNS"),
            ]
        )
    )
    assert (
        apply_conventions(soldiers, 0, 3, "Looting/property destruction", 0, None)
        == "Looting/property destruction"
    )
    marchers = SimpleNamespace(
        parse=parse_of(
            [
                ("Thousands", "thousand", "nsubj", 1, "NOUN", "NNS"),
                ("marched", "march", "ROOT", 1, "VERB", "VBD"),
                ("and", "and", "cc", 1, "CCONJ", "CC"),
                ("some", "some", "nsubj", 4, "DET", "DT"),
                ("smashed", "smash", "conj", 1, "VERB", "VBD"),
                ("windows", "window", "dobj", 4, "NOUN", "NNS"),
            ]
        )
    )
    assert apply_conventions(marchers, 0, 6, "Peaceful protest", 0, None) == "Violent demonstration"


SHOWN = (
    "Apple demonstrated the new music store to reporters in San Francisco on Monday. The store sells songs "
    "for one dollar each and works on every computer the company makes. Executives said sales would start "
    "next month in the United States and later in Europe. Analysts said the price was low. The first song "
    "bought during the demonstration was an old disco hit. Shares rose two percent."
)
MARCHED = (
    "Thousands of people marched through the capital on Monday to demand new elections. Police watched from "
    "side streets as the crowd grew. Organisers said more than ten thousand took part. The opposition leader "
    "spoke to supporters at the end of the march. Two people were arrested during the demonstration, police "
    "said. Shops stayed closed all day."
)


def test_the_demonstration_refers_back_to_what_was_first_demonstrated(analyze):
    from according import nlp
    from according.events.clauses import _the_shown_one

    for text, shown in ((SHOWN, True), (MARCHED, False)):
        p = nlp.parse(text)
        k = max(j for j, t in enumerate(p.toks) if t.lemma.lower() == "demonstration")
        assert _the_shown_one(p, k) is shown
    assert analyze(SHOWN, published="2024-02-14").events == ()
    assert analyze(MARCHED, published="2024-02-14").events


def test_explosives_made_safe_are_disrupted_weapons_use_unless_one_went_off():
    from according.events.coding import disarms_explosives

    def defused(extra: list[tuple]) -> SimpleNamespace:
        return SimpleNamespace(
            parse=parse_of(
                [
                    ("Sappers", "sapper", "nsubj", 1, "NOUN", "NNS"),
                    ("defused", "defuse", "ROOT", 1, "VERB", "VBD"),
                    ("landmines", "landmine", "dobj", 1, "NOUN", "NNS"),
                    *extra,
                ]
            )
        )

    safe = defused([])
    assert disarms_explosives(safe, 0, 3)
    assert apply_conventions(safe, 0, 3, "Remote explosive/landmine/IED", 0, None) == "Disrupted weapons use"
    blast = defused([("after", "after", "prep", 1, "ADP", "IN"), ("blast", "blast", "pobj", 3, "NOUN", "NN")])
    assert not disarms_explosives(blast, 0, 5)  # something went off


def test_what_an_aircraft_destroys_is_an_air_strike():
    from according.events.coding import aircraft_harm

    def destroyed(doer: str, lemma: str) -> SimpleNamespace:
        return SimpleNamespace(
            parse=parse_of(
                [
                    (doer, lemma, "nsubj", 1, "NOUN", "NNS"),
                    ("destroyed", "destroy", "ROOT", 1, "VERB", "VBD"),
                    ("depots", "depot", "dobj", 1, "NOUN", "NNS"),
                ]
            )
        )

    jets = destroyed("Warplanes", "warplane")
    assert aircraft_harm(jets, 0, 3)
    assert apply_conventions(jets, 0, 3, "Disrupted weapons use", 0, None) == "Air/drone strike"
    troops = destroyed("Troops", "troop")
    assert not aircraft_harm(troops, 0, 3)
    assert apply_conventions(troops, 0, 3, "Disrupted weapons use", 0, None) == "Disrupted weapons use"
