"""Quote attribution: who said (wrote, claimed, believed...) what.

How the stage works (all linear in the article's length):

1. ``marks.pair`` finds double-quotation spans paragraph by paragraph
   (apostrophes and single marks are ignored; a bad paragraph costs only itself).
2. ``cues`` scores every token whose lemma is in the learned cue lexicon with
   a logistic regression trained on PolNeAR train; tokens above the learned
   threshold are cues.
3. ``rules`` reads the cue's extent ("said", "has said", "according to", "called
   for"; not "in a statement", which PolNeAR leaves out of the cue), its source
   (the subject; the object of "according to"; the subject shared with a
   governing verb for "..., adding"; the noun phrase between a closing mark and
   the cue, or right after a cue that follows its content ("..., argued
   Palvetzian", "“...,” tweeted another"), never part of the cue; the relative pronoun of "who said", as written) and its content (the
   complement clause, object, "of ..." phrase; the rest of the clause for
   "according to") off the dependency parse, with extent tables learned from
   PolNeAR train. For raising and passive cues ("seems to", "was declared") the
   learned table may put the subject in the content and leave no source.
   The modifiers at the content's edges (a trailing ", which ..." clause, words
   after a quotation has closed, the preposition of "concern about X", an
   addressee) then stay or go by a small model learned on PolNeAR train
   (``extent``). A content edge inside a quotation moves out to its mark, so a
   direct quote's span includes the marks.
4. Quotation spans no attribution covers are then placed:
   - in a paragraph where an attribution already quotes someone, they become
     extra content spans of the nearest one ("“A,” he said, “B.”" is one quote
     with two content spans; a title or scare quote inside an *earlier* sentence,
     "the equivalent of “The Truman Show.” She says ...", is not). A quoted
     *sentence* after the attribution
     ("“A,” she said. “B.”") is in addition a quote of its own with ``cue`` and
     ``source`` None, inherited from the attribution (see below): who-said-what
     gold counts each such sentence as a quote, while attribution corpora
     (PolNeAR) give the attribution all the sentences its cue governs; so B is
     listed under both: the separate quote's ``part_of`` field holds the id of
     the attribution whose content also contains it (and ``inherited_from`` maps
     it there too). Who-said-what counts drop quotes with ``part_of``; a
     per-sentence view drops the duplicate content span instead (the record keeps
     both, so either view can be read off it);
   - after a cue that ends in a colon with nothing to report yet
     ("said:" + next paragraph in quotation marks), they are that cue's content;
   - a multi-paragraph quotation's later paragraphs join the quote of its first;
   - otherwise a whole quoted sentence (at least four words, not a scare quote)
     becomes a quote with ``cue`` and ``source`` None. If an earlier quote in the
     same or one of the two previous paragraphs has a source, it is taken to
     continue that speaker: ``Work.inherited_from`` maps the new
     quote's id to the earlier quote's id, and its provisional speaker is a copy
     of the earlier one, for the speakers stage to resolve.
5. ``kind`` is direct (content wholly inside quotation marks), mixed or
   indirect; ``category`` is speech or belief, read from the cue in its context
   (``cues.category``: "ruled that", "her statement read: “...”" are speech, "did
   not reveal the price", "according to an investigation" are not);
   ``confidence`` is the cue model's probability.

The provisional ``speaker`` is ``Speaker(name=<source text>, type=<guess>)``;
the speakers stage (``speakers.py``) replaces it.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable

from ..lang.quotes import (
    GROUP_PRON,
    IDIOMS,
    NO_COMMENT,
    NOUN_MODIFIER_DEPS,
    ORG_WORDS,
    PERSON_PRON,
    mention_class,
)
from ..model import Quote, Span, Speaker
from ..nlp import Parse
from ..pipeline import Work, stage
from . import colons, cues, extent, marks, rules
from . import speakers as _speakers  # noqa: F401  (registers the "speakers" stage)

log = logging.getLogger("according")
_WORD = re.compile(r"[^\W_]")
MIN_ORPHAN_WORDS = 4  # shorter unattributed quotations are scare quotes, not quotes


@stage("quotes", requires=("parse", "furniture"), assigns=("quotes", "inherited_from"))
def find_quotes(work: Work) -> dict:
    quotes, inherited = extract(
        work.parse, work.in_furniture, on_error=lambda message, exc: work.fail("quotes", message, exc)
    )
    return {"quotes": quotes, "inherited_from": inherited}


class _Attr:
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


def _log_error(message: str, exc: Exception) -> None:
    log.warning("quotes: %s", message)


def extract(
    p: Parse,
    in_furniture=None,
    mdl: dict | None = None,
    on_error: Callable[[str, Exception], None] = _log_error,
):
    """Quotes of one parsed article, in text order, and the inherited-source map. A cue or quotation
    the rules fail on costs only itself and is reported to ``on_error``."""
    mdl = mdl or cues.model()
    text = p.text
    qspans = marks.pair(text)
    paras = marks.paragraphs(text)
    pstarts = [s for s, _ in paras]

    def para_of(c: int) -> int:
        return max(0, bisect.bisect_right(pstarts, c) - 1)

    qstarts = [q.start for q in qspans]

    def qspan_at(c: int):
        k = bisect.bisect_right(qstarts, c) - 1
        if k >= 0 and qspans[k].start <= c < qspans[k].end:
            return qspans[k]
        return None

    attrs: list[_Attr] = []
    lex = mdl.get("_lexset")
    if lex is None:
        lex = mdl["_lexset"] = frozenset(mdl["lexicon"])
        mdl["_never"] = frozenset(mdl.get("never", ())) if mdl.get("open") else None
    never = mdl["_never"]
    mark_toks = mark_tokens(p)
    w = mdl["weights"]
    thr = mdl["threshold"]
    toks = p.toks
    for t in toks:
        if not cues.is_candidate(p, t.i, lex, never):
            continue
        try:
            a = _attribution(p, t.i, mdl, w, thr, qspan_at, mark_toks)
        except Exception as exc:  # noqa: BLE001 - a malformed parse around one cue costs that cue only
            on_error(f"cue at {t.start}: {type(exc).__name__}: {exc}", exc)
            a = None
        if a is not None:
            a.para = para_of(a.cue[0])
            attrs.append(a)
    try:
        _add_colon_cues(p, attrs, paras, qspans, para_of)
    except Exception as exc:  # noqa: BLE001 - colon cues are an addition; the rest stands without them
        on_error(f"colon cues: {type(exc).__name__}: {exc}", exc)
    _place_orphans(text, attrs, qspans, para_of, on_error)
    return _finish(p, attrs, qspans, in_furniture)


def _add_colon_cues(p: Parse, attrs: list[_Attr], paras, qspans, para_of) -> None:
    """Attributions with a colon as cue ("Graham: Trump's ...", "TAPPER: Do you think ...",
    "pollster Daron Shaw: “...”"; :mod:`.colons`), unless a verb cue already reports the same
    quotation."""
    for c in colons.find(p, paras, qspans):
        if c.layout == "inline" and any(_overlaps(c.content[0], x) for a in attrs for x in a.content):
            continue
        a = _Attr(
            c.cue, c.source, list(c.content), colons.CONFIDENCE, cues.COLON, para_of(c.cue[0]), c.source_head
        )
        attrs.append(a)


def _attribution(p, h, mdl, w, thr, qspan_at, mark_toks):
    toks = p.toks
    t = toks[h]
    q = qspan_at(t.start)
    near = quote_near(p, h, mark_toks)
    conf = cues.score(
        cues.features(
            p,
            h,
            q is not None,
            near,
            quote_side(p, h, mark_toks),
            mdl["_lexset"] if mdl.get("open") else None,
        ),
        w,
    )
    if conf < thr:
        return None
    if _idiom(p, h):
        return None
    subj = rules.subject(p, h)
    subj_content = subj is not None and rules.subject_is_content(p, h, mdl["subject_content"])
    sh = (
        rules.agent(p, h)
        if subj_content
        else rules.speaker_head(
            p, h, mdl.get("passive_source", {}), lambda k: qspan_at(toks[k].start) is not None
        )
    )
    cue_idx = rules.cue_tokens(p, h, mdl["cue_kids"], sh)
    cue_set = set(cue_idx)
    if sh is not None and not subj_content:
        sh = _source_after_quote(p, h, sh, qspan_at) if near else sh
    if sh is not None and source_dateline(p.text, toks[sh].start):
        # "CARSON CITY, Nev. — The campaign ... said": the parser may make the
        # dateline a second subject; the source is the subject after it
        de = dateline_end(p.text, p.text.rfind("\n", 0, toks[sh].start) + 1)
        later = [k for k in p.children[h] if toks[k].dep in ("nsubj", "nsubjpass") and toks[k].start >= de]
        lo_, hi_ = p.subtree(sh)
        sh = (
            later[0]
            if later
            else (
                sh
                if any(
                    toks[k].start >= de and toks[k].pos in ("NOUN", "PROPN", "PRON") for k in range(lo_, hi_)
                )
                else None
            )
        )
    src_idx = []
    not_content = set()
    if sh is not None and sh not in cue_set:
        exclude = cue_set | {h}
        # a relative pronoun ("who said") stays the source as written, as PolNeAR
        # annotates it; the speakers stage resolves it to the noun it stands for
        src_idx = rules.source_tokens(p, sh, mdl["source_kids"], exclude)
        if not rules.dominates(p, sh, h):
            not_content = rules.subtree_set(p, sh)
    con = rules.content_tokens(p, h, mdl["content_kids"], cue_set, set(src_idx) | not_content)
    if subj_content and subj is not None:
        con |= rules.subtree_set(p, subj)
    decide = mdl.get("_edge_decide")
    if decide is None:
        decide = mdl["_edge_decide"] = extent.model_decide(extent.model())
    con = extent.trim(p, h, con, decide)
    if src_idx and source_dateline(p.text, toks[src_idx[0]].start):
        # "CARSON CITY, Nev. — The campaign said": a dateline is no source
        # ("WASHINGTON -- President Obama said": the source is what follows it)
        de = dateline_end(p.text, p.text.rfind("\n", 0, toks[src_idx[0]].start) + 1)
        src_idx = [k for k in src_idx if toks[k].start >= de]
        if not src_idx:
            sh = None
        elif sh is not None and toks[sh].start < de:
            sh = src_idx[-1]
    spans = _content_spans(p, con, qspan_at)
    if spans and _no_comment(p.text, t.lemma.lower(), spans):
        return None
    cue = (toks[cue_idx[0]].start, toks[cue_idx[-1]].end)
    source = (toks[src_idx[0]].start, toks[src_idx[-1]].end) if src_idx else None
    a = _Attr(cue, source, spans, conf, "according" if rules.is_according(t) else t.lemma.lower(), 0, sh)
    return a


def _source_after_quote(p: Parse, h: int, sh: int, qspan_at) -> int:
    """“...,” the candidate said: the noun phrase between the closing mark and the
    cue is the source, whatever the parser attached it to."""
    toks = p.toks
    j = h - 1
    while j >= 0 and h - j <= 12 and toks[j].sent == toks[h].sent:
        if _is_mark(toks[j].text) and qspan_at(toks[j].start) is not None:
            break
        if toks[j].pos in ("VERB", "AUX") and toks[j].dep not in ("aux", "auxpass", "amod"):
            return sh
        j -= 1
    else:
        return sh
    gap = [
        k
        for k in range(j + 1, h)
        if not toks[k].is_punct and toks[k].dep not in ("aux", "auxpass", "neg", "advmod")
    ]
    if not gap or sh in gap:
        return sh
    # the head of the gap: the token whose head lies outside it
    inside = set(gap)
    heads = [k for k in gap if toks[k].head not in inside and toks[k].pos in ("NOUN", "PROPN", "PRON")]
    return heads[-1] if heads else sh


# A dateline opening a paragraph: "CARSON CITY, Nev. —", "VALDEMAR, Portugal (Reuters) -".
DATELINE = re.compile(
    r"[A-Z][A-Z.'\u2019 -]*[A-Z.](?:, [A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?"
    r"(?: \([^()\n]{1,30}\))?\s*(?:\u2014|\u2013|--|-)\s+"
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


def _idiom(p: Parse, h: int) -> bool:
    t = p.toks[h]
    if t.lemma.lower() not in ("say", "tell"):
        return False
    if (
        t.lemma.lower() == "tell"
        and h + 1 < len(p.toks)
        and p.toks[h + 1].text.lower() in ("of", "about")
        and h > 0
        and p.toks[h - 1].text.lower() in ("when", "after", "once", "if", "was", "were", "been", "being")
    ):
        return True  # "when told of the governor's remarks": being told is hearing, not saying
    lo, hi = max(0, t.start - 20), min(len(p.text), t.end + 20)
    return any(m.start() <= t.start < m.end() for m in IDIOMS.finditer(p.text, lo, hi))


def _no_comment(text: str, lemma: str, spans) -> bool:
    if lemma not in ("respond", "return", "reply", "answer"):
        return False
    first = text[spans[0][0] : spans[-1][1]]
    return len(first.split()) <= 5 and bool(NO_COMMENT.match(first))


def mark_tokens(p: Parse) -> list[int]:
    """Token indices of quotation marks (for :func:`quote_near`)."""
    return [t.i for t in p.toks if (t.is_punct or not t.text.isalnum()) and _is_mark(t.text)]


def quote_side(p: Parse, h: int, mark_toks: list[int]) -> str:
    """Where the sentence of token h has quotation marks: "L", "R", "LR" or ""."""
    toks = p.toks
    sent = p.sents[toks[h].sent]
    k = bisect.bisect_left(mark_toks, sent.start)
    left = k < len(mark_toks) and mark_toks[k] < h
    k = bisect.bisect_right(mark_toks, h)
    right = k < len(mark_toks) and mark_toks[k] < sent.end
    return ("L" if left else "") + ("R" if right else "")


def quote_near(p: Parse, h: int, mark_toks: list[int]) -> bool:
    """A quotation mark within four tokens of the cue, in its sentence ("...,” he said")."""
    toks = p.toks
    k = bisect.bisect_left(mark_toks, h - 4)
    while k < len(mark_toks) and mark_toks[k] < h + 4:
        if toks[mark_toks[k]].sent == toks[h].sent:
            return True
        k += 1
    return False


def _content_spans(p: Parse, idx: set[int], qspan_at) -> list[tuple[int, int]]:
    toks = p.toks
    out: list[tuple[int, int]] = []
    for a, b in rules.runs(idx):
        while a < b and (toks[a].is_punct or toks[a].is_space) and not _is_mark(toks[a].text):
            a += 1
        while b > a and (toks[b - 1].is_punct or toks[b - 1].is_space) and not _is_mark(toks[b - 1].text):
            b -= 1
        if a >= b:
            continue
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


def _is_mark(s: str) -> bool:
    return s in _MARK_TEXTS or (len(s) > 1 and any(ch in s for ch in '\u201c\u201d\u201e\u00ab\u00bb"'))


def _overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _place_orphans(text, attrs, qspans, para_of, on_error):
    # attributions by paragraph: a quotation only looks at its own and the previous
    # paragraphs, which keeps this linear in the article's length
    by_para: dict[int, list] = {}
    for a in attrs:
        by_para.setdefault(a.para, []).append(a)
    covered = [False] * len(qspans)
    for k, q in enumerate(qspans):
        for a in by_para.get(q.para, ()):
            if any(_overlaps((q.start, q.end), c) for c in a.content) or (
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
    for k, q in enumerate(qspans):
        if covered[k]:
            continue
        # a later paragraph of a quotation placed just now ("“A,” he said. “B ...¶“C.”"):
        # it continues that quote (and the attribution the quote is part of)
        prev = next(
            (j for j in range(k - 1, max(-1, k - 7), -1) if qspans[j].group == q.group and covered[j]), None
        )
        if prev is not None:
            owners = [
                a
                for a in by_para.get(qspans[prev].para, ())
                if any(_overlaps((qspans[prev].start, qspans[prev].end), c) for c in a.content)
            ]
            own = next((a for a in owners if a.part_of is not None), next((a for a in owners if a.cue), None))
            # (an unattributed paragraph does not pull in the next one: in a transcript
            # each paragraph in open quotation marks is a turn of its own)
            if own is not None:
                own.content.append((q.start, q.end))
                if own.part_of is not None:
                    own.part_of.content.append((q.start, q.end))
                covered[k] = True
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
                q.end <= target.cue[0]
                and not _whole_sentence(text, q)
                and _SENTENCE_END.search(text, max(q.start, q.end - 3), target.cue[0])
            ):
                # a title or scare quote inside an earlier sentence ("the political
                # equivalent of “The Truman Show.” She says ...") is not what she says
                return False
            if (
                target.cue[1] <= q.start
                and _whole_sentence(text, q)
                and any(not _overlaps(c, (q.start, q.end)) for c in target.content)
            ):
                # (an attribution with nothing else to report keeps the quotation as its
                # only content: a separate quote would repeat it word for word)
                # “A,” she said. “B.” - a new sentence after the attribution is a quote
                # of its own (as who-said-what gold counts it) continuing her
                a = _Attr(None, None, [(q.start, q.end)], 0.5, "", para)
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
    a = _Attr(None, None, [(q.start, q.end)], 0.5, "", para)
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


def _owner(attrs, q):
    for a in attrs:
        if any(_overlaps((q.start, q.end), c) for c in a.content):
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


def _finish(p: Parse, attrs, qspans, in_furniture):
    text = p.text
    attrs.sort(key=lambda a: min([c[0] for c in a.content] + ([a.cue[0]] if a.cue else [])))
    out = []
    ids = {}
    for n, a in enumerate(attrs, 1):
        ids[id(a)] = "q%d" % n
    inherited = {}
    qrng = [(q.start, q.end) for q in qspans]
    for a in attrs:
        qid = ids[id(a)]
        merged: list[list[int]] = []
        for s, e in sorted(set(a.content)):
            if merged and s < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        content = tuple(Span.of(text, s, e) for s, e in merged)
        kind = _kind(text, content, qrng)
        src = Span.of(text, *a.source) if a.source else None
        speaker = _speaker(p, src, a.src_tok)
        if a.inherit is not None and id(a.inherit) in ids:
            inherited[qid] = ids[id(a.inherit)]
            b = a.inherit
            speaker = _speaker(p, Span.of(text, *b.source), b.src_tok) if b.source else Speaker()
        cat = (
            cues.category(
                a.lemma,
                kind,
                _clausal(p, content),
                cue_words=tuple(text[a.cue[0] : a.cue[1]].lower().split()),
                source_class=_source_class(p, a.src_tok),
            )
            if a.cue
            else "speech"
        )
        lo = min([c.start for c in content] + ([a.cue[0]] if a.cue else []))
        hi = max([c.end for c in content] + ([a.cue[1]] if a.cue else []))
        furn = bool(in_furniture and in_furniture(lo, hi))
        part_of = ids.get(id(a.part_of)) if a.part_of is not None else None
        out.append(
            Quote(
                id=qid,
                kind=kind,
                category=cat,
                content=content,
                cue=Span.of(text, *a.cue) if a.cue else None,
                source=src,
                speaker=speaker,
                in_furniture=furn,
                confidence=round(a.conf, 3),
                part_of=part_of,
            )
        )
    return tuple(out), inherited


def _source_class(p: Parse, head: int | None) -> str:
    """The coarse class of the source's head word (``lang.quotes.mention_class``)."""
    if head is None:
        return ""
    t = p.toks[head]
    return mention_class(t.lemma, t.pos, t.ent_type)


