"""Event actors: the noun phrases around a trigger, named as ACLED names actors.

ACLED names state forces "Military Forces of <country>" / "Police Forces of
<country>", unnamed armed men "Unidentified Armed Group", and "Protesters",
"Rioters", "Civilians" (followed by the country in brackets). A named group
(Hamas, Taliban) keeps the article's fullest name for it (the linked entity);
"members of Boko Haram", "JNIM militants", "M23 rebels" are the group named. The doer of an event
noun is the subject of its light verb ("forces carried out an airstrike"), its "by" agent, or
the subject of the clause it sits in ("aircraft killed 46 in an attack"); an explosion, grenade,
suicide bomb, attack or abduction whose doer the text does not name is ACLED's "Unidentified
Armed Group". A place attacked is the event's place, not its second actor. Word data:
according/lang/actors.py. On PLOVER's ASSAULT, FIGHT, PROTEST, COERCE and MOBILIZE sentences
(actor1 against the gold source as ACLED would name it: scripts/eval_event_actors.py) 0.255 -> 0.373
on the tuned two thirds, 0.226 -> 0.323 on the sealed third (sha1(id) % 3 == 0).
"""

from __future__ import annotations

from ..lang.actors import (
    ARMED_HEADS,
    ARMED_MODIFIERS,
    ATTACK_NOUNS,
    CIVILIANS,
    FIGHTER_NOUNS,
    LIGHT_VERBS,
    MEMBER_NOUNS,
    MILITARY,
    NOT_ACTORS,
    POLICE,
    PROTESTERS,
    RIOTERS,
    UNCLAIMED_BY_ARMED_GROUP,
    UNIDENTIFIED,
)
from ..model import Actor
from ..pipeline import Work
from .clauses import clause_of

SUBJECT = {"nsubj", "nsubjpass", "agent"}
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def _np_heads(work: Work, v: int, talk: bool = False) -> tuple[int | None, int | None]:
    """(doer head, done-to head) of trigger v: subject / "by" agent, and object / passive subject."""
    p = work.parse
    toks = p.toks
    doer = target = prep_target = None
    kids = p.children[v]
    for c in kids:
        d = toks[c].dep
        if d == "nsubj" and doer is None:
            doer = c
        elif d == "nsubjpass" and target is None:
            target = c
        elif d == "dobj" and target is None:
            target = c
        elif d == "agent":
            for g in p.children[c]:
                if toks[g].dep == "pobj":
                    doer = g
        elif d == "prep" and toks[c].text.lower() in ("on", "against", "at") and prep_target is None:
            for g in p.children[c]:  # "fired on protesters", not "on 3 March"
                if toks[g].dep == "pobj" and toks[g].ent_type not in ("DATE", "TIME", "GPE", "LOC", "FAC"):
                    prep_target = g
    target = target if target is not None else prep_target
    t = toks[v]
    if doer is not None and toks[doer].tag in ("WDT", "WP") and t.dep == "relcl":
        doer = t.head  # "South Africa, which filed a case": the relative pronoun stands for its noun
    if doer is None and t.pos == "VERB":  # "were killed in Hamas's Oct. 7 attack": whose attack it was
        for c in kids:
            if toks[c].dep == "prep" and toks[c].text.lower() in ("in", "during"):
                for o in p.children[c]:
                    if toks[o].dep == "pobj" and toks[o].lemma.lower() in ATTACK_NOUNS:
                        doer = next(
                            (
                                g
                                for g in p.children[o]
                                if toks[g].dep == "poss"
                                and (
                                    toks[g].ent_type in ("NORP", "GPE", "ORG", "PERSON")
                                    or toks[g].lemma.lower() in MILITARY | POLICE | UNIDENTIFIED
                                )
                            ),
                            doer,
                        )
    if t.pos in ("NOUN", "PROPN") and not talk:  # "Israeli strikes", "a Hamas attack", "strikes by U.S. jets"
        # (not "Gaza cease-fire talks": what talks are about is no party to them)
        for c in kids:
            if (
                toks[c].dep in ("amod", "compound", "poss")
                and toks[c].pos in ("PROPN", "ADJ", "NOUN")
                and toks[c].ent_type in ("NORP", "GPE", "ORG", "PERSON")
            ):
                doer = doer or c
        if t.dep in ("nsubj",) and target is None:  # "airstrikes killed dozens"
            for c in p.children[t.head]:
                if toks[c].dep == "dobj":
                    target = c
    if t.pos in ("NOUN", "PROPN") and doer is None:
        for c in kids:  # "an airstrike by the Saudi-led coalition"
            if toks[c].dep == "prep" and toks[c].text.lower() == "by":
                doer = next((g for g in p.children[c] if toks[g].dep == "pobj"), doer)
        if doer is None and t.dep == "pobj" and toks[toks[t.head].head].pos == "VERB":
            # "aircraft killed 46 civilians in an attack on a village": the attack is the verb's subject's
            doer = next((c for c in p.children[toks[t.head].head] if toks[c].dep == "nsubj"), None)
        if doer is None and t.dep == "dobj" and toks[t.head].lemma.lower() in LIGHT_VERBS:
            # "Israeli forces carried out an airstrike", "militants set up a base": the verb's subject
            doer = next((c for c in p.children[t.head] if toks[c].dep == "nsubj"), None)
    if doer is None and t.dep in ("xcomp", "conj", "advcl") and t.head != v:
        for c in p.children[t.head]:  # "troops continued to battle ...": the subject of the governing verb
            if toks[c].dep == "nsubj":
                doer = c
    return doer, target


