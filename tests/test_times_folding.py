"""The times rules scanned over the lower-cased text (times/folding.py) find what the rules find over
the text as written: the same spans and groups, on hand-built texts in every case, and only where
the pattern and the text allow it."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from according.times import RULES, _folded, extract, folding

PIECES = ["more than", "MORE THAN", "More Than", "the past", "The Past", "two", "TWO", "5", "12", "years"]
PIECES += ["Years", "YEARS", "weeks", "days", "a", "A", "ago", "earlier", "last", "This", "week", "month"]
PIECES += ["today", "Tonight", "daily", "WEEKLY", "spring", "Fall", "quarter", "-", ",", "\n", " ", "\u00a0"]
PIECES += [
    "\u212a",
    "K",
    "k",
    "half an hour",
    "HALF A DAY",
    "the same period",
    "year-end",
    "Year End",
    "soon",
]


def _spans(rx: re.Pattern, text: str, a: int, b: int) -> list:
    return [(m.span(), m.groups()) for m in rx.finditer(text, a, b)]


def _folded_spans(rx: re.Pattern, fold: re.Pattern, text: str, a: int, b: int) -> list:
    low = text.lower()
    found = (rx.match(text, f.start(), b) for f in fold.finditer(low, a, b))
    return [(m.span(), m.groups()) for m in found if m is not None]


FOLDED = [(name, rx, _folded(name, rx)) for name, rx, _ in RULES if _folded(name, rx) is not None]


def test_the_word_list_rules_are_folded_and_the_cased_ones_are_not():
    names = {name for name, _, _ in FOLDED}
    assert {"duration", "set", "ref", "relday", "relunit", "duration_range"} <= names
    # a capitalised month or weekday, or "-long" outside (?i:...), keeps its own scan
    assert not names & {"month_day", "weekday", "vague", "holiday"}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.integers(0, 40), st.integers(0, 40))
def test_folded_scans_find_the_same_matches(pieces, cut_a, cut_b):
    text = " ".join(pieces)
    assert folding.foldable_text(text, text.lower())
    a, b = min(cut_a, len(text)), max(0, len(text) - cut_b)
    for _name, rx, fold in FOLDED:
        assert _folded_spans(rx, fold, text, 0, len(text)) == _spans(rx, text, 0, len(text))
        if a <= b:
            assert _folded_spans(rx, fold, text, a, b) == _spans(rx, text, a, b)


def test_a_text_with_a_letter_that_folds_otherwise_keeps_the_plain_scan():
    for ch in ("\u0130", "\u0131", "\u017f"):  # İ (two characters lowered), ı and ſ (match i, s)
        text = f"for {ch}everal years ago"
        assert not folding.foldable_text(text, text.lower())
    assert folding.foldable_text("Kelvin \u212a", "Kelvin \u212a".lower())  # K lowers to k, as (?i) reads it


def test_extract_on_a_text_with_an_unsafe_letter_is_the_plain_scan():
    from datetime import date

    text = "The İstanbul talks lasted more than two years, officials said."
    found, _ = extract(text, None, date(2024, 2, 14))
    assert [(t.span.text, t.value) for t in found] == [("more than two years", "P2Y")]


def test_folded_refuses_what_it_cannot_read():
    assert folding.folded(re.compile(r"(?i:years)-Long")) is None  # a capital outside (?i:...)
    assert folding.folded(re.compile(r"(?i:ye(a)rs)\1")) is None  # a back reference
    assert folding.folded(re.compile(r"years", re.IGNORECASE)) is None  # a global flag
    assert (
        folding.folded(re.compile(r"(?i:Years)")) is None
    )  # a capital inside: its lower case is not in the pattern
    assert folding.folded(re.compile(r"(?i:[A-Z]+ago)")) is None
    fold = folding.folded(re.compile(r"(?<![\w-])(?i:the past|last)[^\S\n]+\d+"))
    assert fold is not None and fold.pattern == r"(?<![\w-])(?:the past|last)[^\S\n]+\d+"


def test_the_unsafe_letters_are_all_there_are():
    """Every code point whose lower case is not one character of the same word / digit / space class,
    or which matches an ASCII letter under (?i) other than its lower case (~2 s)."""
    word, digit, space = re.compile(r"\w"), re.compile(r"\d"), re.compile(r"\s")
    letters = "abcdefghijklmnopqrstuvwxyz"
    ignore = {x: re.compile("(?i)" + x) for x in letters}
    unsafe = []
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if low == c:
            if cp > 127 and c.isalpha() and any(ignore[x].fullmatch(c) for x in letters):
                unsafe.append(c)
            continue
        if len(low) != 1 or any(bool(rx.match(c)) != bool(rx.match(low)) for rx in (word, digit, space)):
            unsafe.append(c)
        elif any(bool(ignore[x].fullmatch(c)) != (low == x) for x in letters):
            unsafe.append(c)
    assert tuple(unsafe) == folding.UNSAFE


TRIGGER_PIECES = ["this time", "this", "time", "fortnight", "night", "Jan", "Janu", "Feb", "today", "tonight"]
TRIGGER_PIECES += ["day", "week", "weekly", "year", "yearly", "spring", "fall", "now", "know", " ", "-", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TRIGGER_PIECES), max_size=25), st.booleans())
def test_literal_trigger_hits_are_the_regex_hits(pieces, spaced):
    from according.times import _LITERALS, _literal_hits

    text = (" " if spaced else "").join(pieces)
    assert _LITERALS  # the word-list triggers (months, weekdays, units, reference words...)
    for pattern, words in _LITERALS.items():
        regex = [m.span() for m in re.finditer(pattern, text)]
        assert [(h.start(), h.end()) for h in _literal_hits(text, words)] == regex
