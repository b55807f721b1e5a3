"""Quotation-mark pairing, paragraph by paragraph.

Double quotation marks delimit quotations: typographic “ ” (and „ as an
opener), guillemets « », straight ``"`` and the doubled apostrophes ``''`` /
``````  that some wire copy uses. Typographic single quotations ‘...’ outside
double ones (British copy, headlines) are paired with stricter rules (see
:func:`_single_pairs`), because ’ is also the apostrophe ("Hamas’ tunnels",
"don’t", "’90s"). Straight single marks (') are left alone: in news prose they
are nearly always apostrophes or quotes nested inside a double-quoted
quotation, which the enclosing pair already covers.

Pairing is local to a paragraph (a line), so an unbalanced mark costs at most
that paragraph. One convention crosses paragraphs: a quotation that runs over
several paragraphs opens each paragraph with a mark and closes only the last
one. An opening mark left unclosed at the end of a paragraph therefore yields
a span to the end of that paragraph (``closed=False``); if the next paragraph
opens with a mark, both spans get the same ``group`` so that the caller can
treat them as one quotation.
"""

from __future__ import annotations

import re
from typing import NamedTuple

OPENERS = {"\u201c": "\u201d", "\u201e": "\u201d\u201c", "\u00ab": "\u00bb"}
CLOSERS = frozenset("\u201d\u00bb")
STRAIGHT = '"'


class QSpan(NamedTuple):
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the paragraph end when unclosed)
    closed: bool
    para: int  # paragraph index
    group: int  # spans of one multi-paragraph quotation share a group


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line, trailing spaces excluded."""
    out = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


_MARK = re.compile("[\u201c\u201e\u00ab\u201d\u00bb\"]|''|``")


def _marks(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """Quotation marks in text[s:e] as (offset, length, role): role is "open",
    "close" or "either" (straight marks, decided by context)."""
    out = []
    for m in _MARK.finditer(text, s, e):
        i = m.start()
        c = m.group()
        if c in OPENERS:
            out.append((i, 1, "open"))
        elif c in CLOSERS:
            out.append((i, 1, "close"))
        elif c == STRAIGHT:
            out.append((i, 1, _straight_role(text, i, 1, s, e)))
        else:  # doubled apostrophes / backticks: ``quote'' or ''quote''
            role = "open" if c == "``" else _straight_role(text, i, 2, s, e)
            if role != "skip":
                out.append((i, 2, role))
    return out


def _straight_role(text: str, i: int, n: int, s: int, e: int) -> str:
    before = text[i - 1] if i > s else " "
    after = text[i + n] if i + n < e else " "
    if before.isspace() or before in "([{\u2014-:":
        return "open" if not after.isspace() else "either"
    if after.isspace() or after in ".,;:!?)]}\u2014-" or i + n >= e:
        return "close"
    if before.isalpha() and after.isalpha():
        return "skip"  # inside a word: not a quotation mark
    return "either"


def pair(text: str) -> list[QSpan]:
    """All quotation spans of ``text`` in order (see the module docstring)."""
    spans: list[QSpan] = []
    group = 0
    prev_open_end = False  # previous paragraph ended inside an unclosed quotation
    open_group = -1  # ... and the group of that quotation
    for k, (ps, pe) in enumerate(paragraphs(text)):
        marks = _marks(text, ps, pe)
        open_at = None
        first_group = None
        for off, n, role in marks:
            if open_at is None:
                if role in ("open", "either"):
                    open_at = off
            elif role in ("close", "either"):
                if off > open_at:
                    g = group
                    if open_at == ps and prev_open_end and first_group is None:
                        g = open_group  # continues the previous paragraph's quotation
                    spans.append(QSpan(open_at, off + n, True, k, g))
                    if g == group:
                        group += 1
                    first_group = g
                    open_at = None
            else:  # a second opener while one is open: the first one was stray
                open_at = off
        ends_open = open_at is not None and pe - open_at > 1
        if ends_open and open_at is not None:
            g = group
            if open_at == ps and prev_open_end and first_group is None:
                g = open_group
            spans.append(QSpan(open_at, pe, False, k, g))
            if g == group:
                group += 1
            open_group = g
        prev_open_end = ends_open
        if "\u2018" in text[ps:pe]:
            para_spans = [q for q in spans if q.para == k]
            for s1, e1 in _single_pairs(text, ps, pe, para_spans):
                spans.append(QSpan(s1, e1, True, k, group))
                group += 1
    spans.sort()
    return spans


def _single_pairs(text: str, ps: int, pe: int, doubles) -> list[tuple[int, int]]:
    """Typographic single quotations (‘...’) outside double ones: the quotation style of
    British copy and of headlines. An opener ‘ follows a space, bracket or dash and
    precedes a letter; a closer ’ precedes a space, punctuation or the line end. A
    closer after "s" and before a word ("the parents’ views") may be a possessive, so
    the last certain closer before the next opener wins and a possessive-looking one
    is used only when there is no other."""

    def inside(i):
        return any(q.start <= i < q.end for q in doubles)

    openers: list[int] = []
    strong: list[int] = []
    weak: list[int] = []
    for i in range(ps, pe):
        c = text[i]
        if c == "\u2018" and not inside(i):
            before = text[i - 1] if i > ps else " "
            after = text[i + 1] if i + 1 < pe else " "
            if (before.isspace() or before in "([{\u2014-:") and after.isalpha():
                openers.append(i)
        elif c == "\u2019" and i > ps and not inside(i):
            before, after = text[i - 1], (text[i + 1] if i + 1 < pe else " ")
            if before.isspace():
                continue
            if after in ".,;:!?)]}\u2014" or i + 1 >= pe:
                strong.append(i)
            elif after.isspace():
                (weak if before in "sS" else strong).append(i)
    out: list[tuple[int, int]] = []
    for n, o in enumerate(openers):
        if out and o < out[-1][1]:
            continue
        limit = openers[n + 1] if n + 1 < len(openers) else pe
        cands = [c for c in strong if o < c < limit]
        if cands:
            out.append((o, cands[-1] + 1))
            continue
        cands = [c for c in weak if o < c < limit]
        if cands:
            out.append((o, cands[0] + 1))
    return out
