"""actor1 where an ACLED note's second sentence counts the dead, and the other kinds of the blind
notes' actor1 misses (branch actors4, issue 9 part 2): the parties of "N were killed" are the
previous sentence's (doers.toll_event), "an army operation" is the army's, a junta is the state's
forces, "Turkana cattle raiders" an ethnic militia, monitors who record shots and explosions are no
party, and a clash whose sides go unnamed is the state's forces' (events/actors.py,
actor_phrases.py; word data lang/actors.py). The sentences are made up here."""

from __future__ import annotations

import pytest


def first_event(analyze, text):
    rec = analyze(text, published="2022-06-01")
    assert rec.events, rec.errors
    return rec.events[0]


def actor1(analyze, text):
    a1 = first_event(analyze, text).actor1
    return a1.name if a1 is not None else None


@pytest.mark.parametrize(
    "text,expected",
    [
        # the toll sentence's trigger ("were killed") names no one who killed: the note's first sentence
        (
            "On 3 May 2022, Abu Sayyaf fighters and Philippine Marines had a firefight near Patikul, "
            "Sulu. 2 fighters were killed.",
            "Abu Sayyaf",
        ),
        (
            "On 3 May 2022, Burkinabe soldiers and VDP volunteers took back the village of Diapaga, "
            "Burkina Faso, after dislodging JNIM militants. 5 militants were killed.",
            "Military Forces of Burkina Faso",
        ),
        (
            "On 3 May 2022, an exchange of fire took place between Sudanese troops and RSF members "
            "near Nyala, Sudan. 4 soldiers were killed.",
            "Military Forces of Sudan",
        ),
        # a force's operation is the force's, with its demonym
        (
            "On 3 May 2022, a Peruvian army operation against Shining Path members ended in a gunfight "
            "near Vizcatan, Peru. 1 soldier was killed.",
            "Military Forces of Peru",
        ),
        # a people's cattle raiders are that people's militia
        (
            "On 3 May 2022, Toposa cattle raiders exchanged fire with Didinga herders near Chukudum, "
            "South Sudan. 6 people were killed.",
            "Toposa Ethnic Militia (South Sudan)",
        ),
    ],
)
def test_toll_sentence_and_names(analyze, text, expected):
    assert actor1(analyze, text) == expected


def test_the_killed_keep_their_own_agent(analyze):
    # an agent in the toll sentence itself still names the doer
    text = (
        "On 3 May 2022, fighting broke out near Patikul, Sulu. 2 soldiers were killed by Abu Sayyaf fighters."
    )
    assert actor1(analyze, text) == "Abu Sayyaf"


def test_junta_is_the_states_forces(analyze):
    text = "On 3 May 2022, the military junta imposed a curfew in Mandalay, Myanmar."
    assert actor1(analyze, text) == "Military Forces of Myanmar"


def test_monitors_are_no_party(analyze):
    # who records shots and explosions reports the clash; its sides go unnamed: the state's forces
    text = "On 3 May 2022, the OSCE SMM recorded 14 explosions near Donetsk, Ukraine."
    ev = first_event(analyze, text)
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor1 is not None and ev.actor1.name == "Military Forces of Ukraine"


@pytest.mark.parametrize(
    "text,expected",
    [
        # a clan's men are the clan's militia, with the clan's whole name
        (
            "On 3 May 2022, Marehan clansmen attacked a Habar Gidir clan militia near Dhusamareb, Somalia.",
            "Marehan Clan Militia (Somalia)",
        ),
        # unnamed clans, and people "from" clans
        (
            "On 3 May 2022, clan militias fought over a well near Balcad, Somalia. 2 people were killed.",
            "Unidentified Clan Militia (Somalia)",
        ),
        (
            "On 3 May 2022, elders from two clans signed a peace agreement in Galkayo, Somalia.",
            "Unidentified Clan Militia (Somalia)",
        ),
    ],
)
def test_clan_militias(analyze, text, expected):
    assert actor1(analyze, text) == expected


