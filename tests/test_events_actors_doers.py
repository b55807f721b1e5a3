"""The doer of an event where the text names it only by kind or through the parse (events/actors.py,
word data lang/actor_doers.py), and the types that follow the doer (events/coding.follow_actors)."""

from __future__ import annotations

import pytest


def first_event(analyze, text):
    rec = analyze(text, published="2024-03-20")
    assert rec.events, rec.errors
    return rec.events[0]


def name(actor):
    return actor.name if actor is not None else None


@pytest.mark.parametrize(
    "text,actor1",
    [
        # an attack noun's modifier names armed men of no name
        (
            "At least 24 civilians suffered suffocation as a result of a rebel attack with poisonous gas "
            "in Aleppo, Syria on Tuesday.",
            "Unidentified Armed Group (Syria)",
        ),
        # the agent of the weapon an explosion is "of": not the children it hurt
        (
            "Three children suffered injuries on Tuesday due to an explosion of a landmine planted by "
            "the Islamic State group in al-Bab, Syria.",
            "Islamic State",
        ),
        # the weapon's own agent when the clause's subject names no one; a backer is not the owner
        (
            "At least three civilians were killed and dozens wounded in airstrikes launched by "
            "US-backed Saudi warplanes on Saada, Yemen on Sunday.",
            "Military Forces of Saudi Arabia",
        ),
        # "in an attack by X" on a verb coordinated with the trigger; "rebel forces" are no state's
        (
            "At least 12 people were killed and two others were injured in an attack by rebel forces "
            "in Yei, South Sudan on Thursday.",
            "Unidentified Armed Group (South Sudan)",
        ),
        # an unresolved "they" in a clause under another is that clause's subject
        (
            "The Somali National Army has seized control of Toratorow town in southern Somalia where "
            "they have also captured a senior al-Shabab commander.",
            "Military Forces of Somalia",
        ),
        # a gerund after "after" or "by" shares its verb's subject
        (
            "Rebel fighters will advance to Al-Bab after seizing the town of Dabiq, Syria from the Islamic "
            "State, the Turkish foreign minister said on Sunday.",
            "Unidentified Armed Group (Syria)",
        ),
        # shells fired by X, the weapon coordinated with another ("rockets and mortar shells")
        (
            "At least 36 civilians were injured as rockets and mortar shells fired by YPG militants in "
            "Syria hit Akcakale, Turkey.",
            "YPG",
        ),
    ],
)
def test_doer_named_by_kind_or_parse(analyze, text, actor1):
    assert name(first_event(analyze, text).actor1) == actor1


def test_civilians_are_never_the_doer_of_violence(analyze):
    ev = first_event(
        analyze, "On 3 March 2024, four children were wounded when a mine exploded near Kismayo, Somalia."
    )
    assert ev.event_type == "Explosions/Remote violence"
    assert not name(ev.actor1) or not name(ev.actor1).startswith("Civilians")


def test_a_crowd_that_attacks_riots(analyze):
    # ACLED: villagers who attack are Rioters, and their violence is mob violence, not a battle
    ev = first_event(
        analyze,
        "Hundreds of villagers attacked a police station in Kaduna, Nigeria on 3 March, killing two officers.",
    )
    assert name(ev.actor1) == "Rioters (Nigeria)"
    assert (ev.event_type, ev.sub_event_type) == ("Riots", "Mob violence")


def test_a_crowd_that_attacks_at_a_demonstration_is_a_violent_demonstration(analyze):
    ev = first_event(
        analyze,
        "On 3 March 2024, protesters attacked a police station in Kaduna, Nigeria during a demonstration "
        "against the governor.",
    )
    assert ev.sub_event_type == "Violent demonstration"


def test_the_month_march_is_no_demonstration(analyze):
    # "on 3 March": the month, not a march
    ev = first_event(
        analyze,
        "On 3 March 2024, residents of Kaduna, Nigeria attacked two men suspected of theft and beat them.",
    )
    assert ev.sub_event_type == "Mob violence"


def test_a_crowd_in_a_firefight_stays_a_battle(analyze):
    # the text names the fire exchanged: a clash (as CASE 2021 codes it), whoever fired first
    ev = first_event(
        analyze,
        "A man was killed when government supporters attacked American troops near Qamishli, Syria, "
        "prompting a rare clash; the troops came under fire and responded.",
    )
    assert ev.event_type != "Riots"


def test_an_armed_group_that_protests_makes_a_claim(analyze):
    # ACLED's demonstrators are civilians: rebels protesting is a strategic development by the rebels
    ev = first_event(
        analyze, "M23 rebels protested the killing of their commander in Goma, DR Congo on 3 March 2024."
    )
    assert (ev.event_type, ev.sub_event_type) == ("Strategic developments", "Other")
    assert name(ev.actor1) == "M23"
    assert ev.fatalities == 0


def test_soldiers_who_protest_still_demonstrate(analyze):
    ev = first_event(
        analyze, "On 3 March 2024, hundreds of soldiers protested over unpaid salaries in Bamako, Mali."
    )
    assert ev.event_type == "Protests"


def test_who_takes_a_place_others_left(analyze):
    ev = first_event(
        analyze,
        "Syrian government forces have recovered control of two villages near Idlib, Syria from rebel "
        "fighters who withdrew following intensive bombardment.",
    )
    assert name(ev.actor1) == "Military Forces of Syria"
    assert name(ev.actor2) == "Unidentified Armed Group (Syria)"


def test_who_accuses_did_not_do_it(analyze):
    # "accused Iran of bombing": the gerund's doer is not the one who accuses
    rec = analyze(
        "Secretary-General Antonio Guterres on Sunday accused Iran of bombing Damascus, Syria on Saturday.",
        published="2024-03-20",
    )
    assert all(not e.actor1 or "Guterres" not in e.actor1.name for e in rec.events)


def test_opposition_groups_are_not_armed_but_opposition_forces_are(analyze):
    demand = analyze(
        "Opposition groups in Zimbabwe are demanding that President Mugabe abandon his policy of land "
        "confiscations.",
        published="2024-03-20",
    )
    assert all(not e.actor1 or not e.actor1.name.startswith("Unidentified") for e in demand.events)
    attack = first_event(
        analyze,
        "On 3 March 2024, opposition forces attacked government troops in a village near Idlib, Syria.",
    )
    assert name(attack.actor1).startswith("Unidentified Armed Group")


@pytest.mark.parametrize(
    "text,actor1",
    [
        # a US state's troopers are its police ...
        (
            "State troopers shot and killed a man during a raid in Harrisburg, Pennsylvania on 3 March 2024.",
            "Police Forces of United States",
        ),
        # ... while troopers of an army command are its soldiers
        (
            "Troopers from the Northern Luzon Command attacked a rebel camp in Abra, Philippines on 3 March "
            "2024, killing two rebels.",
            "Military Forces of Philippines",
        ),
    ],
)
def test_troopers_by_whose_force_they_are(analyze, text, actor1):
    # (the project's names drop ACLED's "the": the shared scorer matches actor names by word sets)
    assert name(first_event(analyze, text).actor1) == actor1
