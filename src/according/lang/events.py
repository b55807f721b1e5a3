"""English word data of the events stage that is new with the relevance model and ACLED's coding
rules (issue 9), and the trigger lexicon of events/types.py.

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
MONITOR_VERBS = {"hear", "record", "report", "observe", "register"}
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
    # harm to people or property by the crowd itself ("protesters damaged shops", "injured two officers")
    "damage",
    "destroy",
    "injure",
    "wound",
    "assault",
    "beat",
    "break",
    "overturn",
}
CROWD_DOERS = {"protester", "protestor", "demonstrator", "crowd", "mob", "rioter", "youth", "student"}

# What kind of doer or target a word names, for the relevance model's trigger features (the
# subject and object of a trigger, and the sentence as a whole): armed actors and state forces
# fight, crowds demonstrate, civilians are attacked; companies, teams, players, markets, storms and
# diseases "strike", "attack", "battle" and "clash" only in a figurative sense. The model learns
# what each kind means from the corpora (scripts/train_relevance.py); the lists only name the kinds.
ACTOR_KINDS: dict[str, str] = {
    **dict.fromkeys(
        (
            "soldier troop army military force militant insurgent rebel gunman gunmen fighter militia "
            "militiaman jihadist terrorist guerrilla commando paratrooper marine serviceman extremist "
            "insurgency assailant attacker bandit kidnapper warplane airstrike drone artillery tank "
            "battalion brigade regiment unit sniper"
        ).split(),
        "armed",
    ),
    **dict.fromkeys("police policeman policemen officer cop gendarme gendarmerie".split(), "police"),
    **dict.fromkeys(
        "protester protestor demonstrator crowd mob rioter marcher activist youth".split(), "crowd"
    ),
    **dict.fromkeys("civilian villager resident worshipper refugee".split(), "civilian"),
    **dict.fromkeys(
        (
            "company firm corporation business bank market stock share price investor shareholder "
            "profit revenue sale brand product customer consumer industry economy rival competitor"
        ).split(),
        "business",
    ),
    **dict.fromkeys(
        "team club player coach athlete game match season league fan champion championship tournament".split(),
        "sport",
    ),
    **dict.fromkeys(
        (
            "storm hurricane earthquake flood wildfire fire virus disease cancer patient scientist "
            "researcher study star planet asteroid"
        ).split(),
        "nature",
    ),
    # the doer or setting of an accident: "killed in a stampede", "crane collapse", "motorcycle crash"
    **dict.fromkeys(
        "accident crash collision collapse stampede wreck derailment sinking blaze quake".split(), "accident"
    ),
    # workers as doers: "employees had a work stoppage", "workers strike"
    **dict.fromkeys("worker employee union staff labourer laborer nurse teacher driver".split(), "labour"),
    # a thing shown or sold: "a demonstration of the new software"
    **dict.fromkeys(
        "technology software system device prototype feature capability version model computer phone".split(),
        "product",
    ),
    # bodies that hear formal complaints: "a protest before the GAO", "filed a protest with the agency"
    **dict.fromkeys("agency court tribunal commission board regulator ombudsman".split(), "forum"),
    # computers and networks: "the attack was launched ... on the website"
    **dict.fromkeys("website site hacker server network account password internet online".split(), "cyber"),
}


# ACLED's sub-event types, as the codebook spells them (the lexicon's values)
AIR, SHELL, IED, SUICIDE, GRENADE, CHEM = (
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Suicide bomb",
    "Grenade",
    "Chemical weapon",
)
CLASH, REGAIN, OVERTAKE = "Armed clash", "Government regains territory", "Non-state actor overtakes territory"
SEXUAL, ATTACK, ABDUCT = "Sexual violence", "Attack", "Abduction/forced disappearance"
PEACEFUL, INTERVENTION, FORCE = (
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
)
RIOT, MOB = "Violent demonstration", "Mob violence"
AGREE, ARREST, CHANGE, DISRUPT, HQ, LOOT, TRANSFER, OTHER = (
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
)

# trigger -> sub-event types it signals (first = the usual reading)
TRIGGER_LEXICON: dict[str, tuple[str, ...]] = {
    # explosions / remote violence
    "airstrike": (AIR,),
    "air strike": (AIR,),
    "air raid": (AIR,),
    "airstrikes": (AIR,),
    "drone": (AIR,),
    "warplane": (AIR,),
    "jet": (AIR,),
    "aircraft": (AIR,),
    "helicopter": (AIR,),
    "bombing": (AIR, IED),
    "bomb": (IED, AIR),
    "strike": (AIR, PEACEFUL),
    "raid": (AIR, CLASH),
    "gunship": (AIR,),
    "shell": (SHELL,),
    "shelling": (SHELL,),
    "artillery": (SHELL,),
    "mortar": (SHELL,),
    "rocket": (SHELL,),
    "missile": (SHELL, AIR),
    "bombard": (SHELL,),
    "bombardment": (SHELL,),
    "howitzer": (SHELL,),
    "ied": (IED,),
    "landmine": (IED,),
    "mine": (IED,),
    "roadside": (IED,),
    "explosive": (IED, DISRUPT),
    "explosion": (IED,),
    "blast": (IED,),
    "explode": (IED,),
    "detonate": (IED,),
    "car bomb": (IED, SUICIDE),
    "suicide": (SUICIDE,),
    "bomber": (SUICIDE, AIR),
    "grenade": (GRENADE,),
    "chemical": (CHEM,),
    "chlorine": (CHEM,),
    "sarin": (CHEM,),
    "toxic": (CHEM,),
    "nerve agent": (CHEM,),
    "mustard": (CHEM,),
    # battles
    "clash": (CLASH,),
    "fight": (CLASH,),
    "fighting": (CLASH,),
    "battle": (CLASH,),
    "firefight": (CLASH,),
    "gunfight": (CLASH,),
    "ambush": (CLASH,),
    "exchange fire": (CLASH,),
    "gun battle": (CLASH,),
    "offensive": (CLASH,),
    "assault": (CLASH, ATTACK),
    "skirmish": (CLASH,),
    "engage": (CLASH,),
    "recapture": (REGAIN,),
    "retake": (REGAIN,),
    "regain": (REGAIN,),
    "liberate": (REGAIN,),
    "reclaim": (REGAIN,),
    "seize": (OVERTAKE, DISRUPT),
    "capture": (OVERTAKE, REGAIN),
    "overrun": (OVERTAKE,),
    "take control": (OVERTAKE, REGAIN),
    "take over": (OVERTAKE, TRANSFER),
    # violence against civilians
    "rape": (SEXUAL,),
    "sexual": (SEXUAL,),
    "sexually": (SEXUAL,),
    "molest": (SEXUAL,),
    "kill": (ATTACK, CLASH),
    "shoot": (ATTACK, CLASH),
    "attack": (ATTACK, CLASH),
    "murder": (ATTACK,),
    "stab": (ATTACK,),
    "behead": (ATTACK,),
    "massacre": (ATTACK,),
    "assassinate": (ATTACK,),
    "torture": (ATTACK,),
    "gunman": (ATTACK,),
    "sniper": (ATTACK,),
    "execute": (ATTACK,),
    "beat": (ATTACK, FORCE),
    "kidnap": (ABDUCT,),
    "abduct": (ABDUCT,),
    "abduction": (ABDUCT,),
    "kidnapping": (ABDUCT,),
    "hostage": (ABDUCT,),
    "disappearance": (ABDUCT,),
    # protests and riots
    "protest": (PEACEFUL,),
    "protester": (PEACEFUL,),
    "demonstration": (PEACEFUL,),
    "demonstrator": (PEACEFUL,),
    "demonstrate": (PEACEFUL,),
    "rally": (PEACEFUL,),
    "march": (PEACEFUL,),
    "sit-in": (PEACEFUL,),
    "picket": (PEACEFUL,),
    "vigil": (PEACEFUL,),
    "walkout": (PEACEFUL,),
    "disperse": (INTERVENTION,),
    "tear gas": (INTERVENTION, FORCE),
    "teargas": (INTERVENTION, FORCE),
    "water cannon": (INTERVENTION,),
    "rubber bullet": (FORCE, INTERVENTION),
    "baton": (FORCE, INTERVENTION),
    "live ammunition": (FORCE,),
    "riot": (RIOT,),
    "rioter": (RIOT,),
    "torch": (RIOT, LOOT),
    "vandalize": (RIOT,),
    "stone": (RIOT,),
    "hurl": (RIOT,),
    "mob": (MOB,),
    "lynch": (MOB,),
    "vigilante": (MOB,),
    # strategic developments
    "agreement": (AGREE,),
    "agree": (AGREE,),
    "ceasefire": (AGREE,),
    "cease-fire": (AGREE,),
    "truce": (AGREE,),
    "accord": (AGREE,),
    "deal": (AGREE,),
    "sign": (AGREE,),
    "peace": (AGREE,),
    "arrest": (ARREST,),
    "detain": (ARREST,),
    "apprehend": (ARREST,),
    "custody": (ARREST,),
    "defect": (CHANGE,),
    "merge": (CHANGE,),
    "split": (CHANGE,),
    "recruit": (CHANGE,),
    "disband": (CHANGE,),
    "surrender": (CHANGE,),
    "join": (CHANGE,),
    "leader": (CHANGE,),
    "defuse": (DISRUPT,),
    "cache": (DISRUPT,),
    "dismantle": (DISRUPT,),
    "intercept": (DISRUPT,),
    "foil": (DISRUPT,),
    "thwart": (DISRUPT,),
    "ammunition": (DISRUPT,),
    "weapon": (DISRUPT,),
    "bomb disposal": (DISRUPT,),
    "shoot down": (DISRUPT,),
    "headquarters": (HQ,),
    "base": (HQ,),
    "establish": (HQ,),
    "outpost": (HQ,),
    "camp": (HQ,),
    "loot": (LOOT,),
    "burn": (LOOT, RIOT),
    "destroy": (LOOT,),
    "demolish": (LOOT,),
    "raze": (LOOT,),
    "arson": (LOOT,),
    "ransack": (LOOT,),
    "vandalise": (LOOT,),
    "withdraw": (TRANSFER,),
    "withdrawal": (TRANSFER,),
    "hand over": (TRANSFER,),
    "handover": (TRANSFER,),
    "pull out": (TRANSFER,),
    "vacate": (TRANSFER,),
    # "Other" strategic developments: talks, meetings, evacuation orders, legal filings
    "open fire": (CLASH, ATTACK),
    "violence": (ATTACK, RIOT),
    "abuse": (SEXUAL, ATTACK),
    "pull back": (TRANSFER,),
    "dispatch": (CHANGE,),
    "reinforcement": (CHANGE,),
    "post": (HQ,),
    "stash": (DISRUPT,),
    "seizure": (DISRUPT,),
    "gunfire": (CLASH, ATTACK),
    "militia": (CLASH,),
    "talk": (OTHER,),
    "negotiation": (OTHER,),
    "negotiate": (OTHER,),
    "meet": (OTHER,),
    "meeting": (OTHER,),
    "summit": (OTHER,),
    "evacuate": (OTHER,),
    "evacuation": (OTHER,),
    "file": (OTHER,),
    "lawsuit": (OTHER,),
    "court": (OTHER,),
    "sanction": (OTHER,),
    "curfew": (OTHER,),
    "deploy": (OTHER,),
}

# Lexicon entries that only help the classifier and never make an article sentence an event alone
# ("leader", "base", "court"): events.types.STRONG is the lexicon without these.
WEAK_TRIGGERS = {
    "leader",
    "base",
    "court",
    "camp",
    "weapon",
    "ammunition",
    "peace",
    "deal",
    "sign",
    "join",
    "stone",
    "engage",
    "offensive",
    "jet",
    "aircraft",
    "helicopter",
    "drone",
    "explosive",
    "chemical",
    "toxic",
    "establish",
    "deploy",
    "hostage",
    "accord",
    "split",
    "march",
    "fight",
    "mine",
    "destroy",
    "burn",
    "beat",
    "sanction",
    "torch",
    "rocket",
    "missile",
    "violence",
    "post",
    "militia",
    "dispatch",
    "reinforcement",
    "abuse",
}
# words reporting a talk, meeting or legal/administrative step (ACLED: Strategic developments / Other)
OTHER_TRIGGERS = {
    "talk",
    "negotiation",
    "negotiate",
    "meet",
    "meeting",
    "summit",
    "evacuate",
    "evacuation",
    "file",
    "lawsuit",
    "court",
    "sanction",
    "curfew",
    "deploy",
}


# Function words left out of the classifier's and the relevance model's word features
FEATURE_STOP_WORDS = set(
    """a an the and or but of to in on at by for with from as is are was were be been being have has had
