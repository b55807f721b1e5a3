"""What a figure counts and what happened to it: the counted noun (unit), the measure ("killed",
"displaced"), the qualifier ("more than") and the figure's date (see the package docstring for
the conventions)."""

from __future__ import annotations

import re

from ..lang.figures import (
    INHERENT_MEASURES,
    INTRANSITIVE_MEASURES,
    LOST_PEOPLE,
    MEASURES,
    QUALIFIERS,
    SHELTER_OBJECTS,
)
from ..nlp import Parse
from ..pipeline import Work

SUBJ_OBJ = {"nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative"}

# --------------------------------------------------------------------------- unit, measure, source


def unit_of(p: Parse, a: int, b: int) -> tuple[int | None, int]:
    """(index of the counted noun or None, syntactic head of the number run)."""
    toks = p.toks
    head = b - 1
    # the run's own head: the token in the run whose head lies outside it
    for k in range(a, b):
        if not (a <= toks[k].head < b) or toks[k].head == k:
            head = k
            break
    t = toks[head]
    if (
        t.dep in ("nummod", "compound", "amod", "quantmod", "det")
        and t.head > head
        and toks[t.head].pos in ("NOUN", "PROPN")
    ):
        return t.head, head
    if t.dep in ("nummod", "compound") and t.head > head and toks[t.head].pos == "NUM":
        # "400 737 Max jets", "five 787 Dreamliner sales": the model number in between names the noun
        m = toks[t.head]
        if m.dep in ("nummod", "compound") and m.head > m.i and toks[m.head].pos in ("NOUN", "PROPN"):
            return m.head, head
    if t.dep == "conj" and toks[t.head].pos == "NUM":  # "between 5,000 and 7,000 displaced people"
        h = toks[t.head]
        if h.dep == "nummod" and toks[h.head].pos in ("NOUN", "PROPN"):
            return h.head, head
    for c in p.children[head]:
        if toks[c].dep == "prep" and toks[c].text.lower() == "of":
            for d in p.children[c]:
                if toks[d].dep == "pobj" and toks[d].pos in ("NOUN", "PROPN"):
                    return d, head
    return None, head


def unit_text(p: Parse, n: int) -> str:
    toks = p.toks
    a = n
    while (
        a - 1 >= 0
        and toks[a - 1].dep == "compound"
        and toks[a - 1].head == n
        and toks[a - 1].pos == "NOUN"
        and not any(c.isdigit() for c in toks[a - 1].text)  # "12 F-16 fighters": a model names, not counts
    ):
        a -= 1
    words = [toks[k].text if toks[k].pos == "PROPN" else toks[k].text.lower() for k in range(a, n + 1)]
    return " ".join(words)


