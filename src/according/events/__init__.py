"""Events: who did what to whom, where and when, typed with ACLED's event types.

Where events are found
  * A short document (a one-sentence report, a snippet: at most ``REPORT_SENTENCES``
    body sentences and ``REPORT_CHARS`` characters) is one report: it always gets
    exactly one event, its main one, typed from the whole text; its ``confidence`` is the
    relevance of its most relevant trigger sentence.
  * In an article, a sentence holding a strong trigger of the lexicon (types.py, whole words
    only) reports an event, in text order, when the relevance model (relevance.py) is sure
    enough that it reports an ACLED event (``confidence`` >= the model's threshold, calibrated
    on news that reports none): "strike action", a crash, a murder trial, a match make none.
  * Each event carries that ``confidence``; the web page and the story timeline show events
    from the threshold up (``relevance.show_threshold``), the API and exports carry all.
How it is typed
  * The sub-event type is the classifier's (classifier.py: logistic regression over
    lemmas and lexicon triggers learned from CASE 2021), corrected by a few codebook rules
    (territory taken by state forces is regained, by others overtaken; deaths at a protest
    are excessive force; a crowd size "[size=...]" means a demonstration). An article
    sentence is typed within what its triggers allow, and one whose only triggers are
    talks, meetings, evacuation orders or legal filings is Strategic developments / Other,
    a type CASE 2021 has no examples of. Without the shipped weights the first trigger's
    usual reading is used. Then ACLED's own conventions (coding.py): shots heard by monitors,
    shoot-outs and repelled attacks are armed clashes, a crowd's violence makes a riot, and an
    event with dead is never a strategic development.
The rest
  * actors: actors.py (subject / "by" agent, object / passive subject of the trigger; null
    rather than a noun the trigger's agent is not), generic ones named with the country of the
    event's place as ACLED names them ("Protesters (Iraq)", "Police Forces of Iraq");
  * place and date of an article event come from the trigger's ';'-clause;
  * running tolls are not incidents: in an article, a trigger in a clause that counts
    "since ...", "so far", "to date", "in total", "over the past N months", or whose killer is
    a war or campaign ("the war has killed 28,500") makes no event (``cumulative``);
  * fatalities: the figures of the event's text whose measure is "killed" (figures.py); in an
    article only those of the trigger's own clause (or a clause inside the trigger's phrase:
    "strikes that killed 67"), never a running toll, never two claimants' counts added;
    summed over a coordination ("two soldiers and three civilians"), not counting
    "including ..." subsets; ACLED's codes for vague counts ("several"/"many" = 10,
    "dozens" = 12, "hundreds" = 100, "thousands" = 1,000), the lower end of a range;
    a killed person without a number ("a man was shot dead") = 1; nothing = 0;
  * date: the event's DATE expression (the first one with a day; times stage, with a
    "On 12 February 2024" fallback), else the publication date; ACLED time_precision
    1 = day, 2 = week, 3 = month;
  * place: the most specific place of the event's text (city/facility > admin/region >
    country), nearest the trigger;
  * source: the quote or "according to"/"X said" attribution holding the trigger.
"""

from __future__ import annotations

import csv
import re
from itertools import islice
from typing import TextIO

from ..figures import attribution_cues, publication_day, source_at
from ..lang.calendar import MONTH_NAMES
from ..model import Event, Span
from ..pipeline import Work, stage
from ..places.mentions import PLACE_NOUNS
from .actors import actors_for, country_name, in_country
from .classifier import features, load_model, triggers_in
from .coding import apply_conventions
from .relevance import load_relevance, relevance_features
from .types import EVENT_TYPE, OTHER, OTHER_TRIGGERS, STRONG, TRIGGERS

