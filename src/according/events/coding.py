"""ACLED's coding conventions that a classifier of words does not learn from CASE 2021.

From ACLED's codebook:
  * a ceasefire monitor's report of shots or explosions heard near a place is an armed clash,
    unless the text names the weapon (shelling, air strikes and remote explosives by their weapon);
  * a police operation that ends in a shoot-out, and an attack on a position that is repelled, are
    armed clashes (both sides fought);
  * a demonstration whose crowd throws stones, burns, storms or clashes is a riot (Violent
    demonstration), not a protest;
  * strategic developments are non-violent: an event with dead is not one; it takes the most likely
    violent type instead.
Each rule was kept only where CASE 2021 scored out-of-fold (the whole stage with the fold model
that never saw the snippet, ``scripts/train_events.py --fold-models``) did not fall; see the commit.
"""

from __future__ import annotations

from ..lang.events import CROWD_DOERS, CROWD_VIOLENCE, MONITOR_OBJECTS, MONITOR_VERBS, UNNAMED_WEAPON_WORDS
from ..pipeline import Work
from .classifier import triggers_in
from .types import EVENT_TYPE, TRIGGERS

CLASH = "Armed clash"
# On: on CASE 2021 out-of-fold it gained one row and lost one; on PLOVER fatalities it scores 0.975
# against 0.972 without it
STRATEGIC_WITH_DEAD_IS_VIOLENT = True
SHOOTOUT = {"shootout", "shoot-out", "gunfight", "firefight"}
REPEL = {"repel", "repulse"}


def monitor_report(work: Work, a: int, b: int) -> bool:
    """Shots or explosions heard or recorded (a ceasefire monitor's report) in tokens a..b."""
    p = work.parse
    toks = p.toks
    for k in range(a, b):
        t = toks[k]
        if t.lemma.lower() in MONITOR_OBJECTS and t.dep in ("dobj", "nsubjpass") and t.head != k:
            if toks[t.head].lemma.lower() in MONITOR_VERBS:
                return True
    return False


def names_weapon(work: Work, a: int, b: int) -> bool:
    """Does tokens a..b name the weapon of an explosion (artillery, a mortar, an air strike, a
    grenade), not only that something exploded?"""
    return any(
        EVENT_TYPE[TRIGGERS[key][0]] == "Explosions/Remote violence" and key not in UNNAMED_WEAPON_WORDS
        for _, key in triggers_in(work.parse, a, b)
    )


def crowd_violence(work: Work, a: int, b: int) -> bool:
    """Does a crowd (protesters, demonstrators, a mob) do violence in tokens a..b?"""
    p = work.parse
    toks = p.toks
    for k in range(a, b):
        t = toks[k]
        if t.lemma.lower() not in CROWD_VIOLENCE or t.pos != "VERB":
            continue
        for c in p.children[k]:
            if toks[c].dep == "nsubj" and toks[c].lemma.lower() in CROWD_DOERS:
                return True
    return False


def _has_lemma(work: Work, a: int, b: int, words: set[str]) -> bool:
    toks = work.parse.toks
    return any(toks[k].lemma.lower() in words or toks[k].text.lower() in words for k in range(a, b))


def apply_conventions(
    work: Work, a: int, b: int, sub: str, fatalities: int, proba: dict[str, float] | None
) -> str:
    """The sub-event type after ACLED's conventions (tokens a..b are the event's text)."""
    ev = EVENT_TYPE[sub]
    if (
        monitor_report(work, a, b)
        and ev in ("Explosions/Remote violence", "Strategic developments")
        and not names_weapon(work, a, b)
    ):  # CASE 2021 out-of-fold: +1 row ("launched artillery attacks ... residents heard explosions")
        return CLASH
    if _has_lemma(work, a, b, SHOOTOUT) and sub in ("Arrests", "Attack"):
        return CLASH
    if _has_lemma(work, a, b, REPEL) and ev in ("Violence against civilians", "Strategic developments"):
        return CLASH
    if ev == "Protests" and sub != "Excessive force against protesters" and crowd_violence(work, a, b):
        return "Violent demonstration"
    if STRATEGIC_WITH_DEAD_IS_VIOLENT and ev == "Strategic developments" and fatalities > 0 and proba:
        violent = {
            t: v
            for t, v in proba.items()
            if EVENT_TYPE.get(t) in ("Battles", "Explosions/Remote violence", "Violence against civilians")
        }
        if violent:
            return max(violent, key=lambda t: violent[t])
    return sub