def measure_of(p: Parse, noun: int | None, head: int) -> str | None:
    toks = p.toks
    kids = p.children
    if noun is not None:
        for c in kids[noun]:  # the noun's own clause: "hostages held by Hamas", "people who were killed"
            if toks[c].dep in ("acl", "relcl") and toks[c].lemma.lower() in MEASURES:
                return MEASURES[toks[c].lemma.lower()]
    x = noun if noun is not None else head
    for _ in range(6):  # climb coordination and "of" to the clause argument
        tx = toks[x]
        if tx.dep == "conj" and toks[tx.head].pos in ("NOUN", "PROPN", "NUM"):
            x = tx.head
        elif (
            tx.dep == "pobj"
            and toks[tx.head].text.lower() == "of"
            and toks[toks[tx.head].head].pos in ("NOUN", "NUM")
        ):
            x = toks[tx.head].head
        elif tx.dep == "appos":
            x = tx.head
        else:
            break
    tx = toks[x]
    if tx.dep in SUBJ_OBJ or (tx.dep == "pobj" and toks[tx.head].dep == "agent"):
        v = toks[tx.head]
        lem = v.lemma.lower()
        if (
            lem == "lose"
            and tx.dep == "dobj"
            and noun is not None
            and toks[noun].lemma.lower() in LOST_PEOPLE
        ):
            return "killed"  # "the militants lost 5 fighters": a side's dead
        if (
            lem == "lose"
            and tx.dep == "nsubj"
            and any(toks[c].dep == "dobj" and toks[c].lemma.lower() == "life" for c in kids[v.i])
        ):
            return "killed"  # "nine people lost their lives"
        if lem in MEASURES and not (
            tx.dep == "nsubj" and lem not in INTRANSITIVE_MEASURES and v.pos == "VERB"
        ):
            # the active subject of "kill", "hold", "free" did it; it is not what was done to
            m = MEASURES[lem]
            for c in kids[v.i]:  # "were killed or wounded": not a count of the dead alone
                if (
                    toks[c].dep == "conj"
                    and toks[c].lemma.lower() in MEASURES
                    and MEASURES[toks[c].lemma.lower()] != m
                    and any(toks[d].text.lower() == "or" for d in kids[v.i])
                ):
                    return f"{m} or {MEASURES[toks[c].lemma.lower()]}"
            return m
        objs = [toks[c].lemma.lower() for c in kids[v.i] if toks[c].dep in ("dobj", "pobj", "prep")]
        if lem in ("seek", "take", "find") and SHELTER_OBJECTS & set(objs):
            return "sheltering"
        for c in kids[v.i]:  # "were dead", "are missing", "shot dead"
            if toks[c].dep in ("acomp", "oprd", "advmod", "xcomp") and toks[c].lemma.lower() in MEASURES:
                return MEASURES[toks[c].lemma.lower()]
    if noun is not None:
        for c in kids[noun]:
            if toks[c].dep == "amod" and toks[c].lemma.lower() in MEASURES:
                return MEASURES[toks[c].lemma.lower()]
        if toks[noun].lemma.lower() in INHERENT_MEASURES:
            return INHERENT_MEASURES[toks[noun].lemma.lower()]
    return None


def qualifier_of(p: Parse, a: int, low_bound: int) -> tuple[str | None, int]:
    """Qualifier from the words before token a, and the token where the figure starts."""
    toks = p.toks
    before = [toks[k].text.lower() for k in range(max(low_bound, a - 3), a)]
    for words, q in QUALIFIERS:
        ws = words.split()
        if before[-len(ws) :] == ws:
            return q, a - len(ws)
    return None, a


def _clause_verb(p: Parse, k: int) -> int | None:
    """The nearest verb at or above token k."""
    return p.governing_verb(k)


def when_of(work: Work, s, a: int, cue_verb: int | None) -> str | None:
    """A DATE of the figure's own clause ("were killed on Oct. 7") or of its attribution ("said Monday")."""
    p = work.parse
    found = {_clause_verb(p, a)}
    if cue_verb is not None:
        found.add(_clause_verb(p, cue_verb))
    verbs = {v for v in found if v is not None}
    # "strikes early Monday that killed 67": a relative clause's date may sit on the noun it describes
    # (or between that noun and the clause: "strikes early Monday that killed", parsed either way)
    nouns = [(p.toks[v].head, v) for v in verbs if p.toks[v].dep in ("relcl", "acl")]
    for v in verbs:  # a relative clause the parser attached elsewhere: "strikes early Monday that killed"
        rel = [c for c in p.children[v] if p.toks[c].tag in ("WDT", "WP") and c < v]
        if rel:
            nouns.append((max(rel[0] - 4, s.start), rel[0]))
    for t in work.times:
        if (
            t.type != "DATE"
            or not re.match(r"^\d{4}", t.value or "")
            or not (s.start_char <= t.span.start < s.end_char)
        ):
            continue
        k = p.token_at(t.span.start)
        if k is not None and _since(p, k):
            continue  # "have fled since last month", "held since a raid in January": a count as of now
        if k is not None and (_clause_verb(p, k) in verbs or any(lo <= k < hi for lo, hi in nouns)):
            return t.value
    return None


def _since(p: Parse, k: int) -> bool:
    """Is token k inside a "since ..." phrase (the start of a running count, not its date)?"""
    for x in p.ancestors(k, include_self=True):
        t = p.toks[x]
        if t.lemma.lower() == "since" or (x > 0 and p.toks[x - 1].text.lower() == "since"):
            return True
        if t.pos in ("VERB", "AUX"):
            return False
    return False
