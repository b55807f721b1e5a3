"""The content of a cue read off the dependency tree: :func:`content_tokens`, the subtrees of
the cue's dependents its frame (:func:`content_key`) marks as said, and its fallbacks when none
is (a "that" clause hung on the noun of the cue's phrase, the paragraph after "... added:"), with
the quotation-mark tests that keep the writer's narration around a quotation out of it.

Apart from :mod:`.rules` (the cue's and source's extents, the speaker's head) because the
content is its own question with its own trained table (``content_kids`` of
``scripts/train_quotes.py``); moved out of ``rules.py`` unchanged (module size), each
docstring keeps its measured numbers.
"""

from __future__ import annotations

from ..nlp import Parse
from .rules import child_key, has_clause, is_according, is_mark_text, rate, subtree_set

# Dependents of a quotation's verb that follow its "..., he said" and belong to the
# narration: "“...,” she said, but Kevin was drifting off" (conj, cc), "..., when
# Clinton blasted him" (advcl)
AFTER_CUE_NARRATION = ("conj", "cc", "advcl")


def content_key(p: Parse, c: int, h: int) -> str:
    """The child key with the cue's frame: ``C:`` a clause follows the cue ("said that
    ..."), ``Q:`` a clause precedes it ("“...,” she said, but ..."), ``N:`` none."""
    return _frame(p, h) + child_key(p, c, h)


def _frame(p: Parse, h: int) -> str:
    """The cue's frame of :func:`content_key` (one per cue, whichever child is asked about)."""
    if has_clause(p, h):
        return "C:"
    if any(p.toks[k].dep == "ccomp" and k < h for k in p.children[h]):
        return "Q:"
    return "N:"


def content_tokens(p: Parse, h: int, table: dict, cue: set[int], src: set[int]) -> set[int]:
    toks = p.toks
    t = toks[h]
    out: set[int] = set()
    if is_according(t):
        # "X happened, according to Y": the clause the phrase hangs on, minus the phrase
        g = t.head
        # "A opened in 1962 and lends 40,000 items, according to Y": a phrase at the
        # end of coordinated predicates vouches for all of them, not the last only
        while toks[g].dep == "conj" and toks[g].head < g < h and toks[toks[g].head].pos in ("VERB", "AUX"):
            g = toks[g].head
        if g != h:
            out = subtree_set(p, g) - subtree_set(p, h)
        return out
    frame = ""
    lemma = t.lemma.lower()
    for c in p.children[h]:
        if c in cue or c in src:
            if c in cue and toks[c].dep == "prep":
                for g in p.children[c]:
                    if toks[g].dep in ("pobj", "pcomp"):
                        out |= subtree_set(p, g)
            continue
        frame = frame or _frame(p, h)  # (content_key's frame, found once per cue)
        if rate(table, frame + child_key(p, c, h), lemma=lemma) >= 0.5:
            out |= subtree_set(p, c)
    if not out and t.pos == "VERB":
        out = _clause_in_phrase(p, h, cue | src)
    if not out and t.pos == "VERB" and src:
        out = paragraph_after_colon(p, h)
    anchor = h
    if not out and t.dep in ("ccomp", "parataxis", "advcl") and t.head != h:
        # "“...,” he said" / "X, he said, Y" parsed with "said" under the quotation's verb
        out = subtree_set(p, t.head) - subtree_set(p, h)
        anchor = t.head
    # "“You winning?” she said, but Kevin was drifting off": once a quotation has closed
    # before the cue, what follows the cue is the writer's narration unless it quotes
    # again ("“A,” he said, and “B”"); with no quotation the cue sits inside what is said
    # ("The drugs have few uses, he says, and most patients stop responding")
    if out and _quote_closed_before(p, h):
        for c in p.children[anchor]:
            if c > h and toks[c].dep in AFTER_CUE_NARRATION and not _has_mark(p, c):
                out -= subtree_set(p, c)
    # "Asked about it, he said, “It's the wrong thing”": the cue hangs on the quotation's verb
    # and a quotation opens right after it, so what stands before the cue outside quotation
    # marks is the writer's narration ("Perhaps, he said, this is ..." has no mark and keeps it)
    if anchor != h and anchor > h and _quote_opens_after(p, h):
        for c in p.children[anchor]:
            if c < h and not _has_mark(p, c):
                out -= subtree_set(p, c)
    return out - cue - src


def _clause_in_phrase(p: Parse, h: int, skip: set[int]) -> set[int]:
    """ "says in a statement that ...", "claimed in an interview with X that ...", "expressed
    concern that ...": the parser hangs the reported "that" clause on the noun of the cue's
    phrase or object; with nothing else to report, that clause is what was said (on PolNeAR
    train such attributions were scored over the threshold and then dropped for want of
    content)."""
    toks = p.toks
    for c in p.children[h]:
        d = toks[c].dep
        # a preposition of the cue is skipped ("in a statement"), its object is not: the
        # noun of "expressed concern" is part of the cue and holds the clause
        if c < h or (c in skip and d != "dobj") or d not in ("prep", "dobj"):
            continue
        lo, hi = p.subtree(c)
        for j in range(lo, hi):
            if toks[j].dep in ("acl", "relcl") and toks[toks[j].head].pos in ("NOUN", "PROPN"):
                if any(toks[m].dep == "mark" and toks[m].text.lower() == "that" for m in p.children[j]):
                    return subtree_set(p, j)
    return set()


def paragraph_after_colon(p: Parse, h: int) -> set[int]:
    """ "The governor added:" closing its paragraph, what was said set out as the next paragraph
    (a block quotation, often without quotation marks: "Limbaugh added:", "Dr. Ward stated:"):
    with nothing else to report, that paragraph is the content. Only when the colon follows
    the cue verb itself and ends its sentence, a line break after it, and the cue has a source
    (the caller checks): "The recipe calls for:" (a stranded preposition) sets out a list, and
    a colon inside the line is :mod:`.colons`' or the parser's clause. On PolNeAR train it
    fires 15 times, 13 on the gold cue and content, 1 on another gold quote's content, 1 on
    none (a tweet after "One user tweeted:")."""
    toks = p.toks
    sent = p.sents[toks[h].sent]
    k = sent.end - 1
    while k > h and toks[k].is_space:
        k -= 1
    if k != h + 1 or toks[k].text != ":":
        return set()
    j = k + 1
    while j < len(toks) and toks[j].is_space:
        j += 1
    if j >= len(toks) or "\n" not in p.text[toks[k].end : toks[j].start]:
        return set()
    end = p.text.find("\n", toks[j].start)
    end = len(p.text) if end < 0 else end
    out = set()
    while j < len(toks) and toks[j].start < end:
        if not toks[j].is_space:
            out.add(j)
        j += 1
    return out


def _quote_closed_before(p: Parse, h: int) -> bool:
    """Whether a quotation mark closes within the few tokens before the cue ("...,” she said")."""
    toks = p.toks
    for j in range(h - 1, max(-1, h - 6), -1):
        if toks[j].sent != toks[h].sent:
            return False
        if is_mark_text(toks[j].text):
            return True
    return False


def _quote_opens_after(p: Parse, h: int) -> bool:
    """Whether a quotation mark opens right after the cue, past commas and a colon ("said, “...")."""
    toks = p.toks
    for j in range(h + 1, min(len(toks), h + 4)):
        if is_mark_text(toks[j].text):
            return True
        if toks[j].text not in (",", ":"):
            return False
    return False


def _has_mark(p: Parse, i: int) -> bool:
    lo, hi = p.subtree(i)
    return any(is_mark_text(p.toks[j].text) for j in range(lo, hi))
