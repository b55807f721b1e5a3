"""The rule regexes scanned over the lower-cased text, without ``(?i)``: the same matches, faster.

Python's ``re`` skips a failing alternative of a word list at C speed only when its first letter is
a plain literal; under ``(?i)`` every alternative is entered, so a rule such as the duration's
(``(?i:more than|less than|...)`` before ``(?i:the past|...)`` before a number word) scanned 2-3x
slower than the same pattern without ``(?i)`` over ``text.lower()`` (200 PolNeAR articles, whole
texts: duration 0.90 -> 0.33 us of CPU per word, weekday 0.28 -> 0.17, set 0.34 -> 0.17).

:func:`folded` gives that pattern for a rule whose every cased letter is a lower-case ASCII letter
inside a ``(?i:...)`` group (checked on the parsed pattern; any other rule keeps its own scan), and
:func:`foldable_text` says when a text may be scanned so. The two scans then find the same spans:
each character of such a text matches a pattern item exactly when its lower case does (its lower case
is one character with the same word / digit / space class, and an ASCII letter under ``(?i)`` matches
it exactly when its lower case is that letter). Three characters break this and are checked for
(``UNSAFE``; ``tests/test_times_folding.py`` derives them again from every code point): "İ" (two
characters in lower case), "ı" and "ſ" (they match "i" and "s" under ``(?i)``, their lower cases do
not). The stage scans the folded pattern for the spans and matches the rule's own regex at each span's
start on the text as written (the same match: the same pattern and the same characters up to case),
so handlers see the text as written.
"""

from __future__ import annotations

import re

try:  # sre's parser and opcodes (private modules of re since Python 3.11)
    from re import _constants as C  # type: ignore[attr-defined]  # noqa: N812
    from re import _parser as P  # type: ignore[attr-defined]  # noqa: N812
except ImportError:  # another Python's re: no rule is folded, every rule keeps its own scan
    C = P = None

UNSAFE = ("\u0130", "\u0131", "\u017f")  # İ, ı, ſ (see the module docstring)

_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)) if C else ()


def foldable_text(text: str, low: str) -> bool:
    """May ``low`` (``text.lower()``) be scanned with the folded patterns in place of ``text``?"""
    return len(low) == len(text) and not any(ch in text for ch in UNSAFE)


def _cased(code: int) -> bool:
    ch = chr(code)
    return ch.lower() != ch.upper() or ch.lower() != ch


def _letter_ok(code: int, ignore: bool) -> bool:
    """A literal (or class member) that the folded scan reads the same way."""
    if not _cased(code):
        return True
    return ignore and "a" <= chr(code) <= "z"


def _items_ok(items, ignore: bool) -> bool:
    for op, av in items:
        if op in (C.LITERAL, C.NOT_LITERAL):
            if not _letter_ok(av, ignore):
                return False
        elif op is C.IN:
            for cop, cav in av:
                if cop is C.LITERAL:
                    if not _letter_ok(cav, ignore):
                        return False
                elif cop is C.RANGE:
                    lo, hi = cav
                    if any(_cased(c) for c in range(lo, hi + 1)) and not (
                        ignore and "a" <= chr(lo) and chr(hi) <= "z"
                    ):
                        return False
                elif cop not in (C.NEGATE, C.CATEGORY):
                    return False
        elif op is C.SUBPATTERN:
            _group, add, delete, sub = av
            if delete & re.IGNORECASE or (add & ~re.IGNORECASE):
                return False
            if not _items_ok(sub, ignore or bool(add & re.IGNORECASE)):
                return False
        elif op is C.BRANCH:
            if not all(_items_ok(sub, ignore) for sub in av[1]):
                return False
        elif op in _REPEATS:
            if not _items_ok(av[2], ignore):
                return False
        elif op in (C.ASSERT, C.ASSERT_NOT):
            if not _items_ok(av[1], ignore):
                return False
        elif op not in (C.AT, C.ANY, C.CATEGORY):
            return False  # a back reference, a conditional, anything not read above
    return True


def folded(rx: re.Pattern) -> re.Pattern | None:
    """The rule's pattern without ``(?i)``, to scan the lower-cased text; None when the rule's
    pattern has a cased letter that is not a lower-case ASCII letter under ``(?i:...)``, global
    flags other than Unicode, or an item not checked here."""
    if P is None or rx.flags & ~re.UNICODE or "(?i" not in rx.pattern:
        return None
    try:
        parsed = P.parse(rx.pattern)
    except re.error:
        return None
    if not _items_ok(parsed.data, False):
        return None
    plain = rx.pattern.replace("(?i:", "(?:")
    try:
        same = _shape(P.parse(plain).data) == _shape(parsed.data)  # only the (?i:...) groups changed
    except re.error:
        return None
    return re.compile(plain) if same else None


def _shape(items) -> tuple:
    """The parsed pattern with the flags of its groups left out (a group that captures nothing
    spliced into its parent: the parser keeps "(?i:x)" as a group, "(?:x)" often not)."""
    out: list = []
    for op, av in items:
        if op is C.SUBPATTERN and av[0] is None:
            out.extend(_shape(av[3]))
            continue
        if op is C.SUBPATTERN:
            av = (av[0], _shape(av[3]))
        elif op is C.BRANCH:
            av = tuple(_shape(sub) for sub in av[1])
        elif op in _REPEATS:
            av = (av[0], av[1], _shape(av[2]))
        elif op in (C.ASSERT, C.ASSERT_NOT):
            av = (av[0], _shape(av[1]))
        elif op is C.IN:
            av = tuple(av)
        out.append((op, av))
    return tuple(out)