do does did it its this that these those he she they we i you his her their our my your him them us me
who whom which what when where while there here than then so such not no nor also into over after before
about against between during under again further once all any both each few more most other some own same
too very can will just should would could may might must shall s 's said say says""".split()
)

# Trigger words that say something blew up or was hit without naming the weapon. A monitor's
# "explosions heard" report is an armed clash only when the text names no weapon besides these:
# ACLED codes shelling, air strikes and remote explosives by their weapon.
UNNAMED_WEAPON_WORDS = {"blast", "explode", "explosion", "explosive", "detonate", "strike", "raid", "bomb"}

# What an attack does to people and places: the verbs whose subject, when it is an attack word ("an
# air strike killed", "strikes that killed 67", "shelling wounding nine", "raids that left 40 dead"),
# make the sentence report that attack (events/relevance.py's "AR" features).
ATTACK_RESULTS = {
    "kill",
    "wound",
    "injure",
    "hurt",
    "maim",
    "claim",
    "leave",
    "hit",
    "destroy",
    "damage",
    "flatten",
    "level",
    "target",
    "strike",
    "devastate",
    "raze",
}

# What the target of an attack verb is, beside the doers of ACTOR_KINDS: an armed side's site (firing
# on positions, a checkpoint or a convoy is a battle in ACLED's coding) or a civilian place (an attack
# on a village, a market or a school is violence against civilians). Classifier features only
# (events/classifier.py: "SO:armed>armed site").
TARGET_KINDS: dict[str, str] = {
    **dict.fromkeys(
        "position checkpoint outpost convoy patrol barracks base camp post garrison frontline trench".split(),
        "armed site",
    ),
    **dict.fromkeys(
        "village house home market school mosque church hospital farm field farmer shop bus vehicle".split(),
        "civilian site",
    ),
}

