"""Who did an event, read from more of the parse than its trigger's own subject: the agent of the
weapon ("shells fired by X"), of the attack ("an attack by rebel forces", "a rebel attack"), the
counted people ("hundreds of villagers"), the subject of the clause above an unresolved "they", the
armed men who say "they" did it, the other side of an attack or clash noun ("came under attack from
X", "killed in clashes with X"), an agreement's parties after "between"; and which token to read the
actors from: the clause a reporting verb reports, the clause after an ACLED note's label
("Agreement: ..."), the previous sentence of a note's casualty count (toll_event); and the small
questions actors.py asks (the force in a protest's sentence, whether a trigger is violent, a crowd's
own country, whether armed men are named). Used by events/actors.py (which chooses among them); word
data in lang/actor_doers.py and lang/actors.py. (Split from events/actors.py to keep it under ~600
lines.)"""

from __future__ import annotations

from ..lang.actor_doers import (
    ARMED_KINDS,
    FIGHT_NOUNS,
    FIGHT_WITH_VERBS,
    OWNING_VERBS,
    SEIZE_VERBS,
    TOLL_VERBS,
)
from ..lang.actors import COUNTING_NOUNS, MILITARY, POLICE, UNIDENTIFIED
from ..lang.reporting import CLAIM_VERBS, SAY_VERBS
from ..model import Actor
from ..pipeline import Work
from ..syntax import Tok
from .actor_names import country_of, known_name, whole_word
from .actor_phrases import actor_at
from .clauses import clause_of
from .coding import kind_of

VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def governing_subject(work: Work, k: int) -> int | None:
    """The noun subject of the nearest clause above token k's own ("the Somali army seized the town,
    where they captured ...": the army), through at most three heads; None."""
    p = work.parse
    toks = p.toks
    own = clause_of(p, k)
    for _ in range(3):
        if toks[own].dep not in ("relcl", "advcl", "conj") or toks[own].head == own:
            return None
        own = clause_of(p, toks[own].head)
        subject = next((c for c in p.children[own] if toks[c].dep == "nsubj"), None)
        if subject is not None and toks[subject].pos != "PRON":
            return subject
    return None


def armed_speaker(work: Work, k: int) -> int | None:
    """The armed men who say "they" did it ("militants loyal to X said they attempted to assassinate
    the prime minister": the militants): the subject of the reporting verb over token k's clause, when
    it names armed men (kind "armed"); None."""
    p = work.parse
    toks = p.toks
    own = clause_of(p, k)
    say = toks[own].head
    if toks[own].dep not in ("ccomp", "xcomp") or toks[say].lemma.lower() not in SAY_VERBS:
        return None
    subject = next((c for c in p.children[say] if toks[c].dep == "nsubj"), None)
    return subject if subject is not None and kind_of(p, subject) == "armed" else None


def attack_doer(work: Work, n: int) -> int | None:
    """Who made attack noun n: its "by" phrase ("an attack by rebel forces") or a modifier naming
    armed men ("a rebel attack"), else None."""
    toks = work.parse.toks
    for c in work.parse.children[n]:
        if toks[c].dep == "prep" and toks[c].lemma.lower() == "by":
            by = next((o for o in work.parse.children[c] if toks[o].dep == "pobj"), None)
            if by is not None:
                return by
        if toks[c].dep in ("amod", "compound") and toks[c].lemma.lower() in ARMED_KINDS:
            return c
        if toks[c].dep == "compound" and (
            toks[c].ent_type == "ORG" or known_name(whole_word(work.text, toks[c]))
        ):
            return c  # "killed in an Al Shabaab ambush", "an AS ambush": the group named on it
    return None


def agent_of(work: Work, n: int) -> int | None:
    """The agent of a participle on noun n ("an IED planted by Al Shabaab", "rockets fired by
    Hamas"): the head of its "by" phrase; also on the noun n modifies ("artillery shells fired by
    Russian forces") and on the weapon n is "of" ("an explosion of a landmine planted by X")."""
    p = work.parse
    toks = p.toks
    nouns = [n]
    if toks[n].dep in ("compound", "amod") and toks[toks[n].head].pos == "NOUN":
        nouns.append(toks[n].head)
    for c in p.children[n]:
        if toks[c].dep == "prep" and toks[c].lemma.lower() == "of":
            nouns += [o for o in p.children[c] if toks[o].dep == "pobj"]
    nouns += [toks[m].head for m in nouns if toks[m].dep == "conj"]  # "rockets and shells fired by X"
    for m in nouns:
        for c in p.children[m]:  # (not "the rapes claimed by a guard": an allegation, not who did it)
            if toks[c].dep == "acl" and toks[c].lemma.lower() not in CLAIM_VERBS:
                for g in p.children[c]:
                    if toks[g].dep == "agent":
                        by = next((o for o in p.children[g] if toks[o].dep == "pobj"), None)
                        if (
                            by is None
                            and g + 1 < len(toks)
                            and known_name(whole_word(work.text, toks[g + 1]))
                        ):
                            by = g + 1  # "an IED planted by AS exploded": the tagger read "AS" as "as"
                        return by
    return None


