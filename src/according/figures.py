"""Figures: every count a claim rests on ("more than 28,500 people killed").

A figure is a count of people or things, found from the parse:

* **number** — digits ("28,500", "1.4 million"), words ("seven", "twenty-five",
  "a dozen"), ranges ("between 5,000 and 7,000", "5,000-7,000", "5,000 to 7,000").
* **not figures** — years, dates, clock times, durations, ages, ordinals,
  percentages, money and measurements (spaCy's DATE/TIME/PERCENT/MONEY/ORDINAL
  entities, and numbers counting time or measure units such as "days", "km",
  "-year-old"): the issue asks for counts of people/things only, and money and
  percentages carry a different kind of claim. A number with neither a counted
  noun nor a measure ("one of its hospitals") is not a figure either, nor a tally
  or score ("a 5-4 decision", "an 80-19 vote": a dashed pair whose second number
  is no greater), the base of a proportion ("eight of 10 avocados", "one in five
  voters", "one of every nine"; "one of two plants" stays a count) or an age set
  off after a person's name ("Crutcher, 40, a father").
* **qualifier** — the words before the number: more_than ("more than", "over"),
  at_least ("at least", "no fewer than"), nearly ("nearly", "almost", "close to"),
  about ("about", "around", "some", "an estimated"), up_to ("up to", "as many as",
  "fewer/less than"), between (a range), exactly (nothing, or "exactly").
  ``value`` is the stated number; ``low`` is set for at_least / more_than (the
  number itself), ``high`` for up_to / nearly; a range has ``value`` null and
  ``low``/``high``.
* **vague quantities** keep ``value`` null. Convention (the most conservative
  reading of the plural, as ACLED reads vague counts conservatively): "dozens" →
  low 24 (at least two dozen), "scores of" → low 40, "hundreds" → low 200,
  "thousands" → low 2,000, "tens of thousands" → low 20,000, "hundreds of
  thousands" → low 200,000, "millions" → low 2,000,000, "several" → low 3,
  "several hundred" → low 300, "a few thousand" → low 2,000; ``high`` stays null. "a dozen" is the number 12. (The events stage applies
  ACLED's own fatality codes instead: "dozens" = 12, "several"/"many" = 10,
  "hundreds" = 100.)
* **unit** — the counted noun with its compounds ("people", "troops", "service
  members"), through "of" ("232 of its troops", "dozens of militants"); an
  elided head ("killed 28,500 people and wounded nearly 70,000") takes the unit
  of the previous figure in the sentence, else "people" when a casualty measure
  governs it.
* **not claims** — a small number (under 10) after a definite word, with no measure
  ("the two sides", "her two sons"): a known set, not a count anyone vouches for.
* **rates** — "about 800 people a day" keeps its value; the unit says the rate
  ("people per day").
* **measure** — what happened to them, from the noun's own clause ("hostages
  held by Hamas"), the verb governing it ("were killed", "wounded nearly
  70,000"), an adjective ("displaced people") or the noun itself ("hostages"),
  normalised (killed, wounded, missing, displaced, held, released, freed, arrested,
  detained, evacuated, sheltering, abducted...).
* **source** — the speaker of the quote whose content holds the figure (with
  ``quote`` = its id; in a mixed quote only its quoted words and the clauses its cue
  reports, not the outlet's framing around a quoted word); failing that an attribution in the same clause ("...,
  Israel says", "according to the Gaza Health Ministry"); null when the outlet
  says it itself.
* **when** — a DATE of the figure's clause or of its attribution, else the publication
  date ("as of"); a "since ..." date starts a running count and is not its when; **where** — the nearest place mentioned in the sentence.

Malformed numbers ("1,2,3") and absurdly large ones are dropped with an entry in
``errors``; nothing here raises on odd input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .claims import attribution_cues, claim_at, source_at  # noqa: F401 - also imported from here by events
from .lang.figures import (
    CASUALTY_MEASURES,
    CURRENCY_WORDS,
    DEFINITE_WORDS,
    INHERENT_MEASURES,
    INTRANSITIVE_MEASURES,
    LOST_PEOPLE,
    MEASURES,
    NON_UNITS,
    QUALIFIERS,
    RATE_UNITS,
    SHELTER_OBJECTS,
    VAGUE_COUNTS,
    VAGUE_OF,
    VAGUE_TIMES,
)
from .lang.numbers import CARDINALS, SCALES, number_value
from .model import Figure, Span
from .nlp import Parse, Tok
from .pipeline import Work, stage

NOT_FIGURE_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"}
MAX_VALUE = 1e13  # beyond any count of people or things in news: treat as a parse error
SUBJ_OBJ = {"nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative"}
_RANGE_TOKEN = re.compile(r"^(\d[\d,.]*)[-–](\d[\d,.]*)$")


@stage(
    "figures",
    requires=(
        "parse",
        "quotes",
        "times",
        "places",
    ),
    assigns=("figures",),
)
def find_figures(work: Work) -> dict:
    found = []
    for s in work.parse.sents:
        try:
            found.extend(_sentence_figures(work, s))
        except Exception as exc:  # noqa: BLE001 - one odd sentence costs only that sentence
            work.fail("figures", f"sentence at {s.start_char}: {type(exc).__name__}: {exc}", exc)
    figures = tuple(Figure(id=f"f{k}", **f) for k, f in enumerate(found, 1))
    return {"figures": figures}


# --------------------------------------------------------------------------- numbers


def _tidy(x: float | None):
    if x is None:
        return None
    return int(round(x)) if abs(x - round(x)) < 1e-9 else round(x, 6)


def _is_num_tok(t: Tok) -> bool:
    w = t.text.lower()
    return (
        w in CARDINALS
        or w in SCALES
        or (t.like_num and any(c.isdigit() for c in w))
        or bool(_RANGE_TOKEN.match(w))
    )


def _joins_run(prev: Tok, nxt: Tok) -> bool:
    """Does ``nxt`` continue the number that ``prev`` is part of? Number words combine as
    written ("two hundred", "twenty five", "1.4 million", "3 thousand"); a numeral never
    continues another number: "roughly 400 737 Max jets" is 400 (of the 737 Max), "five 787
    Dreamliner sales" is five, never their sum."""
    n, p = nxt.text.lower(), prev.text.lower()
    if n in SCALES:
        return True
    if n in CARDINALS:  # "twenty-five", "two hundred and five": the joiner was admitted by the caller
        return p in CARDINALS or p in SCALES or p in ("-", "and")
    return False


