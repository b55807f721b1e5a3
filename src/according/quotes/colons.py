"""Colon cues: "NAME: what they said" in headlines, transcripts and Q&A layouts.

News attributes with a colon where no verb stands (PolNeAR train: 145 gold attributions whose cue
is a colon; 78 in a title, the rest transcript turns and "- NAME: “...”" in live blogs):

- a *title* or a paragraph that opens with a short name and a colon ("Graham: Trump's ...",
  "JAKE TAPPER: Donald Trump released a video", "Q: You open your book ..."): the name is the
  source, the colon the cue, the rest of the paragraph the content;
- a colon right after a name and right before a quotation ("- Mark Blumenthal and Jon Cohen:
  “...”", "More from the report: “...”"): the quotation is the content, unless a verb or a
  preposition comes before the name ("telling Breitbart London: “...”": the verb is the cue).

A prefix is a speaker, not a label ("The Latest:", "BYLINE:", "EXCLUSIVE:"), when it is a short
run of capitalised words (or a transcript's name in capitals) with no verb, whose last word is
capitalised or a noun that can speak (``lang.quotes.mention_class``: person, organisation, role,
document, finding), with no word of :data:`~according.lang.colon_cues.LABEL_WORDS`, and what
follows has a verb or quotes words (a title: three words). What is said in the answer of a turn
is said by the one answering: the turn's source is its name (or "A"); a first-person cue nested
inside an answer is still resolved by the speakers stage (not changed here).

Measured on PolNeAR train (``scripts/census_colon_cues.py``; the rules were written reading
train only): 200 proposed, 119 of 146 gold colon cues found (117 with the exact source, 119 with
overlapping content). PolNeAR dev, quote stage, tuned / sealed half: source .7718 / .7881 ->
.7729 / .7902, cue .7768 / .7819 -> .7796 / .7829, content .7697 / .7786 -> .7701 / .7799, exact
content .5461 / .5451 -> .5497 / .5487, full .6361 / .6307 -> .6385 / .6314. None proposed in
the 120 MEANTIME business articles, the specimen or the examples (page furniture and fact-box
labels such as "Gaza war: ..." stay out).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lang.colon_cues import LABEL_WORDS, QA_LABELS
from ..lang.quotes import mention_class
from ..syntax import Parse
from .marks import QSpan
from .placing import is_mark

MAX_PREFIX_WORDS = 5  # a speaker's name (with a title) before a colon: "Sen. Kristen Gillibrand"
MAX_PREFIX_CHARS = 45
SPEAKER_CLASSES = frozenset(("per", "org", "spk", "doc", "find"))  # "From the report: “...”"
# the confidence recorded for a colon attribution: its precision on PolNeAR train
# (scripts/census_colon_cues.py: 119 of 200 proposed match a gold colon cue; about 50 of the
# other 81 are the turns of one Q&A interview its annotators did not annotate)
CONFIDENCE = 0.6
_OPENING_MARKS = frozenset('\u201c"\u00ab\u201e')
_SINGLE_MARKS = frozenset(("\u2018", "\u2019", "'"))
MIN_TITLE_WORDS = 3
_DASHES = frozenset(("-", "\u2013", "\u2014", "--"))


@dataclass(frozen=True)
class ColonAttribution:
    """One colon cue: character spans of the colon, the name before it and what follows, and the
    token heading the name."""

    cue: tuple[int, int]
    source: tuple[int, int]
    content: tuple[tuple[int, int], ...]
    source_head: int
    layout: str  # "turn" (a paragraph opening "NAME: ...") or "inline" ("NAME: “...”")


def find(p: Parse, paragraphs: list[tuple[int, int]], quotations: list[QSpan]) -> list[ColonAttribution]:
    """Colon attributions of one article, in text order."""
    out: list[ColonAttribution] = []
    by_start = {q.start: q for q in quotations}
    for ps, pe in paragraphs:
        turn = _turn(p, ps, pe)
        if turn is not None:
            out.append(turn)
            continue
        out.extend(_inline(p, ps, pe, by_start))
    return out


def _turn(p: Parse, ps: int, pe: int) -> ColonAttribution | None:
    """A paragraph opening with "NAME: " (a title, a transcript turn, a Q&A label)."""
    text = p.text
    colon = text.find(":", ps, min(pe, ps + MAX_PREFIX_CHARS + 1))
    if colon <= ps or colon + 1 >= pe or not text[colon + 1].isspace():
        return None
    body = colon + 1
    while body < pe and text[body].isspace():
        body += 1
    if body >= pe:
        return None  # "said:" + a quotation in the next paragraph is not this layout
    first = p.token_at(ps)
    last = p.token_at(colon - 1)
    if first is None or last is None:
        return None
    # "EXCLUSIVE – Roger Stone: ...": a label before a dash is not part of the name
    for k in range(last, first - 1, -1):
        if p.toks[k].text in _DASHES:
            first = k + 1
            break
    if p.toks[first].pos == "DET":
        return None  # "A reminder: ...", "The Latest: ...": a phrase, not a name
    if any(is_mark(p.toks[k].text) for k in range(first, last + 1)):
        return None  # a turn quoted inside a quotation ("“RAMOS: Secretary Clinton, ...")
    words = [k for k in range(first, last + 1) if not p.toks[k].is_punct]
    if not words or len(words) > MAX_PREFIX_WORDS:
        return None
    if len(words) == 1 and p.toks[words[0]].text.lower() in QA_LABELS:
        head = words[0]
    elif not _is_name(p, words, capitalised_noun=True):
        return None
    else:
        head = words[-1]
    end = pe
    while end > body and text[end - 1] in ".;, ":
        end -= 1
    if not _says_something(p, body, end, title=ps == 0):
        return None  # a tally or a list ("Clinton: 547.", "Iowa: Tim Albrecht, Brad Anderson")
    return ColonAttribution(
        cue=(colon, colon + 1),
        source=(p.toks[first].start, p.toks[last].end),
        content=((body, end),),
        source_head=head,
        layout="turn",
    )


def _inline(p: Parse, ps: int, pe: int, by_start: dict[int, QSpan]) -> list[ColonAttribution]:
    """ "... pollster Daron Shaw: “...”": a name, a colon, a quotation."""
    text = p.text
    out = []
    colon = text.find(":", ps, pe)
    while colon != -1:
        q = colon + 1
        while q < pe and text[q].isspace():
            q += 1
        if q < pe and text[q] in _OPENING_MARKS:
            # an unclosed quotation (the paragraph's marks did not pair) runs to the paragraph end
            quotation = by_start.get(q)
            span = (q, quotation.end) if quotation is not None else (q, pe)
            att = _name_before(p, colon, span)
            if att is not None:
                out.append(att)
        colon = text.find(":", colon + 1, pe)
    return out


def _name_before(p: Parse, colon: int, quotation: tuple[int, int]) -> ColonAttribution | None:
    last = p.token_at(colon - 1)
    if last is None or p.toks[last].end != colon:
        return None
    toks = p.toks
    k = last
    # the name: capitalised words (and "and" between them, a role noun before them) back to a
    # verb, a preposition, a dash or the sentence start
    while k - 1 >= 0 and toks[k - 1].sent == toks[last].sent and last - k < 7:
        prev = toks[k - 1]
        if prev.text.lower() == "and" and k - 2 >= 0 and toks[k - 2].pos == "PROPN":
            k -= 1
            continue
        if prev.pos in ("PROPN", "NOUN", "ADJ") or prev.text in (".", "'s", "\u2019s", "'", "\u2019"):
            k -= 1
            continue
        if prev.pos == "DET" and prev.text.lower() == "the":
            k -= 1
        break
    before = toks[k - 1] if k > 0 and toks[k - 1].sent == toks[last].sent else None
    if before is not None and before.pos in ("VERB", "AUX", "ADP") and before.text.lower() != "from":
        # "telling Breitbart London: “...”", "by Times' Ben Sisario: “...”": the verb is the cue,
        # or the name is an addressee or an author
        return None
    words = [j for j in range(k, last + 1) if not toks[j].is_punct]
    if not words or not _is_name(p, words, allow_lower=True):
        return None
    return ColonAttribution(
        cue=(colon, colon + 1),
        source=(toks[k].start, toks[last].end),
        content=(quotation,),
        source_head=last,
        layout="inline",
    )


def _is_name(p: Parse, words: list[int], allow_lower: bool = False, capitalised_noun: bool = False) -> bool:
    """A speaker's name or role, not a label: no verb, no label word, capitalised (a title or a
    turn; ``allow_lower`` for "the report: “...”" and "pollster Daron Shaw"), last word a
    name or a noun that can speak (``capitalised_noun``: any capitalised noun, as a title-case
    headline's names are often tagged nouns: "Trump: ...")."""
    toks = p.toks
    if any(toks[j].text.lower() in LABEL_WORDS for j in words):
        return False
    if capitalised_noun and all(toks[j].text.isupper() and toks[j].text.isalpha() for j in words):
        # a transcript's speaker in capitals ("KATE BOULDUAN: Why not debate?"), which the
        # parser tags as anything
        return len(words) <= 3
    for j in words:
        t = toks[j]
        if t.pos in ("VERB", "AUX", "PRON", "NUM", "ADP", "SCONJ"):
            return False
        if not (allow_lower or capitalised_noun) and not (t.text[:1].isupper() or t.text.lower() == "and"):
            return False
    if not toks[words[0]].text[:1].isupper() and not allow_lower:
        return False
    head = toks[words[-1]]
    if head.pos not in ("PROPN", "NOUN"):
        return False
    if capitalised_noun and head.text[:1].isupper():
        # a capitalised head ("Trump: ...", "Clinton Camp: ..."), not a topic label in a
        # fact box ("Gaza war: ...", "U.S. involvement: ...")
        return True
    return mention_class(head.lemma, head.pos, head.ent_type) in SPEAKER_CLASSES or (
        head.pos == "PROPN" and head.ent_type in ("", "PERSON", "ORG", "NORP", "GPE")
    )


def _says_something(p: Parse, start: int, end: int, title: bool = False) -> bool:
    """Whether the text after a turn's colon says something: it has a verb or quotes words (or,
    in a title, which drops its verbs, at least MIN_TITLE_WORDS words that are not numbers:
    "Poll: Donald Trump Ties Hillary Clinton", not "Clinton: 547")."""
    k = p.token_at(start)
    if k is None:
        return False
    toks = p.toks
    words = 0
    while k < len(toks) and toks[k].start < end:
        t = toks[k]
        if t.pos in ("VERB", "AUX") or is_mark(t.text) or t.text in _SINGLE_MARKS:
            return True
        words += t.text[:1].isalpha()
        k += 1
    return title and words >= MIN_TITLE_WORDS