def _country_of(work: Work, start: int, end: int) -> str | None:
    for pl in work.places:
        if pl.span.start < end and start < pl.span.end and pl.feature == "country":
            return pl.name
    return None


def actor_at(work: Work, k: int | None, as_doer: bool = True) -> Actor | None:
    """The actor named by the noun phrase headed by token k, in ACLED's style."""
    if k is None:
        return None
    p = work.parse
    toks = p.toks
    t = toks[k]
    lem = t.lemma.lower()
    if lem in NOT_ACTORS or t.pos == "PRON" and lem not in ("they", "he", "she"):
        return None
    if not as_doer and any(pl.span.start <= t.start < pl.span.end for pl in work.places):
        return None  # "attacked Gamboru", "shelled Stepanakert": the event's place, not an actor
    a, b = p.subtree(k)
    # only the noun phrase proper: cut relative clauses and trailing prepositions
    b = min([b] + [j for j in range(k + 1, b) if toks[j].dep in ("relcl", "acl", "prep", "punct", "cc")])
    start, end = p.char_span(a, b)
    ent = None
    hs, he = t.start, t.end
    # the entity named at the head itself ("CIA Director William J. Burns" is Burns), else one in the
    # noun phrase ("Hamas militants", "European Community foreign ministers", "Quatar's emir")
    # entities of the head's own type first (the "United Nations" ORG before a person linked to it)
    ordered = sorted(work.entities, key=lambda e: e.type != t.ent_type)
    for want_head in (True, False):
        for e in ordered:
            if e.type not in ("ORG", "NORP", "PERSON"):
                continue
            if want_head and not any(m.start < he and hs < m.end for m in e.mentions):
                continue
            if not want_head and not any(m.start < end and start < m.end for m in e.mentions):
                continue
            if e.type != "NORP" or lem not in CIVILIANS | PROTESTERS:
                ent = e
                break
        if ent is not None:
            break
    group = _named_group(work, k)
    if group is not None:
        return group
    country = _country_of(work, start, end)
    if ent is not None and not country and ent.type in ("ORG", "NORP") and lem in MILITARY | POLICE:
        return Actor(ent.name, ent.id)  # "Taliban forces": a named group, not a state's army
    if lem in MILITARY:
        return Actor(
            f"Military Forces of {country}" if country else "Military Forces", ent.id if ent else None
        )
    if lem in POLICE:
        return Actor(f"Police Forces of {country}" if country else "Police Forces", ent.id if ent else None)
    if t.ent_type == "NORP" and t.tag in ("NNPS", "NNS"):
        return Actor("Civilians", ent.id if ent else None)  # "seven Palestinians were killed"
    if ent is not None:
        return Actor(ent.name, ent.id)
    armed = any(toks[c].dep == "amod" and toks[c].lemma.lower() in ARMED_MODIFIERS for c in p.children[k])
    if lem in UNIDENTIFIED or (armed and lem in ARMED_HEADS):
        return Actor("Unidentified Armed Group")
    if lem in PROTESTERS:
        return Actor("Protesters")
    if lem in RIOTERS:
        return Actor("Rioters")
    if lem in CIVILIANS or t.ent_type == "NORP":
        return Actor("Civilians")
    if t.ent_type in ("ORG", "PERSON", "NORP") or (t.ent_type == "GPE" and as_doer):
        # a country acts ("Iran threatened"); a town shelled is the event's place, not an actor
        return Actor(work.text[start:end].removeprefix("the ").removeprefix("The "))
    return None


