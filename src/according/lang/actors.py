"""English word data of event actors: the nouns that name state forces, police, unidentified armed
men, protesters, rioters and civilians, as ACLED names its generic actors ("Military Forces of
Nigeria", "Protesters (Iraq)"), and the nouns that are no actor (a weapon, an attack)."""

from __future__ import annotations

MILITARY = {
    "soldier",
    "troop",
    "army",
    "military",
    "force",
    "serviceman",
    "servicemen",
    "marine",
    "paratrooper",
    "commando",
    "jet",
    "warplane",
    "aircraft",
    "airstrike",
    "strike",
    "drone",
    "artillery",
    "navy",
}

POLICE = {"police", "policeman", "policemen", "officer", "cop", "gendarme", "gendarmerie", "constable"}

UNIDENTIFIED = {
    "gunman",
    "gunmen",
    "assailant",
    "attacker",
    "militant",
    "insurgent",
    "bandit",
    "kidnapper",
    "unidentified",
    "unknown",
    "terrorist",
    "jihadist",
}

PROTESTERS = {
    "protester",
    "protestor",
    "demonstrator",
    "activist",
    "marcher",
    "worker",
    "student",
    "teacher",
    "farmer",
    "supporter",
    "employee",
    "nurse",
    "doctor",
    "trader",
    "union",
}

RIOTERS = {"rioter", "mob", "crowd", "youth"}

CIVILIANS = {
    "civilian",
    "resident",
    "villager",
    "people",
    "person",
    "man",
    "woman",
    "child",
    "boy",
    "girl",
    "family",
    "journalist",
    "passenger",
    "worshipper",
    "patient",
    "palestinian",
    "inhabitant",
}

NOT_ACTORS = {
    "fire",
    "bullet",
    "shot",
    "bomb",
    "explosion",
    "blast",
    "attack",
    "strike",
    "device",
    "mine",
    "shell",
    "rocket",
    "missile",
    "gunfire",
    "grenade",
    "weapon",
    "it",
    "which",
    "that",
}

ATTACK_NOUNS = {
    "attack",
    "strike",
    "airstrike",
    "raid",
    "assault",
    "offensive",
    "bombing",
    "ambush",
    "shelling",
    "operation",
    "incursion",
    "invasion",
    "rampage",
    "massacre",
}
# Modifiers that make an unnamed group of people armed men ("masked men", "unidentified people")
ARMED_MODIFIERS = {"armed", "unidentified", "unknown", "masked"}
ARMED_HEADS = {"man", "men", "person", "individual", "group", "people"}