# A document this short is one report with one event. Calibrated by eye on the document shapes:
# CASE 2021 snippets (1-5 sentences, mean 240 characters) and one-sentence ACLED notes are reports,
# news articles (thousands of characters) are not.
REPORT_SENTENCES = 5
REPORT_CHARS = 1500
# A report keeps its event unless the relevance model is nearly sure it reports none (a company's
# bankruptcy filing, a product launch). Calibrated on the SEALED third of CASE 2021: 1 of its 268
# snippets with an ACLED type falls below 0.05 (2 below 0.1), 4 of its 71 disaster, crime and
# diplomacy snippets do; PLOVER loses 5 of 322 sentences (none ASSAULT, FIGHT or PROTEST).
REPORT_FLOOR = 0.05
ACLED_VAGUE = {24: 12, 40: 12, 200: 100, 300: 100, 2_000: 1_000, 20_000: 10_000, 200_000: 100_000, 3: 10}
MONTHS = {m: k for k, m in enumerate(MONTH_NAMES, 1)}
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r"),? (\d{4})\b", re.I)
_MONTH_DAY_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{1,2}),? (\d{4})\b", re.I)
# How much more likely a report's sub-event type is when a lexicon trigger in it signals that type.
# 1.0 = the classifier alone. Chosen on CASE 2021 out-of-fold predictions (each snippet typed by
# a model that never saw it), maximising sub_event_type accuracy; see the module report.
# (3.0 scored 59.2% sub_event_type on all 1,019 CASE rows against 60.2% for 1.0, so the lexicon only
# restricts article sentences and the classifier alone types reports.)
TRIGGER_PRIOR = 1.0
SIZE_NOTE = re.compile(r"\[\s*size\s*=", re.I)
NON_LETHAL = {
    "Peaceful protest",
    "Protest with intervention",
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Headquarters or base established",
    "Non-violent transfer of territory",
}
PLACE_RANK = {"city": 0, "facility": 0, "admin": 1, "region": 2, "other": 2, "country": 3}
NO_DEATHS = re.compile(r"\bno (one|body|casualties|fatalities|deaths|injuries|one was killed)\b", re.I)


@stage("events", requires=("parse", "entities", "quotes", "figures", "times", "places"), assigns=("events",))
def find_events(work: Work) -> dict:
    p = work.parse
    if not p.toks:
        return {"events": ()}
    body = [
        s
        for s in p.sents
        if not work.in_furniture(s.start_char, s.end_char) and work.text[s.start_char : s.end_char].strip()
    ]
    found = []
    if len(body) <= REPORT_SENTENCES and len(work.text) <= REPORT_CHARS:
        stretch = body or list(p.sents)
        conf = _report_relevance(p, stretch)
        ev = _event(work, stretch, report=True) if conf is None or conf >= REPORT_FLOOR else None
        if ev is not None:
            ev["confidence"] = conf
            found.append(ev)
    else:
        model = load_relevance()
        for s in p.sents:
            trig = [
                (k, key)
                for k, key in triggers_in(p, s.start, s.end)
                if key in STRONG and _reports(work, k, key) and not cumulative(p, k)
            ]
            if not trig:
                continue
            conf = model.proba(relevance_features(p, s.start, s.end)) if model is not None else None
            if model is not None and conf is not None and conf < model.threshold:
                continue  # a trigger word, but no ACLED event: crime, sport, business, a strike action
            ev = _event(work, [s], report=False)
            if ev is not None:
                ev["confidence"] = None if conf is None else round(conf, 3)
                found.append(ev)
    events = tuple(Event(id=f"ev{k}", **e) for k, e in enumerate([f for f in found if f], 1))
    return {"events": events}


def _report_relevance(p, sents) -> float | None:
    """A report's confidence: the relevance of its most relevant sentence holding a strong trigger
    (of the whole report when none holds one). A report always keeps its event (an ACLED note is one
    event); the confidence says whether to show it."""
    model = load_relevance()
    if model is None:
        return None
    cands = [s for s in sents if any(key in STRONG for _, key in triggers_in(p, s.start, s.end))]
    if not cands:
        return round(model.proba(relevance_features(p, sents[0].start, sents[-1].end)), 3)
    return round(max(model.proba(relevance_features(p, s.start, s.end)) for s in cands), 3)


# words that make what they govern unreal or not yet real: "pause the fighting", "wants forces to
# withdraw", "would compound", "the prospect of an assault", "jailed for murder"
IRREALIS = {
    "pause",
    "stop",
    "end",
    "halt",
    "avert",
    "prevent",
    "want",
    "aim",
    "plan",
    "seek",
    "try",
    "threaten",
    "hope",
    "fear",
    "push",
    "prospect",
    "risk",
    "possible",
    "expect",
    "call",
    "urge",
    "demand",
    "warn",
    "would",
    "could",
    "might",
    "may",
    "should",
    "will",
    "can",
    "accuse",
    "allow",
    "consider",
    "without",
    "if",
    "whether",
    "deny",
    "reject",
    "propose",
    "offer",
    "ask",
    "need",
    "discuss",
    "debate",
    "broker",
    "mediate",
}