def _model_number(toks: Sequence[Tok], i: int, sent_start: int) -> bool:
    """Is the numeral at ``i`` part of a name (an aircraft, a weapon, a product) rather than
    a count? "A350-900" and "MiG-29" (glued by a hyphen to a word with letters), "Boeing 737"
    (right after a capitalised proper noun that is not a date), "400 737 Max jets" (right
    after another number: the first counts, the second names), or a PRODUCT entity."""
    t = toks[i]
    if not any(c.isdigit() for c in t.text):
        return False
    if t.ent_type == "PRODUCT":
        return True
    if i - sent_start >= 2 and toks[i - 1].text in ("-", "–") and not toks[i - 1].ws and not toks[i - 2].ws:
        glued = toks[i - 2].text
        if any(c.isalpha() for c in glued) and any(c.isdigit() for c in glued):
            return True  # "A350-900"
        if (
            glued.isalpha()
            and glued[:1].isupper()
            and len(glued) <= 4
            and toks[i - 2].ent_type not in NOT_FIGURE_ENTS
        ):
            return True  # "MiG-29", "F-16", "Su-25"
    if i > sent_start:
        before = toks[i - 1]
        if _is_num_tok(before) and before.ws and not _joins_run(before, t):
            return True  # "400 737 Max jets", "five 787 Dreamliner sales"
        if (
            before.pos == "PROPN"
            and before.text[:1].isupper()
            and before.ent_type not in NOT_FIGURE_ENTS
            and before.text.lower() not in ("no.", "number")
            and i - 1 > sent_start
        ):
            return True  # "Boeing 737", "Apollo 11"
    return False


