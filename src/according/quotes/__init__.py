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
   Palvetzian", "“...,” tweeted another"), never part of the cue; the relative pronoun of "who said", as written;
   where the parser misleads these, ``rules.speaker_head`` corrects them: a cue hung on the
   reported clause of an earlier cue takes that cue's subject, of two subjects parted by
   punctuation the nearer is the speaker, a contracted "has" is no passive, a "from" phrase names
   who criticised; PolNeAR dev source overlap, tuned / sealed half, .7736 / .7938 -> .7851 /
   .7954) and its content (the
   complement clause, object, "of ..." phrase; the rest of the clause for
   "according to") off the dependency parse, with extent tables learned from
   PolNeAR train. For raising and passive cues ("seems to", "was declared") the
   learned table may put the subject in the content and leave no source.
   The modifiers at the content's edges (a trailing ", which ..." clause, words
   after a quotation has closed, the preposition of "concern about X", an
   addressee) then stay or go by a small model learned on PolNeAR train
   (``extent``). Then the words naming the speaker between a quotation that closes
   with a comma and the cue ("“...,” Obama's former strategist David Axelrod said"), and
   unquoted words after the cue of a wholly quoted content ("“...,” he said *to laughs*"),
   leave the content: narration (``narration``); so do the words before a colon that opens the quotation
   ("Later he turned to the money: “...,” he said"), and the infinitive's cue verb after
   "continued to", "tried to" (PolNeAR puts it in the cue); the quoted clause's subject
   before "X, he said, “...”" is content, and so is the other side of an attribution set off
   by commas inside the sentence it reports ("The difference now, he told me, is that ..."); a
   speech verb coordinated after the reported clause in a tense of its own is the speaker's next
   act ("said he would order a review and warned against ..."). A content edge inside a quotation moves out to its mark,
   so a direct quote's span includes the marks.
4. Quotation spans no attribution covers are then placed (``placing``, with the content spans):
   - in a paragraph where an attribution already quotes someone, they become
     extra content spans of the nearest one ("“A,” he said, “B.”" is one quote
     with two content spans; a title or scare quote inside an *earlier* sentence,
     "the equivalent of “The Truman Show.” She says ...", is not, nor a word or two in
     quotation marks before the cue in its sentence or in a later sentence). A quoted
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
from collections.abc import Callable
from itertools import compress, islice
from operator import ne

from ..lang.quotes import (
    ASKING_VERBS,
    COMPLEMENT_OPENERS,
    GROUP_PRON,
    IDIOMS,
    NO_COMMENT,
    NOUN_MODIFIER_DEPS,
    ORG_WORDS,
    PERSON_PRON,
    QUESTION_WORDS,
    mention_class,
)
from ..model import Quote, Span, Speaker
from ..nlp import Parse
from ..pipeline import Work, stage
from . import colons, content_rules, cue_candidates, cues, extent, marks, narration, non_reporting, rules
from . import speakers as _speakers  # noqa: F401  (registers the "speakers" stage)
from .placing import (
    Attribution,
    content_spans,
    dateline_end,
    is_mark,
    overlaps,
    place_orphans,
    source_dateline,
)

log = logging.getLogger("according")


def _word_chars(text: str, start: int, end: int) -> int:
    """How many word characters (``[^\\W_]``: ``str.isalnum``, the same test as the regular
    expression's for every code point) ``text[start:end]`` holds; counted without a list of
    matches (2x faster than ``len(re.findall(...))`` on PolNeAR's quotes)."""
    return sum(map(str.isalnum, text[start:end]))


