"""Which tokens the cue model scores: :func:`candidate_tokens` (one loop over an article's
tokens) and its per-token form :func:`is_candidate`, a word of the learned cue lexicon or, for a
model trained with open candidates, a rarer word that may report all the same
(:func:`open_candidate`: a verb or noun of communication, or a verb governing a clause or quoted
words). Apart from quotes/cues.py (the model's features, category and score) because choosing
what to score is its own question, read off the lexicon and the parse, never the weights; moved
out of cues.py unchanged (module size).
"""

from __future__ import annotations

from itertools import compress, repeat
from operator import attrgetter

from ..lang.quotes import CUE_NEVER_HEAD_DEPS, QUOTE_MARK_TOKENS, QUOTING_DEPS, SPEECH, SPEECH_IN_CONTEXT
from ..nlp import Parse

_TEXT = attrgetter("text")
# lemmas in the status table (below) before it is cleared: an open class, as cues' _MAX_INTERNED
_MAX_STATUSES = 50_000
_NO_CUE_POS = frozenset(("PUNCT", "SPACE", "DET", "PRON", "CCONJ", "SCONJ", "NUM", "SYM", "X", "PART"))


def is_candidate(p: Parse, i: int, lexicon, never: frozenset[str] | None = None) -> bool:
    """Whether token i is scored by the cue model: a word whose lemma is in the learned
    lexicon, or, for a model trained with open candidates (``never`` not None: the lemmas
    that scored far under the threshold everywhere on train), a rarer word that may report
    all the same (:func:`open_candidate`)."""
    t = p.toks[i]
    if t.pos in _NO_CUE_POS or t.dep in CUE_NEVER_HEAD_DEPS:
        return False
    lem = t.lemma.lower()
    if lem in lexicon:
        return True
    return never is not None and lem not in never and _open(p, i, t.pos, lem)


def candidate_tokens(p: Parse, lexicon, never: frozenset[str] | None = None) -> list[int]:
    """The tokens of ``p`` that :func:`is_candidate` accepts, in order: its test in one loop
    (a call per token of every article cost the quotes stage about 1 us per word), the part
    that depends on the lemma alone read from a table (:func:`_lemma_status`; most words are
    no candidate whatever their part of speech, one dictionary hit each)."""
    out = []
    no_pos, no_dep = _NO_CUE_POS, CUE_NEVER_HEAD_DEPS
    status = _statuses(lexicon, never)
    toks, lemmas = p.toks, p.column("lemma")
    # the tokens whose lemma is not known to be no candidate (status 0), the lookup at C speed
    # (an unknown lemma reads as 3 here and gets its status below)
    for t in map(toks.__getitem__, compress(range(len(lemmas)), map(status.get, lemmas, repeat(3)))):
        s = status.get(t.lemma)
        if s is None:
            s = _lemma_status(status, t.lemma, lexicon, never)
        if not s or t.pos in no_pos or t.dep in no_dep:
            continue
        if s == 1 or (t.pos == "VERB" and _governs_quote(p, t.i)):
            out.append(t.i)
    return out


# lemma (as the token spells it) -> 0 never a candidate, 1 always (given part of speech and
# label pass), 2 only as a verb governing a clause or quoted words; for one (lexicon, never)
_status_of: tuple[object, object, dict[str, int]] = (None, None, {})


def _statuses(lexicon, never) -> dict[str, int]:
    global _status_of
    lx, nv, table = _status_of
    if lx is not lexicon or nv is not never or len(table) > _MAX_STATUSES:
        table = {}
        _status_of = (lexicon, never, table)
    return table


def _lemma_status(table: dict[str, int], lemma: str, lexicon, never) -> int:
    """What :func:`is_candidate` decides from the lemma alone (see ``_status_of``)."""
    lem = lemma.lower()
    if lem in lexicon:
        s = 1
    elif never is None or lem in never or not lem.isalpha():
        s = 0
    elif lem in SPEECH or lem in SPEECH_IN_CONTEXT:
        s = 1  # (:func:`_open`: a word of communication, whatever its part of speech)
    else:
        s = 2
    table[lemma] = s
    return s


def open_candidate(p: Parse, i: int) -> bool:
    """A word outside the learned lexicon that may still be a cue: a verb or noun of
    communication (:data:`SPEECH`, :data:`SPEECH_IN_CONTEXT`: "exclaimed", "quipped"), or a
    verb that governs a clause or quoted words ("chimed in that ...", "professed “...”").
    The model decides (its ``oov`` features say the word was outside the lexicon)."""
    t = p.toks[i]
    return _open(p, i, t.pos, t.lemma.lower())


def _open(p: Parse, i: int, pos: str, lem: str) -> bool:
    if pos != "VERB":  # most tokens: only a word of communication
        return (lem in SPEECH or lem in SPEECH_IN_CONTEXT) and lem.isalpha()
    if not lem.isalpha():
        return False
    if lem in SPEECH or lem in SPEECH_IN_CONTEXT:
        return True
    return _governs_quote(p, i)


def _governs_quote(p: Parse, i: int) -> bool:
    """Whether token i governs a clause or quoted words (a verb of :func:`_open`)."""
    toks = p.toks
    return any(
        toks[c].dep == "ccomp" or (toks[c].dep in QUOTING_DEPS and quotes_words(p, c)) for c in p.children[i]
    )


def quotes_words(p: Parse, c: int) -> bool:
    """Whether the subtree of token c holds a quotation mark. (A count of the parse's marks made
    once per parse was no faster: it reads every token's text, most of them not otherwise read
    by this stage; 60 PolNeAR articles, 16 alternating passes, about 0.1 us/word slower.)"""
    lo, hi = p.subtree(c)
    return not QUOTE_MARK_TOKENS.isdisjoint(map(_TEXT, p.toks[lo:hi]))
