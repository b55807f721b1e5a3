"""Number words of English (cardinals, scales, ordinals) and the one reader of a written number,
used by the figures and times stages."""

from __future__ import annotations

import re
from collections.abc import Sequence

ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
TENS = {w: 10 * k for k, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
# Every cardinal word up to ninety that is one word -> its value (compounds: "twenty-five").
CARDINALS = {w: n for n, w in enumerate(ONES)} | TENS
# Words that multiply the number before them ("1.4 million", "three dozen").
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "dozen": 12,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
}
# Ordinal words -> their number ("the nineteenth century").
ORDINAL_NUMBERS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}
# Nouns that stand for a number after "a": "a single day", "a couple of weeks", "a pair of".
COUNT_NOUNS = {"single": 1, "couple": 2, "pair": 2}
# Words inside a written number that add nothing: "twenty - five", "two hundred and five", "a couple of".
_JOINERS = frozenset({"-", "and", "of"})
_NUMERAL = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")


def number_value(words: str | Sequence[str]) -> float | None:
    """The value of a number written in digits or words, given as its tokens (``["1.4", "million"]``,
    ``["two", "hundred", "and", "five"]``) or as one string (``"twenty-five"``, ``"1,000"``,
    ``"a couple of"``); None when a word is no part of a number or a numeral is malformed ("1,2,3").
    "a"/"an" counts one when nothing follows it and is the one of "a hundred", "a dozen"."""
    if isinstance(words, str):
        words = words.replace("-", " ").split()
    total, current, seen, article = 0.0, 0.0, False, False
    for word in words:
        w = word.lower().replace("\u2009", "")
        if w in _JOINERS:
            continue
        if w in ("a", "an"):
            article = True
            continue
        if w in CARDINALS:
            current += CARDINALS[w]
        elif w in COUNT_NOUNS:
            current += COUNT_NOUNS[w]
        elif w in SCALES:
            scale = SCALES[w]
            if scale in (100, 12):  # "two hundred thousand": hundreds and dozens multiply what follows too
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = 0
        elif _NUMERAL.match(w):
            current += float(w.replace(",", ""))
        else:
            return None
        seen = True
    if not seen:
        return 1.0 if article else None
    return total + current