def _excluded(p: Parse, a: int, b: int) -> bool:
    """Numbers that are dates, times, money, percentages, ages, measurements or ordinals."""
    toks = p.toks
    if any(toks[k].ent_type in NOT_FIGURE_ENTS for k in range(a, b)):
        return True
    if any(":" in toks[k].text or "/" in toks[k].text for k in range(a, b)):
        return True
    if a > 0 and (
        toks[a - 1].text.lower() in CURRENCY_WORDS or toks[a - 1].text.lower() in ("no.", "number", "#")
    ):
        return True
    nxt = [toks[k].text.lower() for k in range(b, min(b + 3, len(toks)))]
    if nxt and (nxt[0] in NON_UNITS or (nxt[0] in ("-", "–") and len(nxt) > 1 and nxt[1] in NON_UNITS)):
        return True
    if nxt and re.match(r"^(st|nd|rd|th)$", nxt[0]):
        return True
    if _is_denominator(toks, a, b):
        return True
    if _is_age_after_name(toks, a, b):
        return True
    if (
        b - a == 1
        and toks[a].text.lower() == "one"
        and a > 0
        and toks[a - 1].text.lower() in ("no", "any", "every", "each", "this", "that", "which", "the")
    ):
        return True  # "no one was killed", "the one who..."
    if b - a == 1:
        w = toks[a].text
        if re.fullmatch(r"1[89]\d\d|20\d\d", w) and not (nxt and toks[b].tag == "NNS"):
            return True  # a bare year
        if re.fullmatch(r"\d+(st|nd|rd|th)", w.lower()):
            return True
    return False


def _is_denominator(toks: Sequence[Tok], a: int, b: int) -> bool:
    """The base of a proportion: "eight of 10 avocados", "nine in 10 voters", "one in five voters",
    "one of every nine voters" (a share of a base, not a count of avocados). A set one belongs to
    stays a count: "one of two plants", "one of three soldiers killed"; so "of" needs "every" or a
    base of 10, 100, 1,000 with a share above one, and the share is always below the base."""
    k, every = a - 1, False
    if k >= 0 and toks[k].text.lower() == "every":
        k, every = k - 1, True
    if k < 1 or toks[k].text.lower() not in ("of", "in") or not _is_num_tok(toks[k - 1]):
        return False
    share, base = number_value([toks[k - 1].text]), number_value([toks[j].text for j in range(a, b)])
    if share is None or base is None or share >= base:
        return False
    round_base = base in (10, 100, 1000)
    if toks[k].text.lower() == "in":
        return every or round_base or share == 1
    return every or (round_base and share > 1)


def _is_age_after_name(toks: Sequence[Tok], a: int, b: int) -> bool:
    """A person's age set off by commas or dashes after the name: "Terence Crutcher, 40, a father"."""
    if b - a != 1 or a < 2 or toks[a - 1].text != "," or not toks[a].text.isdigit():
        return False
    if (
        not 0 < int(toks[a].text) < 120
        or b >= len(toks)
        or toks[b].text not in (",", "-", "–", "—", "―", ")")
    ):
        return False
    return toks[a - 2].ent_type == "PERSON"


# --------------------------------------------------------------------------- one sentence


def _sentence_figures(work: Work, s) -> list[dict]:
    p = work.parse
    toks = p.toks
    out: list[dict] = []
    i = s.start
    prev_unit = None
    while i < s.end:
        t = toks[i]
        w = t.text.lower()
        got = None
        # vague quantities: "tens of thousands", "dozens", "hundreds", "several"
        if (
            w in ("tens", "hundreds")
            and i + 2 < s.end
            and toks[i + 1].text.lower() == "of"
            and (w, toks[i + 2].text.lower()) in VAGUE_OF
        ):
            got = (i, i + 3, None, VAGUE_OF[(w, toks[i + 2].text.lower())], None, True)
        elif (
            w in VAGUE_COUNTS
            and (w != "scores" or (i + 1 < s.end and toks[i + 1].text.lower() == "of"))
            and not (i > s.start and _is_num_tok(toks[i - 1]))
            and toks[i].ent_type not in NOT_FIGURE_ENTS
        ):
            if w != "several" or (t.head > i and toks[t.head].tag in ("NNS", "NNPS")):
                got = (i, i + 1, None, VAGUE_COUNTS[w], None, True)
        elif _is_num_tok(t) and _model_number(toks, i, s.start):
            # "Boeing 737-800", "A350-900", the 737 of "400 737 Max jets": a name, not a count
            j = i + 1
            while j < s.end and (_is_num_tok(toks[j]) or toks[j].text in ("-", "–")) and not toks[j - 1].ws:
                j += 1
            i = j
            continue
        elif _is_num_tok(t) and not (
            w in ("one", "a") and i + 1 < s.end and toks[i + 1].text.lower() == "of"
        ):
            j = i + 1
            while j < s.end and (
                (_is_num_tok(toks[j]) and _joins_run(toks[j - 1], toks[j]))
                or (
                    toks[j].text in ("-", "and")
                    and j + 1 < s.end
                    and toks[j + 1].text.lower() in CARDINALS
                    and toks[j - 1].text.lower() in CARDINALS
                )
            ):
                j += 1
            if i > s.start and toks[i - 1].text.lower() == "a" and toks[i].text.lower() in SCALES:
                i -= 1  # "a dozen", "a hundred"
            if (
                i > s.start
                and toks[i - 1].text.lower() in VAGUE_TIMES
                and j - i == 1
                and toks[i].text.lower() in SCALES
            ):
                # "several hundred" = at least 3 x 100, "a few thousand" = at least 2 x 1,000 (vague)
                got = (
                    i - 1,
                    j,
                    None,
                    VAGUE_TIMES[toks[i - 1].text.lower()] * SCALES[toks[i].text.lower()],
                    None,
                    True,
                )
            elif (tally_end := _tally_end(toks, i, j, s.end)) is not None:
                i = tally_end  # "a 5-4 decision", "won 3-1": both numbers are a tally, neither a count
                continue
            else:
                got = _plain_number(work, i, j)
            if got is None:
                i = j
                continue
        if got is None:
            i += 1
            continue
        a, b, value, low, high, vague = got
        if _excluded(p, a, b):
            i = b
            continue
        fig = _build(work, s, a, b, value, low, high, vague, prev_unit)
        if fig is not None:
            out.append(fig)
            prev_unit = fig["unit"]
        i = fig.pop("_end") if fig is not None else b
    return out


