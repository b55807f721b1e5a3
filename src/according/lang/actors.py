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
    "trooper",  # "troopers from the Northern Luzon Command captured two camps"
    "commando",
    "jet",
    "warplane",
    "aircraft",
    "airstrike",
    "strike",
    "drone",
    "uav",
    "artillery",
    "navy",
    "tank",
    "gunship",
    "helicopter",
    "warship",
    "aviation",  # "Russian aviation dropped bombs"
    "occupant",  # "shells fired by Russian occupants": an occupying state's forces
    "occupier",
}
# Heads that are a state's forces with "air" before them: "Russian air defence shot down a drone"
AIR_DEFENCE = {"defence", "defense"}

POLICE = {"police", "policeman", "policemen", "officer", "cop", "gendarme", "gendarmerie", "constable"}
# "trooper" is a soldier ("troopers from the Northern Luzon Command") except in a US state's
# police: "state troopers", "highway troopers"
POLICED_TROOPER_MODIFIERS = {"state", "highway"}

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
    "gang",
    "rustler",
    "raider",
    "abductor",
    "pirate",  # ACLED codes pirates who kidnap crews as an Unidentified Armed Group
    "hitman",  # ("hitmen killed a journalist": armed men of no name)
    "hitmen",
}
# Nouns that count people, whose "of" phrase says who they are: "a group of armed men", "dozens of
# gunmen"
COUNTING_NOUNS = {
    "group",
    "band",
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "score",
    "scores",
    "number",
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
# people of a place who, as the subject of a verb of violence ("villagers attacked a police station"),
# are ACLED's Rioters (not men or women one by one: "four men raped" is no riot; by reading CASE 2021's
# 11 rows the rule changed, 2026-12-07)
# a country's name after one of these says where an event was ("missiles fired from territory in
# Yemen"), not whose the men are ("U.S. soldiers"): events/actor_names.event_country
# prepositions whose object is what violence was done to ("fired on protesters", "attacks against")
TARGET_PREPOSITIONS = {"on", "against", "at"}
WHERE_PREPOSITIONS = {"in", "inside", "across", "throughout", "into"}  # (not "near the Cameroon border")

# men of a state's border force when "border" modifies them ("border patrol agents", "border guards"):
# ACLED's Police Forces of the state
BORDER_FORCE_HEADS = {"agent", "guard", "guardsman", "patrol"}

# a unit or post of a force, named for the force by its modifier ("an army patrol", "a police post"):
# the force (events/actor_phrases.py)
FORCE_UNITS = {
    "patrol",
    "convoy",
    "unit",
    "position",
    "post",
    "outpost",
    "checkpoint",
    "base",
    "barracks",
    "station",
}

# ACLED's countries with no military of their own in its actor list, where unnamed soldiers are
# another state's ("soldiers raided a house in Hebron": Military Forces of Israel; ACLED names
# Palestine's police, never its military)
MILITARY_OF_ANOTHER_STATE = {"Palestine": "Israel"}

COMMUNITY_CROWDS = {"villager", "resident", "local", "inhabitant", "townspeople", "community"}

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
    "ied",
    "vbied",
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
ARMED_HEADS = {"man", "men", "person", "individual", "group", "people", "perpetrator", "assailant"}
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
    "sign",
}
# Verbs of holding off an attack: "troops repelled an attack by X" has X as its first actor
REPEL_VERBS = {"repel", "repulse", "foil", "thwart", "fend", "rebuff"}
# Verbs of leaving a place: "X took control as government forces withdrew" has X as its first actor
WITHDRAW_VERBS = {"withdraw", "retreat", "pull", "abandon", "vacate", "flee"}
# Nouns of an alliance that ACLED names by its leading state ("the Saudi-led coalition": "Military
# Forces of Saudi Arabia")
COALITION_NOUNS = {"coalition", "alliance"}
# Nouns of claiming an attack, whose claimant is the attack's doer: "X claimed responsibility for ..."
CLAIM_NOUNS = {"responsibility", "credit"}
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
    "operative",  # ("IPOB/ESN operatives")
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
    "group",  # "the Islamic State jihadist group", "the Wagner group"
    # men a name before them makes a group's ("Dozo hunters", "Wagner mercenaries", "Zaghawa
    # vigilantes"); without one they are no group's
    "hunter",
    "mercenary",
    "vigilante",
    "combatant",
    "warrior",
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
# Words that only say what kind a state force is ("the riot police", "security forces"): an entity
# named by them and a force noun is no named group
FORCE_MODIFIERS = {"security", "riot", "armed", "national", "federal", "local", "state", "special", "anti"}
# Nouns of what a state's forces do, whose demonym names the state: "a Turkish drone strike",
# "Russian shelling" (not "a Palestinian rocket": a rocket is no state's by its maker's nationality)
STATE_ATTACK_NOUNS = {
    "strike",
    "airstrike",
    "air-strike",
    "shelling",
    "bombardment",
    "bombing",
    "raid",
    "offensive",
    "incursion",
    "invasion",
    "operation",
}
# Weapons only a state's forces field, whose demonym names the state that used them: "a Russian
# missile struck", "Israeli bulldozers demolished" (not a rocket: armed groups fire rockets too)
STATE_WEAPONS = {"missile", "bulldozer", "warship", "frigate", "submarine"}
# Nouns of an ethnic militia named by its people ("Fulani herdsmen", "Fulani militia")
# (and its men: "Fulani militiamen", ACLED's "Fulani Ethnic Militia", not an Unidentified Armed Group)
ETHNIC_MILITIA_NOUNS = {"herdsman", "herdsmen", "herder", "militia", "militiaman", "militiamen", "raider"}
# Heads of an organisation's name, capitalised as part of it ("the Jalisco Cartel", "the Popular
# Front"): a doer so named is the organisation, whatever the tagger made of the name (a town's name in
# it is no place of the event); events/actor_phrases.py
GROUP_NAME_HEADS = {
    "cartel",
    "front",
    "movement",
    "brigade",
    "brigades",
    "battalion",
    "gang",
    "organization",
    "organisation",
    "alliance",
}
# A clan and its men, whose militia ACLED names by the clan ("Marehan clansmen": "Marehan Clan Militia
# (Somalia)"; two clans unnamed: "Unidentified Clan Militia"; events/actor_phrases.py)
CLAN_NOUNS = {"clan", "clansman", "clansmen", "subclan", "sub-clan"}
# Verbs by which a monitor counts what others did ("the OSCE SMM recorded 27 explosions"): their
# subject reports the event and is no party to it (events/actors.py)
RECORD_VERBS = {"record", "register", "observe", "document", "log", "monitor", "count", "hear"}
# Nouns for people something was done to: their modifier says who they are, not who did it
# ("Palestinian detainees", "Afghan refugees")
PATIENT_NOUNS = {
    "detainee",
    "prisoner",
    "hostage",
    "captive",
    "victim",
    "casualty",
    "refugee",
    "civilian",
    "death",
    "body",
}
# Nouns of a state's civil government, named as ACLED names it: "Government of Mali"
GOVERNMENT = {"government", "administration", "authority", "regime"}
# a government of soldiers, which ACLED codes as the state's forces with the regime's period ("the
# military junta imposed a curfew": Military Forces of Burkina Faso (2022-); examples/acled-notes-dev)
MILITARY_GOVERNMENT = {"junta"}
# Settlers, named by their own country ("Israeli settlers": ACLED's "Settlers (Israel)")
SETTLERS = {"settler"}
# States' demonyms that neither the gazetteer's country data nor lang.places.DEMONYM_ALIASES has
# (lowercase -> ISO 3166-1 alpha-2): without them "Azeri forces shelled Jermuk" were the forces of the
# event's country, Armenia, and "Ecuadorian soldiers" in Putumayo Colombia's (events/actor_names)
STATE_DEMONYMS = {
    "azeri": "AZ",
    "azeris": "AZ",
    "kyrgyz": "KG",
    "kazakh": "KZ",
    "tajik": "TJ",
    "uzbek": "UZ",
    "ecuadorian": "EC",
    "ecuadorean": "EC",
    "argentine": "AR",
    "argentinian": "AR",
    "nepali": "NP",
    "djiboutian": "DJ",
    "philippine": "PH",
    "lao": "LA",
    "kosovar": "XK",
}
# ISO 3166-1 alpha-2 -> ACLED's name of a country, where it differs from the gazetteer's (GeoNames')
# name (the scorer drops "the" and case, so "Democratic Republic of the Congo" would match too; the
# CSV export writes ACLED's own spelling)
ACLED_COUNTRY_NAMES = {
    "PS": "Palestine",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "SZ": "eSwatini",
    "CZ": "Czech Republic",
    "CV": "Cape Verde",
    "TL": "East Timor",
}
# A state's armed or police forces named by their own name or acronym (as ACLED's notes name them)
# -> (ACLED's generic, ISO 3166-1 alpha-2 of the state): "SAF shelled RSF positions" is "Military
# Forces of Sudan". Keys are casefolded, without "the". Only acronyms that name nothing else in
# news of armed conflict ("AFP" is a news agency, "PLA" more than one army: left out).
STATE_FORCES = {
    "idf": ("Military Forces", "IL"),
    "israel defense forces": ("Military Forces", "IL"),
    "israel defence forces": ("Military Forces", "IL"),
    "saf": ("Military Forces", "SD"),
    "sudanese armed forces": ("Military Forces", "SD"),
    "sna": ("Military Forces", "SO"),
    "somali national army": ("Military Forces", "SO"),
    "fardc": ("Military Forces", "CD"),
    "fama": ("Military Forces", "ML"),
    "malian armed forces": ("Military Forces", "ML"),
    "saa": ("Military Forces", "SY"),
    "syrian arab army": ("Military Forces", "SY"),
    "isf": ("Military Forces", "IQ"),
    "iraqi security forces": ("Military Forces", "IQ"),
    "ana": ("Military Forces", "AF"),
    "afghan national army": ("Military Forces", "AF"),
    "andsf": ("Military Forces", "AF"),
    "ansf": ("Military Forces", "AF"),
    "naf": ("Military Forces", "NG"),
    "nigerian air force": ("Military Forces", "NG"),
    "kdf": ("Military Forces", "KE"),
    "kenya defence forces": ("Military Forces", "KE"),
    "updf": ("Military Forces", "UG"),
    "endf": ("Military Forces", "ET"),
    "sspdf": ("Military Forces", "SS"),
    "tatmadaw": ("Military Forces", "MM"),
}
# A state's forces named by an acronym that names another force where the event is (the country
# the event's generic actors get): "SNA" is the Somali National Army, but in Syria the Turkish-backed
# Syrian National Army (events/actor_names.in_country)
# ... and "NAF", Nigeria's air force, is in Ukraine's east the Donbas separatists' forces (ACLED's
# name; its Ukraine notes of 2018-2021 write "NAF fired at Ukrainian positions")
ACRONYM_NAMESAKES = {
    ("Military Forces of Somalia", "Syria"): "Syrian National Army",
    ("Military Forces of Nigeria", "Ukraine"): "NAF: United Armed Forces of Novorossiya",
}
# Names of armed groups the notes use -> the words of ACLED's name for the group (ACLED's names
# carry more: "Islamic State (West Africa) - Lake Chad Faction"; the scorer matches word sets)
GROUP_ALIASES = {
    "isis": "Islamic State",
    "isil": "Islamic State",
    "daesh": "Islamic State",
    "iswap": "Islamic State (West Africa)",
    "isgs": "Islamic State",
    "is": "Islamic State",  # (an actor's name, so the capitalised "IS", never the verb)
    "iskp": "Islamic State",
    "isis-k": "Islamic State",
    "iscap": "Islamic State",
    "is sahel": "Islamic State",
    "al-shabab": "Al Shabaab",
    "al-shabaab": "Al Shabaab",
    "al shabaab": "Al Shabaab",
    "al shabab": "Al Shabaab",
    "shabab": "Al Shabaab",
    "shebab": "Al Shabaab",
    "al-shebab": "Al Shabaab",
    # ACLED's Somalia notes abbreviate the group "AS" ("AS militants fired mortars"); only the
    # capitalised word is a name (events/actor_names.known_name), never "as"
    "as": "Al Shabaab",
    "rsf": "Rapid Support Forces",
    "jas": "Boko Haram",
    "maoists": "Maoist",
    # India's Maoist insurgents by their other name (ACLED's "CPI (Maoist): Communist Party of India
    # (Maoist)")
    "naxalites": "Maoist",
    "naxalite": "Maoist",
    "naxals": "Maoist",
    "cpi-maoist": "Maoist",  # ("CPI-Maoist cadres", as India's notes write the party)
    # Biafra's separatists and their armed wing, written as one ("IPOB/ESN members"): ACLED's "IPOB:
    # Indigenous People of Biafra"
    "ipob/esn": "IPOB",
    # West Bengal's ruling party as India's notes abbreviate it: ACLED's "AITC: All India Trinamool
    # Congress"
    "tmc": "AITC",
    "houthis": "Houthi",  # ACLED's word ("Military Forces of Yemen (2017-) Houthi"): no plural
    "ansar allah": "Houthi",
    # a note's "NSAG" (non-state armed group) names no group: ACLED's Unidentified Armed Group
    "nsag": "Unidentified Armed Group",
    "nsags": "Unidentified Armed Group",
}
