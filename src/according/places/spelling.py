"""Other spellings of one name: transliterations that differ in vowels, doubled letters and
apostrophes ("Tal Rifaat" / "Tall Rif'at", "Hiraan" / "Hiiraan", "Bulo Burte" / "Bulo Burti").

Conflict-event notes spell villages and districts as the reporting partner does, GeoNames as
the national mapping agency does. :func:`skeleton` maps both to one key (the first letter of
each word, then its consonants, doubled letters once, apostrophes dropped); :func:`close` then
asks the two spellings to be close as strings, so that a skeleton shared by unrelated names
("Haran", "Huron", "Hiraan") does not make them one. Used only where the words around say a
place is meant and no exact name is found (see :mod:`.mentions`).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_APOSTROPHES = str.maketrans("", "", "'‘’ʿʾ`´")
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLES = re.compile(r"(.)\1+")
# a skeleton this short matches too many names to mean anything (hand-set)
MIN_SKELETON = 3
# how alike two spellings must be (difflib's ratio, 0..1), hand-set on the tuned parts: the pairs
# above score 0.90-0.92; the two respellings it made wrongly on LGL / TR-News at 0.8 ("Prisi" read as
# Paris 0.80, "Xinmo" as Xinmiao 0.83) stay out; same-skeleton strangers ("hiraan" / "huron") 0.55
MIN_RATIO = 0.85


def skeleton(key: str) -> str:
    """The spelling-free key of a normalised name (:func:`.gazetteer.norm`); "" when too short."""
    words = []
    for w in key.translate(_APOSTROPHES).split():
        w = _DOUBLES.sub(r"\1", w).replace("ph", "f").replace("q", "k")
        words.append(_DOUBLES.sub(r"\1", w[0] + _VOWELS.sub("", w[1:])))
    out = "".join(words)
    return out if len(out) >= MIN_SKELETON else ""


def close(a: str, b: str) -> bool:
    """Are two normalised spellings alike enough to be one name?"""
    a, b = a.translate(_APOSTROPHES), b.translate(_APOSTROPHES)
    return a == b or SequenceMatcher(None, a, b, autojunk=False).ratio() >= MIN_RATIO
