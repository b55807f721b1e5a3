"""ACLED's codebook conventions as ACLED's own notes phrase them (issue 9, part 2).

coding.py holds the conventions read from CASE 2021's news snippets; these are the ones that a
development set of ACLED-style notes written blind to the output (examples/acled-notes-dev, its
README) showed the stage missing, each a rule of the codebook, applied after coding.apply_conventions:

  * a suicide attacker named ("a car bomb driven by a suicide attacker", "suicide bombers blew
    themselves up") makes an explosion a Suicide bomb, whatever the device;
  * an aircraft that bombs, hits or strikes ("the Air Force bombed positions") is an air strike, not a
    remote explosive or a shelling: by the weapon;
  * weapons stopped in the air ("air defence intercepted 3 drones", "shot down a missile") are
    Disrupted weapons use, nothing having gone off; and where something did go off ("an IED exploded
    ... where forces maintain camps, according to a statement"), the explosion is the event, not weapons
    made safe (a long note's other words drift the classifier towards a development: the bias of
    the development types outweighs diluted evidence);
  * a named weapon of remote violence used as a fact ("fired mortars at a base", "a drone struck")
    makes a development reading (not weapons seized or made safe, nor arrests) the weapon's type;
  * fire exchanged named by a noun phrase ("an exchange of fire", "exchanged gunfire") is a clash;
  * an armed side killing, attacking, executing or abducting people who fight no one (villagers,
    farmers, shepherds, drivers, a humanitarian convoy), with no fire exchanged and no armed side on
    the receiving end, is an Attack, not a clash; people of a place or a crowd doing it ("villagers
    set upon and killed a man") is Mob violence;
  * territory taken back ("took back the village") is regained (or overtaken: by the doer);
  * a peaceful protest met with crowd-control means or suppressed ("used water cannon to disperse
    activists", "suppressed a peaceful march") is a Protest with intervention;
  * a curfew or a state of emergency declared is Strategic developments / Other.
(And finding.py: a note with ACLED's crowd-size tag, "[size=no report]", is a report with a strong
trigger, so a march without one keeps its event; lang/events.CROWD_VIOLENCE names a crowd's harm to
people or property, "damaged", "injured", "beat", "broke".)

Measured, each rule switched off in turn: CASE 2021 out-of-fold (the whole stage, base fold models of
``scripts/train_events.py --fold-models``), ACLED rows, sub-event tuned / sealed third: all rules
.796 / .776 -> .808 / .776 (event type .881 / .881 -> .884 / .881); the suicide rule +2 tuned rows,
the explosion-went-off rule +1, the weapon-used rule no row anywhere (it guards long notes whose
other words drift the classifier to a development, as the held-out Explosions read as Strategic
developments),
the attack rule +1 (+1 more once the objects' conjuncts are read: "attacking a marketplace and a
military base" is on soldiers too, a clash), the protest-with-intervention rule +2, the others no CASE
row (they fire on the notes' phrasing). Shipped model on all of CASE 2021 (training fit, the eval
gate): one row moves, a no-ACLED row (a state of emergency over wildfires: Other, was Looting).
Events on the negative corpora (scripts/event_corpora.py --count) unchanged, violent ones too. The
blind notes (examples/acled-notes-dev, 67 tuned / 37 sealed): sub-event .746 / .757 -> .925 / .811,
event type .836 / .811 -> .940 / .865. A raid whose doer is an armed side or the police on the
ground, with no aircraft named, is an Attack on civilians or else a clash (``ground_raid``: "bandits
raided Kuchi village and killed 12 villagers" was an air strike at .95). Tried and dropped: "raid" alone
no air strike (tuned +1, sealed -1: CASE's "raids" on towns are air raids); a crowd's looting or
vandalism a riot (tuned -2, sealed -1: CASE codes communities torching shops as Looting/property
destruction); "lockdown" as an emergency (a looting "during the COVID-19 lockdown", tuned -1).
"""

from __future__ import annotations