# what an agreement that is news does: is reached, signed, brokered, takes effect, holds, collapses
AGREEMENT_VERBS = {
    "reach",
    "sign",
    "agree",
    "broker",
    "hold",
    "take",
    "begin",
    "start",
    "announce",
    "strike",
    "seal",
    "collapse",
    "break",
    "violate",
    "extend",
    "come",
    "go",
    "enter",
    "approve",
    "accept",
    "conclude",
    "secure",
    "declare",
    "end",
    "expire",
    "renew",
    "finalize",
    "finalise",
}


def _reports(work: Work, k: int, key: str) -> bool:
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
    return not _irrealis(work, k)


def _irrealis(work: Work, k: int, extra=frozenset()) -> bool:
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


def _choose_type(
    work: Work, a: int, b: int, trig: list[tuple[int, str]], report: bool
) -> tuple[str, int | None]:
    """(sub-event type, trigger token) for tokens a..b."""
    strong = [(k, key) for k, key in trig if key in STRONG]
    if not report:
        strong = [(k, key) for k, key in strong if _reports(work, k, key)]
    # Articles: a sentence about talks, a meeting, an order or a filing is Strategic developments /
    # Other. Reports are left to the classifier: out-of-fold on CASE 2021 the shortcut cost 0.5 points
    # there (talks that end in an agreement are coded Agreement).
    if strong and all(key in OTHER_TRIGGERS for _, key in strong) and not report:
        return OTHER, strong[0][0]
    model = load_model()
    if model is not None:
        pr = model.proba(features(work.parse, a, b))
        lexical = {t for _, key in (strong or trig) for t in TRIGGERS[key]}
        if lexical:
            # an article sentence is typed within what its triggers allow; a report's triggers
            # weight the classifier (TRIGGER_PRIOR, see its comment)
            w = 0.0 if not report else 1.0 / TRIGGER_PRIOR
            pr = {t: v * (1.0 if t in lexical else w) for t, v in pr.items()}
            if max(pr.values()) == 0:
                pr = {t: 1.0 for t in lexical if t in EVENT_TYPE}
        crowd = ("Protests", "Riots")
        if report and SIZE_NOTE.search(work.text[work.parse.toks[a].start : work.parse.toks[b - 1].end]):
            # ACLED's notes give a crowd size ("[size=around 50]") for demonstrations only
            pr = {t: v for t, v in pr.items() if EVENT_TYPE.get(t) in crowd} or pr
        elif EVENT_TYPE.get(max(pr, key=pr.__getitem__)) in crowd and not any(
            EVENT_TYPE.get(t) in crowd for _, key in trig for t in TRIGGERS[key]
        ):
            # no protester, rioter, mob, demonstration or thrown stone in the text (any trigger, not only
            # the strong ones): soldiers "clashing" is a battle
            pr = {t: v for t, v in pr.items() if EVENT_TYPE.get(t) not in crowd} or pr
        sub = max(pr, key=pr.__getitem__)
    elif strong:
        sub = TRIGGERS[strong[0][1]][0]
    else:
        sub = OTHER
    pool = sorted(strong or trig, key=lambda x: (work.parse.toks[x[0]].pos != "VERB", x[0]))  # verbs first
    k = next((k for k, key in pool if sub in TRIGGERS[key]), None)
    if k is None:
        k = next((k for k, key in pool if key not in OTHER_TRIGGERS), pool[0][0] if pool else None)
    return sub, k


