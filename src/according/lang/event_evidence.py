"""English word data of the events stage's short-text evidence (events/evidence.py): what does the
violence of a one-sentence text when it is no ACLED event. Issue 9: a single sentence is read as a
note and used to keep an event whatever it said ("supernova explosions", "a cholera outbreak has
killed 60", "the film follows rebels who attack a space station")."""

from __future__ import annotations

# Kinds of lang.events.ACTOR_KINDS that do harm only in nature, in an accident or in a figure of
# speech ("an earthquake struck", "a fire killed 27", "shares shot up"). Sport is left out (fans who
# clash with police riot), and so are products ("an improvised explosive device detonated").
NON_CONFLICT_KINDS = {"nature", "accident", "business"}

# Doers of harm beside ACTOR_KINDS that no armed side or crowd is: disasters, disease, the sky.
NATURAL_HARMS = set(
    (
        "outbreak epidemic pandemic cholera ebola plague measles malaria covid flu influenza landslide "
        "mudslide avalanche volcano eruption tornado cyclone typhoon tsunami drought heatwave famine "
        "lightning supernova galaxy comet meteor meteorite"
    ).split()
)

# Verbs of an accident that a killing hangs off ("a bus overturned, killing 14", "a plane crashed,
# killing the pilot").
ACCIDENT_VERBS = {"overturn", "crash", "collide", "capsize", "derail", "sink", "collapse", "plunge", "topple"}

# What a march or gathering may be held for that is no demonstration ("fans marched through the city
# to celebrate the title").
CELEBRATION_VERBS = {"celebrate", "cheer"}

# Violence done to oneself ("the suspect killed himself in his cell"): a suicide is no ACLED event.
SELF_HARM_VERBS = {"kill", "shoot", "hang", "stab"}

# Nouns of a made-up or staged story: a trigger under one is the story's, not the news'
# ("the film follows rebels who attack a station", "a play about a village riot", "played a sniper in
# the war drama"). Not "series" ("a series of attacks"), "episode" ("the bloodiest episode of their
# campaign") nor "video" / "report" (footage and accounts of real events).
WORKS = set(
    (
        "film movie novel book play game videogame documentary drama musical opera poem comic "
        "sitcom thriller fiction screenplay"
    ).split()
)

# What a film or a documentary does when it is footage of real events ("a film of the attack shows
# gunmen firing"), not a story ("the film follows rebels who attack a station").
FOOTAGE_VERBS = {"show", "capture", "record", "reveal", "document", "appear"}

# Compound modifiers that make an attack a medical one ("heart attacks", "a panic attack").
MEDICAL_COMPOUNDS = {"heart", "panic", "asthma", "anxiety", "migraine", "seizure"}

# What police or customs seize that is no weapon: a drug haul is crime, not disrupted weapons use.
DRUGS = set(
    (
        "cocaine heroin cannabis marijuana methamphetamine meth drug narcotic opium fentanyl hashish "
        "ecstasy contraband cigarette tobacco counterfeit"
    ).split()
)

HAUL_VERBS = {"seize", "arrest", "detain", "intercept", "confiscate"}

# Named-entity types whose words are a name, not an event: "the Battle of Hastings", "the Joint
# Strike Fighter".
NAME_ENTITY_TYPES = {"EVENT", "WORK_OF_ART", "PRODUCT", "LAW"}

# How an ACLED note opens: its date, after an optional sub-event label ("On 3 March 2021, ...",
# "Around 3 May 2021 (month of), ...", "On or around 11 March 2022, ...", "Between 2 and 4 March
# 2021, ...", "Looting: On 20 April 2023, ..."). Not "In" or "During" with a year: history
# and fiction open so ("In 1347 the Black Death ..."). A short text so opened keeps the report floors
# (events/finding.NO_TRIGGER_FLOOR). All 104 blind notes and the 36 older ones open so.
NOTE_OPENING = (
    r"\s*(?:[A-Z][a-z]+(?:[ -][a-z]+)*: )?"
    r"(?:On or (?:about|around)|On|Around|Between|Overnight)\b"
    r"[^.;]{0,40}?\b\d{4}\b"
)