def _plain_number(work: Work, a: int, b: int):
    """(a, b, value, low, high, vague) for a digit/word run, ranges merged; None (and an error) if malformed."""
    toks = work.parse.toks
    words = [toks[k].text for k in range(a, b)]
    m = _RANGE_TOKEN.match(words[0]) if len(words) == 1 else None
    if m:
        lo, hi = number_value([m.group(1)]), number_value([m.group(2)])
        if lo is None or hi is None:
            return _drop(work, a, b)
        if hi <= lo:
            return None  # "an 80-19 vote", "a 5-4 decision": a tally or score, not a count
        return (a, b, None, _tidy(lo), _tidy(hi), False)
    value = number_value(words)
    if value is None:
        if any(c.isdigit() for c in "".join(words)):
            return _drop(work, a, b)
        return None
    if value > MAX_VALUE:
        return _drop(work, a, b, "too large")
    # a range: "5,000 to 7,000", "5,000 and 7,000" (after "between"), "5,000-7,000"
    n = len(toks)
    if (
        b + 1 < n
        and toks[b].text.lower() in ("to", "-", "–", "and")
        and _is_num_tok(toks[b + 1])
        and toks[b + 1].sent == toks[a].sent
    ):
        c = b + 1
        while c < n and _is_num_tok(toks[c]) and toks[c].sent == toks[a].sent:
            c += 1
        hi = number_value([toks[k].text for k in range(b + 1, c)])
        is_between = a > 0 and toks[a - 1].text.lower() == "between"
        if (
            hi is not None
            and hi <= MAX_VALUE
            and (toks[b].text.lower() != "and" or is_between)
            and hi > value
            and not _excluded(work.parse, b + 1, c)
        ):
            # "2 to 3 million": the scale of the second number applies to the first
            if hi / max(value, 1e-9) > 100 and value < 1000:
                value *= _scale_of(toks, b + 1, c)
            return (a, c, None, _tidy(value), _tidy(hi), False)
    return (a, b, _tidy(value), None, None, False)


def _tally_end(toks: Sequence[Tok], a: int, b: int, sent_end: int) -> int | None:
    """The end of a tally or score written with a dash ("80-19", "5-4", "4-4") whose second number is
    no greater than its first (a range runs upwards), or None."""
    if not (b + 1 < sent_end and toks[b].text in ("-", "–") and not toks[b - 1].ws and not toks[b].ws):
        return None
    if not _is_num_tok(toks[b + 1]) or "-" in toks[b + 1].text:
        return None
    first, second = number_value([toks[k].text for k in range(a, b)]), number_value([toks[b + 1].text])
    if first is None or second is None or second > first:
        return None
    return b + 2


def _scale_of(toks, a: int, b: int) -> float:
    for k in range(a, b):
        if toks[k].text.lower() in SCALES:
            return SCALES[toks[k].text.lower()]
    return 1.0


def _drop(work: Work, a: int, b: int, why: str = "not a number"):
    toks = work.parse.toks
    start, end = toks[a].start, toks[b - 1].end
    work.note("figures", f"dropped {work.text[start:end]!r} at {start}: {why}")
    return None


# --------------------------------------------------------------------------- unit, measure, source


def _unit(p: Parse, a: int, b: int) -> tuple[int | None, int]:
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