@stage("quotes", requires=("parse", "furniture"), assigns=("quotes", "inherited_from"))
def find_quotes(work: Work) -> dict:
    quotes, inherited = extract(
        work.parse, work.in_furniture, on_error=lambda message, exc: work.fail("quotes", message, exc)
    )
    return {"quotes": quotes, "inherited_from": inherited}


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

    attrs: list[Attribution] = []
    lex = mdl.get("_lexset")
    if lex is None:
        lex = mdl["_lexset"] = frozenset(mdl["lexicon"])
        mdl["_never"] = frozenset(mdl.get("never", ())) if mdl.get("open") else None
    never = mdl["_never"]
    mark_toks = mark_tokens(p)
    w = mdl["weights"]
    thr = mdl["threshold"]
    toks = p.toks
    for i in cue_candidates.candidate_tokens(p, lex, never):
        try:
            a = _attribution(p, i, mdl, w, thr, qspan_at, mark_toks)
        except Exception as exc:  # noqa: BLE001 - a malformed parse around one cue costs that cue only
            on_error(f"cue at {toks[i].start}: {type(exc).__name__}: {exc}", exc)
            a = None
        if a is not None:
            a.para = para_of(a.cue[0])
            attrs.append(a)
    try:
        _add_colon_cues(p, attrs, paras, qspans, para_of)
    except Exception as exc:  # noqa: BLE001 - colon cues are an addition; the rest stands without them
        on_error(f"colon cues: {type(exc).__name__}: {exc}", exc)
    place_orphans(text, attrs, qspans, para_of, on_error)
    return _finish(p, attrs, qspans, in_furniture)


