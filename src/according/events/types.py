"""ACLED's event typology and the trigger lexicon that finds events in a sentence.

Event and sub-event types are spelled exactly as in ACLED's codebook. The
lexicon maps a trigger (a lemma, or two lemmas in a row) to the sub-event types
it usually signals; it decides *whether* a sentence of an article reports an
event, gives the classifier features (``T:<sub-event type>``) and resolves the
types CASE 2021 has no examples of (``Other``: talks, meetings, evacuation
orders, legal filings).
"""

from __future__ import annotations

from ..lang.events import (  # noqa: F401 (sub-event names and trigger lists re-exported)
    ABDUCT,
    AGREE,
    AIR,
    ARREST,
    ATTACK,
    CHANGE,
    CHEM,
    CLASH,
    DISRUPT,
    FORCE,
    GRENADE,
    HQ,
    IED,
    INTERVENTION,
    LOOT,
    MOB,
    OTHER,
    OTHER_TRIGGERS,
    OVERTAKE,
    PEACEFUL,
    REGAIN,
    RIOT,
    SEXUAL,
    SHELL,
    SUICIDE,
    TRANSFER,
    TRIGGER_LEXICON,
    WEAK_TRIGGERS,
    WEAK_WHOLE_WORDS,
    WHOLE_WORD_TRIGGERS,
)

SUB_EVENT_TYPES = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
EVENT_TYPE = {sub: ev for ev, subs in SUB_EVENT_TYPES.items() for sub in subs}

TRIGGERS: dict[str, tuple[str, ...]] = {**TRIGGER_LEXICON, **WHOLE_WORD_TRIGGERS}

# lemmas that make a sentence *report* an event in an article (the lexicon also has weak cues such as
# "leader", "base", "court" that only help the classifier)
STRONG = {k for k in TRIGGERS if k not in WEAK_TRIGGERS | WEAK_WHOLE_WORDS}
