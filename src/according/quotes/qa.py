"""Who speaks inside quotations and interview turns (part of the speakers stage).

A turn labelled "Q"/"A" rather than with a name is resolved after the coreference pass, the
answers to the person the introduction names most often (``_State.interviewee``: the one the
pass gives the answers' "I" to, decided once for both), the questions to the byline's author; "I" in a turn is the one answering
(:func:`answering_speaker`); a he/she inside a quotation is not its speaker
(:class:`Enclosures` gives that speaker to the pronoun search).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..coref.context import find_turns
from ..entities import Mention
from ..lang.colon_cues import ANSWERER_PRONOUNS
from ..lang.coref import PRONOUN_FORMS, TURN_ANSWER, TURN_QUESTION
from ..model import Speaker
from ..pipeline import Work
from .cues import COLON
from .referents import _State
from .speaker_words import words_of


def qa_interview(text: str) -> bool:
    """The article is laid out as an interview (the coreference pass's reading)."""
    return bool(find_turns(text))


def qa_label(text: str, q, interview: bool) -> bool:
    """A turn of a question-and-answer layout whose label is "Q"/"A" (or "Question"/"Answer"),
    not a name, in an article laid out as an interview (``coref.context.find_turns``)."""
    return (
        interview
        and q.source is not None
        and q.cue is not None
        and q.cue.text == COLON
        and text[q.source.start : q.source.end].casefold() in TURN_QUESTION | TURN_ANSWER
    )


def qa_turns(work: Work, st: _State, quotes: list) -> None:
    """ "A: I grew up on a farm" is the one interviewed (:meth:`_State.interviewee`: the person
    the introduction names most often, decided once, so that the coreference pass's "I" in the
    answers and these quotes' speakers agree). "Q: Why bees?" is the byline's author. Without either
    the label stays as written, of type unknown (issue 8: on real Q&A pages the answers went to
    the writer). A first-person source inside an answer ("A: ... I said so last week") is the
    one answering too (PolNeAR train's two Q&A interviews: the article's most-named person was
    right for Joe Biden, wrong for the actress whose answers name Donald Trump most often)."""
    turns = find_turns(work.text)
    if not turns:
        return
    labelled = [q for q in quotes if q.source is not None and qa_label(work.text, q, True)]
    if not labelled:
        return
    answerer = st.interviewee(turns[0].start, work.meta.authors)  # as the coreference pass decided
    author = st.by_name.get(work.meta.authors[0].casefold()) if work.meta.authors else None
    answers = sorted(
        (c.start, c.end)
        for q in labelled
        if work.text[q.source.start : q.source.end].casefold() in TURN_ANSWER
        for c in q.content
    )
    starts = [s for s, _ in answers]
    for k, q in enumerate(quotes):
        if q.source is None:
            continue
        said = work.text[q.source.start : q.source.end].casefold()
        if qa_label(work.text, q, True):
            eid = author if said in TURN_QUESTION else answerer
        elif said in ANSWERER_PRONOUNS and answerer is not None:
            j = bisect.bisect_right(starts, q.source.start) - 1
            eid = answerer if j >= 0 and q.source.end <= answers[j][1] else None
        else:
            continue
        if eid is not None:
            quotes[k] = replace(q, speaker=st.speaker(eid))


class Enclosures:
    """The quotations (direct quotes and interview turns) of an article, by where their content
    starts, so that the one holding a source is found by bisection, not by a scan of all."""

    LOOK_BACK = 8  # contents starting before a source that are checked (nesting is shallow)

    def __init__(self, quotes: list):
        spans = sorted(
            (c.start, c.end, r.id)
            for r in quotes
            if r.kind == "direct" or (r.cue is not None and r.cue.text == COLON)
            for c in r.content
        )
        self.spans = spans
        self.starts = [s for s, _, _ in spans]

    def speaker(self, q, by_id: dict[str, Speaker]) -> str | None:
        """The entity speaking the quotation (or interview turn) that holds ``q``'s source."""
        k = bisect.bisect_right(self.starts, q.source.start)
        for _start, end, rid in reversed(self.spans[max(0, k - self.LOOK_BACK) : k]):
            sp = by_id.get(rid)
            if rid != q.id and q.source.end <= end and sp is not None and sp.entity is not None:
                return sp.entity
        return None


def answering_speaker(text: str, q, quotes: list, by_id: dict[str, Speaker]) -> Speaker | None:
    """First person in an interview answer is the one answering: a quote whose source is "I" (or
    "me") and whose cue lies inside the content of a turn ("FALLIN: I think he is trying ... I said
    so last week"; a colon cue, ``quotes.colons``) already resolved has the turn's speaker, not
    the byline's author."""
    if q.cue is None or text[q.source.start : q.source.end].casefold() not in ANSWERER_PRONOUNS:
        return None
    for r in quotes:
        sp = by_id.get(r.id)
        if sp is None or r.cue is None or r.cue.text != COLON or not (sp.entity or sp.name):
            continue
        if any(c.start <= q.cue.start and q.cue.end <= c.end for c in r.content):
            return sp
    return None


# The signature an embedded post leaves in the text: "— Mark Dale (@SenMarkDale) June 3, 2024",
# on the line that ends the post (Twitter/X's embed markup, as ingest flattens it).
_SIGNATURE = re.compile(r"(?m)^[ \t]*[—–-]{1,2}[ \t]*([^\n()@]{2,80}?)[ \t]*\(@\w{1,30}\)")


def post_author(text: str, char: int) -> str | None:
    """The name signing the embedded post whose text holds ``char``: the paragraph of ``char``
    is followed by a signature line (or ends in one). "I" there is that name's, not the
    byline's (issue 8: on real web pages embedded tweets' "I" went to the writer)."""
    end = text.find("\n", char)
    end = len(text) if end < 0 else end
    nxt = text.find("\n", end + 1)
    m = _SIGNATURE.match(text, end + 1, len(text) if nxt < 0 else nxt) if end < len(text) else None
    if m is None:  # the signature inside the same paragraph, after the post's words
        start = text.rfind("\n", 0, char) + 1
        inline = re.search(r"[—–][ \t]*([^\n()@—–]{2,80}?)[ \t]*\(@\w{1,30}\)", text[char:end])
        if inline is None or start > char:
            return None
        return " ".join(inline.group(1).split())
    return " ".join(m.group(1).split())


# A pull quote's attribution: the paragraph's words, then after its last stop (or closing mark)
# nothing but a name, optionally after a dash ("... because she was suppressive. Valeska Paris").
_PULL_SIGNATURE = re.compile(
    r"[.!?”\"][ \t]+(?:[—–][ \t]*)?((?:[A-Z][\w'’.\-]+[ \t]+){1,3}[A-Z][\w'’\-]+)[ \t]*$"
)


def pull_quote_speaker(st: _State, text: str, char: int) -> str | None:
    """The person whose name alone ends the paragraph holding ``char`` (a pull quote or
    blockquote with its attribution after it): "I" there is that person, not the writer. Only a
    person the article names elsewhere with that full name (a bare run of capitalised words
    could be anything)."""
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    end = len(text) if end < 0 else end
    m = _PULL_SIGNATURE.search(text, start, end)
    if m is None or m.start(1) <= char:
        return None
    eid = st.by_name.get(" ".join(m.group(1).split()).casefold())
    if eid is None or st.infos[eid]["label"] not in ("PERSON", "ORG", "GPE") or st.infos[eid].get("stype"):
        return None
    # named outside this paragraph too, as a name (the entities stage's own)
    if not any(x.entity == eid and x.kind == "name" and not start <= x.start < end for x in st.mentions):
        return None
    return st.infos[eid]["name"]


def signed_by(st: _State, name: str, tok: int, current: str | None) -> str:
    """The entity of a post's signing ``name`` (the article's person of that name, else a new
    one); the first-person mentions of the post's paragraph move to it from ``current`` (the
    byline's author the coreference pass gave them to)."""
    words = set(words_of(name))
    eid = st.by_name.get(name.casefold()) or next(
        (
            e
            for e, info in st.infos.items()
            if info["label"] == "PERSON" and words and words <= set(info["name_words"]) | set(info["words"])
        ),
        None,
    )
    eid = eid or st.new_entity(name, "PERSON", "person", [], words_of(name), False)
    if current == eid:
        return eid
    p = st.p
    text = p.text
    char = p.toks[tok].start
    lo, hi = text.rfind("\n", 0, char) + 1, text.find("\n", char)
    hi = len(text) if hi < 0 else hi
    if current is None:
        # the coreference pass left the paragraph's first person to no one (no byline): its
        # "I", "me", "my" are the signer's mentions too
        covered = {(m.tok_start, m.tok_end) for m in st.mentions if lo <= m.start < hi}
        first = tok
        while first > 0 and p.toks[first - 1].start >= lo:
            first -= 1
        for t in p.toks[first:]:
            if t.start >= hi:
                break
            form = PRONOUN_FORMS.get(t.text.casefold())
            if form is not None and form.cls == "i" and (t.i, t.i + 1) not in covered:
                st.add_mention(Mention(t.start, t.end, t.text, t.i, t.i + 1, eid, "pronoun"))
        return eid
    # every first person of the post's paragraph the coreference pass gave to the same writer
    for m in list(st.mentions):
        if m.entity == current and m.kind == "pronoun" and lo <= m.start < hi:
            st.relink(m, eid)
    return eid
