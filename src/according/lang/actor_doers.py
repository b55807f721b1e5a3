"""English word data for finding an event's doer where the text names it only by kind: the words
for unnamed armed men that modify an event noun ("a rebel attack", "militant attacks", "terrorist
bombings": ACLED's Unidentified Armed Group, events/actors.py)."""

from __future__ import annotations

# modifiers of an attack noun that say armed men of no name did it (not "army", "police": those are
# state forces and read as such by their own words; not "suicide": a way of attacking)
ARMED_KINDS = {
    "rebel",
    "militant",
    "insurgent",
    "terrorist",
    "jihadist",
    "guerrilla",
    "guerilla",
    "separatist",
    "bandit",
    "gunman",
    "gunmen",
    "extremist",
    "pirate",  # "a pirate attack"
}
# ... and of the heads of fighters ("opposition forces", "opposition fighters" attacked government
# troops: armed; not "opposition groups" or parties, who demand and protest)
ARMED_KINDS_OF_FIGHTERS = ARMED_KINDS | {"opposition"}
# words of armed fighting that keep a crowd's attack a battle, not a riot: a crowd that fired on or
# fought an armed force that "came under fire" (events/coding.follow_actors; CASE 2021 codes such a
# report an armed clash)
ARMED_FIGHT_WORDS = {"clash", "fire", "gunfire", "shootout", "shoot-out", "gunfight", "firefight"}
# a country joined by a hyphen to one of these names who backs an actor, not the actor's own country
# ("US-backed Saudi warplanes": Saudi Arabia's; events/actor_names.country_of)
BACKER_WORDS = ("backed", "supported", "funded", "sponsored", "allied", "aligned", "trained", "armed")
# ... and, for where an event happened, also a country that leads, holds or made ("US-led", "Russia-
# occupied Crimea", "US-made TOW missiles"): it says whose, not where (events/actor_names.event_country: "US-backed Saudi-led
# coalition mercenaries" in a Yemeni report is no event in the United States; CASE 2021, 2026-12-07)
NOT_WHERE_WORDS = (*BACKER_WORDS, "led", "occupied", "controlled", "held", "run", "made", "built", "supplied")
# prepositions whose gerund shares its verb's subject as the doer ("rebels will advance after seizing
# the town", "forces dealt a blow by recapturing towns": theirs); not "of" ("accused Iran of bombing")
# nor "in" ("dead in shooting"); a passive verb has no subject to give ("were killed by shooting")
GERUND_TIME_PREPOSITIONS = {"after", "before", "while", "upon", "since", "by"}
# verbs of seizing or finding weapons, whose subject or agent is who disrupted their use ("the army
# units discovered the arms", "rifles were seized by security forces": events/doers.seizer; CASE 2021
# rows read by hand, branch actors3)
SEIZE_VERBS = {
    "seize",
    "find",
    "discover",
    "uncover",
    "intercept",
    "capture",
    "confiscate",
    "recover",
    "defuse",
    "dismantle",
    "destroy",
    "impound",
}
# verbs of fighting whose "with" phrase is the other side ("police clashed with Boko Haram militants",
# "troops fought with rebels"); not "attacked with knives": a weapon (events/actors.py)
FIGHT_WITH_VERBS = {"clash", "fight", "battle", "skirmish", "exchange"}
# Nouns of fighting whose sides a "between" names ("clashes broke out between X and Y", "heavy
# fighting between X and Y"): events/actors.py, doers.between_parties
FIGHT_NOUNS = FIGHT_WITH_VERBS | {"fighting", "hostility", "confrontation", "firefight", "gunfight"}

# Words that make armed men members of the group after them ("militants affiliated with JNIM",
# "fighters loyal to the Islamic State", "gunmen linked to Boko Haram"): ACLED names the group
# (events/actor_phrases.py); "allied", "backed" name a partner or backer, not the men's own group
AFFILIATION_WORDS = {"affiliated", "loyal", "linked", "belonging", "associated", "affiliate", "attached"}
AFFILIATION_PREPOSITIONS = {"to", "with"}
# Verbs of a note's casualty count ("2 soldiers were killed.", "3 people were injured."), whose
# sentence names no one who killed: the parties are the sentence before's (events/doers.toll_event;
# not "intercepted", "seized": events of their own, CASE 2021 rows read by hand, branch actors4)
TOLL_VERBS = {"kill", "injure", "wound", "hurt", "die"}
# Verbs by which a note's later sentence names who did its event ("Al Shabaab claimed responsibility.",
# "The attack was claimed by JNIM.", "was attributed to ISWAP", "was blamed on the TTP"), with the
# preposition that names the doer in the passive (events/doers.claimant)
OWNING_VERBS = {"claim": "by", "attribute": "to", "blame": "on"}