def counted(work: Work, k: int) -> Tok:
    """The token whom counting noun k counts ("hundreds of villagers": villagers), else k itself."""
    p = work.parse
    if p.toks[k].lemma.lower() in COUNTING_NOUNS:
        for c in p.children[k]:
            if p.toks[c].dep == "prep" and p.toks[c].lemma.lower() == "of":
                return next((p.toks[o] for o in p.children[c] if p.toks[o].dep == "pobj"), p.toks[k])
    return p.toks[k]


def seizer(work: Work, k: int) -> int | None:
    """Who seized or found the weapon at token k: the subject or "by" agent of the nearest verb of
    seizing or finding above it ("the army units discovered a depot containing weapons", "rifles were
    seized by security forces"; a verb coordinated with another shares its subject: "soldiers
    continued the operation and discovered ..."), else None."""
    p = work.parse
    toks = p.toks
    j = k
    for _ in range(12):  # (up through the noun phrases a weapon sits deep in: "a network of tunnels
        # used for transferring weapons")
        t = toks[j]
        if t.pos == "VERB" and t.lemma.lower() in SEIZE_VERBS:
            for verb in (j, t.head) if t.dep == "conj" else (j,):
                for c in p.children[verb]:
                    if toks[c].dep == "nsubj" and toks[c].pos != "PRON":
                        return c
                    if toks[c].dep == "agent":
                        return next((o for o in p.children[c] if toks[o].dep == "pobj"), None)
            # "the firearms army troops seized": a past tense the parser hung on its subject
            return t.head if t.dep == "acl" and t.tag == "VBD" else None
        for c in p.children[j]:  # "the firearms army troops seized": a relative clause on the weapon
            if toks[c].dep in ("relcl", "acl") and toks[c].lemma.lower() in SEIZE_VERBS:
                subject = next((g for g in p.children[c] if toks[g].dep == "nsubj"), None)
                if subject is not None and toks[subject].pos != "PRON":
                    return subject
        if t.head == j:
            return None
        j = t.head
    return None


def leader_of(work: Work, n: int) -> str | None:
    """ACLED's name of the country that leads the attack at noun n ("a Saudi-led coalition airstrike",
    "the US-led raid": Saudi Arabia, United States): a demonym or country under a "led" that modifies n
    or its coalition noun; else None."""
    p = work.parse
    toks = p.toks
    heads = [n, *(c for c in p.children[n] if toks[c].dep == "compound")]
    for h in heads:
        for c in p.children[h]:
            if toks[c].dep == "amod" and toks[c].lemma.lower() == "lead":
                for g in p.children[c]:
                    if toks[g].ent_type in ("NORP", "GPE"):
                        country = country_of(work, toks[g].start, toks[g].end)
                        if country:
                            return country
    return None


def past_label(work: Work, k: int) -> int:
    """An event's trigger in the label an ACLED note starts with ("Headquarters or base established:
    On 9 March, the military set up a base ...", "Agreement: ... the government and the CPC signed
    ..."): the label names the event's type, not who acted, so the actors are read from the first
    verb after the colon that has a subject; any other trigger (and a label with no such verb after
    it) unchanged."""
    p = work.parse
    toks = p.toks
    sent = p.sents[toks[k].sent]
    colon = next((i for i in range(sent.start, min(sent.end, sent.start + 8)) if toks[i].text == ":"), None)
    if colon is None or not (sent.start <= k < colon) or not toks[sent.start].text[:1].isupper():
        return k
    end = sent.end
    if colon == sent.end - 1 and toks[k].sent + 1 < len(p.sents):
        end = p.sents[toks[k].sent + 1].end  # "Agreement:" split from its note as a sentence of its own
    for j in range(colon + 1, end):
        if toks[j].pos == "VERB" and any(toks[c].dep in ("nsubj", "nsubjpass") for c in p.children[j]):
            return j
    return k