from ..lang.acled_codebook import (
    AIR_RAID_WORDS,
    CIVILIAN_MODIFIERS,
    CIVILIAN_PEOPLE,
    CROWD_OF_CIVILIANS,
    DETONATIONS,
    EMERGENCY_PHRASES,
    EMERGENCY_WORDS,
    EXCHANGE_NOUNS,
    FIRE_NOUNS,
    HARM_VERBS,
    INTERCEPT_VERBS,
    MANNED_AIRCRAFT,
    SUICIDE_HEADS,
    SUPPRESS_WORDS,
    TAKE_BACK_VERBS,
    UNREAL_DETONATION_MARKS,
    WEAPON_USE_VERBS,
)
from ..lang.event_reports import AIRCRAFT_WORDS
from ..lang.events import REFLEXIVES, UNNAMED_WEAPON_WORDS
from ..pipeline import Work
from .classifier import triggers_in
from .clauses import irrealis
from .coding import aircraft_harm, crowd_control, fire_exchanged, kind_of, weapon_type
from .types import EVENT_TYPE, TRIGGERS

REMOTE = "Explosions/Remote violence"
AIR = "Air/drone strike"
CLASH = "Armed clash"
# Developments that go with weapons named as used: weapons seized or made safe, arrests of their users
# (an agreement "to stop the shelling" is unreal: clauses.irrealis)
WEAPON_DEVELOPMENTS = {"Disrupted weapons use", "Arrests"}


def suicide_bomber(work: Work, a: int, b: int) -> bool:
    """Is a suicide attacker named in tokens a..b: "suicide" qualifying a bomber, attacker, vest or car
    bomb, or someone blowing or killing himself ("blew themselves up")?"""
    p = work.parse
    toks = p.toks
    for k in range(a, b):
        t = toks[k]
        if t.lemma.lower() == "suicide":
            heads = {toks[t.head].lemma.lower()} | {toks[c].lemma.lower() for c in p.children[t.head]}
            if t.dep in ("compound", "amod", "nmod") and heads & SUICIDE_HEADS:
                return True
            if k + 1 < b and toks[k + 1].lemma.lower() in SUICIDE_HEADS:
                return True
        if (
            t.text.lower() in REFLEXIVES
            and t.dep == "dobj"
            and toks[t.head].lemma.lower() in ("kill", "blow")
        ):
            return True
    return False


def weapon_stopped(work: Work, a: int, b: int) -> bool:
    """Are weapons stopped in the air in tokens a..b: "intercepted 3 drones", "shot down a missile" (an
    object with a weapon of remote violence that is no aircraft: "intercept bombers" is air policing)?"""
    p = work.parse
    toks = p.toks
    for v in range(a, b):
        lemma = toks[v].lemma.lower()
        down = lemma == "shoot" and any(
            toks[c].dep == "prt" and toks[c].lemma.lower() == "down" for c in p.children[v]
        )
        if toks[v].pos != "VERB" or not (lemma in INTERCEPT_VERBS or down):
            continue
        for c in p.children[v]:
            if (
                toks[c].dep not in ("dobj", "nsubjpass")
                or toks[c].lemma.lower() in AIRCRAFT_WORDS | MANNED_AIRCRAFT
            ):
                continue
            lo, hi = p.subtree(c)
            if any(EVENT_TYPE.get(TRIGGERS[key][0]) == REMOTE for _, key in triggers_in(p, lo, hi)):
                return True
    return False


def exchange_of_fire(work: Work, a: int, b: int) -> bool:
    """ "an exchange of fire", "exchanged gunfire", "exchanged shots": fire from both sides."""
    toks = work.parse.toks
    for k in range(a, b - 1):
        if toks[k].lemma.lower() not in EXCHANGE_NOUNS:
            continue
        nxt = toks[k + 1].lemma.lower()
        if nxt in FIRE_NOUNS or (nxt == "of" and k + 2 < b and toks[k + 2].lemma.lower() in FIRE_NOUNS):
            return True
    return False


