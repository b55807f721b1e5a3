"""What a trigger's clause reports: something that happened, or something unreal (wanted,
feared, negated, hypothetical), or a running toll rather than one incident."""

from __future__ import annotations

from itertools import islice

from ..lang.event_reports import (
    AGREEMENT_VERBS,
    AIR_POLICING_VERBS,
    AIRCRAFT_WORDS,
    CONTESTED_DECISIONS,
    DEMONSTRATED_FEELINGS,
    FORMAL_PROTEST_FORUMS,
    FORMAL_PROTEST_VERBS,
    GATHERINGS,
    IRREALIS,
    ONLINE_WORDS,
    STRIKE_COMPOUND_HEADS,
    TOLL_SPANS,
    TOLL_SUBJECTS,
    TOLL_VERBS,
    TOLL_WORDS,
    WORK_STOPPAGES,
)
from ..lang.events import ACTOR_KINDS, PEACEFUL
from ..nlp import Parse
from ..pipeline import Work
from .classifier import triggers_in
from .types import OTHER_TRIGGERS, TRIGGERS

RELATIVE_WORDS = ("that", "which", "who", "where")
NOMINAL_DEPS = ("pcomp", "pobj", "dobj", "nsubj", "nsubjpass")


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
        and toks[t.head].text.lower() in ("for", "of", "to", "without", "before", "since", "until")
    ):
        return False  # "calls for a strike", "the threat of an attack"; "before the 2014 protests" is a time
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
    if PEACEFUL in TRIGGERS.get(key, ()) and (not_a_demonstration(p, k) or _the_shown_one(p, k)):
        return False
    if by_accident(p, k) or _online(p, k) or air_policing(p, k):
        return False
    return not irrealis(work, k)


def by_accident(p, k: int) -> bool:
    """Is trigger k done by an accident ("a crash killed three", "killed in a stampede", "struck by a
    car")? Accidents are no ACLED event (the relevance model learns it too, but "345 pilgrims have been
    killed in a stampede" still scored 0.77 against its 0.54)."""
    toks = p.toks
    for c in p.children[k]:
        if toks[c].dep in ("nsubj", "agent") and ACTOR_KINDS.get(toks[c].lemma.lower()) == "accident":
            return True
        if toks[c].dep in ("prep", "agent") and toks[c].lemma.lower() in ("in", "by", "during"):
            for o in p.children[c]:
                if toks[o].dep == "pobj" and ACTOR_KINDS.get(toks[o].lemma.lower()) == "accident":
                    return True
    return False


def air_policing(p, k: int) -> bool:
    """Is trigger k an interception of aircraft, or an aircraft intercepted ("jets scrambled to intercept
    Russian bombers and fighters")? Air policing is no ACLED event; an intercepted missile, drone or
    arms shipment still is (disrupted weapons use)."""
    toks = p.toks

    def aircraft(j: int) -> bool:
        return toks[j].lemma.lower() in AIRCRAFT_WORDS or toks[j].text.lower() in AIRCRAFT_WORDS

    t = toks[k]
    if t.lemma.lower() in AIR_POLICING_VERBS and t.pos == "VERB":
        return any(toks[c].dep == "dobj" and aircraft(c) for c in p.children[k])
    if not aircraft(k):
        return False
    obj = k
    while toks[obj].dep == "conj" and toks[obj].head != obj:  # "intercept bombers and fighters"
        obj = toks[obj].head
    v = toks[obj].head
    return toks[obj].dep == "dobj" and toks[v].lemma.lower() in AIR_POLICING_VERBS


def _online(p, k: int) -> bool:
    """Is trigger k an attack made on or by a computer ("a cyber attack", "the attack was launched by a
    user on the website")? A modifier of the trigger, or the object of a preposition or agent of the
    trigger or of the verb it is the subject or object of, names something online (ONLINE_WORDS)."""
    toks = p.toks
    heads = [k]
    if toks[k].dep in ("nsubj", "nsubjpass", "dobj") and toks[k].head != k:
        heads.append(toks[k].head)
    for h in heads:
        for c in p.children[h]:
            if toks[c].dep in ("compound", "amod") and toks[c].lemma.lower() in ONLINE_WORDS:
                return True
            if toks[c].dep in ("prep", "agent"):
                for o in p.children[c]:
                    words = {toks[o].lemma.lower(), *(toks[x].lemma.lower() for x in p.children[o])}
                    if toks[o].dep == "pobj" and words & ONLINE_WORDS:
                        return True
    return False