def between_parties(work: Work, k: int) -> tuple[int | None, int | None]:
    """The two parties of agreement k that its clause names after "between" ("a peace agreement was
    signed between the government and the rebel group", "the deal to exchange prisoners between the
    government and the rebel groups"): the first, then its conjunct; (None, None) without one. The
    "between" must hang under the trigger or its verb without passing into another clause ("a
    cease-fire in the regions where fighting between rebels and troops ...": the fighting's sides)."""
    p = work.parse
    toks = p.toks
    sent = p.sents[toks[k].sent]
    tops = {k, toks[k].head}
    for i in range(sent.start, sent.end):
        if toks[i].text.lower() != "between" or toks[i].dep != "prep":
            continue
        j = i
        for _ in range(12):
            if j in tops or toks[j].dep in ("relcl", "advcl", "ccomp", "parataxis", "ROOT"):
                break
            j = toks[j].head
        if j not in tops:
            continue
        first = next((o for o in p.children[i] if toks[o].dep == "pobj"), None)
        if first is not None:
            return first, next((c for c in p.children[first] if toks[c].dep == "conj"), None)
    return None, None


def other_side(work: Work, n: int, target: int | None) -> tuple[int | None, int | None]:
    """(doer, target) of attack or clash noun n by the party after it when no subject or agent names
    one: "a patrol came under attack from ISWAP fighters" (the attackers, then the patrol),
    "10 militants were killed in clashes with the military" (the military, then the killed); else
    (None, target)."""
    p = work.parse
    toks = p.toks
    t = toks[n]
    under = t.dep == "pobj" and toks[t.head].text.lower() == "under"  # "came under attack / fire"
    clash = t.lemma.lower() in FIGHT_WITH_VERBS and t.dep == "pobj" and toks[t.head].text.lower() == "in"
    if not (under or clash):
        return None, target
    word = "from" if under else "with"
    side = next(
        (
            o
            for c in p.children[n]
            if toks[c].dep == "prep" and toks[c].text.lower() == word
            for o in p.children[c]
            if toks[o].dep == "pobj"
        ),
        None,
    )
    if side is None:
        return None, target
    verb = toks[t.head].head  # "came", "were killed"
    hit = next((c for c in p.children[verb] if toks[c].dep in ("nsubj", "nsubjpass")), None)
    return side, target if target is not None else hit


def reported_clause(work: Work, k: int) -> int:
    """The event a reporting verb stands for when it is the sentence's only verb to go by: its
    reported clause ("Afghan guerillas blew up power lines, the news agency Ceteka reported"), not
    the one who reports it."""
    p = work.parse
    if p.toks[k].lemma.lower() not in SAY_VERBS:
        return k
    said = next((c for c in p.children[k] if p.toks[c].dep in ("ccomp", "parataxis")), None)
    return said if said is not None else k


def toll_event(work: Work, k: int) -> int:
    """The event a note's casualty sentence counts: "NPA rebels and army troops had a firefight in X.
    1 rebel was killed." has its trigger in "was killed", whose sentence names no one who killed;
    the parties are the previous sentence's, so the actors are read from that sentence: its verb
    trigger ("exchanged fire"), else its main verb when its subject names someone ("Malian forces
    took back the village"), else its noun trigger ("an exchange of fire took place between X and
    Y"). Reports only (a note or a snippet: finding.REPORT_CHARS); any other trigger (an agent, a
    subject, a first sentence, a previous sentence with neither) unchanged."""
    from .classifier import triggers_in
    from .finding import REPORT_CHARS, REPORT_SENTENCES

    p = work.parse
    toks = p.toks
    t = toks[k]
    if t.pos != "VERB" or t.sent == 0 or len(work.text) > REPORT_CHARS or len(p.sents) > REPORT_SENTENCES:
        return k  # (an article's sentences are events of their own)
    kids = [toks[c].dep for c in p.children[k]]
    if t.lemma.lower() not in TOLL_VERBS or "nsubjpass" not in kids or "agent" in kids:
        return k  # (not "he was intercepted", "weapons have been seized": an event of their own)
    sent = p.sents[t.sent]
    if any(toks[j].dep in ("nsubj", "agent") for j in range(sent.start, sent.end)):
        return k  # "1 soldier was killed after al-Shabab fighters attacked a base": its own doer
    prev = p.sents[t.sent - 1]
    pool = triggers_in(p, prev.start, prev.end)
    # (and a noun of fighting, which is no trigger of its own: "an exchange of fire took place")
    pool += [(j, "") for j in range(prev.start, prev.end) if toks[j].lemma.lower() in FIGHT_NOUNS]
    verbs = [j for j, _ in pool if toks[j].pos == "VERB"]
    if verbs:
        return verbs[0]
    root = next((j for j in range(prev.start, prev.end) if toks[j].dep == "ROOT"), None)
    subject = (
        next((c for c in p.children[root] if toks[c].dep == "nsubj"), None) if root is not None else None
    )
    if root is not None and toks[root].pos == "VERB" and actor_at(work, subject) is not None:
        return root
    return pool[0][0] if pool else k


