"""Number words of English (cardinals and scales), read by the figures and times stages."""

from __future__ import annotations

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