def test_naf_in_ukraine_is_the_donbas_forces(analyze):
    # "NAF" is Nigeria's air force, but in Ukraine's east ACLED's Novorossiya forces
    text = "On 2 March 2021, NAF shelled Ukrainian positions near Avdiivka, Ukraine. No casualties reported."
    assert actor1(analyze, text) == "NAF: United Armed Forces of Novorossiya"
    text = "On 2 March 2021, NAF jets bombed a camp near Sambisa, Nigeria."
    assert actor1(analyze, text) == "Military Forces of Nigeria"


def test_an_unclaimed_air_strike(analyze):
    ev = first_event(analyze, "On 2 March 2021, a drone strike hit a car near Jilib, Somalia, killing 2 men.")
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.actor1 is not None and ev.actor1.name == "Unidentified Military Forces"


def test_a_passive_event_of_its_own_keeps_its_sentence(analyze):
    # a seizure or an interception is no casualty count of the sentence before
    text = (
        "On 2 March 2021, a man robbed a bank in Basra, Iraq. He was intercepted by nobody named. "
        "Rifles were seized."
    )
    ev = first_event(analyze, text)
    assert ev.actor1 is None or not ev.actor1.name.startswith("Civilians")
    # a toll sentence with its own doer keeps it
    text = (
        "On 2 March 2021, an attack was launched on a base near El Wak, Kenya. One soldier was killed "
        "after Al Shabaab fighters attacked the base."
    )
    assert actor1(analyze, text) == "Al Shabaab"


@pytest.mark.parametrize(
    "text,expected",
    [
        # a group's name split by the tokenizer, on its members
        ("On 2 March 2021, IPOB/ESN members attacked a police post in Orlu, Nigeria.", "IPOB"),
        ("On 2 March 2021, suspected IPOB/ESN operatives burned a police post in Orlu, Nigeria.", "IPOB"),
        ("On 2 March 2021, CPI-Maoist cadres attacked a police camp near Bijapur, India.", "Maoist"),
    ],
)
def test_split_names_on_their_members(analyze, text, expected):
    assert actor1(analyze, text) == expected


def test_blind_notes_actor1_holds():
    """The blind ACLED-style notes' actor1 (scripts/eval_acled_notes.py, the shared scorer's name test):
    branch actors4 tuned 52 -> 62 of 67 (.925), sealed 25 -> 28 of 37 (.757); floors 0.01 under."""
    import importlib.util
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location(
        "eval_acled_notes", root / "scripts" / "eval_acled_notes.py"
    )
    assert spec is not None and spec.loader is not None
    ev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ev)
    if not ev.SCORER.exists():
        pytest.skip("the shared scorer is not here")
    gold_path = root / "examples" / "acled-notes-dev" / "gold.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    recs = ev.predict(str(gold_path), None)
    hits = {True: [0, 0], False: [0, 0]}
    for g in gold:
        e = (recs[g["id"]].get("events") or [{}])[0]
        a1 = (e.get("actor1") or {}).get("name")
        part = hits[ev.sealed(g["id"])]
        part[0] += ev.names_match(a1, g["actor1"])
        part[1] += 1
    (tuned, nt), (sealed, ns) = hits[False], hits[True]
    assert (nt, ns) == (67, 37)
    assert tuned / nt >= 0.915 and sealed / ns >= 0.747, hits


@pytest.mark.parametrize(
    "text,expected",
    [
        # a claim in the note's other sentence names the doer the event's own sentence did not
        (
            "On 2 March 2021, an IED exploded near an army convoy in Boni, Mali. The attack was claimed by JNIM.",
            "JNIM",
        ),
        (
            "On 2 March 2021, 3 soldiers were killed in an ambush near Jowhar, Somalia. Al Shabaab claimed "
            "responsibility.",
            "Al Shabaab",
        ),
        # no claim: the unclaimed default stays
        (
            "On 2 March 2021, a mine exploded under a convoy near Kidal, Mali. No group immediately claimed "
            "responsibility for the attack.",
            "Unidentified Armed Group (Mali)",
        ),
        (
            "On 2 March 2021, a grenade was thrown at a police station in Jalandhar, India. NIA claimed to "
            "have arrested the thrower.",
            "Unidentified Armed Group (India)",
        ),
    ],
)
def test_a_claim_in_another_sentence(analyze, text, expected):
    assert actor1(analyze, text) == expected
