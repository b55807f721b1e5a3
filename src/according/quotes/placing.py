"""Where a quote's content lies in the text: the content spans of one attribution
(:func:`content_spans`) and the quotations no attribution covers, placed
(:func:`place_orphans`; the rules are listed in step 4 of the ``quotes`` package docstring).

Moved out of ``quotes/__init__.py`` whole (no behaviour change in the move).
"""

from __future__ import annotations

import bisect
import re

from ..lang.quotes import TITLE_MINOR_WORDS
from ..nlp import Parse
from . import cues, rules

_WORD = re.compile(r"[^\W_]")
MIN_ORPHAN_WORDS = 4  # shorter unattributed quotations are scare quotes, not quotes


class Attribution:
    """One attribution while the quotes of an article are assembled (mutable: placing adds
    content spans, links a separate quote to the attribution it is ``part_of``)."""

    __slots__ = ("cue", "source", "content", "conf", "lemma", "para", "src_tok", "inherit", "part_of")

    def __init__(self, cue, source, content, conf, lemma, para, src_tok=None):
        self.cue = cue  # (start, end) or None
        self.source = source
        self.content = content  # [(start, end)]
        self.conf = conf
        self.lemma = lemma
        self.para = para
        self.src_tok = src_tok
        self.inherit = None
        self.part_of = None  # the attribution whose content also holds this quotation


# A dateline opening a paragraph: "CARSON CITY, Nev. —", "VALDEMAR, Portugal (Reuters) -",
# "WASHINGTON ―" (a horizontal bar, U+2015, as HuffPost writes it: PolNeAR dev tuned half exact
# content .5545 -> .5554, sealed unchanged; 5 train articles, none scored differently).
DATELINE = re.compile(
    r"[A-Z][A-Z.'\u2019 -]*[A-Z.](?:, [A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?"
    r"(?: \([^()\n]{1,30}\))?\s*(?:\u2014|\u2013|\u2015|--|-)\s+"
)


def dateline_end(text: str, start: int) -> int | None:
    """The end of a dateline beginning at ``start``, which must open a paragraph."""
    if start and text[start - 1] != "\n":
        return None
    m = DATELINE.match(text, start, min(len(text), start + 80))
    if not m or ("," not in m.group() and "(" not in m.group() and len(m.group().split()[0]) < 4):
        return None  # "US - China talks" is no dateline; "WASHINGTON —" is
    if len(m.group().split(",")[0].split("(")[0].split()) > 4:
        return None  # a place has at most three words ("SALT LAKE CITY"); longer is a capitals heading
    return m.end()


def source_dateline(text: str, start: int) -> bool:
    """Whether a source starting at ``start`` lies in its paragraph's dateline."""
    end = dateline_end(text, text.rfind("\n", 0, start) + 1)
    return end is not None and start < end


def _closing_punctuation(p: Parse, a: int, b: int) -> int:
    """The end of the content run a..b-1 (its edge punctuation stripped) with the mark written
    against its last word that belongs to it: the ")" of a "(" the run opened ("Sen. Ted Cruz
    (R-TX)"), the "%" of a number. On PolNeAR train this makes 20 more contents exact and
    1 fewer. (Keeping a "?" or "!" that ends the content's sentence, which gold contents ending
    there hold 161 times to 37, made 20 exact contents wrong for 11 right: the quote stage's
    contents end at a question mark mostly where the gold ends earlier.)"""
    toks = p.toks
    if b >= len(toks) or toks[b].start != toks[b - 1].end:
        return b
    t = toks[b].text
    if t == ")":
        depth = 0
        for j in range(a, b):
            depth += (toks[j].text == "(") - (toks[j].text == ")")
        return b + 1 if depth > 0 else b
    if t == "%" and toks[b - 1].like_num:
        return b + 1
    return b


def content_spans(p: Parse, idx: set[int], qspan_at) -> list[tuple[int, int]]:
    toks = p.toks
    out: list[tuple[int, int]] = []
    for a, b in rules.runs(idx):
        while a < b and (toks[a].is_punct or toks[a].is_space) and not is_mark(toks[a].text):
            a += 1
        while b > a and (toks[b - 1].is_punct or toks[b - 1].is_space) and not is_mark(toks[b - 1].text):
            b -= 1
        if a >= b:
            continue
        b = _closing_punctuation(p, a, b)
        s, e = toks[a].start, toks[b - 1].end
        de = dateline_end(p.text, s)
        if de is not None:  # the dateline opening the paragraph is not what was said
            if de >= e:
                continue
            s = de
        # a quotation is atomic: an edge inside one moves out to its mark
        q = qspan_at(s)
        if q is not None and q.start < s:
            s = q.start
        q = qspan_at(max(s, e - 1))
        if q is not None and q.closed and e < q.end:
            e = q.end
        if out and (s <= out[-1][1] or not _WORD.search(p.text, out[-1][1], s)):
            out[-1] = (out[-1][0], max(e, out[-1][1]))  # overlapping, or only punctuation between
        else:
            out.append((s, e))
    return out


