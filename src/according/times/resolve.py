"""Calendar arithmetic and the tense of a time expression's governing verb.

Directions: ``"past"`` (on or before the reference date), ``"future"`` (on or
after it), ``"near"`` (a plan told from the past, "was to meet on Monday": the nearest either
side) or ``None`` (no evidence: the caller picks its default).

Easter and the n-th weekday of a month come from python-dateutil (issue 11): equal to the
hand-written computus and weekday count they replaced for every year 1583-4099 and all
84,420 (year 1900-2100, month, weekday, n) cases. Month shifts stay two lines of integer
arithmetic: ``relativedelta(months=k)`` gave the same (year, month) for all 41 x 12 x 81
cases checked, so it would add a call and no accuracy.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import islice

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta, weekday

from ..lang.reporting import PAST_REPORT_VERBS
from ..lang.times import (
    AHEAD_OF_CLAUSE,
    AHEAD_OF_DAY_RE,
    AHEAD_OF_WORDS,
    FORWARD_LOOKING,
    FROM_DAY_PARTICIPLES,
    FUTURE_GOVERNORS,
    PLAN_INFINITIVE_GOVERNORS,
    PLANNED_AHEAD_FOR_DAY_RE,
    PLANNED_FOR_DAY_RE,
    WEEKDAYS,
)
from ..lang.verbs import (
    FUTURE_AUXILIARIES,
    MODALS,
    POSTPONE_VERBS,
    SCHEDULE_PREPOSITIONS,
    SCHEDULE_WORDS,
    STATIVE_VERBS,
)


def iso_day(d: date) -> str:
    return d.isoformat()


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def month_str(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def valid_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def weekday_date(ref: date, wd: int, direction: str | None, strict: bool = False) -> date:
    """The weekday ``wd`` (Mon=0) nearest ``ref`` in ``direction`` (past by default:
    news reports mostly what happened). ``strict`` excludes ``ref`` itself
    ("last Wednesday" said on a Wednesday is a week back)."""
    if direction == "future":
        k = (wd - ref.weekday()) % 7
        return ref + timedelta(days=k or (7 if strict else 0))
    k = (ref.weekday() - wd) % 7
    return ref - timedelta(days=k or (7 if strict else 0))


def nearest_weekday(ref: date, wd: int) -> date:
    """The weekday ``wd`` nearest ``ref`` either side (``ref`` itself if it is one; never a tie)."""
    back, ahead = weekday_date(ref, wd, "past"), weekday_date(ref, wd, "future")
    return back if (ref - back) <= (ahead - ref) else ahead


def pick_year_for_month(ref: date, month: int, direction: str | None) -> int:
    """The year of a month named without one: the most recent (past), the next
    (future), or the nearest in months (no evidence; ties go to the past)."""
    if direction == "past":
        return ref.year if month <= ref.month else ref.year - 1
    if direction == "future":
        return ref.year if month >= ref.month else ref.year + 1
    diff = month - ref.month  # -11..11; ties (6 months either way) go to the past
    if diff >= 6:
        return ref.year - 1
    if diff < -6:
        return ref.year + 1
    return ref.year


def pick_month_day(ref: date, month: int, day: int, direction: str | None) -> date | None:
    """A month and day without a year, placed like :func:`pick_year_for_month` but by days."""
    cands = [d for d in (valid_date(ref.year + k, month, day) for k in (-1, 0, 1)) if d is not None]
    return pick_date(ref, cands, direction)


def nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    """The n-th weekday ``wd`` (Mon=0) of a month; n = -1 is the last (dateutil counts back from the
    month's last day when n is negative)."""
    return date(y, month, 1) + relativedelta(day=1 if n > 0 else 31, weekday=weekday(wd)(n))


def holiday_date(rule: tuple, y: int) -> date:
    """A moving holiday's date in year ``y`` (see ``lang.times.MOVING_HOLIDAYS``)."""
    if rule[0] == "easter":
        return easter(y) + timedelta(days=rule[1])  # dateutil: Western (Gregorian) Easter Sunday
    d = nth_weekday(y, rule[0], rule[1], rule[2])
    return d + timedelta(days=rule[3]) if len(rule) > 3 else d


def pick_date(ref: date, cands: list[date], direction: str | None) -> date | None:
    """One of the candidate dates (one a year) placed like :func:`pick_month_day`."""
    if direction == "past":
        past = [d for d in cands if d <= ref]
        return max(past) if past else None
    if direction == "future":
        fut = [d for d in cands if d >= ref]
        return min(fut) if fut else None
    return min(cands, key=lambda d: (abs((d - ref).days), d > ref)) if cands else None


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def season_year(ref: date, code_month: int, direction: str | None) -> int:
    """Year of a season named without one (winter counted from December)."""
    if direction == "future":
        return ref.year if code_month + 2 >= ref.month else ref.year + 1
    if direction == "past":
        return ref.year if code_month <= ref.month else ref.year - 1
    return ref.year


def shift_value(ref: date, n: float, unit: str) -> str | None:
    """``ref`` moved by n units (negative = back), at the unit's precision:
    '20 years ago' is a year, 'three days ago' a day."""
    if n != int(n):
        return None
    n = int(n)
    if unit == "D":
        return iso_day(ref + timedelta(days=n))
    if unit == "W":
        return iso_week(ref + timedelta(weeks=n))
    if unit == "M":
        return month_str(*add_months(ref.year, ref.month, n))
    if unit == "Y":
        return f"{ref.year + n:04d}"
    if unit == "Q":
        y, m = add_months(ref.year, ref.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    return None


# ---------------------------------------------------------------- tense

_FUTURE_AUX, _STATIVE, _SCHEDULE, _MODALS = FUTURE_AUXILIARIES, STATIVE_VERBS, SCHEDULE_WORDS, MODALS


def governing_tense(
    parse, first: int, last: int, headline: bool = False, depth: int = 0, perfect_is_past: bool = True
) -> str | None:
    """'past' | 'future' | 'present' | None for the expression on tokens first..last
    (inclusive): read from the verb it attaches to; the present perfect ("has kept")
    is 'past' unless ``perfect_is_past`` is False (then 'present': "has kept the
    markets closed until Friday" still looks ahead). None when it attaches to a
    noun ("the Oct. 7 attack", "Ramadan in March") or no verb is found."""
    toks = parse.toks
    head = _expression_head(parse, first, last)
    cur = step = None  # ``step``: the token before ``cur`` on the way up
    for x in islice(parse.ancestors(head, include_self=True), 6):
        step, cur = cur, toks[x]
        if cur.head == cur.i:
            return (
                _verb_tense(parse, cur, headline, depth, perfect_is_past)
                if cur.pos in ("VERB", "AUX")
                else None
            )
        nxt = toks[cur.head]
        if nxt.pos in ("NOUN", "PROPN") and any(
            parse.toks[k].dep == "aux" and parse.toks[k].tag == "MD" for k in parse.children[nxt.i]
        ):
            # a verb the tagger took for a noun, but with its modal: "the chamber will most likely vote on
            # ... on Monday" (PolNeAR train: "vote" tagged NN under "will")
            return _verb_tense(parse, nxt, headline, depth, perfect_is_past)
        if nxt.pos in ("VERB", "AUX"):
            if _dated_by_copula(parse, nxt, cur, head, headline):
                return "present"  # "the deadline is Friday", "the vote is on Sunday": a schedule
            tense = _verb_tense(parse, nxt, headline, depth, perfect_is_past)
            prep = step if cur.dep == "advmod" and step is not None else cur  # "pushed back to March"
            if (
                nxt.tag == "VBD"
                and nxt.lemma in POSTPONE_VERBS
                and prep.dep == "prep"
                and prep.text.lower() in SCHEDULE_PREPOSITIONS
                and (nxt.lemma != "move" or any(toks[k].dep == "dobj" for k in parse.children[nxt.i]))
            ):
                return (
                    "future"  # active: "the court adjourned the case until Thursday" ("moved to" a place: no)
                )
            if nxt.tag == "VBN" and prep.dep == "prep" and prep.text.lower() in SCHEDULE_PREPOSITIONS:
                if nxt.lemma in POSTPONE_VERBS:
                    return "future"  # "the hearing was postponed until Nov. 14": the new date is ahead
                if nxt.lemma in _SCHEDULE and tense == "past":
                    # "the surgery was scheduled for Sept. 26": a plan told in the past, kept or not; the
                    # nearest such date, not the last ("Sentencing was scheduled for Jan. 5" in November)
                    return None
            return tense
        if nxt.pos in ("NOUN", "PROPN", "PRON", "NUM") and cur.dep in (
            "prep",
            "npadvmod",
            "compound",
            "nmod",
            "poss",
            "amod",
            "nummod",
        ):
            return None
        if nxt.pos == "ADJ" and nxt.lemma in FUTURE_GOVERNORS:  # "due on Friday", "likely in March"
            return "future"
    return None


def _dated_by_copula(parse, verb, step, head: int, headline: bool) -> bool:
    """Is the expression (its head token ``head``) what a present-tense "is"/"are" says of
    its subject, directly ("the deadline is Friday") or through "on" ("the vote is on
    Sunday")? Such a sentence gives a schedule. Not the subject ("Monday is a holiday"), not
    a date inside the subject ("the attack Monday is the worst"), not in a headline."""
    if headline or verb.lemma != "be" or verb.tag not in ("VBZ", "VBP"):
        return False
    deps = [parse.toks[k].dep for k in parse.children[verb.i] if k != step.i]
    if "nsubj" not in deps or "aux" in deps or "auxpass" in deps:
        return False  # "Monday is a holiday" parsed with no subject: the day may be the subject
    if step.i == head:
        return step.dep in ("attr", "npadvmod")
    return step.dep == "prep" and step.text.lower() == "on" and parse.toks[head].head == step.i


def _expression_head(parse, first: int, last: int) -> int:
    """The token of first..last (inclusive) whose head lies outside the span (or is itself)."""
    toks = parse.toks
    for i in range(first, last + 1):
        if not (first <= toks[i].head <= last) or toks[i].head == i:
            return i
    return last


def clause_tense(parse, first: int, last: int, after_cue: bool = False) -> str | None:
    """'past', 'future' or None for an expression on tokens first..last that attaches to a noun
    ("for a March 21 phone call"): 'past' when the verb of the clause the noun phrase
    belongs to is in the past tense ("was arrested in April for a March 21 phone call")
    and no word on the way up looks ahead ("ahead of the March 21 vote"); a past-tense
    report of an earlier event. 'future' when that verb has "will" or "shall" ("Monday's
    debate will be his first"). Present clauses give None (no evidence). ``after_cue``:
    the caller has read the word before the expression ("before Tuesday's primary") and asks only
    for the clause's tense, so such a word on the way up does not stop the search."""
    toks = parse.toks
    head = _expression_head(parse, first, last)
    cur = toks[head]
    for _ in range(8):
        if any(
            toks[k].text.lower() in AHEAD_OF_CLAUSE for k in parse.children[cur.i] if not first <= k <= last
        ):
            return None
        if cur.head == cur.i:
            return None
        nxt = toks[cur.head]
        ahead = nxt.text.lower() in AHEAD_OF_CLAUSE or nxt.lemma.lower() in AHEAD_OF_CLAUSE
        if ahead and not (after_cue and nxt.dep == "prep" and nxt.i == first - 1):
            return None
        if nxt.pos in ("VERB", "AUX"):
            if _verb_tense(parse, nxt, False, 0, perfect_is_past=False) == "past":
                return "past"
            # "will"/"shall" only, not any modal: "Monday's debate might not move mountains" is told after it
            will = any(
                parse.toks[k].dep == "aux"
                and parse.toks[k].text.lower().replace("\u2019", "'") in _FUTURE_AUX
                for k in parse.children[nxt.i]
            )
            return "future" if will else None
        cur = nxt
    return None


def reported_weekday(parse, first: int, last: int) -> tuple[int, bool] | None:
    """The weekday (Mon=0) of the past-tense verb whose complement holds the expression on tokens
    first..last, when that verb names its own day: in "officials said Monday the vote would take
    place Tuesday" the Tuesday is counted from the Monday of the saying, not from publication (a
    Wednesday: the Tuesday gone, not the next). With it, whether that day was given as "last
    Monday" (a week further back). None when the expression's clause is no complement of such a
    verb or the verb has no weekday of its own."""
    toks = parse.toks
    cur = toks[_expression_head(parse, first, last)]
    for _ in range(6):  # up to the expression's own verb
        if cur.pos in ("VERB", "AUX") or cur.head == cur.i:
            break
        cur = toks[cur.head]
    if cur.pos not in ("VERB", "AUX"):
        return None
    for _ in range(4):  # up the chain of complements ("said it expected to close the deal Friday")
        if cur.dep not in ("ccomp", "xcomp") or cur.head == cur.i:
            return None
        gov = toks[cur.head]
        if gov.pos not in ("VERB", "AUX"):
            return None
        told_past = gov.tag == "VBD" or any(
            toks[k].dep in ("aux", "auxpass") and toks[k].tag == "VBD" for k in parse.children[gov.i]
        )
        if told_past:
            return _own_weekday(parse, gov, first, last)
        cur = gov
    return None


def ahead_of_day(parse, first: int, last: int) -> bool:
    """Is the expression on tokens first..last the object, near or deep, of "ahead of" / "in advance of" /
    "in the run-up to" ("ahead of the Iowa caucuses on Monday", "ahead of voting Tuesday")? Read on the
    way up to the clause's verb; a gerund that is a preposition's object ("voting") is passed through."""
    toks = parse.toks
    cur = toks[_expression_head(parse, first, last)]
    for _ in range(8):
        if cur.head == cur.i:
            return False
        nxt = toks[cur.head]
        if nxt.text.lower() in AHEAD_OF_WORDS:
            return True
        if nxt.pos in ("VERB", "AUX") and nxt.dep not in ("pcomp", "pobj"):
            return False
        cur = nxt
    return False


_AHEAD_OF_DAY = re.compile(AHEAD_OF_DAY_RE)
_PLANNED_FOR_DAY = re.compile(PLANNED_FOR_DAY_RE)
_PLANNED_AHEAD_FOR_DAY = re.compile(PLANNED_AHEAD_FOR_DAY_RE)


def day_ahead_cue(ctx, start: int) -> str | None:
    """ "ahead" before "ahead of Tuesday's vote", "planned" before "a rally planned for Wednesday"
    (``lang.times.AHEAD_OF_DAY_RE``, ``PLANNED_AHEAD_FOR_DAY_RE``: "ahead"; ``PLANNED_FOR_DAY_RE``), else None."""
    before = ctx.text[max(0, start - 40) : start]
    if _AHEAD_OF_DAY.search(before):
        return "ahead"
    if _PLANNED_AHEAD_FOR_DAY.search(before):
        return "ahead"
    if _PLANNED_FOR_DAY.search(before):
        return "planned"
    return "ahead" if ctx.ahead_of(start, start + 1) else None


def day_ahead(ctx, m, wd: int, cue: str):
    """The day a thing is ahead of or planned for, whatever the clause's tense: after the clause's own
    day when it names one in the past ("rose Monday ahead of Tuesday's report"), else on or after
    publication ("ahead of"), or the nearest such day either side (a plan "for" a day)."""
    own = ctx.clause_weekday(m.start(), m.end())
    if own is not None:
        said_on = weekday_date(ctx.dct, own[0], "past", strict=own[1])
        return weekday_date(said_on, wd, "future", strict=True)
    if cue == "ahead":
        return weekday_date(ctx.dct, wd, "future")
    return nearest_weekday(ctx.dct, wd)


def clause_weekday(parse, first: int, last: int) -> tuple[int, bool] | None:
    """The weekday of the past-tense verb of the clause that holds the expression on tokens first..last
    ("police were deployed on Monday ahead of Thursday's march": Monday), as :func:`_own_weekday` gives
    it; None when the clause is not told in the past or its verb names no day."""
    toks = parse.toks
    cur = toks[_expression_head(parse, first, last)]
    for _ in range(8):
        if cur.head == cur.i:
            break
        cur = toks[cur.head]
        if cur.pos in ("VERB", "AUX"):
            break
    if cur.pos not in ("VERB", "AUX"):
        return None
    told_past = cur.tag == "VBD" or any(
        toks[k].dep in ("aux", "auxpass") and toks[k].tag == "VBD" for k in parse.children[cur.i]
    )
    return _own_weekday(parse, cur, first, last) if told_past else None


def _own_weekday(parse, verb, first: int, last: int) -> tuple[int, bool] | None:
    """A weekday hanging on ``verb`` itself ("said Monday", "said on Monday", "On Monday, he
    said"), outside tokens first..last: (its index, told as "last <day>")."""
    toks = parse.toks
    for k in parse.children[verb.i]:
        if first <= k <= last:
            continue
        day = toks[k]
        if day.dep == "prep" and day.text.lower() == "on":
            objects = [toks[c] for c in parse.children[k] if toks[c].dep == "pobj"]
            if not objects:
                continue
            day = objects[0]
        elif day.dep != "npadvmod":
            continue
        wd = WEEKDAYS.get(day.text.rstrip(".").lower())
        if wd is not None and day.text[:1].isupper():
            last_one = any(toks[c].text.lower() in ("last", "past") for c in parse.children[day.i])
            return wd, last_one
    return None


def looks_ahead(parse, first: int, last: int) -> bool:
    """Does a word on the way from tokens first..last up to their clause's verb (that verb
    included, and the words hanging on each step) put the thing dated ahead ("investors
    await Friday's report", "an expected announcement Friday")? See ``FORWARD_LOOKING``."""
    toks = parse.toks

    def forward(t) -> bool:
        return t.text.lower() in FORWARD_LOOKING or t.lemma.lower() in FORWARD_LOOKING

    cur, ahead, through_infinitive = toks[_expression_head(parse, first, last)], False, False
    for _ in range(8):
        ahead = ahead or any(forward(toks[k]) for k in parse.children[cur.i] if not first <= k <= last)
        if cur.head == cur.i:
            return ahead
        nxt = toks[cur.head]
        ahead = ahead or forward(nxt)
        if nxt.pos in ("VERB", "AUX") and nxt.tag == "VB" and nxt.head != nxt.i:
            if any(toks[k].dep == "aux" and toks[k].tag == "TO" for k in parse.children[nxt.i]):
                # a "to" infinitive: the verb it hangs on says ("expect Clinton to win Monday's debate"); one
                # that is itself a plan ("is to testify before the committee on Thursday", "is set to sign
                # the bill at a ceremony on Friday": the day hung on the noun by the parser) looks ahead
                gov = toks[nxt.head]
                ahead = (
                    ahead
                    or gov.text.lower() in PLAN_INFINITIVE_GOVERNORS
                    or (gov.lemma == "be" and gov.tag in ("VBZ", "VBP"))
                )
                cur, through_infinitive = nxt, True
                continue
        if nxt.pos in ("VERB", "AUX"):
            # a clause told in the past keeps the thing in the past ("investors awaited Friday's report")
            told_past = nxt.tag == "VBD" or any(
                toks[k].dep in ("aux", "auxpass") and toks[k].tag == "VBD" for k in parse.children[nxt.i]
            )
            # a condition in the present is still to come ("if he follows up with a victory in the state on
            # Saturday", "if there is a close election on Tuesday"; PolNeAR train files 400-840, 2 of 2 right). Its
            # own verb only: "if you want to understand Thursday night's debate" is a generic condition (files
            # 0-400: the Thursday gone)
            condition = (
                not through_infinitive
                and nxt.tag in ("VBZ", "VBP")
                and any(
                    toks[k].dep == "mark" and toks[k].text.lower() in ("if", "unless")
                    for k in parse.children[nxt.i]
                )
            )
            return (ahead or condition) and not told_past
        cur = nxt
    return ahead


def _reports_a_thing(parse, kids) -> bool:
    """A reporting verb with a noun for its object and no clause ("the company reports earnings
    Thursday", "Apple announces its results on Tuesday"): the present tense schedules an event, it
    does not report a past saying as "X says Monday" does."""
    deps = {k.dep for k in kids}
    if deps & {"ccomp", "xcomp", "advcl", "parataxis"}:
        return False
    return any(k.dep == "dobj" and k.pos in ("NOUN", "PROPN") for k in kids)


def _verb_tense(parse, v, headline: bool, depth: int, perfect_is_past: bool = True) -> str | None:
    kids = [parse.toks[k] for k in parse.children[v.i]]
    aux = [k for k in kids if k.dep in ("aux", "auxpass")]
    # "he’ll", "she’d": news text writes contractions with the typographic apostrophe too
    low = {k.text.lower().replace("\u2019", "'") for k in aux}
    if low & _FUTURE_AUX or v.text.lower().replace("\u2019", "'") in _FUTURE_AUX:
        return "future"
    if low & _MODALS:
        if v.tag == "VBN" and low & {"have", "'ve"}:
            return "past"  # a perfect modal looks back: "may have been killed on Monday", "would have been"
        if (
            low & {"would", "could"}
            and v.dep not in ("ccomp", "xcomp", "advcl", "conj")
            and any(k.dep == "neg" for k in kids)
            and not any(k.dep == "parataxis" for k in kids)
        ):
            # a refusal or failure told as news ("Schumer wouldn't say Tuesday how ...", "representatives could
            # not be reached for comment Saturday"): the past of "will not" / "cannot", not a plan (PolNeAR train:
            # these 2, in files 400-840; none in 0-400). Not in a complement or before a reporting clause ("said it
            # would not reopen until Monday", "would not attend Friday's summit, his office said")
            return "past"
        return "future"
    # an infinitive, active ("is to meet on Friday") or passive ("is to be held on Nov. 20": the participle
    # with "to" and a bare "be"); not a perfect one ("is said to have been killed on Monday")
    passive_infinitive = v.tag == "VBN" and any(k.dep == "auxpass" and k.tag == "VB" for k in aux)
    if (v.tag == "VB" or passive_infinitive) and any(k.tag == "TO" for k in aux):
        gov = parse.toks[v.head]
        if gov.lemma == "be" and gov.i != v.i and gov.tag == "VBD":
            # "was to arrive on Monday", "ministers were to meet Thursday": a plan seen from the past, kept or
            # not; the nearest such day, not the next (PolNeAR train: "Netanyahu was to arrive at the White
            # House on Monday", published the Tuesday after)
            return "near"
        if gov.lemma.lower() in FUTURE_GOVERNORS or gov.text.lower() in ("going", "set", "due", "about"):
            if gov.pos in ("VERB", "AUX") and (
                gov.tag == "VBD"
                or any(
                    parse.toks[k].dep in ("aux", "auxpass") and parse.toks[k].tag == "VBD"
                    for k in parse.children[gov.i]
                )
            ):
                # the plan, wish or threat told in the past ("was scheduled to leave late Tuesday", "sought to
                # appeal to voters on Tuesday", "threatened to walk out Thursday night"): as "was to", the
                # nearest such day. PolNeAR train, read: files 400-840 (where it was seen) 5 changed, files 0-400 4
                # ("was set to receive an endorsement on Friday", "agreed to allow ... in late November"), all 9
                # right
                return "near"
            return "future"
        if gov.lemma == "be" and gov.i != v.i:  # "is to meet on Friday"
            return "future"
        if headline and (
            (gov.i == v.i and any(parse.toks[k].dep.startswith("nsubj") for k in parse.children[v.i]))
            or (v.dep in ("acl", "relcl") and gov.head == gov.i and gov.pos in ("NOUN", "PROPN"))
        ):
            # headline style, "to" for "will": "Obama to visit Japan on Monday", "Talks to resume Friday"
            # (the parser hangs the infinitive on the headline's noun)
            return "future"
        if depth < 2 and gov.i != v.i and gov.pos in ("VERB", "AUX", "ADJ"):
            return _verb_tense(parse, gov, headline, depth + 1, perfect_is_past)
        return None
    if v.tag == "VB" and not aux and v.dep == "conj" and depth < 2 and v.head != v.i:
        # a bare verb joined by "and" is finite: the first verb's "will" if it has one ("will close Monday
        # and reopen Tuesday"), else the present ("were closed Monday and reopen Tuesday": a schedule)
        first = _verb_tense(parse, parse.toks[v.head], headline, depth + 1, perfect_is_past)
        return "future" if first == "future" else ("past" if headline else "present")
    if (
        v.tag == "VBG"
        and not aux
        and v.dep in ("advcl", "prep")
        and v.lemma in FROM_DAY_PARTICIPLES
        and depth < 2
        and v.head != v.i
        and parse.toks[v.head].pos in ("VERB", "AUX")
    ):
        # "beginning" / "starting" a day has the tense of its clause: "will air beginning Friday", "Starting
        # Tuesday, the race will heat up" (PolNeAR train: the Friday gone before). Only these: any participle
        # adjunct ("speaking Tuesday", "following ...") cost a MEANTIME sealed value
        return _verb_tense(parse, parse.toks[v.head], headline, depth + 1, perfect_is_past)
    tags = {v.tag} | {k.tag for k in aux}
    if v.tag == "VBN" and v.lemma in _SCHEDULE and "VBD" not in tags:
        return "future"  # "the summit, scheduled for Friday", "talks are planned for March"
    if "VBD" in tags:
        return "past"
    if (
        v.tag == "VBN"
        and not aux
        and not perfect_is_past
        and depth < 2
        and v.head != v.i
        and parse.toks[v.head].pos in ("VERB", "AUX")
    ):
        # "kept the markets closed until Friday": the participle takes the tense of the verb it complements
        return _verb_tense(parse, parse.toks[v.head], headline, depth + 1, perfect_is_past)
    if v.tag == "VBN" and (not aux or any(k.lemma == "have" for k in aux)):
        return "past" if perfect_is_past or not aux else "present"
    if tags & {"VBZ", "VBP"} or (v.tag == "VBG" and aux):
        if headline or (v.lemma in PAST_REPORT_VERBS and not _reports_a_thing(parse, kids)):
            return "past"  # headlines and "X says Monday" report the past
        phrasal = any(k.dep == "prt" for k in kids)  # "the report comes out Thursday": an event
        if v.lemma in _STATIVE and v.tag != "VBG" and not phrasal:  # "the attack Monday is the worst"
            return None
        return "present"  # "talks resume Friday", "they are meeting Friday": a schedule
    return None
