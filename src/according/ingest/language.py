"""A cheap guess at the language of an article: is it English?

The analysis is English-only. Rather than ship a language-identification
model, we look at two things any text shows at once: the script its letters
are written in (Arabic, Cyrillic, Han...), and, for Latin script, which
language's most frequent function words make up the largest share of its
words. Function words are a quarter to a half of the words of running text in
every language listed, and the lists barely overlap, so a few hundred words
decide reliably; a headline does not, and a short text is taken as English
unless its script says otherwise.

Only ISO 639-1 codes are returned ("und" when undetermined). A script shared
by several languages gives the most common one in news (Cyrillic -> "ru",
Arabic script -> "ar"): the point is to say "not English", not to name the
language exactly.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ..lang.languages import FUNCTION_WORDS as _FUNCTION_WORDS

_WORDS = {lang: set(ws.split()) for lang, ws in _FUNCTION_WORDS.items()}

# Unicode script of letters -> the language we report for it.
_SCRIPTS = (
    ("ARABIC", "ar"),
    ("HEBREW", "he"),
    ("CYRILLIC", "ru"),
    ("GREEK", "el"),
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("HANGUL", "ko"),
    ("CJK", "zh"),
    ("DEVANAGARI", "hi"),
    ("THAI", "th"),
    ("BENGALI", "bn"),
    ("ARMENIAN", "hy"),
    ("GEORGIAN", "ka"),
    ("ETHIOPIC", "am"),
    ("TAMIL", "ta"),
)
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# Below 30 words function-word shares are noise (a headline, a caption).
MIN_WORDS = 30
# Calibrated on the dev corpora (1,743 English texts of 30+ words from
# PolNeAR, MEANTIME, LGL and TR-News: English share 0.12-0.50, 5th percentile
# 0.29; the best other language never above 0.125 and never 1.5x the English
# share: no text flagged) and on hand-written news paragraphs in French,
# German, Spanish, Italian, Portuguese and Dutch (English share <= 0.05, own
# language 0.22-0.42). A language must pass MIN_SHARE and beat English by
# half again.
MIN_SHARE = 0.12


# a character past Latin Extended-B: the only kind that can count for another script
_PAST_LATIN = re.compile("[^\x00-\u024f]")


def script_language(text: str, sample: int = 5000) -> str | None:
    """The language of a non-Latin script making up most letters, else None."""
    head = text[:sample]
    if not any(ch.isalpha() for ch in _PAST_LATIN.findall(head)):
        return None  # every letter is Latin (or there is none): no other script can win
    letters = [ch for ch in head if ch.isalpha()]
    counts: dict[str, int] = {}
    latin = 0
    for ch in letters:
        if ch < "\u0250":
            latin += 1
            continue
        name = unicodedata.name(ch, "")
        for script, lang in _SCRIPTS:
            if name.startswith(script):
                counts[lang] = counts.get(lang, 0) + 1
                break
        else:
            if "LATIN" in name:
                latin += 1
    if not counts:
        return None
    lang, n = max(counts.items(), key=lambda kv: kv[1])
    if "ja" in counts and lang == "zh":  # Japanese mixes kanji with kana
        lang = "ja"
    return lang if n > latin else None


_NON_ASCII = re.compile("[^\x00-\x7f]")


def _lowers_letter_by_letter(head: str, low: str) -> bool:
    """Is ``low`` (``head.lower()``) ``head`` lower-cased one character at a time, each character
    staying in its class for ``_TOKEN`` (letter, digit, other)? Then the words of ``low`` are the
    lower-cased words of ``head``. Not so for "İ" (two characters lower-cased) nor for "Σ" (its
    lower case depends on the next letter)."""
    if len(low) != len(head):
        return False
    for ch in set(_NON_ASCII.findall(head)):
        lower = ch.lower()
        if lower != ch and (
            ch == "Σ"
            or len(lower) != 1
            or lower.isalnum() != ch.isalnum()
            or lower.isdecimal() != ch.isdecimal()
        ):
            return False
    return True


def function_word_shares(text: str, sample: int = 20000) -> tuple[int, dict[str, float]]:
    head = text[:sample]
    low = head.lower()
    if _lowers_letter_by_letter(head, low):
        # the words of the lower-cased text, counted at C speed (the Python loop over the
        # distinct words below was most of read_document's CPU)
        words = _TOKEN.findall(low.replace("’", "'"))
        if not words:
            return 0, {}
        counts = Counter(words)
        n_words = len(words)
    else:
        # each distinct word normalised once (an article repeats most of its words)
        as_written = Counter(_TOKEN.findall(head))
        if not as_written:
            return 0, {}
        counts = Counter()
        for w, n in as_written.items():
            counts[w.lower().replace("’", "'")] += n
        n_words = sum(as_written.values())
    # each language's words found by one set intersection (C speed; an article has ~1,000
    # distinct words, a list ~100): the same integer sums as testing every word in every list
    found = counts.keys()
    return n_words, {lang: sum(map(counts.__getitem__, found & ws)) / n_words for lang, ws in _WORDS.items()}


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language: "en" unless the evidence says otherwise."""
    by_script = script_language(text)
    if by_script:
        return by_script
    n, shares = function_word_shares(text)
    if n < MIN_WORDS or not shares:
        return "en"
    best = max(shares, key=shares.__getitem__)
    if best == "en" or shares[best] < MIN_SHARE or shares[best] <= shares["en"] * 1.5:
        return "en"
    return best
