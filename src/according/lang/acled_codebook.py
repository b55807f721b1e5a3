"""English word data of events/codebook.py: ACLED's codebook conventions that ACLED's own notes
phrase in ways CASE 2021's news snippets rarely do (issue 9, part 2)."""

from __future__ import annotations

# What "suicide" must qualify to name a suicide attacker ("a suicide bomber", "a suicide attacker", "a
# suicide vest", "a suicide car bomb"); "kamikaze drones" are drones, and "suicide" alone (a jail
# suicide) names no attacker.
SUICIDE_HEADS = {
    "bomber",
    "attacker",
    "bombing",
    "bomb",
    "vest",
    "belt",
    "attack",
    "car",
    "truck",
    "vehicle",
    "vbied",
    "operation",
    "mission",
}
# Fire from both sides named by a noun phrase ("an exchange of fire", "an exchange of gunfire"), and
# the lemma pairs in a row that coding.TWO_SIDED_FIRE does not list ("exchanged gunfire").
EXCHANGE_NOUNS = {"exchange"}
FIRE_NOUNS = {"fire", "gunfire", "shot", "shots"}
# People no armed side fights: an armed side killing, attacking, executing, beating or abducting these
# (and no fire exchanged) commits violence against civilians, not a clash. People, not places: CASE
# 2021 codes village raids that met resistance as clashes.
CIVILIAN_PEOPLE = set(
    (
        "civilian villager resident worshipper worshiper refugee farmer shepherd herdsman trader merchant "
        "passenger student pupil child girl boy woman man people person family chief teacher driver "
        "journalist pilgrim mourner motorist traveller traveler vendor fisherman miner worker"
    ).split()
)
# Doers who are no armed side: people of a place or a crowd ("villagers set upon and killed a man", "a
# crowd beat a suspected thief"). ACLED codes their violence as Mob violence (a riot), not an attack.
CROWD_OF_CIVILIANS = {"villager", "resident", "crowd", "mob", "youth", "local", "vigilante", "neighbour"}
# Verbs of one-sided violence on people (with the lexicon's Attack triggers)
HARM_VERBS = {
    "kill",
    "attack",
    "execute",
    "beat",
    "murder",
    "shoot",
    "stab",
    "behead",
    "lynch",
    "hack",
    "torture",
}
# Weapons stopped in the air, by verb ("air defence intercepted 3 drones") or verb and particle ("shot
# down a drone"): ACLED's Disrupted weapons use.
INTERCEPT_VERBS = {"intercept"}
# Manned aircraft: shooting one down is an attack on its crew, not weapons stopped ("rocket-propelled
# grenades were used to shoot down an army helicopter": CASE 2021 codes it a missile attack).
MANNED_AIRCRAFT = {
    "helicopter",
    "gunship",
    "aircraft",
    "plane",
    "airplane",
    "jet",
    "warplane",
    "fighter",
    "airliner",
}
# ACLED's Strategic developments / Other: a curfew or a state of emergency declared or imposed.
EMERGENCY_WORDS = {"curfew"}  # (not "lockdown": a looting "during the COVID-19 lockdown" is looting)
EMERGENCY_PHRASES = {("state", "of", "emergency"), ("martial", "law")}
# Verbs that with the particle "back" say territory changed hands again ("took back", "won back").
TAKE_BACK_VERBS = {"take", "win", "get"}
# A state's means against a peaceful crowd beyond coding.CROWD_CONTROL_WORDS: "the police suppressed a
# peaceful march" (ACLED: Protest with intervention).
SUPPRESS_WORDS = {"suppress", "crackdown"}
# Modifiers that make a convoy or a vehicle civilian ("a humanitarian convoy", "an aid convoy").
CIVILIAN_MODIFIERS = {"humanitarian", "aid", "civilian", "relief", "commercial", "passenger"}
# Something went off (ACLED: the explosion is the event, not weapons made safe): a verb or noun of
# detonation, or "went off"; not where it is unreal ("before it could explode", "failed to explode").
DETONATIONS = {"explode", "detonate", "blast", "explosion"}
UNREAL_DETONATION_MARKS = {"before", "could", "would", "might", "can", "fail", "not", "never", "without"}
# Verbs of a weapon of remote violence in use ("fired mortars", "a rocket landed", "a drone struck",
# "shells hit the market"): where the text reports one as a fact, a development reading gives way to
# the weapon (ACLED codes remote violence by its weapon).
WEAPON_USE_VERBS = {
    "fire",
    "launch",
    "hit",
    "strike",
    "land",
    "target",
    "drop",
    "kill",
    "wound",
    "injure",
    "destroy",
    "damage",
    "explode",
}

# Words beside lang.event_reports.AIRCRAFT_WORDS that make a raid an air raid ("an air raid", "a
# drone raid", "helicopters raided"): events/codebook.ground_raid.
AIR_RAID_WORDS = {"air", "airstrike", "drone", "helicopter", "warplane"}