# Fire from both sides: ACLED codes an exchange of fire as an armed clash, whoever started it ("police
# raided the hideout and exchanged fire with the gang", "gunmen opened fire on a post; police returned
# fire"). Lemma pairs, in a row.
TWO_SIDED_FIRE = {("exchange", "fire"), ("return", "fire"), ("gun", "battle"), ("trade", "fire")}

# A crowd's own violence named by a noun or an adjective (events/coding.py, riots): "the protest turned
# violent", "violence erupted", "scuffles broke out", "banks set ablaze", "barricades of burning tyres".
# ACLED's codebook lists road blocks of barricades or burning tyres and vandalism as violent demonstration.
# Clashes between a crowd and the police are a riot too, whoever used tear gas.
CROWD_VIOLENCE_WORDS = {
    "scuffle",
    "ablaze",
    "barricade",
    "vandalism",
    "tyre",
    "tire",
    "clash",
    "confront",
    "confrontation",
    "firework",
    "stone",
    "molotov",
}
# A state force's means against a crowd (tear gas, water cannon, rubber bullets, batons, dispersal):
# where only these are named, the demonstration met intervention; it is no riot.
CROWD_CONTROL_WORDS = {"tear", "teargas", "cannon", "baton", "disperse", "rubber", "pepper", "truncheon"}
# The words of a gathering whose violence makes a riot: "a violent demonstration", "protests turn violent".
PROTEST_WORDS = {
    "protest",
    "demonstration",
    "rally",
    "march",
    "protester",
    "protestor",
    "demonstrator",
    "crowd",
}
# Verbs of one side's violence on another (with the violent triggers of the lexicon): an armed side
# doing these to armed men or their positions fights a battle (events/coding.py).
HOSTILE_VERBS = {"fire", "shoot", "target", "engage", "ambush", "assault", "storm", "pound", "hit", "overrun"}
# Quantifiers that stand for part of a group named before ("marched and some smashed windows"):
# as a subject they are not themselves the doer; the group is (events/coding.py).
PART_OF_A_GROUP = {"some", "many", "several", "others", "few", "most"}