def _unit_text(p: Parse, n: int) -> str:
    toks = p.toks
    a = n
    while (
        a - 1 >= 0 and toks[a - 1].dep == "compound" and toks[a - 1].head == n and toks[a - 1].pos == "NOUN"
    ):
        a -= 1
    words = [toks[k].text if toks[k].pos == "PROPN" else toks[k].text.lower() for k in range(a, n + 1)]
    return " ".join(words)


def _measure(p: Parse, noun: int | None, head: int) -> str | None:
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


def _qualifier(p: Parse, a: int, low_bound: int) -> tuple[str | None, int]:
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


def _when(work: Work, s, a: int, cue_verb: int | None) -> str | None:
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


def nearest(items, s, start: int, end: int, exclude=(), skip=None) -> int | None:
    """Index of the item (anything with .span) inside sentence s nearest to [start, end)."""
    best, best_d = None, None
    for k, it in enumerate(items):
        sp = it.span
        if not (s.start_char <= sp.start and sp.end <= s.end_char) or (skip is not None and skip(it)):
            continue
        if any(sp.start < e and x < sp.end for x, e in exclude):
            continue
        d = 0 if (sp.start < end and start < sp.end) else min(abs(sp.start - end), abs(start - sp.end))
        if best_d is None or d < best_d:
            best, best_d = k, d
    return best


def publication_day(work: Work) -> str | None:
    pub = work.meta.published if work.meta else None
    if isinstance(pub, str) and re.match(r"^\d{4}-\d{2}-\d{2}", pub):
        return pub[:10]
    return None


def _build(
    work: Work, s, a: int, b: int, value, low, high, vague: bool, prev_unit: str | None
) -> dict | None:
    p = work.parse
    toks = p.toks
    noun, head = _unit(p, a, b)
    if noun is not None and (
        toks[noun].text.lower() in NON_UNITS
        or toks[noun].lemma.lower() in NON_UNITS
        or toks[noun].ent_type in NOT_FIGURE_ENTS - {"ORDINAL"}
    ):
        return None
    measure = _measure(p, noun, head)
    if noun is not None:
        unit = _unit_text(p, noun)
    elif prev_unit is not None and toks[head].dep in SUBJ_OBJ | {"conj", "pobj"}:
        unit = prev_unit  # elided head: "... and wounded nearly 70,000"
    elif measure in CASUALTY_MEASURES:
        unit = "people"
    else:
        return None
    if value == 1 and measure is None and b - a == 1 and toks[a].text.lower() in ("one", "a", "an"):
        return None  # "one resident described...": an article, not a claim resting on a count
    if (
        value is not None
        and value < 10
        and measure is None
        and a > s.start
        and toks[a - 1].text.lower() in DEFINITE_WORDS
    ):
        return None  # "the two sides", "her two sons"
    if (
        noun is not None
        and noun + 2 < s.end
        and toks[noun + 1].text.lower() in ("a", "per", "each", "every")
        and toks[noun + 2].lemma.lower() in RATE_UNITS
    ):
        unit = f"{unit} per {toks[noun + 2].lemma.lower()}"  # a rate: "about 800 people a day"
    qual, fstart = _qualifier(p, a, s.start)
    if low is not None and high is not None:
        qual = "between"
    elif vague:
        qual = None
    else:
        if qual == "between":
            qual = None
        qual = qual or "exactly"
        if qual in ("at_least", "more_than"):
            low = value
        elif qual in ("up_to", "nearly"):
            high = value
    end_tok = b
    if noun is not None and noun >= b and noun - b <= 4:
        end_tok = noun + 1
    start, end = toks[fstart].start, toks[end_tok - 1].end
    claim = claim_at(work, s, toks[a].start, toks[b - 1].end)
    source, quote, source_verb = claim.speaker, claim.quote, claim.cue_token
    src_spans: list[Span] = []
    when = _when(work, s, a, source_verb) or publication_day(work)
    where = nearest(
        work.places,
        s,
        start,
        end,
        exclude=src_spans,
        skip=lambda pl: pl.feature == "country" and pl.name != pl.span.text,
    )  # demonyms modify
    return {
        "span": Span.of(work.text, start, end),
        "value": value,
        "low": low,
        "high": high,
        "qualifier": qual,
        "unit": unit,
        "measure": measure,
        "source": source,
        "quote": quote,
        "when": when,
        "where": where,
        "in_furniture": work.in_furniture(start, end),
        "_end": b,
    }