def one_sided_harm(work: Work, a: int, b: int) -> str | None:
    """Who does one-sided violence on people in tokens a..b: "armed" when an armed side kills, attacks,
    executes or abducts people who fight no one ("ISIS militants executed 3 shepherds", "attacked
    farmers"), "crowd" when villagers, residents or a crowd do it ("villagers set upon and killed a
    man"); None otherwise, or where any violent verb of the text falls on an armed side or the police."""
    p = work.parse
    toks = p.toks
    found = None
    for v in range(a, b):
        lemma = toks[v].lemma.lower()
        if toks[v].pos != "VERB" or not (
            lemma in HARM_VERBS
            or TRIGGERS.get(lemma, ("",))[0] in ("Attack", "Abduction/forced disappearance")
        ):
            continue
        subj = [c for c in p.children[v] if toks[c].dep == "nsubj"]
        if not subj and toks[v].dep == "conj":
            subj = [c for c in p.children[toks[v].head] if toks[c].dep == "nsubj"]
        objs = [c for c in p.children[v] if toks[c].dep == "dobj"]
        objs += [
            j for o in objs for j in p.children[o] if toks[j].dep == "conj"
        ]  # "a marketplace and a base"
        if any(
            kind_of(p, o) in ("armed", "police", "armed site") and not _civilian_person(p, o) for o in objs
        ):
            return None  # an armed side on the receiving end: a clash is possible
        if not objs or not all(_civilian_person(p, o) for o in objs):
            continue
        if any(toks[c].lemma.lower() in CROWD_OF_CIVILIANS for c in subj):
            found = found or "crowd"
        elif any(kind_of(p, c) in ("armed", "police") for c in subj):
            found = "armed"
    return found


def _civilian_person(p, o: int) -> bool:
    """Does token o name people who fight no one: "3 shepherds", "the drivers", "a village chief", "a
    humanitarian convoy"?"""
    toks = p.toks
    if toks[o].lemma.lower() in CIVILIAN_PEOPLE:
        return True
    if any(
        toks[c].dep in ("amod", "compound") and toks[c].lemma.lower() in CIVILIAN_MODIFIERS
        for c in p.children[o]
    ):
        return True
    return toks[o].lemma.lower() in ("member",) and any(
        toks[c].lemma.lower() == "of" and any(toks[g].lemma.lower() in CIVILIAN_PEOPLE for g in p.children[c])
        for c in p.children[o]
    )


def ground_raid(work: Work, a: int, b: int) -> bool:
    """Is the only air-strike word of tokens a..b a raid made on the ground ("bandits raided the
    village and killed 12", "gunmen killed 12 villagers in a raid on Kuchi")? "raid" is an air raid or
    a ground assault (lang.events.TRIGGERS); it is the ground one when its doer, the subject of
    "raided" or of the verb the noun "raid" hangs on, is an armed side or a police force and no
    aircraft, air force or other air-strike word is named."""
    p = work.parse
    toks = p.toks
    raids = []
    for k in range(a, b):
        lemma = toks[k].lemma.lower()
        if lemma in AIRCRAFT_WORDS or lemma in AIR_RAID_WORDS:
            return False
        if lemma == "raid":
            raids.append(k)
        elif TRIGGERS.get(lemma, ("",))[0] == AIR:
            return False
    if not raids:
        return False
    for k in raids:
        verb = k if toks[k].pos == "VERB" else None
        if verb is None and toks[k].dep == "pobj" and toks[toks[k].head].dep == "prep":
            verb = toks[toks[k].head].head  # "killed 12 villagers in a raid"
        if verb is None:
            return False
        subj = [c for c in p.children[verb] if toks[c].dep == "nsubj"]
        if not subj and toks[verb].dep == "conj":
            subj = [c for c in p.children[toks[verb].head] if toks[c].dep == "nsubj"]
        if not subj or not all(kind_of(p, c) in ("armed", "police") for c in subj):
            return False
    return True


def takes_back(work: Work, a: int, b: int) -> bool:
    """ "took back the village", "won back control of the town": territory regained by phrasal verb (the
    lexicon's territory triggers are single words and "take control")."""
    p = work.parse
    toks = p.toks
    return any(
        toks[v].pos == "VERB"
        and toks[v].lemma.lower() in TAKE_BACK_VERBS
        and any(toks[c].dep in ("prt", "advmod") and toks[c].lemma.lower() == "back" for c in p.children[v])
        for v in range(a, b)
    )


def went_off(work: Work, a: int, b: int) -> bool:
    """Did something explode in tokens a..b ("an IED exploded", "a blast", "a bomb went off"), as a fact
    (not "defused before it could explode", "failed to detonate")?"""
    p = work.parse
    toks = p.toks
    for k in range(a, b):
        lemma = toks[k].lemma.lower()
        off = lemma == "go" and any(
            toks[c].dep == "prt" and toks[c].lemma.lower() == "off" for c in p.children[k]
        )
        if lemma not in DETONATIONS and not off:
            continue
        near = [k, *p.children[k], toks[k].head, *p.children[toks[k].head]]
        if not any(toks[j].lemma.lower() in UNREAL_DETONATION_MARKS for j in near):
            return True
    return False


