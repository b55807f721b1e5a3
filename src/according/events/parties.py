"""The parties of an event's trigger read off the parse: :func:`np_heads`, the head of who did it
(subject, "by" agent, the attack's possessor, the clause's subject, "X claimed responsibility for",
...) and of who it was done to (object, passive subject, "fired on X"), each read as the trigger's
part of speech and place in the sentence allow. Apart from events/actors.py, which chooses among
these heads and the doers of events/doers.py and names the actors as ACLED does; moved out of it
unchanged (module size).
"""

from __future__ import annotations

from ..lang.actor_doers import ARMED_KINDS, FIGHT_WITH_VERBS, GERUND_TIME_PREPOSITIONS
from ..lang.actors import (
    ATTACK_NOUNS,
    CLAIM_NOUNS,
    LIGHT_VERBS,
    MILITARY,
    PATIENT_NOUNS,
    POLICE,
    TARGET_PREPOSITIONS,
    UNIDENTIFIED,
)
from ..pipeline import Work
from .actor_names import known_name, whole_word
from .actor_phrases import smaller_place
from .doers import agent_of, attack_doer, other_side, violent


def np_heads(work: Work, v: int, talk: bool = False) -> tuple[int | None, int | None]:
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
        elif d == "csubj" and doer is None and known_name(toks[c].text):
            doer = c  # "IS militants attacked": the tagger took the group's "IS" for a verb
        elif (
            d == "prep"
            and (
                toks[c].text.lower() in TARGET_PREPOSITIONS
                or (toks[c].text.lower() == "with" and toks[v].lemma.lower() in FIGHT_WITH_VERBS)
            )
            and prep_target is None
        ):
            for g in p.children[c]:  # "fired on protesters", not "on 3 March"
                if toks[g].dep == "pobj" and toks[g].ent_type not in ("DATE", "TIME", "GPE", "LOC", "FAC"):
                    prep_target = g
    target = target if target is not None else prep_target
    t = toks[v]
    if target is None and t.pos == "VERB":
        # "forces shot and killed a man": the object of the verb coordinated with the trigger
        for c in kids:
            if toks[c].dep == "conj" and toks[c].pos == "VERB" and target is None:
                target = next((g for g in p.children[c] if toks[g].dep == "dobj"), None)
    if doer is not None and toks[doer].tag in ("WDT", "WP") and t.dep == "relcl":
        doer = t.head  # "South Africa, which filed a case": the relative pronoun stands for its noun
    if doer is None and t.pos == "VERB":  # "were killed in Hamas's Oct. 7 attack": whose attack it was
        verbs = [v, *(c for c in kids if toks[c].dep == "conj" and toks[c].pos == "VERB")]
        for c in (c for verb in verbs for c in p.children[verb]):  # ("killed and injured in an attack")
            if toks[c].dep == "prep" and toks[c].text.lower() in ("in", "during"):
                for o in p.children[c]:
                    if toks[o].dep == "pobj" and toks[o].lemma.lower() in ATTACK_NOUNS | FIGHT_WITH_VERBS:
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
                        # "killed in an attack by rebel forces", "in a militant attack": its "by" agent,
                        # or the armed men its modifier names, or the other side ("in clashes with X")
                        doer = doer if doer is not None else attack_doer(work, o)
                        doer = doer if doer is not None else other_side(work, o, None)[0]
    if t.pos in ("NOUN", "PROPN") and not talk and t.lemma.lower() not in PATIENT_NOUNS:
        # "Israeli strikes", "a Hamas attack", "strikes by U.S. jets" (not "Gaza cease-fire talks":
        # what talks are about is no party to them; not "Palestinian detainees": who they are)
        for c in kids:
            if (
                toks[c].dep in ("amod", "compound", "poss")
                and toks[c].pos in ("PROPN", "ADJ", "NOUN")
                and (
                    toks[c].ent_type in ("NORP", "GPE", "ORG", "PERSON")
                    or known_name(whole_word(work.text, toks[c]))  # "an RSF attack", "an AS ambush"
                )
                and not smaller_place(work, c)
            ):
                doer = doer or c
            elif toks[c].dep == "poss" and toks[c].lemma.lower() in MILITARY | POLICE | UNIDENTIFIED:
                doer = doer or c  # "the Saudi fighter jets' air raid"
            elif toks[c].dep in ("amod", "compound") and toks[c].lemma.lower() in ARMED_KINDS:
                doer = doer or c  # "a rebel attack", "militant attacks": armed men of no name
        if t.dep in ("nsubj",) and target is None:  # "airstrikes killed dozens"
            for c in p.children[t.head]:
                if toks[c].dep == "dobj":
                    target = c
    if t.pos in ("NOUN", "PROPN") and doer is None:
        for c in kids:  # "clashes between ADF militants and FARDC": the first side, then the other
            if toks[c].dep == "prep" and toks[c].text.lower() == "between":
                sides = [g for g in p.children[c] if toks[g].dep == "pobj"]
                if sides:
                    doer = sides[0]
                    target = target or next((g for g in p.children[sides[0]] if toks[g].dep == "conj"), None)
        for c in kids:  # "an airstrike by the Saudi-led coalition"
            if toks[c].dep == "prep" and toks[c].text.lower() == "by":
                doer = next((g for g in p.children[c] if toks[g].dep == "pobj"), doer)
        if doer is None and t.dep == "pobj" and toks[t.head].text.lower() == "under":
            doer, target = other_side(work, v, target)  # "a patrol came under attack from ISWAP"
        if (
            doer is None
            and t.dep == "pobj"
            and toks[t.head].dep != "agent"  # ("residents hit by an air raid": the raid is the doer)
            and toks[toks[t.head].head].pos == "VERB"
        ):
            # "aircraft killed 46 civilians in an attack on a village": the attack is the verb's subject's
            doer = next((c for c in p.children[toks[t.head].head] if toks[c].dep == "nsubj"), None)
            if target is None and doer is not None:  # and its object: "wounded 2 soldiers in an attack"
                target = next((c for c in p.children[toks[t.head].head] if toks[c].dep == "dobj"), None)
        if doer is None:  # "were killed in clashes with the military": the other side
            doer, target = other_side(work, v, target)
        if doer is None and t.dep == "dobj" and toks[t.head].lemma.lower() in LIGHT_VERBS:
            # "Israeli forces carried out an airstrike", "militants set up a base": the verb's subject
            doer = next((c for c in p.children[t.head] if toks[c].dep == "nsubj"), None)
        if doer is None:  # "an IED planted by Al Shabaab": the agent of the participle on the noun
            doer = agent_of(work, v)
        if doer is None and t.dep == "pobj" and toks[toks[t.head].head].lemma.lower() in CLAIM_NOUNS:
            # "Al Shabaab claimed responsibility for the attack": who claims it
            claim = toks[toks[t.head].head]
            if claim.dep == "dobj":
                doer = next((c for c in p.children[claim.head] if toks[c].dep == "nsubj"), None)
    if doer is None and t.dep == "pcomp" and toks[toks[t.head].head].lemma.lower() in CLAIM_NOUNS:
        # "Jaish al-Adl claimed responsibility for killing nine guards": who claims the killing
        claim = toks[toks[t.head].head]
        if claim.dep == "dobj":
            doer = next((c for c in p.children[claim.head] if toks[c].dep == "nsubj"), None)
    if doer is None and t.pos == "VERB":
        for c in kids:  # "3 people were shot and injured by Israeli forces": one agent for both verbs
            if toks[c].dep == "conj" and toks[c].pos == "VERB":
                doer = next((g for g in p.children[c] if toks[g].dep == "agent"), None)
                doer = next((o for o in p.children[doer] if toks[o].dep == "pobj"), None) if doer else None
                if doer is not None:
                    break
        if doer is None and t.tag == "VBG":  # "shelling by Russian forces hit a school"
            for c in kids:
                if toks[c].dep == "prep" and toks[c].text.lower() == "by":
                    doer = next((g for g in p.children[c] if toks[g].dep == "pobj"), doer)
    if doer is None and t.dep == "acl" and t.tag == "VBD" and any(toks[c].dep == "dobj" for c in kids):
        # "gunmen believed to be ISWAP militants killed 5 farmers": a past tense with an object that the
        # parser hung on a noun is that noun's act (a participle "civilians killed" has no object)
        doer = t.head
    if doer is None and t.pos == "VERB" and any(toks[c].dep == "nsubjpass" for c in kids):
        # "two soldiers were killed when (after) Boko Haram militants attacked a post": who attacked (the
        # "when" clause of the sentence, wherever the parser hung it)
        sent = p.sents[t.sent]
        for c in range(sent.start, sent.end):
            if (
                doer is None
                and toks[c].dep == "advcl"
                and toks[c].pos == "VERB"
                and any(toks[g].lemma.lower() in ("when", "after") for g in p.children[c])
                and violent(work, c)
            ):
                doer = next((g for g in p.children[c] if toks[g].dep == "nsubj"), None)
                if doer is not None and toks[doer].pos == "PRON":
                    # "ten militants were killed when they attacked a base": "they" are the killed
                    doer = next((g for g in kids if toks[g].dep == "nsubjpass"), None)
    if (
        doer is None
        and t.dep == "pcomp"
        and t.tag == "VBG"
        and toks[t.head].lemma.lower() in GERUND_TIME_PREPOSITIONS
        and toks[toks[t.head].head].pos == "VERB"
    ):  # (not "accused Iran of bombing": who accuses did not bomb)
        # "rebel fighters will advance after seizing the town": the gerund's doer is its verb's subject
        doer = next((c for c in p.children[toks[t.head].head] if toks[c].dep == "nsubj"), None)
    if doer is None and t.dep in ("xcomp", "conj", "advcl") and t.head != v:
        for c in p.children[t.head]:  # "troops continued to battle ...": the subject of the governing verb
            if toks[c].dep == "nsubj":
                doer = c
    return doer, target
