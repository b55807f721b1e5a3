"""Evidence that a short text (read as one report: a note, a wire sentence) reports no ACLED event.

A report keeps its one event unless the relevance model is nearly sure it reports none
(finding.REPORT_FLOOR): an ACLED note is one event. But users also feed single sentences that use
a word of violence for something else, and the relevance model, trained on sentences of articles and
on CASE 2021 snippets, gives many of them 0.4-0.8 ("a bus overturned, killing 14", "a volcano
erupted, forcing the evacuation", "the film follows rebels who attack a space station"). The parse
says why each is no event, trigger by trigger: its doer is nature, an accident or a market; it is
done to oneself; it is part of a name; it happens in a story; it is medical; the haul is drugs; the
march celebrates.
A report whose every strong trigger is explained away keeps no event (finding._explained_away).

Measured (2026-12-08), with finding.NO_TRIGGER_FLOOR: the blind short texts (examples/short-texts,
written before the system ran on them; scripts/eval_short_texts.py) keep an event on 34 -> 5 of the
64 tuned negatives and 10 -> 5 of the 19 sealed ones, and on all 28 / 14 positives; CASE 2021's
disaster, crime and diplomacy snippets with an event 82 -> 69 of 125 tuned, 49 -> 35 of 73 sealed,
its out-of-fold sub-event accuracy on the ACLED rows unchanged (.803 / .780); the blind and the 36
older ACLED-style notes unchanged; the negative corpora's articles unchanged but for two LGL briefs
(human remains found on a beach, a St. Patrick's Day ceremony). The rules only remove events of
reports, never add or retype one; articles are not read by them.
"""

from __future__ import annotations

from ..lang.event_evidence import (
    ACCIDENT_VERBS,
    CELEBRATION_VERBS,
    DRUGS,
    FOOTAGE_VERBS,
    HAUL_VERBS,
    MEDICAL_COMPOUNDS,
    NAME_ENTITY_TYPES,
    NATURAL_HARMS,
    NON_CONFLICT_KINDS,
    SELF_HARM_VERBS,
    WORKS,
)
from ..lang.events import ACTOR_KINDS, REFLEXIVES
from .clauses import by_accident


def _word(p, j: int) -> str:
    return p.toks[j].lemma.lower()


def _non_conflict_doer(p, j: int) -> bool:
    """Does token j (or a compound modifier of it) name nature, an accident or a market? Not when it
    is a part of an armed side ("an entire company of the Tarhuna Brigade surrendered")."""
    toks = p.toks
    if _of_an_armed_side(p, j):
        return False
    for w in (j, *(c for c in p.children[j] if toks[c].dep == "compound")):
        lemma, text = _word(p, w), toks[w].text.lower()
        if ACTOR_KINDS.get(lemma) in NON_CONFLICT_KINDS or ACTOR_KINDS.get(text) in NON_CONFLICT_KINDS:
            return True
        if lemma in NATURAL_HARMS or text in NATURAL_HARMS:
            return True
    return False


def _of_an_armed_side(p, j: int) -> bool:
    toks = p.toks
    for c in p.children[j]:
        if toks[c].dep == "prep" and _word(p, c) == "of":
            for o in p.children[c]:
                if any(ACTOR_KINDS.get(_word(p, w)) in ("armed", "police") for w in (o, *p.children[o])):
                    return True
    return False


def _doer(p, k: int) -> int | None:
    """The subject of trigger k, or of the clause it hangs off ("..., killing 14": the overturned bus)."""
    toks = p.toks
    v = k
    for _ in range(3):  # "a volcano erupted, forcing the evacuation": evacuation <- forcing <- erupted
        for c in p.children[v]:
            if toks[c].dep in ("nsubj", "agent"):
                return c
        if toks[v].dep not in ("advcl", "conj", "xcomp", "dobj") or toks[v].head == v:
            return None
        v = toks[v].head
    return None


def _accident_clause(p, k: int) -> bool:
    """Is trigger k (or a report's main verb) a verb of accident, or does it hang off one ("a plane
    crashed ..., killing the pilot")?"""
    toks = p.toks
    return _word(p, k) in ACCIDENT_VERBS or (
        toks[k].dep in ("advcl", "conj") and _word(p, toks[k].head) in ACCIDENT_VERBS
    )