def weapon_used(work: Work, a: int, b: int) -> bool:
    """Is a named weapon of remote violence used in tokens a..b, as a fact: its trigger a verb ("shelled")
    or the subject or object of a verb of use ("fired mortars", "a drone struck", "rockets landed"),
    neither negated, wished nor planned (clauses.irrealis)?"""
    p = work.parse
    toks = p.toks
    for k, key in triggers_in(p, a, b):
        if EVENT_TYPE[TRIGGERS[key][0]] != REMOTE or key in UNNAMED_WEAPON_WORDS:
            continue
        head = toks[k].head
        used = toks[k].pos == "VERB" or (
            toks[k].dep in ("nsubj", "dobj", "nsubjpass") and toks[head].lemma.lower() in WEAPON_USE_VERBS
        )
        if used and not irrealis(work, k):
            return True
    return False


def emergency(work: Work, a: int, b: int) -> bool:
    """Is a curfew or a state of emergency named in tokens a..b?"""
    toks = work.parse.toks
    lemmas = [toks[k].lemma.lower() for k in range(a, b)]
    if any(w in EMERGENCY_WORDS for w in lemmas):
        return True
    return any(tuple(lemmas[i : i + len(ph)]) == ph for ph in EMERGENCY_PHRASES for i in range(len(lemmas)))


def _likeliest(proba: dict[str, float] | None, event_types: tuple[str, ...]) -> str | None:
    cands = {t: v for t, v in (proba or {}).items() if EVENT_TYPE.get(t) in event_types}
    return max(cands, key=lambda t: cands[t]) if cands else None


def codebook(work: Work, a: int, b: int, sub: str, proba: dict[str, float] | None) -> str:
    """The sub-event type after the conventions of the module docstring (tokens a..b: the event's text;
    ``proba`` the classifier's reading, or None where it was not kept)."""
    ev = EVENT_TYPE[sub]
    if ev == REMOTE and sub != "Suicide bomb" and suicide_bomber(work, a, b):
        return "Suicide bomb"
    if sub in ("Remote explosive/landmine/IED", "Shelling/artillery/missile attack") and aircraft_harm(
        work, a, b
    ):
        return AIR
    if sub == AIR and ground_raid(work, a, b):
        return "Attack" if one_sided_harm(work, a, b) == "armed" else CLASH
    if ev in (REMOTE, "Battles") and weapon_stopped(work, a, b):
        return "Disrupted weapons use"
    if sub == "Disrupted weapons use" and went_off(work, a, b) and not weapon_stopped(work, a, b):
        # "an IED exploded near a police vehicle ... where forces maintain camps, according to a statement":
        # the explosion is the event (a long note's other words drift the classifier to a development)
        return weapon_type(work, a, b) or _likeliest(proba, (REMOTE,)) or "Remote explosive/landmine/IED"
    if ev == "Strategic developments" and sub not in WEAPON_DEVELOPMENTS and weapon_used(work, a, b):
        return (
            weapon_type(work, a, b) or sub
        )  # "AS militants fired mortars at an AMISOM base ...": by the weapon
    if (
        sub != CLASH
        and ev in ("Violence against civilians", "Strategic developments")
        and exchange_of_fire(work, a, b)
    ):
        return CLASH
    if sub in (CLASH, "Attack") and not fire_exchanged(work, a, b) and not exchange_of_fire(work, a, b):
        harm = one_sided_harm(work, a, b)
        if harm == "crowd":
            return "Mob violence"
        if harm == "armed" and sub == CLASH:
            return "Attack"
    if sub == CLASH and takes_back(work, a, b):
        return "Government regains territory"  # (by whom: finding.py's territory rule reads actor1)
    if sub == "Peaceful protest" and (
        crowd_control(work, a, b)
        or any(work.parse.toks[j].lemma.lower() in SUPPRESS_WORDS for j in range(a, b))
    ):
        return "Protest with intervention"  # "police used water cannon to disperse activists"
    if ev == "Strategic developments" and sub != "Other" and emergency(work, a, b):
        return "Other"
    return sub
