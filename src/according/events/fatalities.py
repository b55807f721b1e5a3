"""An event's fatalities: the "killed" figures of its text (figures/) that count this incident's
dead: in an article only those of the trigger's own clause, never a running toll, never two claimants'
counts added, never a subset ("including ...") or a grievance's dead; ACLED's codes for vague counts;
a killed person without a number is 1."""

from __future__ import annotations

import re
from itertools import islice

from ..lang.event_reports import CAUSE_MARKS, CAUSE_PREPS, KILL_VERBS, TALLY_UNITS
from ..pipeline import Work
from .clauses import clause_of, cumulative, irrealis

ACLED_VAGUE = {24: 12, 40: 12, 200: 100, 300: 100, 2_000: 1_000, 20_000: 10_000, 200_000: 100_000, 3: 10}
NO_DEATHS = re.compile(r"\bno (one|body|casualties|fatalities|deaths|injuries|one was killed)\b", re.I)


def fatalities_of(
    work: Work, start: int, end: int, a: int, b: int, anchor: int | None = None, grievance: bool = False
) -> tuple[int, str | None]:
    """Killed figures of the event's text; with ``anchor`` (an article's trigger token) only those of
    the trigger's own clause, never a running toll, and never adding up different claimants' counts."""
    p = work.parse
    claimant: str | None | tuple[()]  # () until a claim is counted
    total, qual, claimant = 0, None, ()
    tallies: list[tuple[int, str | None]] = []
    for f in work.figures:
        if f.measure != "killed" or not (start <= f.span.start and f.span.end <= end):
            continue
        k = p.token_at(f.span.start)
        if anchor is not None and k is not None:
            k = _number_token(p, k, f.span.end)
            if not _same_clause(p, k, anchor) or cumulative(p, k):
                continue
            who = f.source.name if f.source else None
            if claimant != () and who != claimant:
                continue  # "28,500, the ministry says; 1,200, Israel says": two claims, not one sum
            claimant = who
        if k is not None and _under_including(p, k):
            continue  # "killing 5 people, including 2 children": a subset, already counted
        if k is not None and _background(work, k):
            continue  # "Montenegro, where 28 people have been killed this year": not this event's dead
        if k is not None and _part_of(p, f.span):
            continue  # "killing five people, three of them children": counted in the five
        if grievance and k is not None and _cause(p, k):
            continue  # "protests over the killing of 3 students": the grievance, not the protest's dead
        if f.value is not None:
            n = int(f.value)
        elif f.low is not None and f.high is not None:
            n = int(f.low)
        elif f.low is not None:
            n = ACLED_VAGUE.get(int(f.low), int(f.low))
        else:
            continue
        if (f.unit or "").lower() in TALLY_UNITS:
            tallies.append((n, f.qualifier))
            continue
        total += n
        qual = qual or f.qualifier
    if tallies:  # "shot dead 2 protesters ... 2 fatalities.": the tally is the total, not 2 more
        total, qual = max(tallies, key=lambda x: x[0])
    if total == 0 and not NO_DEATHS.search(work.text[start:end]):
        total = _single_death(work, a, b, grievance)
        qual = "exactly" if total else None
    return total, qual


def _number_token(p, k: int, end: int) -> int:
    """The number of a figure span starting at token k ("at least 41 people" -> "41")."""
    x = k
    while x < len(p.toks) and p.toks[x].start < end:
        if p.toks[x].like_num or p.toks[x].pos == "NUM":
            return x
        x += 1
    return k


def _same_clause(p, k: int, anchor: int) -> bool:
    """Is count token k reported by the clause of trigger ``anchor``: the same clause verb, or a clause
    inside the trigger's own phrase ("strikes that killed 67")?"""
    v = clause_of(p, k)
    if v == clause_of(p, anchor) or v == anchor:
        return True
    if p.toks[anchor].pos not in ("NOUN", "PROPN"):
        return False
    a, b = p.subtree(anchor)
    if a <= v < b:
        return True
    # a relative clause the parser hung elsewhere: "strikes early Monday that killed 67" (advcl)
    rel = [c for c in p.children[v] if p.toks[c].tag in ("WDT", "WP") and c < v]
    return bool(rel) and rel[0] - 4 <= anchor < rel[0]


def _background(work: Work, k: int) -> bool:
    """Is token k inside a relative clause describing a place ("X, where 24 were killed last March")?"""
    p = work.parse
    toks = p.toks
    for x in p.ancestors(k, include_self=True):
        t = toks[x]
        if t.dep == "relcl":
            head = toks[t.head]
            if head.ent_type in ("GPE", "LOC", "FAC") or any(
                toks[c].lemma.lower() == "where" for c in p.children[x]
            ):
                return True
    return False


def _part_of(p, span) -> bool:
    """A figure that counts a part of an earlier one: "three of them", "two of the dead", appositions."""
    for k in range(p.token_at(span.start) or 0, len(p.toks)):
        t = p.toks[k]
        if t.start >= span.end:
            break
        if t.like_num or t.pos == "NUM":
            if t.dep == "appos":
                return True
            for c in p.children[k]:
                if p.toks[c].text.lower() == "of":
                    objs = [p.toks[d] for d in p.children[c] if p.toks[d].dep == "pobj"]
                    if any(
                        o.pos == "PRON" or o.lemma.lower() in ("dead", "victim", "casualty") for o in objs
                    ):
                        return True
    return False


def _under_including(p, k: int) -> bool:
    return any(
        p.toks[x].dep == "prep" and p.toks[x].text.lower() in ("including", "among")
        for x in p.ancestors(k, include_self=True)
    )


def _cause(p, k: int) -> bool:
    """Is token k inside a clause or phrase giving a protest's cause (within 4 heads of it)?"""
    toks = p.toks
    for x in islice(p.ancestors(k, include_self=True), 4):
        t = toks[x]
        if any(toks[c].dep == "mark" and toks[c].lemma.lower() in CAUSE_MARKS for c in p.children[x]):
            return True
        if t.dep == "pobj" and toks[t.head].lemma.lower() in CAUSE_PREPS:
            return True
    return False


def _single_death(work: Work, a: int, b: int, grievance: bool = False) -> int:
    """1 for a killed person written without a number ("a man was shot dead", "killing a soldier")."""
    p = work.parse
    toks = p.toks
    for k in range(a, b):
        t = toks[k]
        lem = t.lemma.lower()
        dead = (
            lem in KILL_VERBS
            or (lem == "shoot" and any(toks[c].lemma.lower() == "dead" for c in p.children[k]))
            or lem == "die"
        )
        if not dead or irrealis(work, k, extra={"attempt", "thwart", "foil", "plot", "survive"}):
            continue
        if grievance and _cause(p, k):
            continue
        for c in p.children[k]:
            d = toks[c]
            role = d.dep in ("nsubjpass", "dobj") or (lem == "die" and d.dep == "nsubj")
            if (
                role
                and d.tag in ("NN", "NNP", "PRP")
                and not d.like_num
                and d.lemma.lower() not in ("it", "that")
            ):
                if d.tag == "PRP" and d.text.lower() not in ("him", "her", "he", "she"):
                    continue
                return 1
    return 0