def not_a_demonstration(p, k: int) -> bool:
    """Does protest trigger k (a protest, demonstration or strike) name something ACLED does not code
    as a demonstration, since no crowd gathers (its codebook: a demonstration is at least three people
    physically together)? Four readings, each from the parse:
      * a labour strike or work stoppage with no march, rally or picket in the sentence ("14,000
        employees had a two hour work stoppage to protest the cuts"; "strikes, in which people stay home
        from work ... would not be coded");
      * a formal protest: a complaint filed, upheld or denied, before a forum, against an award or
        contract ("Boeing challenged the award in a formal protest before the GAO");
      * a demonstration that shows something ("a demonstration of the new software", "demonstrated
        the phone");
      * a protest made by an armed side ("the terrorists are protesting against modernity", "rebels
        protested the violation"): a claim, not a gathering of civilians.
    A sentence naming protesters, a crowd or a gathering is always a demonstration."""
    toks = p.toks
    sent = p.sents[toks[k].sent]
    words = {toks[j].lemma.lower() for j in range(sent.start, sent.end)}
    if words & GATHERINGS or any(ACTOR_KINDS.get(w) == "crowd" for w in words):
        return False
    t = toks[k]
    lemma = t.lemma.lower()
    if t.pos == "VERB" and any(
        toks[c].dep == "nsubj" and ACTOR_KINDS.get(toks[antecedent(p, c)].lemma.lower()) == "armed"
        for c in p.children[k]
    ):
        return True  # "the terrorists are protesting against modernity": armed men's protest is a claim
    if (lemma == "protest" or _labour_stoppage(p, k)) and any(
        _labour_stoppage(p, j) for j in range(sent.start, sent.end)
    ):  # the strike itself, or what it is "to protest" ("walkouts sparked demonstrations": those gather)
        return True
    kids = [toks[c] for c in p.children[k]]
    if lemma in ("demonstration", "demonstrate"):
        if t.pos == "VERB" and any(c.dep in ("dobj", "ccomp") for c in kids):
            return True  # "demonstrated the phone", "demonstrated that it works"
        for c in kids:
            objs = [toks[o].lemma.lower() for o in p.children[c.i] if toks[o].dep == "pobj"]
            if c.dep == "prep" and c.lemma.lower() == "of" and objs and not set(objs) & DEMONSTRATED_FEELINGS:
                return True  # "a demonstration of the technology"
            if c.dep in ("compound", "amod") and ACTOR_KINDS.get(c.lemma.lower()) in ("product", "business"):
                return True  # "a product demonstration"
        return False
    if lemma != "protest":
        return False
    gov = toks[t.head] if t.dep in ("dobj", "pobj", "nsubjpass", "nsubj") else t
    if t.dep == "pobj" and toks[t.head].dep == "prep":
        gov = toks[toks[t.head].head]
    if gov.lemma.lower() in FORMAL_PROTEST_VERBS:
        return True  # "filed a protest", "upheld Boeing's protest"
    for c in [*kids, *(toks[x] for x in p.children[gov.i] if gov.i != k)]:
        if c.dep == "amod" and c.lemma.lower() in ("formal", "legal", "bid"):
            return True
        if c.dep == "dobj" and c.lemma.lower() in CONTESTED_DECISIONS:
            return True  # "protested the award", "challenged the award in a formal protest"
        if c.dep == "prep":
            for o in p.children[c.i]:
                obj = toks[o]
                if obj.dep != "pobj":
                    continue
                prep, ow = c.lemma.lower(), obj.lemma.lower()
                if prep in ("with", "before") and (ow in FORMAL_PROTEST_FORUMS or obj.ent_type == "ORG"):
                    return True  # "a protest with the agency", "before the GAO"
                if prep in ("of", "against") and ow in CONTESTED_DECISIONS - {"decision", "ruling"}:
                    return True  # "a protest of the contract award"
    return False


def _the_shown_one(p, k: int) -> bool:
    """Is "the demonstration" k the one an earlier sentence showed something in ("Apple demonstrated the
    new store on Monday. ... The song bought during the demonstration was ...")? A definite mention
    with no crowd in its own sentence refers back; when the first mention was a product shown, so is
    this one."""
    toks = p.toks
    t = toks[k]
    if t.lemma.lower() != "demonstration" or not any(
        toks[c].dep == "det" and toks[c].lemma.lower() == "the" for c in p.children[k]
    ):
        return False
    sent = p.sents[t.sent]
    if any(
        toks[j].lemma.lower() in GATHERINGS or ACTOR_KINDS.get(toks[j].lemma.lower()) == "crowd"
        for j in range(sent.start, sent.end)
    ):
        return False
    first = next(
        (j for j in range(sent.start) if toks[j].lemma.lower() in ("demonstration", "demonstrate")), None
    )
    return first is not None and not_a_demonstration(p, first)


