"""English word data of the events stage that is new with the relevance model and ACLED's coding
rules (issue 9). The older trigger lexicon is in according/events/types.py.

Sub-event types are spelled as in ACLED's codebook.
"""

from __future__ import annotations

# Whole words the lemmatizer leaves inflected, or agent nouns, that used to be found by cutting
# letters off a word ("raped" -> "rape", but also "mobile" -> "mob", "Beatles" -> "beat", "dealers"
# -> "deal", "signal" -> "sign", "stable" -> "stab"). Triggers are now whole lemmas or words only;
# these are the forms that cutting found on CASE 2021 and PLOVER and that do signal an event.
# word -> sub-event types (first = the usual reading)
WHOLE_WORD_TRIGGERS: dict[str, tuple[str, ...]] = {
    "raped": ("Sexual violence",),
    "raping": ("Sexual violence",),
    "attacker": ("Attack", "Armed clash"),
    "attackers": ("Attack", "Armed clash"),
    "shooting": ("Attack", "Armed clash"),
    "killing": ("Attack", "Armed clash"),
    "protestor": ("Peaceful protest",),
    "protestors": ("Peaceful protest",),
    "protesters": ("Peaceful protest",),
    "marcher": ("Peaceful protest",),
    "looter": ("Looting/property destruction",),
    "looting": ("Looting/property destruction",),
    "liberated": ("Government regains territory",),
    "interception": ("Disrupted weapons use",),
    "rioting": ("Violent demonstration",),
    "defected": ("Change to group/activity",),
    # ACLED codes these as armed clashes: a shoot-out ending a police operation, an attack on a
    # position that is repelled
    "shootout": ("Armed clash",),
    "shoot-out": ("Armed clash",),
    "repel": ("Armed clash",),
    "repulse": ("Armed clash",),
    # cues that only help the classifier (not strong enough to make an event alone)
    "fighter": ("Armed clash",),
    "militiaman": ("Armed clash",),
    "weapons": ("Disrupted weapons use",),
    "stones": ("Violent demonstration",),
    "burning": ("Looting/property destruction", "Violent demonstration"),
    "detainee": ("Arrests",),
    "abductee": ("Abduction/forced disappearance",),
    "defector": ("Change to group/activity",),
    "signing": ("Agreement",),
    "killer": ("Attack",),
    "striker": ("Peaceful protest",),
    "bases": ("Headquarters or base established",),  # lemmatised "basis"
}
WEAK_WHOLE_WORDS = {
    "fighter",
    "militiaman",
    "weapons",
    "stones",
    "burning",
    "detainee",
    "abductee",
    "defector",
    "signing",
    "killer",
    "striker",
    "bases",
}

# What a ceasefire monitor reports: shots or explosions heard or recorded near a place. ACLED codes
# these as armed clashes (the parties exchanged fire), not as explosions or strategic developments.
MONITOR_VERBS = {"hear", "record"}
MONITOR_OBJECTS = {"explosion", "shot", "burst", "gunfire"}

# Protesters' own violence: a demonstration where these are done by the crowd is a riot (ACLED:
# Violent demonstration), not a protest.
CROWD_VIOLENCE = {
    "hurl",
    "throw",
    "pelt",
    "torch",
    "vandalize",
    "vandalise",
    "smash",
    "loot",
    "burn",
    "set",
    "storm",
    "clash",
    "attack",
    "ransack",
}
CROWD_DOERS = {"protester", "protestor", "demonstrator", "crowd", "mob", "rioter", "youth", "student"}