def _event(work: Work, sents, report: bool) -> dict | None:
    p = work.parse
    toks = p.toks
    a, b = sents[0].start, sents[-1].end
    start, end = sents[0].start_char, sents[-1].end_char
    while end > start and work.text[end - 1].isspace():
        end -= 1
    trig = triggers_in(p, a, b)
    if not report:  # a running toll ("the war has killed ...", "since October") is no one incident
        trig = [(k, key) for k, key in trig if not cumulative(p, k)]
    sub, k = _choose_type(work, a, b, trig, report)
    if k is None:
        roots = [t.i for t in toks[a:b] if t.dep == "ROOT"]
        k = roots[0] if roots else None
    fatalities, fq = _fatalities(
        work,
        start,
        end,
        a,
        b,
        anchor=None if report else k,
        grievance=EVENT_TYPE[sub] in ("Protests", "Riots"),
    )
    model = load_model()
    raw = (
        model.proba(features(p, a, b))
        if model is not None and fatalities and EVENT_TYPE[sub] == "Strategic developments"
        else None
    )
    sub = apply_conventions(work, a, b, sub, fatalities, raw)
    if fatalities and (
        sub in ("Peaceful protest", "Protest with intervention")
        or (EVENT_TYPE[sub] == "Riots" and _forces_act(work, a, b))
    ):
        sub = "Excessive force against protesters"  # ACLED: deaths at a protest are excessive force
    elif sub in NON_LETHAL:
        fatalities, fq = 0, None  # deaths mentioned beside an arrest or agreement are another event's
    ev_type = EVENT_TYPE[sub]
    actor1, actor2 = actors_for(work, k, sub, ev_type)
    # ACLED: territory taken by state forces is regained, by anyone else overtaken (out-of-fold on
    # CASE 2021: +6 Battles rows)
    if sub in ("Government regains territory", "Non-state actor overtakes territory") and actor1 is not None:
        words = set(actor1.name.lower().replace("-", " ").split())
        state = actor1.name.startswith(("Military Forces", "Police Forces")) or bool(
            words & {"army", "government", "regime", "military", "armed", "national", "defense", "defence"}
        )
        sub = "Government regains territory" if state else "Non-state actor overtakes territory"
    # ACLED: violence against civilians is an Attack, against armed men a clash. Article sentences
    # only: on CASE 2021 reports (out-of-fold) these rules cost 0.4 points against the classifier.
    if report:
        if sub == "Armed clash" and _only_civilians_killed(work, start, end):
            sub, ev_type = "Attack", "Violence against civilians"
    elif sub == "Armed clash" and actor2 is not None and actor2.name == "Civilians":
        sub, ev_type = "Attack", "Violence against civilians"
    elif (
        sub == "Attack"
        and actor2 is not None
        and actor2.name.startswith(("Military Forces", "Police Forces"))
    ):
        sub, ev_type = "Armed clash", "Battles"
    # an article event's date and place come from its trigger's ';'-clause: "the war has killed ...
    # in Gaza; 1,200 were killed in the Oct. 7 attack" are two claims
    cs, ce = (
        _semicolon_clause(work, start, end, toks[k].start) if (k is not None and not report) else (start, end)
    )
    date, precision = _date(work, cs, ce)
    if date == publication_day(work) and (cs, ce) != (start, end):
        date, precision = _date(work, start, end)
    place = _place(work, cs, ce, toks[k].start if k is not None else start)
    if place is not None:  # ACLED: "Protesters (Iraq)", "Police Forces of Iraq": the event's country
        country = country_name(work.places[place].country)
        actor1, actor2 = in_country(actor1, country), in_country(actor2, country)
    s_of_k = p.sents[toks[k].sent] if k is not None else sents[0]
    source = None
    if k is not None:
        source, _ = source_at(work, s_of_k, toks[k].start, toks[k].end, attribution_cues(work, s_of_k))
    return {
        "span": Span.of(work.text, start, end),
        "event_type": ev_type,
        "sub_event_type": sub,
        "actor1": actor1,
        "actor2": actor2,
        "place": place,
        "date": date,
        "time_precision": precision,
        "fatalities": fatalities,
        "fatalities_qualifier": fq,
        "source": source,
        "in_furniture": work.in_furniture(start, end),
    }


CIVILIAN_UNITS = {
    "civilians",
    "civilian",
    "villagers",
    "residents",
    "worshippers",
    "worshipers",
    "farmers",
    "herders",
    "women",
    "children",
    "students",
    "passengers",
    "traders",
    "miners",
    "fishermen",
}


def _only_civilians_killed(work: Work, start: int, end: int) -> bool:
    """Are the report's dead all named as civilians ("killing 6 villagers")? ACLED codes an armed group
    killing unarmed people as an attack on civilians, not a clash (out-of-fold on CASE 2021: see commit)."""
    units = [
        (f.unit or "").lower()
        for f in work.figures
        if f.measure == "killed" and start <= f.span.start and f.span.end <= end
    ]
    return bool(units) and all(u.split()[-1] in CIVILIAN_UNITS if u else False for u in units)