def _add_colon_cues(p: Parse, attrs: list[Attribution], paras, qspans, para_of) -> None:
    """Attributions with a colon as cue ("Graham: Trump's ...", "TAPPER: Do you think ...",
    "pollster Daron Shaw: “...”"; :mod:`.colons`), unless a verb cue already reports the same
    quotation."""
    for c in colons.find(p, paras, qspans):
        if c.layout == "inline" and any(overlaps(c.content[0], x) for a in attrs for x in a.content):
            continue
        a = Attribution(
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
    if sh is None:
        sh = rules.from_source(p, h)
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
    con = content_rules.content_tokens(p, h, mdl["content_kids"], cue_set, set(src_idx) | not_content)
    first = rules.source_head(p, h)
    if sh is not None and first is not None and first < sh < h and toks[first].head == h and first in con:
        # a second subject the parser gave the cue, passed over for the nearer one
        # (``rules.speaker_head``: "Anticipating blowback, McAuliffe remarked") is no more
        # what was said than the source is, unless it is all there is
        rest = con - rules.subtree_set(p, first)
        con = rest or con
    if subj_content and subj is not None:
        con |= rules.subtree_set(p, subj)
    decide = mdl.get("_edge_decide")
    if decide is None:
        decide = mdl["_edge_decide"] = extent.model_decide(extent.model())
    con = extent.trim(p, h, con, decide)
    # after the edges, so the edge model's training rows stay as they were
    if non_reporting.non_reporting(p, h):  # "charged a premium", "filed for bankruptcy": no cue
        return None
    con -= narration.after_quotation(p, h, qspan_at)
    con -= narration.after_cue(p, h, con, qspan_at)
    con |= narration.quoted_subject(p, h, con) - cue_set - set(src_idx) - not_content
    con -= narration.before_quotation(p, h, con, qspan_at)
    con -= narration.chained_verb(p, h, con, mdl["_lexset"])
    if src_idx and min(src_idx) < h:  # (the source before the cue: see set_off_cue)
        con |= narration.set_off_cue(p, h, con, cue_set | set(src_idx))
    con -= narration.coordinated_narration(p, h, con)
    if src_idx and source_dateline(p.text, toks[src_idx[0]].start):
        # "CARSON CITY, Nev. — The campaign said": a dateline is no source
        # ("WASHINGTON -- President Obama said": the source is what follows it)
        de = dateline_end(p.text, p.text.rfind("\n", 0, toks[src_idx[0]].start) + 1)
        src_idx = [k for k in src_idx if toks[k].start >= de]
        if not src_idx:
            sh = None
        elif sh is not None and toks[sh].start < de:
            sh = src_idx[-1]
    spans = content_spans(p, con, qspan_at)
    if spans and _no_comment(p.text, t.lemma.lower(), spans):
        return None
    cue = (toks[cue_idx[0]].start, toks[cue_idx[-1]].end)
    source = (toks[src_idx[0]].start, toks[src_idx[-1]].end) if src_idx else None
    a = Attribution(
        cue, source, spans, conf, "according" if rules.is_according(t) else t.lemma.lower(), 0, sh
    )
    return a


def _source_after_quote(p: Parse, h: int, sh: int, qspan_at) -> int:
    """“...,” the candidate said: the noun phrase between the closing mark and the
    cue is the source, whatever the parser attached it to."""
    toks = p.toks
    j = h - 1
    while j >= 0 and h - j <= 12 and toks[j].sent == toks[h].sent:
        if is_mark(toks[j].text) and qspan_at(toks[j].start) is not None:
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
    """Token indices of quotation marks (for :func:`quote_near`): where the parse's running
    count of marks (``extent``'s, kept for the content edges of the same parse) steps up."""
    marks_before = extent._marks_before(p)
    return list(compress(range(len(p.toks)), map(ne, islice(marks_before, 1, None), marks_before)))


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
                complement=_complement(p, content, a.lemma),
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


_CLAUSE_MARKS = frozenset(("that", "whether"))


def _clausal(p: Parse, content) -> bool:
    """Whether the content has a verb (a reported clause rather than a bare noun phrase). A
    verb that only modifies a noun ("added the dye to foods *sold* in the region", "did not
    reveal the price *it paid*") does not make the noun phrase a clause; a relative clause
    whose noun is outside the content ("..., which, according to the Times, cost $5m") is one.
    A "that" or "whether" opening a clause makes it one whatever the tagger made of its verb
    ("complained that the water smelled of chlorine", "smelled" tagged an adjective)."""
    for c in content:
        a = p.token_at(c.start)
        while a is not None and a < len(p.toks) and p.toks[a].start < c.end:
            tok = p.toks[a]
            if tok.dep == "mark" and tok.text.lower() in _CLAUSE_MARKS:
                return True
            if tok.pos in ("VERB", "AUX") and not _modifies_noun(p, tok, content):
                return True
            a += 1
    return False


def _complement(p: Parse, content, lemma: str) -> bool:
    """Whether the content opens with the word of a reported clause ("that the plan was
    late", "whether the funds were spent"; lang.quotes.COMPLEMENT_OPENERS) or, under a verb of
    asking, a question ("asked why the vote was delayed")."""
    if not content:
        return False
    k = p.token_at(content[0].start)
    while k is not None and k < len(p.toks) and p.toks[k].is_punct:
        k += 1
    if k is None or k >= len(p.toks):
        return False
    w = p.toks[k].text.lower()
    return w in COMPLEMENT_OPENERS or (w in QUESTION_WORDS and lemma.lower() in ASKING_VERBS)


def _modifies_noun(p: Parse, tok, content) -> bool:
    """Whether verb ``tok`` only modifies a noun of the content, or is the auxiliary of
    such a verb ("support for the format, which the firm *has* licensed")."""
    if tok.dep in ("aux", "auxpass") and tok.head != tok.i:
        tok = p.toks[tok.head]
    return tok.dep in NOUN_MODIFIER_DEPS and any(d.start <= p.toks[tok.head].start < d.end for d in content)


def _kind(text, content, qrng) -> str:
    """direct / mixed / indirect by the share of word characters inside quotation marks."""
    inside = total = 0
    for c in content:
        total += _word_chars(text, c.start, c.end)
        k = max(0, bisect.bisect_right(qrng, (c.start,)) - 1)
        while k < len(qrng) and qrng[k][0] < c.end:
            qs, qe = qrng[k]
            if c.start < qe:
                inside += _word_chars(text, max(qs, c.start), min(qe, c.end))
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
