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
  * fire exchanged or returned ("exchanged fire", "returned fire", "a gun battle") is a clash; an armed
    side or police firing on, engaging or ambushing another or its positions is a clash, not a
    strategic development, nor an attack (which is on civilians), unless a weapon of remote violence
    is named ("shelled positions", "a drone strike killed militants": by the weapon);
  * a crowd's violence may be named by a noun or adjective ("turned violent", "clashes", "scuffles",
    "barricades", "burning tyres"; a verb after "and" shares the crowd: "marched and some smashed
    windows"); a riot whose only force is the state's crowd control (tear gas, water cannon,
    dispersal) is a protest with intervention.
  (Those two groups, CASE 2021 out-of-fold, whole stage: tuned third 427 -> 429 of 553 sub-event,
  473 -> 477 event type; sealed 205 -> 207 and 233 -> 236 of 268; our 36 ACLED-style notes unchanged.)
Each rule was kept only where CASE 2021 scored out-of-fold (the whole stage with the fold model
that never saw the snippet, ``scripts/train_events.py --fold-models``) did not fall; see the commit.
"""

from __future__ import annotations

from ..lang.events import (
    ACTOR_KINDS,
    CROWD_CONTROL_WORDS,
    CROWD_DOERS,
    CROWD_VIOLENCE,
    CROWD_VIOLENCE_WORDS,
    HOSTILE_VERBS,
    MONITOR_OBJECTS,
    MONITOR_VERBS,
    PART_OF_A_GROUP,
    PROTEST_WORDS,
    TARGET_KINDS,
    TWO_SIDED_FIRE,
    UNNAMED_WEAPON_WORDS,
)
from ..pipeline import Work
from .classifier import triggers_in
from .types import EVENT_TYPE, TRIGGERS

CLASH = "Armed clash"
# On: on CASE 2021 out-of-fold it gained one row and lost one; on PLOVER fatalities it scores 0.975
# against 0.972 without it
STRATEGIC_WITH_DEAD_IS_VIOLENT = True
SHOOTOUT = {"shootout", "shoot-out", "gunfight", "firefight"}
REPEL = {"repel", "repulse"}
VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def monitor_report(work: Work, a: int, b: int) -> bool:
    """Shots or explosions heard or recorded (a ceasefire monitor's report) in tokens a..b."""
    p = work.parse
    toks = p.toks
    for k in range(a, b):
        t = toks[k]
        if t.lemma.lower() in MONITOR_OBJECTS and t.dep in ("dobj", "nsubjpass", "conj") and t.head != k:
            head = toks[t.head] if t.dep != "conj" else toks[toks[t.head].head]  # "14 shots and 3 explosions"
            if head.lemma.lower() in MONITOR_VERBS:
                return True
    return False


def names_weapon(work: Work, a: int, b: int) -> bool:
    """Does tokens a..b name the weapon of an explosion (artillery, a mortar, an air strike, a
    grenade), not only that something exploded?"""
    return any(
        EVENT_TYPE[TRIGGERS[key][0]] == "Explosions/Remote violence" and key not in UNNAMED_WEAPON_WORDS
        for _, key in triggers_in(work.parse, a, b)
    )


def weapon_type(work: Work, a: int, b: int) -> str | None:
    """The sub-event type of the first weapon of remote violence named in tokens a..b (names_weapon)."""
    for _, key in triggers_in(work.parse, a, b):
        sub = TRIGGERS[key][0]
        if EVENT_TYPE[sub] == "Explosions/Remote violence" and key not in UNNAMED_WEAPON_WORDS:
            return sub
    return None


def crowd_violence(work: Work, a: int, b: int) -> bool:
    """Does a crowd (protesters, demonstrators, a mob) do violence in tokens a..b? By a verb whose
    subject is the crowd (a verb joined by "and" shares its subject: "marched and some smashed
    windows"), or named as such: "the protest turned violent", "a violent demonstration", "violence
    erupted", "scuffles", "set ablaze", "barricades of burning tyres"."""
    p = work.parse
    toks = p.toks
    for k in range(a, b):
        t = toks[k]
        lemma = t.lemma.lower()
        if lemma in CROWD_VIOLENCE_WORDS or (lemma == "violence" and t.dep == "nsubj"):
            return True
        if lemma == "violent" and _of_a_gathering(p, k):
            return True
        if lemma not in CROWD_VIOLENCE or t.pos != "VERB":
            continue
        subj = [
            c
            for c in p.children[k]
            if toks[c].dep == "nsubj" and toks[c].lemma.lower() not in PART_OF_A_GROUP
        ]
        if not subj and t.dep == "conj" and toks[t.head].pos == "VERB":  # "marched and some smashed ..."
            subj = [c for c in p.children[t.head] if toks[c].dep == "nsubj"]
        if any(toks[c].lemma.lower() in CROWD_DOERS for c in subj):
            return True
    return False


def _of_a_gathering(p, k: int) -> bool:
    """Does adjective k ("violent") describe a protest or crowd: "a violent demonstration", "the protests
    turned violent"?"""
    toks = p.toks
    if any(toks[j].text.lower() in ("non", "not") for j in range(max(0, k - 2), k)):
        return False  # "non-violent protesters"
    head = toks[k].head
    if toks[head].lemma.lower() in PROTEST_WORDS:
        return True
    return any(toks[c].dep == "nsubj" and toks[c].lemma.lower() in PROTEST_WORDS for c in p.children[head])


def crowd_control(work: Work, a: int, b: int) -> bool:
    """Does a state force use crowd-control means (tear gas, water cannon, batons, dispersal) in a..b?"""
    toks = work.parse.toks
    return any(toks[k].lemma.lower() in CROWD_CONTROL_WORDS for k in range(a, b))


def two_sided_fire(work: Work, a: int, b: int) -> bool:
    """Is fire exchanged in tokens a..b ("exchanged fire", "returned fire", "a gun battle")?"""
    toks = work.parse.toks
    return any((toks[k].lemma.lower(), toks[k + 1].lemma.lower()) in TWO_SIDED_FIRE for k in range(a, b - 1))


def kind_of(p, k: int) -> str | None:
    """The kind of doer or target token k names (lang.events ACTOR_KINDS, then TARGET_KINDS), by the
    word or a compound or modifier of it ("security forces", "Russian positions")."""
    toks = p.toks
    for j in (k, *p.children[k]):
        if j != k and toks[j].dep not in ("compound", "amod"):
            continue
        lem = toks[j].lemma.lower()
        kind = ACTOR_KINDS.get(lem) or TARGET_KINDS.get(lem)
        if kind:
            return kind
    return None


def armed_on_armed(work: Work, a: int, b: int) -> bool:
    """Does an armed side or a police force fire on, attack or engage another, or its positions, in
    tokens a..b ("Ukrainian forces fired on Russian positions", "troops engaged the fighters")? ACLED
    codes that as a battle: strategic developments are non-violent, attacks are on civilians."""
    p = work.parse
    toks = p.toks
    for v in range(a, b):
        lemma = toks[v].lemma.lower()
        violent = lemma in HOSTILE_VERBS or any(
            EVENT_TYPE.get(t) in VIOLENT for t in TRIGGERS.get(lemma, ())[:1]
        )
        if toks[v].pos != "VERB" or not violent:
            continue
        subj = [c for c in p.children[v] if toks[c].dep == "nsubj"]
        if not subj and toks[v].dep == "conj":
            subj = [c for c in p.children[toks[v].head] if toks[c].dep == "nsubj"]
        objs = [c for c in p.children[v] if toks[c].dep == "dobj"]
        for c in p.children[v]:
            if toks[c].dep == "prep" and toks[c].lemma.lower() in ("on", "at", "against", "upon"):
                objs += [o for o in p.children[c] if toks[o].dep == "pobj"]
        if any(kind_of(p, c) in ("armed", "police") for c in subj) and any(
            kind_of(p, o) in ("armed", "police", "armed site") for o in objs
        ):
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
    if two_sided_fire(work, a, b) and (
        sub in ("Arrests", "Attack") or ev == "Strategic developments" or not names_weapon(work, a, b)
    ):
        return CLASH  # "raided the hideout and exchanged fire with them", "police returned fire"
    if ev == "Strategic developments" and armed_on_armed(work, a, b) and not names_weapon(work, a, b):
        return CLASH
    if sub == "Attack" and armed_on_armed(work, a, b):
        # "troops engaged the fighters", "militants ambushed the convoy"; but shelling, air strikes and
        # remote explosives by their weapon ("shelled positions", "a drone strike killed militants")
        return weapon_type(work, a, b) or CLASH
    if _has_lemma(work, a, b, REPEL) and ev in ("Violence against civilians", "Strategic developments"):
        return CLASH
    if ev == "Protests" and sub != "Excessive force against protesters" and crowd_violence(work, a, b):
        return "Violent demonstration"
    if ev == "Riots" and crowd_control(work, a, b) and not crowd_violence(work, a, b):
        return "Protest with intervention"  # tear gas on a crowd that did no violence: no riot
    if STRATEGIC_WITH_DEAD_IS_VIOLENT and ev == "Strategic developments" and fatalities > 0 and proba:
        violent = {
            t: v
            for t, v in proba.items()
            if EVENT_TYPE.get(t) in ("Battles", "Explosions/Remote violence", "Violence against civilians")
        }
        if violent:
            return max(violent, key=lambda t: violent[t])
    return sub