def _clausal(p: Parse, content) -> bool:
    """Whether the content has a verb (a reported clause rather than a bare noun phrase). A
    verb that only modifies a noun ("added the dye to foods *sold* in the region", "did not
    reveal the price *it paid*") does not make the noun phrase a clause; a relative clause
    whose noun is outside the content ("..., which, according to the Times, cost $5m") is one."""
    for c in content:
        a = p.token_at(c.start)
        while a is not None and a < len(p.toks) and p.toks[a].start < c.end:
            tok = p.toks[a]
            if tok.pos in ("VERB", "AUX") and not (
                tok.dep in NOUN_MODIFIER_DEPS
                and any(d.start <= p.toks[tok.head].start < d.end for d in content)
            ):
                return True
            a += 1
    return False


def _kind(text, content, qrng) -> str:
    """direct / mixed / indirect by the share of word characters inside quotation marks."""
    inside = total = 0
    for c in content:
        total += len(_WORD.findall(text, c.start, c.end))
        k = max(0, bisect.bisect_right(qrng, (c.start,)) - 1)
        while k < len(qrng) and qrng[k][0] < c.end:
            qs, qe = qrng[k]
            if c.start < qe:
                inside += len(_WORD.findall(text, max(qs, c.start), min(qe, c.end)))
            k += 1
    if total and inside >= total:
        return "direct"
    return "mixed" if inside else "indirect"


def _speaker(p: Parse, src: Span | None, head: int | None) -> Speaker:
    if src is None:
        return Speaker()
    return Speaker(entity=None, name=src.text, type=_speaker_type(p, head, src), description=None)


def _speaker_type(p: Parse, head: int | None, src: Span) -> str:
    if head is None:
        return "unknown"
    t = p.toks[head]
    low = t.text.lower()
    if t.pos == "PRON":
        return "person" if low in PERSON_PRON else ("group" if low in GROUP_PRON else "unknown")
    if t.ent_type == "PERSON":
        return "person"
    if t.ent_type in ("ORG", "GPE"):
        return "organization"
    if t.ent_type == "NORP":
        return "group"
    if t.lemma.lower() in ORG_WORDS:
        return "organization"
    if t.pos == "NOUN":
        return "anonymous"
    return "unknown"
