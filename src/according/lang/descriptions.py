"""Head nouns of definite descriptions, by the kind of entity they can stand for.

"the utility", "the team", "this nation", "the 45-year-old": the nominal ranker
(:mod:`according.coref.nominals`) reads the head noun of a definite description and asks
whether it suits a candidate entity's type. These sets give the head's kind; the ranker
learns how much each kind-and-type pair counts (weights trained on GUM Wikinews). A head in
no set is "other" (the ranker then relies on the entity's own name and role words).

The rest of the module, English word data of entity descriptions: the nouns by which a definite
description refers back to a named entity, and the words that give a person's gender or title.

Read by ``according.entities.describe``. Moved here unchanged from that module (issue 11).
"""

from __future__ import annotations

from .organisations import ORGANISATION_NOUNS, SPEAKING_BODY_HEADS
from .titles import ROLE_WORDS, TITLES

# Nouns heading a description of an organisation, company, team or other body (not what a
# body publishes: "the report", "the study" are no organisation).
ORGANISATION_HEADS = (
    ORGANISATION_NOUNS
    | (
        SPEAKING_BODY_HEADS
        - {"city", "country", "county", "municipality", "province", "state", "town", "village"}
    )
    | frozenset(
        """
airline alliance association band bank broadcaster business carrier center centre channel charity
church club coalition foundation institute network newspaper service website
college company conglomerate consortium corporation enterprise faction federation firm franchise
gallery label league magazine manufacturer militia movement museum operator orchestra outfit
paper producer publisher railway railroad retailer school side society squad startup station
studio publication university utility venture
""".split()
    )
)
# Nouns heading a description of a place: countries, towns, regions, sites.
PLACE_HEADS = frozenset(
    """
airport avenue border building campus capital city continent country county district hall
hangar island kingdom memorial municipality nation neighborhood neighbourhood park peninsula
port province republic road site square state street suburb territory town township valley
village
""".split()
)
# Heads that say what kind of body an organisation is, so that "the NATO military alliance" and
# "the Gliders team" are NATO and the Gliders; not heads of a part of one ("the Senate banking
# committee", "the NAACP board", "the Obama administration").
BODY_KIND_HEADS = frozenset(
    """
agency alliance association band broadcaster channel charity club coalition company corporation
federation firm foundation group league magazine militia movement network newspaper organisation
organization outlet party society squad startup team union website
""".split()
)
# Participles that name what they hang on ("the hangar, known as ...", "a girl named Isabel").
NAMING_VERBS = frozenset({"know", "call", "name", "dub"})
# Determiners of a possessive description ("his brother ... his brother").
POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "my", "our", "your"})
# Place heads whose "of" complement is the place itself ("the city of Toronto", "the suburb of
# Preston"); not "capital", "border", "outskirts", "centre": their "of" names a different place.
PLACES_NAMED_BY_OF = frozenset(
    """
city country county district hamlet island kingdom municipality nation neighborhood neighbourhood
peninsula province region republic state suburb territory town township village
""".split()
)
# Nouns heading a description of a person (besides titles, role words and gendered nouns).
PERSON_HEADS = (
    TITLES
    | ROLE_WORDS
    | frozenset(
        """
activist actor actress analyst artist athlete author blogger boy boyfriend brother businessman
businessperson co-founder colleague cosplayer defender friend girlfriend goalkeeper guard host
illustrator magician midfielder nurse partner poet prosecutor referee striker
businesswoman candidate champion child coach composer creator critic daughter designer
developer diplomat director driver economist editor engineer entrepreneur executive expert
father filmmaker girl husband journalist lawyer man manager mathematician member mother musician
novelist owner parent photographer physician pilot player politician producer professor
psychologist rapper researcher scientist singer sister son star student suspect teacher user
veteran victim wife winner woman worker writer
""".split()
    )
)
# Class nouns of a company by its trade ("the utility said" after "Hydro One", "the Calgary-based
# railway"): the speakers stage links such a speaking description to the company the article
# named last (``quotes.speakers.company_noun``). A closed list: the open rule (any noun that is no
# person's, text's or place's) linked "the spot", "the downgrade", "the blog" to the wrong bodies
# on PolNeAR dev and GUM (3 of 3 changes wrong or doubtful, tuned parts).
COMPANY_TRADE_NOUNS = frozenset(
    """
airline automaker bank brewer broadcaster carmaker carrier chain conglomerate giant grocer insurer
lender maker manufacturer miner railroad railway refiner retailer supplier telecom utility
wholesaler
""".split()
)
# Prepositions whose object is a place when it is a one-word name ("in Lytton", "near Merritt"):
# entities.names.place_by_syntax. Not "of", "to", "from", "at", "with", "by": people follow them.
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "outside", "inside", "across", "around", "throughout"})
# Heads whose description names a new referent more often than it points back ("the
# public", "the media"): never linked.
NON_ANAPHORIC_HEADS = frozenset({"public", "media", "press", "audience", "crowd", "internet"})
# Finer kinds of head, each matched against what the gazetteer says a place is ("the country"
# for a country, "the city" for a town) or against an organisation ("the team").
COUNTRY_HEADS = frozenset({"country", "nation", "republic", "kingdom", "homeland"})
CITY_HEADS = frozenset({"city", "town", "capital", "village", "municipality", "metropolis"})
REGION_HEADS = frozenset({"state", "province", "region", "territory", "county", "continent"})
TEAM_HEADS = frozenset({"team", "side", "squad", "club", "franchise", "outfit"})
# Prepositions whose complement makes a description a new referent ("the group for families of
# hostages", "the company from Ohio") rather than one pointing back.
RESTRICTING_PREPOSITIONS = frozenset({"for", "of", "representing", "from", "at", "in", "with"})


