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
from bisect import bisect_left, bisect_right
from itertools import compress
from operator import itemgetter

from ..claims import attribution_cues, claim_at, source_at  # noqa: F401 - also imported from here by events
from ..lang.figures import (
    CASUALTY_MEASURES,
    DEFINITE_WORDS,
    NON_UNITS,
    RATE_UNITS,
    VAGUE_COUNTS,
    VAGUE_OF,
    VAGUE_TIMES,
)
from ..lang.numbers import CARDINALS, SCALES
from ..model import Figure, Span
from ..pipeline import Work, stage
from .measures import SUBJ_OBJ, measure_of, qualifier_of, unit_of, unit_text, when_of
from .numbers import (
    NOT_FIGURE_ENTS,
    excluded,
    is_num_tok,
    is_num_word,
    joins_run,
    model_number,
    plain_number,
    tally_end_at,
)


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
    starts = figure_starts(work.parse.toks)
    for s in work.parse.sents:
        try:
            found.extend(_sentence_figures(work, s, starts))
        except Exception as exc:  # noqa: BLE001 - one odd sentence costs only that sentence
            work.fail("figures", f"sentence at {s.start_char}: {type(exc).__name__}: {exc}", exc)
    figures = tuple(Figure(id=f"f{k}", **f) for k, f in enumerate(found, 1))
    return {"figures": figures}


# --------------------------------------------------------------------------- one sentence


# the words at which a vague quantity starts ("tens of thousands", "dozens", "several")
_VAGUE_STARTS = frozenset(VAGUE_COUNTS) | {w for w, _ in VAGUE_OF}


def figure_starts(toks) -> list[int]:
    """The tokens at which :func:`_sentence_figures` can find a figure, in order: a number word
    or numeral (``is_num_tok``) or the first word of a vague quantity. Every other token only
    moves its scan on, so it jumps from one of these to the next instead of reading each token
    (the stage's CPU over PolNeAR dev, MEANTIME and CASE: about half).

    The answer depends on the word and its like_num flag alone: it is kept per word, one table
    per flag (``_STARTS``), each new word of an article asked once, and the tokens are mapped to
    it at C speed (a test per token cost ~1.3% of the stages' CPU)."""
    global _STARTS
    n = len(toks)
    texts = list(map(_TEXT, toks))
    plain, numeric = _STARTS
    new = set(texts).difference(plain)
    if len(plain) + len(new) > _STARTS_CACHE:  # a long stream meets many words: memory stays flat
        plain, numeric = _STARTS = ({}, {})  # new tables, never cleared ones (another thread may read)
        new = set(texts)
    for w in new:
        plain[w] = w.lower() in _VAGUE_STARTS or is_num_word(w, False)
    starts = list(map(plain.__getitem__, texts))
    for i in compress(range(n), map(_LIKE_NUM, toks)):  # the few tokens spaCy calls like a number
        w = texts[i]
        answer = numeric.get(w)
        if answer is None:
            answer = numeric[w] = w.lower() in _VAGUE_STARTS or is_num_word(w, True)
        starts[i] = answer
    return list(compress(range(n), starts))


_TEXT = itemgetter(1)  # Tok.text
_LIKE_NUM = itemgetter(13)  # Tok.like_num
# word -> a figure may start there: for tokens that are not like_num, for those that are
_STARTS: tuple[dict[str, bool], dict[str, bool]] = ({}, {})
_STARTS_CACHE = 50_000


def _sentence_figures(work: Work, s, starts: list[int] | None = None) -> list[dict]:
    p = work.parse
    toks = p.toks
    out: list[dict] = []
    if starts is None:
        starts = figure_starts(toks)
    k = bisect_left(starts, s.start)
    if k == len(starts) or starts[k] >= s.end:
        return out
    i = starts[k]
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
            and not (i > s.start and is_num_tok(toks[i - 1]))
            and toks[i].ent_type not in NOT_FIGURE_ENTS
        ):
            if w != "several" or (t.head > i and toks[t.head].tag in ("NNS", "NNPS")):
                got = (i, i + 1, None, VAGUE_COUNTS[w], None, True)
        elif is_num_tok(t) and model_number(toks, i, s.start):
            # "Boeing 737-800", "A350-900", the 737 of "400 737 Max jets": a name, not a count
            j = i + 1
            while j < s.end and (is_num_tok(toks[j]) or toks[j].text in ("-", "–")) and not toks[j - 1].ws:
                j += 1
            i = j
            continue
        elif is_num_tok(t) and not (w in ("one", "a") and i + 1 < s.end and toks[i + 1].text.lower() == "of"):
            j = i + 1
            while j < s.end and (
                (is_num_tok(toks[j]) and joins_run(toks[j - 1], toks[j]))
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
            elif (tally_end := tally_end_at(toks, i, j, s.end)) is not None:
                i = tally_end  # "a 5-4 decision", "won 3-1": both numbers are a tally, neither a count
                continue
            else:
                got = plain_number(work, i, j)
            if got is None:
                i = j
                continue
        if got is None:  # on to the next token where a figure can start
            k = bisect_right(starts, i)
            i = starts[k] if k < len(starts) else s.end
            continue
        a, b, value, low, high, vague = got
        if excluded(p, a, b):
            i = b
            continue
        fig = _build(work, s, a, b, value, low, high, vague, prev_unit)
        if fig is not None:
            out.append(fig)
            prev_unit = fig["unit"]
        i = fig.pop("_end") if fig is not None else b
    return out


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
    noun, head = unit_of(p, a, b)
    if noun is not None and (
        toks[noun].text.lower() in NON_UNITS
        or toks[noun].lemma.lower() in NON_UNITS
        or toks[noun].ent_type in NOT_FIGURE_ENTS - {"ORDINAL"}
    ):
        return None
    measure = measure_of(p, noun, head)
    if noun is not None:
        unit = unit_text(p, noun)
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
    qual, fstart = qualifier_of(p, a, s.start)
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
    when = when_of(work, s, a, source_verb) or publication_day(work)
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
