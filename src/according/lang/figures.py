"""English words the figures stage reads: vague quantities, measurement units that make a number
no count, qualifiers before a number, and the verbs and nouns that say what befell the people
counted (killed, wounded, held...). See according/figures/ for how each is used."""

from __future__ import annotations

# vague plural -> conservative lower bound (see module docstring)
VAGUE_COUNTS = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2_000,
    "millions": 2_000_000,
    "several": 3,
}
VAGUE_OF = {
    ("tens", "thousands"): 20_000,
    ("hundreds", "thousands"): 200_000,
    ("tens", "millions"): 20_000_000,
    ("hundreds", "millions"): 200_000_000,
}
# "several hundred", "a few thousand", "a couple dozen": the conservative reading
VAGUE_TIMES = {"several": 3, "few": 2, "couple": 2}
# a small number after a definite word names a known set ("the two sides", "her two sons"), not a count
# anyone claims; from 10 up ("the 134 hostages") the number itself is news
DEFINITE_WORDS = {"the", "these", "those", "its", "her", "his", "their", "our", "my", "your", "both", "all"}
RATE_UNITS = {"day", "week", "month", "year", "hour", "night"}
# counted nouns that make a number a duration, measurement or amount, not a count
NON_UNITS = set(
    """year years yr yrs month months week weeks day days hour hours hr hrs minute minutes min mins
second seconds decade decades century centuries am pm a.m. p.m. percent % per cent km kilometer kilometers
kilometre kilometres mile miles meter meters metre metres foot feet ft inch inches kg kilogram kilograms
pound pounds ton tons tonne tonnes dollar dollars euro euros cent cents shekel shekels degree degrees
point points time times o'clock mph acre acres hectare hectares gallon gallons liter liters litre litres
round rounds""".split()
)
CURRENCY_WORDS = set("$ £ € ¥ usd eur".split())

QUALIFIERS = [  # (words before the number, qualifier); longest first
    ("no fewer than", "at_least"),
    ("no less than", "at_least"),
    ("a minimum of", "at_least"),
    ("at least", "at_least"),
    ("more than", "more_than"),
    ("in excess of", "more_than"),
    ("upwards of", "more_than"),
    ("over", "more_than"),
    ("close to", "nearly"),
    ("just under", "nearly"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("an estimated", "about"),
    ("estimated", "about"),
    ("about", "about"),
    ("around", "about"),
    ("roughly", "about"),
    ("approximately", "about"),
    ("some", "about"),
    ("up to", "up_to"),
    ("as many as", "up_to"),
    ("fewer than", "up_to"),
    ("less than", "up_to"),
    ("exactly", "exactly"),
    ("precisely", "exactly"),
    ("between", "between"),
]

MEASURES = {
    "kill": "killed",
    "die": "killed",
    "dead": "killed",
    "death": "killed",
    "slay": "killed",
    "murder": "killed",
    "execute": "killed",
    "behead": "killed",
    "massacre": "killed",
    "fatality": "killed",
    "wound": "wounded",
    "injure": "wounded",
    "hurt": "wounded",
    "injured": "wounded",
    "wounded": "wounded",
    "injury": "wounded",
    "missing": "missing",
    "disappear": "missing",
    "displace": "displaced",
    "displaced": "displaced",
    "flee": "displaced",
    "uproot": "displaced",
    "evacuate": "evacuated",
    "shelter": "sheltering",
    "hold": "held",
    "languish": "held",
    "captive": "held",
    "hostage": "held",
    "release": "released",
    "free": "freed",
    "arrest": "arrested",
    "detain": "detained",
    "jail": "jailed",
    "imprison": "jailed",
    "kidnap": "abducted",
    "abduct": "abducted",
    "capture": "captured",
    "rescue": "rescued",
    "deport": "deported",
    "register": "registered",
    "strand": "stranded",
    "trap": "trapped",
}
INTRANSITIVE_MEASURES = {
    "die",
    "flee",
    "languish",
    "disappear",
    "shelter",
    "dead",
    "missing",
    "register",
}  # subject = who it befell
SHELTER_OBJECTS = {"refuge", "shelter", "sanctuary", "asylum"}  # "sought refuge", "took shelter"
INHERENT_MEASURES = {
    "hostage": "held",
    "captive": "held",
    "prisoner": "held",
    "detainee": "detained",
    "refugee": "displaced",
    "death": "killed",
    "fatality": "killed",
    "casualty": None,
    "dead": "killed",
    "evacuee": "evacuated",
}
# "lost N <these>" counts a side's dead (not "lost 5 seats", "lost 300 jobs")
LOST_PEOPLE = {
    "soldier",
    "fighter",
    "troop",
    "man",
    "member",
    "militant",
    "officer",
    "policeman",
    "personnel",
    "life",
    "combatant",
    "militiaman",
    "insurgent",
    "rebel",
    "gunman",
    "trooper",
    "serviceman",
}
CASUALTY_MEASURES = {"killed", "wounded", "missing", "displaced", "held", "abducted", "arrested", "detained"}
