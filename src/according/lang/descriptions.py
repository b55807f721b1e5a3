"""English word data of entity descriptions: the nouns by which a definite description refers
back to a named entity, and the words that give a person's gender or title.

Read by ``according.entities.describe``. Moved here unchanged from that module (issue 11).
"""

from __future__ import annotations

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