def claimant(work: Work, k: int) -> int | None:
    """Who a report's other sentence says did its event, when the event's own sentence names no one:
    "An IED exploded near a convoy. The attack was claimed by JNIM." (the agent), "Al Shabaab claimed
    responsibility." (the subject of "claim" with no object, or with responsibility, credit or an
    attack as its object), "was attributed to ISWAP", "was blamed on the TTP"; reports only (a note
    or a snippet: finding.REPORT_CHARS); None."""
    from ..lang.actors import ATTACK_NOUNS, CLAIM_NOUNS
    from .finding import REPORT_CHARS, REPORT_SENTENCES

    p = work.parse
    toks = p.toks
    if len(work.text) > REPORT_CHARS or len(p.sents) > REPORT_SENTENCES:
        return None
    for s in p.sents:
        if s.start <= k < s.end:
            continue  # (the event's own sentence was read by the rules before)
        for j in range(s.start, s.end):
            prep = OWNING_VERBS.get(toks[j].lemma.lower())
            if prep is None or toks[j].pos != "VERB":
                continue
            kids = p.children[j]
            if any(toks[c].dep == "nsubjpass" for c in kids):  # "was claimed by X", "attributed to X"
                for c in kids:
                    if toks[c].dep in ("agent", "prep") and toks[c].text.lower() == prep:
                        return next((o for o in p.children[c] if toks[o].dep == "pobj"), None)
                continue
            obj = next((c for c in kids if toks[c].dep == "dobj"), None)
            if (
                toks[j].lemma.lower() == "claim"
                and (obj is None or toks[obj].lemma.lower() in CLAIM_NOUNS | ATTACK_NOUNS)
                # (not "NIA claimed to have arrested him", "no group claimed", "did not claim")
                and not any(toks[c].dep in ("xcomp", "ccomp", "neg") for c in kids)
            ):
                subject = next((c for c in kids if toks[c].dep == "nsubj"), None)
                if (
                    subject is not None
                    and (toks[subject].pos == "PROPN" or toks[subject].ent_type in ("ORG", "NORP"))
                    and not any(
                        toks[c].text.lower() == "no" or toks[c].dep == "neg" for c in p.children[subject]
                    )
                ):  # a name ("Al Shabaab claimed"), not "one of the cartels", "no group"
                    return subject
    return None


def force_in(work: Work, trigger: int | None) -> Actor | None:
    """The state force a protest's sentence names ("police fired tear gas"), in ACLED's style."""
    if trigger is None:
        return None
    toks = work.parse.toks
    sent = work.parse.sents[toks[trigger].sent]
    for t in toks[sent.start : sent.end]:
        if (
            t.pos in ("NOUN", "PROPN")
            and t.dep not in ("compound", "amod")
            and t.lemma.lower() in POLICE | MILITARY
        ):
            actor = actor_at(work, t.i)
            if actor is not None and actor.name.startswith(("Military Forces", "Police Forces")):
                return actor
    return None


def violent(work: Work, k: int) -> bool:
    """Is trigger k itself a word of violence ("attacked", "airstrikes"), not "said" or "threatened"?"""
    from .classifier import _trigger_key
    from .types import EVENT_TYPE, TRIGGERS

    t = work.parse.toks[k]
    key = _trigger_key(t.text.lower(), t.lemma.lower())
    return key is not None and any(EVENT_TYPE.get(x) in VIOLENT_TYPES for x in TRIGGERS[key])


def armed_men_named(work: Work, trigger: int | None) -> bool:
    """Does the trigger's sentence name armed men of no state ("Gunmen stormed a police centre"), whom
    no rule made the doer, and no soldiers? Then a clash is not the state forces' by default
    ("soldiers have been engaged in a fire exchange with the militants" still is; CASE 2021, read by
    hand)."""
    if trigger is None:
        return False
    toks = work.parse.toks
    sent = work.parse.sents[toks[trigger].sent]
    words = {toks[j].lemma.lower() for j in range(sent.start, sent.end)}
    return bool(words & (UNIDENTIFIED | ARMED_KINDS)) and not words & MILITARY


def crowd_country(actor: Actor | None) -> str | None:
    """The crowd's own country an actor's name carries ("Protesters (Nigeria)" for "Nigerian
    students", "Rioters (Palestine)" for "Palestinian youths"), or None."""
    if actor is None or not actor.name.startswith(("Protesters (", "Rioters (", "Civilians (")):
        return None
    return actor.name[actor.name.index("(") + 1 : -1] or None