_MARK_TEXTS = frozenset(["\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", '"', "''", "``"])


_MARK_CHARS = frozenset('\u201c\u201d\u201e\u00ab\u00bb"')


def is_mark(s: str) -> bool:
    """Whether a token's text is (or holds) a double quotation mark: the one test of the quote
    stage (``extent`` and ``colons`` use it too; "``", which the tokenizer splits in two
    backticks, only counts where it stands as one token)."""
    return s in _MARK_TEXTS or (len(s) > 1 and not _MARK_CHARS.isdisjoint(s))


def overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def place_orphans(text, attrs, qspans, para_of, on_error):
    # attributions by paragraph: a quotation only looks at its own and the previous
    # paragraphs, which keeps this linear in the article's length
    by_para: dict[int, list] = {}
    for a in attrs:
        by_para.setdefault(a.para, []).append(a)
    covered = [False] * len(qspans)
    for k, q in enumerate(qspans):
        for a in by_para.get(q.para, ()):
            if any(overlaps((q.start, q.end), c) for c in a.content) or (
                a.cue and q.start <= a.cue[0] < q.end
            ):
                covered[k] = True
                break
    # multi-paragraph quotations: every paragraph follows the quote attributed in any
    # of them (usually the first: “... he said. “... / “...”; sometimes the last)
    for k, q in enumerate(qspans):
        if covered[k]:
            continue
        group = [
            j
            for j in range(max(0, k - 6), min(len(qspans), k + 7))
            if j != k and qspans[j].group == q.group and covered[j]
        ]
        for j in sorted(group, key=lambda j: abs(j - k)):
            a = _owner(by_para.get(qspans[j].para, ()), qspans[j])
            if a is not None:
                a.content.append((q.start, q.end))
                covered[k] = True
                break
    carried: dict[int, Attribution] = {}  # quotation -> the quote it was carried into below
    for k, q in enumerate(qspans):
        if covered[k]:
            continue
        # a later paragraph of a quotation placed just now ("“A,” he said. “B ...¶“C ...¶“D.”"):
        # it continues that quote (and the attribution the quote is part of); a paragraph carried
        # in has no attribution of its own, so the one after it follows the quote it joined
        prev = next(
            (j for j in range(k - 1, max(-1, k - 7), -1) if qspans[j].group == q.group and covered[j]), None
        )
        if prev is not None:
            owners = [
                a
                for a in by_para.get(qspans[prev].para, ())
                if any(overlaps((qspans[prev].start, qspans[prev].end), c) for c in a.content)
            ]
            own = carried.get(prev) or next(
                (a for a in owners if a.part_of is not None), next((a for a in owners if a.cue), None)
            )
            # (an unattributed paragraph does not pull in the next one: in a transcript
            # each paragraph in open quotation marks is a turn of its own)
            if own is not None:
                own.content.append((q.start, q.end))
                if own.part_of is not None:
                    own.part_of.content.append((q.start, q.end))
                covered[k] = True
                carried[k] = own
                continue
        try:
            covered[k] = _place(text, q, by_para, qspans, attrs)
        except Exception as exc:  # noqa: BLE001 - one odd quotation costs only itself
            on_error(f"quotation at {q.start}: {type(exc).__name__}: {exc}", exc)
            covered[k] = False
    for a in attrs:
        a.content = [c for c in a.content if c[0] < c[1]]
    attrs[:] = [a for a in attrs if a.content]


