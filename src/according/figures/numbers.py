"""Which token runs are numbers that count something, and their values: digit and word runs,
ranges, model numbers, tallies, denominators and ages that are no figures (see the package
docstring for the conventions)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lang.figures import (
    CURRENCY_WORDS,
    NON_UNITS,
)
from ..lang.numbers import CARDINALS, SCALES, number_value
from ..nlp import Parse, Tok
from ..pipeline import Work

NOT_FIGURE_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"}
MAX_VALUE = 1e13  # beyond any count of people or things in news: treat as a parse error
_RANGE_TOKEN = re.compile(r"^(\d[\d,.]*)[-–](\d[\d,.]*)$")

# --------------------------------------------------------------------------- numbers


def _tidy(x: float | None):
    if x is None:
        return None
    return int(round(x)) if abs(x - round(x)) < 1e-9 else round(x, 6)


# is_num_tok's answers by word, one table per value of like_num (the figures stage asks about
# every token, most words many times); cleared when it grows past _NUM_CACHE words
_NUM_WORDS: tuple[dict[str, bool], dict[str, bool]] = ({}, {})
_NUM_CACHE = 50_000


def is_num_tok(t: Tok) -> bool:
    known = _NUM_WORDS[t.like_num]
    answer = known.get(t.text)
    if answer is None:
        if len(known) >= _NUM_CACHE:
            known.clear()
        answer = known[t.text] = _is_num_word(t.text.lower(), t.like_num)
    return answer


def is_num_word(text: str, like_num: bool) -> bool:
    """``is_num_tok`` of a token with this text and like_num flag (through the same tables)."""
    known = _NUM_WORDS[like_num]
    answer = known.get(text)
    if answer is None:
        if len(known) >= _NUM_CACHE:
            known.clear()
        answer = known[text] = _is_num_word(text.lower(), like_num)
    return answer


def _is_num_word(w: str, like_num: bool) -> bool:
    return (
        w in CARDINALS
        or w in SCALES
        or (like_num and any(c.isdigit() for c in w))
        or bool(_RANGE_TOKEN.match(w))
    )


def joins_run(prev: Tok, nxt: Tok) -> bool:
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


def model_number(toks: Sequence[Tok], i: int, sent_start: int) -> bool:
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
        if is_num_tok(before) and before.ws and not joins_run(before, t):
            return True  # "400 737 Max jets", "five 787 Dreamliner sales"
        if (
            before.pos == "PROPN"
            and any(c.isupper() for c in before.text)  # "Boeing 737"; "iPhone 15", "eBay 2" too
            and before.ent_type not in NOT_FIGURE_ENTS
            and before.text.lower() not in ("no.", "number")
            and i - 1 > sent_start
        ):
            return True  # "Boeing 737", "Apollo 11", "iPhone 15"
    return False


def excluded(p: Parse, a: int, b: int) -> bool:
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
    if k < 1 or toks[k].text.lower() not in ("of", "in") or not is_num_tok(toks[k - 1]):
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


def plain_number(work: Work, a: int, b: int):
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
        and is_num_tok(toks[b + 1])
        and toks[b + 1].sent == toks[a].sent
    ):
        c = b + 1
        while c < n and is_num_tok(toks[c]) and toks[c].sent == toks[a].sent:
            c += 1
        hi = number_value([toks[k].text for k in range(b + 1, c)])
        is_between = a > 0 and toks[a - 1].text.lower() == "between"
        if (
            hi is not None
            and hi <= MAX_VALUE
            and (toks[b].text.lower() != "and" or is_between)
            and hi > value
            and not excluded(work.parse, b + 1, c)
        ):
            # "2 to 3 million": the scale of the second number applies to the first
            if hi / max(value, 1e-9) > 100 and value < 1000:
                value *= _scale_of(toks, b + 1, c)
            return (a, c, None, _tidy(value), _tidy(hi), False)
    return (a, b, _tidy(value), None, None, False)


def tally_end_at(toks: Sequence[Tok], a: int, b: int, sent_end: int) -> int | None:
    """The end of a tally or score written with a dash ("80-19", "5-4", "4-4") whose second number is
    no greater than its first (a range runs upwards), or None."""
    if not (b + 1 < sent_end and toks[b].text in ("-", "–") and not toks[b - 1].ws and not toks[b].ws):
        return None
    if not is_num_tok(toks[b + 1]) or "-" in toks[b + 1].text:
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