def _labour_stoppage(p, j: int) -> bool:
    """Is token j a labour strike or work stoppage ("a work stoppage", "went on strike", "a general
    strike", "workers struck") rather than an armed strike?"""
    toks = p.toks
    t = toks[j]
    lemma = t.lemma.lower()
    if lemma not in WORK_STOPPAGES:
        return False
    if lemma != "strike":
        return True
    kids = [toks[c] for c in p.children[j]]
    if t.pos == "VERB":
        return any(c.dep == "nsubj" and ACTOR_KINDS.get(c.lemma.lower()) == "labour" for c in kids)
    if t.dep == "pobj" and toks[t.head].lemma.lower() == "on":
        return True  # "went on strike"
    if t.dep == "compound" and toks[t.head].lemma.lower() in STRIKE_COMPOUND_HEADS:
        return True  # "launched strike action", "a strike ballot": the noun it names is labour's
    if t.dep == "dobj" and any(
        toks[c].dep == "nsubj" and ACTOR_KINDS.get(toks[c].lemma.lower()) == "labour"
        for c in p.children[t.head]
    ):
        return True  # "teachers staged a strike", "nurses began a three-day strike"
    return any(
        c.dep in ("amod", "compound", "poss")
        and (
            c.lemma.lower() in ("general", "labour", "labor", "work", "hunger")
            or ACTOR_KINDS.get(c.lemma.lower()) == "labour"
        )
        for c in kids
    )


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
        noun = _relative_clause_noun(p, x)
        if (
            noun is not None
            and noun != k
            and toks[k].tag in ("VBD", "VBN")
            and not triggers_in(p, noun, noun + 1)
        ):
            return False  # "trying to leave the city, where people hide after strikes that killed 20":
            # a past event in a relative clause about a place or people is asserted, whatever the
            # sentence around it wants or fears ("wants to stop attacks that killed ..." still climbs:
            # the attacks are wanted; so does "calls to investigate Yemen, where a coalition is battling")
    return False


def _relative_clause_noun(p: Parse, x: int) -> int | None:
    """The noun that token x's relative clause describes ("strikes that killed 67": strikes; "the city,
    where people are hiding": city), also where the parser hung the clause as an adverbial one; None
    when x heads no relative clause."""
    toks = p.toks
    if toks[x].pos not in ("VERB", "AUX") or toks[x].dep not in ("relcl", "advcl", "acl"):
        return None
    for c in p.children[x]:
        if toks[c].tag in ("WDT", "WP", "WRB") and toks[c].lemma.lower() in RELATIVE_WORDS:
            noun = antecedent(p, c)
            return noun if noun != c else None
    if toks[x].dep == "relcl" and toks[toks[x].head].pos in ("NOUN", "PROPN"):
        return toks[x].head
    return None


def antecedent(parse: Parse, k: int) -> int:
    """The noun a relative word k stands for ("strikes early Monday that killed 67": strikes; "the city,
    where ...": city), or k. The head of its relative clause; when the parser hung the clause elsewhere
    (an advcl after a date, as in that example), the nearest noun before the word that is no date or
    time."""
    toks = parse.toks
    if toks[k].tag not in ("WDT", "WP", "WRB") or toks[k].lemma.lower() not in RELATIVE_WORDS:
        return k
    verb = toks[k].head
    if (
        toks[verb].dep == "relcl"
        and toks[verb].head != verb
        and toks[toks[verb].head].pos in ("NOUN", "PROPN")
    ):
        return toks[verb].head
    sent = parse.sents[toks[k].sent]
    for j in range(k - 1, max(sent.start, k - 6) - 1, -1):
        if toks[j].ent_type in ("DATE", "TIME"):
            continue
        if toks[j].pos in ("NOUN", "PROPN") or (toks[j].tag == "VBG" and toks[j].dep in NOMINAL_DEPS):
            return j  # a noun, or a gerund standing as one ("after shelling on Tuesday night that ...")
        if toks[j].pos in ("VERB", "AUX") or (
            toks[j].dep == "punct" and not (j == k - 1 and toks[j].text == ",")
        ):
            break
    return k


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
