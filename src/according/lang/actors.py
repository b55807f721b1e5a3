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
    "tank",
    "gunship",
    "helicopter",
    "warship",
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
    "bomber",
    "rebel",
    "guerrilla",
    "guerilla",
    "militiaman",
    "militiamen",
    "separatist",
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
# Verbs whose object is the event and whose subject its doer: "forces carried out an airstrike",
# "militants launched an attack", "al-Shabaab set up a base", "residents staged a sit-in"
LIGHT_VERBS = {
    "carry",
    "launch",
    "conduct",
    "stage",
    "mount",
    "set",
    "establish",
    "hold",
    "claim",
    "perpetrate",
}
# Nouns for people of a group, named by their "of" phrase: "members of Boko Haram"
MEMBER_NOUNS = {
    "member",
    "fighter",
    "militant",
    "militiaman",
    "militiamen",
    "gunman",
    "gunmen",
    "supporter",
    "cadre",
}
# Nouns for fighters that a proper-noun compound names the group of: "JNIM militants", "M23 rebels"
FIGHTER_NOUNS = {
    "militant",
    "rebel",
    "fighter",
    "insurgent",
    "militiaman",
    "militiamen",
    "jihadist",
    "militia",
}
# Sub-event types whose unnamed perpetrator ACLED codes "Unidentified Armed Group (<country>)": the
# note says an IED exploded or a grenade was thrown, not by whom
UNCLAIMED_BY_ARMED_GROUP = {
    "Remote explosive/landmine/IED",
    "Grenade",
    "Suicide bomb",
    "Attack",
    "Abduction/forced disappearance",
}