# Moved unchanged from entities.describe (issue 11).
# Class nouns by which a definite description may refer back to an entity of
# a label even when its name does not contain the noun ("the company" for
# "Acme Corp."). Role nouns for people come from the entity's own descriptions.
# Place nouns ("the city", "the country") are left out: without a gazetteer the
# nearest place is as often a country as a city (the places stage geocodes).
CLASS_NOUNS = {
    "company": {"ORG"},
    "firm": {"ORG"},
    "group": {"ORG", "NORP"},
    "organization": {"ORG"},
    "organisation": {"ORG"},
    "agency": {"ORG"},
    "body": {"ORG"},
    "movement": {"ORG"},
    "militia": {"ORG"},
    "party": {"ORG"},
    "corporation": {"ORG"},
    "startup": {"ORG"},
    "charity": {"ORG"},
    "newspaper": {"ORG"},
    "outlet": {"ORG"},
    "network": {"ORG"},
    "man": {"PERSON"},
    "woman": {"PERSON"},
}

# Heads of public bodies, unions and places: "the company" / "the firm" never stands for one.
NOT_COMPANY = {
    "department",
    "commission",
    "ministry",
    "agency",
    "authority",
    "council",
    "committee",
    "court",
    "government",
    "office",
    "bureau",
    "administration",
    "union",
    "party",
    "police",
    "parliament",
    "congress",
    "senate",
    "house",
    "assembly",
    "board",
    "service",
    "university",
    "school",
    "hospital",
    "library",
    "army",
    "forces",
    "state",
    "county",
    "city",
}

# Definite NPs never linked: generic or temporal nouns.
NON_REFERRING = {
    "time",
    "day",
    "year",
    "week",
    "month",
    "way",
    "world",
    "end",
    "past",
    "war",
    "number",
    "situation",
    "talks",
    "fighting",
    "area",
    "region",
    "truce",
    "deal",
}

# Role nouns that carry a gender ("a mother of three", "the spokeswoman").
GENDERED_NOUNS = {
    "woman": "f",
    "mother": "f",
    "daughter": "f",
    "wife": "f",
    "sister": "f",
    "girl": "f",
    "grandmother": "f",
    "aunt": "f",
    "niece": "f",
    "widow": "f",
    "actress": "f",
    "lady": "f",
    "spokeswoman": "f",
    "chairwoman": "f",
    "congresswoman": "f",
    "businesswoman": "f",
    "policewoman": "f",
    "queen": "f",
    "princess": "f",
    "girlfriend": "f",
    "stepmother": "f",
    "man": "m",
    "father": "m",
    "son": "m",
    "husband": "m",
    "brother": "m",
    "boy": "m",
    "grandfather": "m",
    "uncle": "m",
    "nephew": "m",
    "widower": "m",
    "actor": "m",
    "spokesman": "m",
    "chairman": "m",
    "congressman": "m",
    "businessman": "m",
    "policeman": "m",
    "king": "m",
    "prince": "m",
    "boyfriend": "m",
    "stepfather": "m",
    "gentleman": "m",
}

# Honorifics: a title made only of these ("Mr.") is no description.
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "mx"}

# Abbreviated titles, so that "Sen. Lindsey Graham" is later "the senator".
ROLE_ABBREV = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "pres": "president",
    "sec": "secretary",
    "amb": "ambassador",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "adm": "admiral",
    "dr": "doctor",
    "prof": "professor",
    "supt": "superintendent",
}

# Personal pronouns that carry a gender (votes for the gender of the person they refer to).
GENDER_PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
