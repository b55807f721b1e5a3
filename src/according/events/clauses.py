"""What a trigger's clause reports: something that happened, or something unreal (wanted,
feared, negated, hypothetical), or a running toll rather than one incident."""

from __future__ import annotations

from itertools import islice

from ..lang.event_reports import (
    AGREEMENT_VERBS,
    IRREALIS,
    TOLL_SPANS,
    TOLL_SUBJECTS,
    TOLL_VERBS,
    TOLL_WORDS,
)
from ..pipeline import Work
from .types import OTHER_TRIGGERS, TRIGGERS


def reports(work: Work, k: int, key: str) -> bool:
    """Does trigger token k report something that happened (in an article's sentence)?"""
    p = work.parse
    toks = p.toks
    t = toks[k]
    for q in work.quotes:  # a direct quotation is the speaker's view, not the outlet's report of an event
        if q.kind == "direct" and any(c.start <= t.start < c.end for c in q.content):
            return False
    if (
        key in OTHER_TRIGGERS
        and t.pos != "VERB"
        and not (t.dep in ("nsubj", "nsubjpass", "ROOT") and toks[t.head].dep == "ROOT")
    ):
        return False  # "briefed on the talks": a mention, not a meeting being reported
    if (
        t.pos in ("NOUN", "PROPN")
        and t.dep == "pobj"
        and toks[t.head].text.lower() in ("for", "of", "to", "without")
    ):
        return False
    if (
        t.pos in ("NOUN", "PROPN")
        and TRIGGERS.get(key) == ("Agreement",)
        and not (
            t.dep in ("ROOT", "appos")
            or (t.dep in ("nsubj", "nsubjpass", "dobj") and toks[t.head].lemma.lower() in AGREEMENT_VERBS)
            or any(
                toks[c].dep in ("acl", "relcl") and toks[c].lemma.lower() in AGREEMENT_VERBS
                for c in p.children[k]
            )
        )
    ):  # (a misparsed "A ceasefire ... held": acl)
        return False  # "described the ceasefire as a pause", "as the agreement required": a mention
    return not irrealis(work, k)


def irrealis(work: Work, k: int, extra=frozenset()) -> bool:
    """Is token k governed by a word that makes it unreal, hypothetical or negated?"""
    p = work.parse
    toks = p.toks
    words = IRREALIS | extra
    for x in islice(p.ancestors(k, include_self=True), 12):
        tx = toks[x]
        if tx.lemma.lower() in words and x != k:
            return True
        if any(
            toks[c].dep in ("aux", "neg", "mark") and toks[c].lemma.lower() in words | {"not"}
            for c in p.children[x]
        ):
            return True
    return False


def cumulative(p, k: int) -> bool:
    """Does token k (a trigger or a count) sit in a clause that reports a running toll?"""
    toks = p.toks
    v = clause_of(p, k)
    heads = {v, k}
    for h in list(heads):
        for c in p.children[h]:
            t = toks[c]
            w = t.lemma.lower()
            if w == "since" and t.dep in ("prep", "mark", "advmod"):
                return True
            if w in ("throughout",):
                return True
            if t.dep == "prep" and w in ("over", "during", "in", "across"):
                objs = [toks[d] for d in p.children[c] if toks[d].dep == "pobj"]
                for o in objs:
                    mods = {toks[d].lemma.lower() for d in p.children[o.i]}
                    if (
                        o.lemma.lower() in TOLL_SPANS
                        and (w != "in" or mods & {"past", "last"})
                        and (o.lemma.lower() not in ("month", "year", "week") or mods & {"past", "last"})
                    ):
                        return True
            if (
                t.dep == "nsubj"
                and w in TOLL_SUBJECTS
                and h == v
                and c != k
                and toks[v].lemma.lower() in TOLL_VERBS
            ):
                return True
        following = " ".join(x.text.lower() for x in toks[min(p.subtree(v)[0], k) : p.subtree(v)[1]])
        if any(f" {w} " in f" {following} " for w in TOLL_WORDS):
            return True
    return False


def clause_of(p, k: int) -> int:
    """The nearest verb at or above token k (k itself when there is none)."""
    for x in p.ancestors(k, include_self=True):
        if p.toks[x].pos in ("VERB", "AUX") and p.toks[x].dep != "amod":
            return x
    return k