def _named_group(work: Work, k: int) -> Actor | None:
    """The armed group a member noun names: "members of Boko Haram", "fighters of the Fulani
    militia" (the "of" phrase), "JNIM militants", "M23 rebels" (a proper-noun compound of a
    fighter noun), as ACLED names a group: as the text names it."""
    p = work.parse
    toks = p.toks
    lem = toks[k].lemma.lower()
    if lem in MEMBER_NOUNS:
        for c in p.children[k]:
            if toks[c].dep == "prep" and toks[c].text.lower() == "of":
                for o in p.children[c]:
                    if toks[o].dep == "pobj" and toks[o].pos in ("PROPN", "NOUN"):
                        a, b = p.subtree(o)
                        name = work.text[toks[a].start : toks[b - 1].end]
                        return Actor(name.removeprefix("the ").removeprefix("The "))
    if lem in FIGHTER_NOUNS:
        names = [c for c in p.children[k] if toks[c].dep == "compound" and toks[c].pos == "PROPN" and c < k]
        if names and not any(pl.span.start <= toks[names[0]].start < pl.span.end for pl in work.places):
            # (not a place: "Gaza militants" are militants in Gaza, "M23 rebels" a group)
            a = min(p.subtree(names[0])[0], names[0])
            return Actor(work.text[toks[a].start : toks[names[-1]].end])
    return None


def _violent(work: Work, k: int) -> bool:
    """Is trigger k itself a word of violence ("attacked", "airstrikes"), not "said" or "threatened"?"""
    from .classifier import _trigger_key
    from .types import EVENT_TYPE, TRIGGERS

    t = work.parse.toks[k]
    key = _trigger_key(t.text.lower(), t.lemma.lower())
    return key is not None and any(EVENT_TYPE.get(x) in VIOLENT_TYPES for x in TRIGGERS[key])


def actors_for(work: Work, trigger: int | None, sub_event_type: str, event_type: str):
    """(actor1, actor2) for the event whose trigger is token ``trigger``."""
    talk = sub_event_type == "Other"
    doer, target = _np_heads(work, trigger, talk) if trigger is not None else (None, None)
    if doer is None and target is None and trigger is not None:
        verb = clause_of(work.parse, trigger)
        if verb != trigger:  # a weapon as the trigger ("tanks fired shell bombs"): its clause's parties
            doer, target = _np_heads(work, verb, talk)
    a1, a2 = actor_at(work, doer), actor_at(work, target, as_doer=False)
    if a1 is None and doer is not None and work.parse.toks[doer].lemma.lower() in ATTACK_NOUNS:
        # "an ambush by Al Shabaab militants killed 7 soldiers": the attack's own doer
        a1 = actor_at(work, _np_heads(work, doer, talk)[0])
    if (
        a1 is not None
        and event_type in VIOLENT_TYPES
        and doer is not None
        and trigger is not None
        and _violent(work, trigger)
    ):
        # ACLED: a state that strikes or fights does so through its forces ("Israel attacked",
        # "U.S. airstrikes" -> Military Forces of Israel / of United States)
        country = _country_of(work, work.parse.toks[doer].start, work.parse.toks[doer].end)
        if country and work.parse.toks[doer].ent_type == "GPE":
            a1 = Actor(f"Military Forces of {country}", a1.entity)
    if (
        a1 is not None
        and a1.name == "Civilians"
        and doer is not None
        and work.parse.toks[doer].ent_type == "NORP"
    ):
        a1 = Actor(work.parse.toks[doer].text, a1.entity)  # a people as the doer is not "civilians"
    if event_type == "Protests":
        a1 = Actor("Protesters")
    elif event_type == "Riots":
        a1 = Actor("Rioters")
    if a2 is not None and a2.name == "Protesters" and event_type not in ("Protests", "Riots"):
        a2 = Actor("Civilians", a2.entity)  # students abducted are civilians, not protesters
    if a1 is None and sub_event_type in UNCLAIMED_BY_ARMED_GROUP:
        a1 = Actor("Unidentified Armed Group")  # "a roadside IED exploded", "a grenade was thrown"
    if a1 is not None and a2 is not None and a1.name == a2.name:
        a2 = None
    return a1, a2


# ACLED's generic actors, named with the country where they act
GENERIC_OF = ("Military Forces", "Police Forces")  # "Military Forces of Nigeria"
GENERIC_IN = ("Protesters", "Rioters", "Civilians", "Unidentified Armed Group")  # "Protesters (Iraq)"


def country_name(iso: str | None) -> str | None:
    """The gazetteer's name of a country given by its ISO 3166-1 alpha-2 code."""
    if not iso:
        return None
    from ..places import gazetteer

    g = gazetteer.get()
    idx = g.country.get(iso)
    return g.rec(idx).name if idx is not None else None


def in_country(actor: Actor | None, country: str | None) -> Actor | None:
    """A generic actor without a country ("Protesters", "Police Forces") named with ``country``, as
    ACLED names it; any other actor unchanged."""
    if actor is None or not country:
        return actor
    if actor.name in GENERIC_OF:
        return Actor(f"{actor.name} of {country}", actor.entity)
    if actor.name in GENERIC_IN:
        return Actor(f"{actor.name} ({country})", actor.entity)
    return actor