def _semicolon_clause(work: Work, start: int, end: int, at: int) -> tuple[int, int]:
    cuts = [start] + [m.start() for m in re.finditer(";", work.text[start:end])] + [end]
    cuts = [start] + [start + c for c in cuts[1:-1]] + [end]
    for x, y in zip(cuts, cuts[1:]):
        if x <= at < y:
            return x, y
    return start, end


def _forces_act(work: Work, a: int, b: int) -> bool:
    """Are police or soldiers the subject of a verb in tokens a..b ("police opened fire on ...")?"""
    from .actors import MILITARY, POLICE

    toks = work.parse.toks
    return any(
        (toks[k].dep == "nsubj" or (toks[k].dep == "pobj" and toks[toks[k].head].dep == "agent"))
        and toks[k].lemma.lower() in (MILITARY | POLICE | {"security"})
        for k in range(a, b)
    )


def _fatalities(
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


# The counted thing of a tally: "2 fatalities.", "3 deaths were reported": a report's (an ACLED note's)
# summary of the dead already named in it ("police shot dead 2 protesters ... 2 fatalities"), so it is
# the event's total rather than more dead to add.
TALLY_UNITS = {"fatalities", "fatality", "deaths", "death"}


# What makes a clause a running toll rather than one incident: "since October", "so far", "to date",
# "in total", "over the past four months", "during the war"; a war or a campaign as the killer
# ("Israel's war in Gaza has killed ..."); a "toll" or "total" as the counted thing.
TOLL_SUBJECTS = {
    "war",
    "conflict",
    "offensive",
    "campaign",
    "fighting",
    "violence",
    "invasion",
    "insurgency",
    "bombardment",
    "siege",
    "occupation",
    "crisis",
    "toll",
    "total",
}
TOLL_SPANS = {
    "war",
    "conflict",
    "offensive",
    "campaign",
    "invasion",
    "insurgency",
    "siege",
    "occupation",
    "month",
    "year",
    "week",
}
TOLL_VERBS = {
    "kill",
    "claim",
    "leave",
    "wound",
    "injure",
    "displace",
    "rise",
    "reach",
    "climb",
    "exceed",
    "stand",
}
TOLL_WORDS = {
    "so far": 2,
    "to date": 2,
    "in total": 2,
    "in all": 2,
    "all told": 2,
    "overall": 1,
    "cumulative": 1,
}


def cumulative(p, k: int) -> bool:
    """Does token k (a trigger or a count) sit in a clause that reports a running toll?"""
    toks = p.toks
    v = _clause_of(p, k)
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


def _clause_of(p, k: int) -> int:
    """The nearest verb at or above token k (k itself when there is none)."""
    for x in p.ancestors(k, include_self=True):
        if p.toks[x].pos in ("VERB", "AUX") and p.toks[x].dep != "amod":
            return x
    return k


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
    v = _clause_of(p, k)
    if v == _clause_of(p, anchor) or v == anchor:
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


# What a protest or riot is about: a clause or phrase headed by these ("after a student was killed",
# "over the killing of three students", "against the murder of ...") names the grievance, whose dead
# are another event's.
CAUSE_MARKS = {"after", "since", "because"}
CAUSE_PREPS = {"after", "following", "over", "against"}


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
            lem in ("kill", "murder", "behead", "assassinate", "execute", "lynch")
            or (lem == "shoot" and any(toks[c].lemma.lower() == "dead" for c in p.children[k]))
            or lem == "die"
        )
        if not dead or _irrealis(work, k, extra={"attempt", "thwart", "foil", "plot", "survive"}):
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


def _date(work: Work, start: int, end: int) -> tuple[str | None, int | None]:
    best = None
    for t in work.times:
        if t.type == "DATE" and start <= t.span.start and t.span.end <= end:
            v = t.value.upper()
            prec = (
                1
                if re.match(r"^\d{4}-\d{2}-\d{2}", v)
                else 2
                if re.match(r"^\d{4}-W\d{2}$", v)
                else 3
                if re.match(r"^\d{4}-\d{2}$", v)
                else None
            )
            if prec is not None and (best is None or prec < best[1]):
                best = (v[:10] if prec == 1 else v, prec)
            if prec == 1:
                break
    if best is not None:
        if best[1] == 2:  # ACLED codes a week-precise event on the week's first day
            y, w = best[0].split("-W")
            import datetime

            return datetime.date.fromisocalendar(int(y), int(w), 1).isoformat(), 2
        if best[1] == 3:
            return best[0] + "-01", 3
        return best
    seg = work.text[start:end]
    m = _DAY_MONTH_YEAR.search(seg)
    if m:
        return f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}", 1
    m = _MONTH_DAY_YEAR.search(seg)
    if m:
        return f"{m.group(3)}-{MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}", 1
    day = publication_day(work)
    return (day, 1) if day else (None, None)