def _place(text, q, by_para, qspans, attrs) -> bool:
    """Give an unattributed quotation to an attribution, or make it a quote of its own."""
    para = q.para
    same = [a for a in by_para.get(para, ()) if a.cue is not None]
    near = by_para.get(para - 2, []) + by_para.get(para - 1, []) + by_para.get(para, [])
    # a cue that ends in a colon right before the quotation ("went so far as to say:")
    target = None
    for a in near:
        if a.cue and a.cue[1] <= q.start and a.para >= para - 1:
            gap = text[a.cue[0] : q.start].strip()  # the cue may hold the colon ("said:")
            if gap.endswith(":") and len(gap) < 80:
                target = a
    if target is None:
        # another quotation of a speaker quoted (or at least cued) in this paragraph
        speech = [a for a in same if cues.category(a.lemma) == "speech"]
        quoting = [a for a in speech if a.content and any(_in_any(c, qspans) for c in a.content)]
        pool = quoting or speech
        if pool:
            target = min(pool, key=lambda a: min(abs(a.cue[0] - q.start), abs(a.cue[0] - q.end)))
            if (
                target.content
                and len(text[q.start : q.end].split()) < MIN_ORPHAN_WORDS
                and not _whole_sentence(text, q)
                and (
                    q.end <= target.cue[0]
                    or (target.cue[1] <= q.start and _SENTENCE_END.search(text, target.cue[1], q.start))
                )
            ):
                # a word or two in quotation marks before the cue in its sentence (a nickname, a
                # scare quote in the narration) or in a later sentence is the writer's, not
                # part of what the speaker said (PolNeAR train, such quotations joined to the
                # nearest speaker: 7 of 79 before the cue, 4 of 45 in a later sentence are in
                # the gold content; not joining them: exact content .5481 -> .5511, full .6310
                # -> .6312, overlap unchanged; dev tuned half exact .5590 -> .5608, full .6413
                # -> .6422; sealed half exact .5616 -> .5635, full and overlap unchanged). An
                # attribution with no other content keeps it (dropping the attribution cost
                # cue and source recall).
                return False
            if (
                q.end <= target.cue[0]
                and not _whole_sentence(text, q)
                and _SENTENCE_END.search(text, max(q.start, q.end - 3), target.cue[0])
            ):
                # a title or scare quote inside an earlier sentence ("the political
                # equivalent of “The Truman Show.” She says ...") is not what she says
                return False
            if (
                target.cue[1] <= q.start
                and not _whole_sentence(text, q)
                and not _SENTENCE_END.search(text, target.cue[1], q.start)
                and text[target.cue[1] : q.start].rstrip()[-1:] not in (",", ":", "")
                and _WORD.search(text, target.cue[1], q.start)
                and _title_case(text[q.start : q.end])
            ):
                # a title in the cue's own sentence after it, past words of the narration
                # ("said on ABC's “This Week”", "told NBC's “Today”", "the author of “Hacked
                # World Order,”"): where it was said, not what (PolNeAR train exact content
                # .5442 -> .5458, full +.0001, overlap -.0001; dev tuned half exact .5572 ->
                # .5590, sealed .5570 -> .5589, full .6358 -> .6367, overlap .7831 -> .7822)
                return False
            if (
                target.cue[1] <= q.start
                and _whole_sentence(text, q)
                and any(not overlaps(c, (q.start, q.end)) for c in target.content)
            ):
                # (an attribution with nothing else to report keeps the quotation as its
                # only content: a separate quote would repeat it word for word)
                # “A,” she said. “B.” - a new sentence after the attribution is a quote
                # of its own (as who-said-what gold counts it) continuing her
                a = Attribution(None, None, [(q.start, q.end)], 0.5, "", para)
                a.inherit = target
                attrs.append(a)
                by_para.setdefault(para, []).append(a)
                target.content.append((q.start, q.end))  # and a content span of the attribution
                a.part_of = target
                return True
    if target is not None:
        target.content.append((q.start, q.end))
        return True
    words = len(text[q.start : q.end].split())
    if words < MIN_ORPHAN_WORDS or not _whole_sentence(text, q):
        return False
    a = Attribution(None, None, [(q.start, q.end)], 0.5, "", para)
    prev = [
        b
        for b in near
        if b.content
        and max(e for _, e in b.content) <= q.start
        and (b.source is not None or b.inherit is not None)
        and (b.cue is None or cues.category(b.lemma) == "speech")
    ]
    if prev:
        a.inherit = max(prev, key=lambda b: max(e for _, e in b.content))
    attrs.append(a)
    by_para.setdefault(para, []).append(a)
    return True


def _title_case(s: str) -> bool:
    """Whether every word of a quotation is capitalised but the short function words ("Meet
    the Press", "America with Jorge Ramos"): a title, not words someone said."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", s)
    return (
        bool(words)
        and words[0][0].isupper()
        and all(w[0].isupper() or w.lower() in TITLE_MINOR_WORDS for w in words)
    )


def _owner(attrs, q):
    for a in attrs:
        if any(overlaps((q.start, q.end), c) for c in a.content):
            return a
    return None


def _in_any(c, qspans) -> bool:
    """Whether span c overlaps a quotation (quotation spans are sorted and disjoint)."""
    k = bisect.bisect_left(qspans, (c[1],)) - 1
    return k >= 0 and qspans[k].end > c[0]


# a sentence ends between two offsets: its punctuation (perhaps closing a quotation) then space
_SENTENCE_END = re.compile(r"[.!?][\u201d\"')]*\s")


def _whole_sentence(text: str, q) -> bool:
    """The quotation is a sentence of its own: nothing but punctuation between it
    and the paragraph edge or a sentence end on at least one side."""
    ls = text.rfind("\n", 0, q.start) + 1
    before = text[ls : q.start].rstrip()
    return not before or before[-1] in '.!?:\u201d"' or before.endswith("''")