def _celebration(p, k: int) -> bool:
    """Is trigger k a march or gathering held to celebrate ("fans marched ... to celebrate the title")?"""
    toks = p.toks
    return any(toks[c].dep in ("advcl", "xcomp") and _word(p, c) in CELEBRATION_VERBS for c in p.children[k])


def _self_harm(p, k: int) -> bool:
    toks = p.toks
    return _word(p, k) in SELF_HARM_VERBS and any(
        toks[c].dep == "dobj" and toks[c].text.lower() in REFLEXIVES for c in p.children[k]
    )


def _a_name(p, k: int) -> bool:
    """Is trigger k part of a name ("the Battle of Hastings", "the Joint Strike Fighter program")?"""
    toks = p.toks
    t = toks[k]
    if t.ent_type in NAME_ENTITY_TYPES or (t.pos == "PROPN" and t.dep == "compound"):
        return True
    # a capitalised trigger named by what it is of, inside a sentence: "the Battle of Hastings"
    return (
        t.pos == "PROPN"
        and t.text[:1].isupper()
        and k > 0
        and any(
            toks[c].dep == "prep"
            and _word(p, c) == "of"
            and any(toks[o].pos == "PROPN" and toks[o].dep == "pobj" for o in p.children[c])
            for c in p.children[k]
        )
    )


def _in_a_story(p, k: int) -> bool:
    """Is trigger k told by a work of fiction or a game: about one of WORKS, or in a clause whose
    subject or setting is one ("a play about a village riot", "the film follows rebels who attack",
    "in the novel, soldiers ...")? Not footage ("a film of the attack shows") nor "foul play in the
    killing"."""
    toks = p.toks
    for a in p.ancestors(k, include_self=True):
        h = toks[a].head
        if (
            toks[a].dep == "prep"
            and _word(p, a) == "about"
            and toks[h].pos == "NOUN"
            and _word(p, h) in WORKS
        ):
            return True
        for c in p.children[a]:
            if (
                toks[c].dep in ("nsubj", "nsubjpass")
                and _word(p, c) in WORKS
                and toks[c].pos == "NOUN"
                and _word(p, a) not in FOOTAGE_VERBS  # "a film of the attack shows gunmen firing"
            ):
                return True
            if toks[c].dep == "prep" and _word(p, c) in ("in", "about"):
                if any(_word(p, o) in WORKS and toks[o].dep == "pobj" for o in p.children[c]):
                    return True
    return False


def _medical(p, k: int) -> bool:
    toks = p.toks
    return any(toks[c].dep == "compound" and _word(p, c) in MEDICAL_COMPOUNDS for c in p.children[k])


def _drug_haul(p, k: int) -> bool:
    """Is trigger k a seizure of drugs, or an arrest of their carrier ("seized 2 tonnes of cocaine",
    "arrested a woman carrying 5 kilograms of heroin")? Read within four steps below the object."""
    toks = p.toks
    if _word(p, k) not in HAUL_VERBS:
        return False
    todo = [(c, 0) for c in p.children[k] if toks[c].dep == "dobj"]
    while todo:
        j, depth = todo.pop()
        if _word(p, j) in DRUGS:
            return True
        if depth < 4:
            todo.extend((c, depth + 1) for c in p.children[j])
    return False


def explained_away(p, k: int) -> str | None:
    """Why strong trigger k of a report is no ACLED event, or None when nothing explains it away."""
    if by_accident(p, k) or _accident_clause(p, k):
        return "accident"
    doer = _doer(p, k)
    if doer is not None and _non_conflict_doer(p, doer):
        return "doer"
    if p.toks[k].pos == "NOUN" and any(
        p.toks[c].dep == "compound" and _word(p, c) in NATURAL_HARMS for c in p.children[k]
    ):
        return "doer"  # "supernova explosions": a compound of nature on the trigger noun itself
    if _self_harm(p, k):
        return "self"
    if _a_name(p, k):
        return "name"
    if _in_a_story(p, k):
        return "story"
    if _medical(p, k) or (doer is not None and _medical(p, doer)):
        return "medical"  # "a heart attack", "heart attacks killed thousands"
    if _drug_haul(p, k):
        return "drugs"
    if _celebration(p, k):
        return "celebration"
    return None