# ACLED's Suicide bomb needs a suicide attacker ("a car bomb went off" is a remote explosive): the words
# that name one ("a suicide bomber", "kamikazes"); a reflexive object of killing or blowing up
# ("killing themselves", "blew himself up") names one too (events/coding.py).
SUICIDE_ATTACKER_WORDS = {"suicide", "kamikaze", "self-immolation"}
REFLEXIVES = {"himself", "herself", "themselves", "itself"}
# Verbs of two sides fighting each other: with "each other", "one another", or an armed side "with"
# or "against" another, ACLED codes an armed clash (events/coding.py), whatever the classifier reads
# from other words of the text ("near the mine", "for control of").
FIGHT_VERBS = {"fight", "clash", "battle", "skirmish", "exchange"}
RECIPROCAL_WORDS = {("each", "other"), ("one", "another")}
# Destroying property: a group that burns down, torches or razes a building reports an event even
# without a strong trigger ("unidentified men burned down a school"); ACLED codes it by who does it:
# a crowd's is mob violence, anyone else's property destruction (events/finding.py, coding.py).
PROPERTY_DESTRUCTION_VERBS = {
    "burn",
    "torch",
    "raze",
    "demolish",
    "destroy",
    "vandalize",
    "vandalise",
    "ransack",
}
PROPERTY_WORDS = set(
    (
        "school house home church mosque temple shop store office station building vehicle car truck bus "
        "market clinic hospital hut property village"
    ).split()
)
# Arrests at a demonstration are a protest with intervention (events/coding.py): the crowd arrested
# ("detained thousands of protesters"), unless the arrest is for or before the protest.
PROTESTERS = {"protester", "protestor", "demonstrator", "marcher", "crowd"}
NOT_DURING = {"for", "before", "ahead", "prior", "after"}
# Verbs of a demonstration: "thousands marched and some smashed windows": the marchers riot.
PROTEST_VERBS = {"march", "protest", "demonstrate", "rally"}
# Who loots in a riot rather than as a strategic development ("mobs of looters", "rioters looted").
RIOTERS = {"rioter", "mob", "looter", "protester", "protestor", "demonstrator", "marcher"}
# Making explosives safe: landmines cleared, an IED defused or deactivated are disrupted weapons use,
# not an explosion, unless something went off too (events/coding.py).
DISARM_VERBS = {"defuse", "clear", "remove", "dismantle", "deactivate", "disarm", "neutralize", "neutralise"}
DETONATION_WORDS = {"explode", "detonate", "blast", "explosion", "off"}
# What an aircraft destroys or hits is an air strike, by its weapon (ACLED), not property destruction or
# disrupted weapons use: "jets destroyed weapon depots", "the air force destroyed vehicles".
AIR_HARM_VERBS = {"destroy", "hit", "target", "strike", "bomb", "pound", "smash"}