def _place(work: Work, start: int, end: int, anchor: int) -> int | None:
    best, key = None, None
    for i, pl in enumerate(work.places):
        if not (start <= pl.span.start and pl.span.end <= end):
            continue
        if (
            pl.feature == "country"
            and pl.name != pl.span.text
            and pl.span.text[:1].isupper()
            and pl.span.text.lower().removesuffix("s").endswith(("an", "ian", "ese", "ish", "i", "ic"))
        ):
            continue  # a demonym ("Russian forces") names who acted, not where
        k = work.parse.token_at(pl.span.start)
        tok = work.parse.toks[k] if k is not None else None
        # "U.S. airstrikes", "Israel's war": a place that modifies a noun says whose, not where
        if tok is not None:  # the place name's own head ("Younis" of "Khan Younis")
            while (
                tok.dep == "compound" and work.parse.toks[tok.head].end <= pl.span.end and tok.head != tok.i
            ):
                tok = work.parse.toks[tok.head]
        modifier = (
            tok is not None
            and tok.dep in ("compound", "amod", "poss", "nmod")
            and work.parse.toks[tok.head].pos in ("NOUN", "PROPN")
            and tok.head != tok.i
            and work.parse.toks[tok.head].lemma.lower() not in PLACE_NOUNS
        )  # "Hays district" is a place
        if tok is not None and tok.dep == "nsubj" and tok.ent_type == "GPE":
            continue  # "Israel also attacked ...": a country that acts is an actor, not where it happened
        if modifier and pl.feature == "country":
            continue  # "US warplanes pounded a village": whose planes, not where they struck
        # "in Hays district (Al Hudaydah)", "Rafah city (Rafah, Gaza Strip)": a parenthesis names the areas
        # that hold the place before it, so of two places of one rank the one outside it is where
        kk = (
            modifier,
            PLACE_RANK.get(pl.feature, 2),
            _in_parens(work.text, pl.span.start, start),
            pl.lat is None,
            abs(pl.span.start - anchor),
        )
        if key is None or kk < key:
            best, key = i, kk
    return best


def _in_parens(text: str, at: int, start: int) -> bool:
    """Is offset ``at`` inside an open parenthesis (looking back no further than ``start``)?"""
    seg = text[start:at]
    return seg.rfind("(") > seg.rfind(")")


# --------------------------------------------------------------------------- ACLED CSV

ACLED_COLUMNS = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "fatalities",
    "notes",
    "source",
)
GEO_PRECISION = {"city": 1, "facility": 1, "admin": 2, "region": 3, "other": 2, "country": 3}


def acled_rows(rec) -> list[dict]:
    rows = []
    for ev in rec.events:
        pl = rec.places[ev.place] if ev.place is not None and 0 <= ev.place < len(rec.places) else None
        rows.append(
            {
                "event_date": ev.date or "",
                "event_type": ev.event_type,
                "sub_event_type": ev.sub_event_type,
                "actor1": ev.actor1.name if ev.actor1 else "",
                "actor2": ev.actor2.name if ev.actor2 else "",
                "location": pl.name if pl else "",
                "latitude": "" if pl is None or pl.lat is None else pl.lat,
                "longitude": "" if pl is None or pl.lon is None else pl.lon,
                "geo_precision": (pl.geo_precision or GEO_PRECISION.get(pl.feature, 3)) if pl else "",
                "time_precision": ev.time_precision or "",
                "fatalities": ev.fatalities or 0,
                "notes": " ".join(ev.span.text.split()),
                "source": (ev.source.name if ev.source and ev.source.name else None)
                or rec.meta.publisher
                or "",
            }
        )
    return rows


def write_acled_csv(rec, out: TextIO, header: bool) -> None:
    """Write the events of one record as ACLED-style CSV rows (the header once, when asked)."""
    w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    if header:
        w.writeheader()
    for row in acled_rows(rec):
        w.writerow(row)
