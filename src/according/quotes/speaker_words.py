"""Parts of the speakers stage: the English word lists it classifies sources
with (kept in ``according.lang.speakers``), and small helpers over the parse (a source's tokens, head, noun phrase).

Kept apart from the resolution logic in ``speakers.py``. The lists are
closed-class or near it (pronouns, anonymity markers, institution heads);
the open class of person nouns is covered by a list plus agent suffixes.
"""

from __future__ import annotations

import bisect
import re

from ..entities import Mention
from ..lang.descriptions import (  # noqa: F401 - COMPANY_TRADE_NOUNS: imported from here by speakers
    COMPANY_TRADE_NOUNS,
    RESTRICTING_PREPOSITIONS,
)
from ..lang.organisations import INSTITUTIONS, SPEAKING_BODY_HEADS  # noqa: F401 - INSTITUTIONS: imported from here by speakers
from ..lang.speakers import (  # noqa: F401 - the lists are imported from here by speakers and referents
    ANON_HEADS,
    ANON_MARKERS,
    COLLECTIVE_HEADS,
    DOCUMENTS,
    GENERIC_PERSON_NOUNS,
    NOMINATIVE,
    NONPERSON,
    OFFICE_TITLES,
    PERSON_NOUNS,
    PRONOUNS,
)
from ..lang.speakers import NOT_AGENT_NOUNS as _NOT_AGENT
from ..model import Span
from ..nlp import Parse

MAX_NAME_TOKENS = 16  # an unnamed source's name is cut there (a runaway parse)
_KEEP_PUNCT = {"-", "'", "’", ".", "&", "(", ")"}

SUBJ = ("nsubj", "nsubjpass", "csubj")
_AGENT = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|person)$")
# Heads of an unnamed body: it speaks as an organisation ("the army said").
ORG_HEADS = SPEAKING_BODY_HEADS
NAME_TYPE = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "organization",
    "LOC": "organization",
    "FAC": "organization",
    "NORP": "group",
}


def person_noun(lemma: str) -> bool:
    lemma = lemma.casefold()
    return lemma in PERSON_NOUNS or (
        len(lemma) > 4
        and lemma not in _NOT_AGENT
        and _AGENT.search(lemma) is not None
        and not lemma.endswith("ment")
    )


def role_noun(p: Parse, head: int) -> bool:
    """A description's head that says what a person does or is ("the former sergeant-at-arms",
    "the billionaire businessman"), not a generic "man" nor an "-ent" noun that is no agent
    ("incident"), and not narrowed by a complement ("the deputy head of China's delegation")."""
    lemma = p.toks[head].lemma.casefold()
    if lemma in GENERIC_PERSON_NOUNS or not person_noun(lemma):
        return False
    if lemma not in PERSON_NOUNS and lemma.endswith(("ent", "ence", "ant")):
        return False
    return not any(
        k > head
        and p.toks[k].dep in ("prep", "relcl", "acl")
        and p.toks[k - 1].text != "-"  # "sergeant-at-arms" is one word
        and (p.toks[k].dep != "prep" or p.toks[k].text.casefold() in RESTRICTING_PREPOSITIONS)
        for k in p.children[head]
    )


def toks_in(p: Parse, span: Span) -> tuple[int, int] | None:
    """The tokens of ``span``: from the one covering its start (else the first starting after
    it) to the last starting before its end. Found by bisection over the token starts (in text
    order; cached on the Parse), asked ~130 times per article by the speakers stage."""
    a = p.token_at(span.start)
    starts = p._starts
    if a is None:
        a = bisect.bisect_left(starts, span.start)  # the first token starting at or after it
        if a == len(starts):
            return None
    b = bisect.bisect_left(starts, span.end, a)
    return (a, b) if b > a else None


def head_of(p: Parse, a: int, b: int) -> int:
    """The token of a..b whose head lies outside it (the source's head word)."""
    for i in range(a, b):
        h = p.toks[i].head
        if h == i or not (a <= h < b):
            if not p.toks[i].is_punct:
                return i
    return b - 1


def noun_phrase(p: Parse, head: int, blocked: set[int]) -> tuple[int, int]:
    """The noun phrase of ``head``: its subtree, cut at quotation content and
    cues, at a comma or dash after the head, and at the sentence edge."""
    lo, hi = p.subtree(head)
    sent = p.sents[p.toks[head].sent]
    lo, hi = max(lo, sent.start), min(hi, sent.end)
    a = head
    while a - 1 >= lo and (a - 1) not in blocked and p.toks[a - 1].text not in ("“", "”", '"'):
        a -= 1
    b = head + 1
    while b < hi and b not in blocked and not (p.toks[b].is_punct and p.toks[b].text not in _KEEP_PUNCT):
        b += 1
    while b > head + 1 and (
        p.toks[b - 1].is_punct
        or p.toks[b - 1].dep in ("cc", "det", "case")
        or p.toks[b - 1].tag in ("WDT", "WP", "IN", "TO", "DT", "CC", "WRB")
    ):
        b -= 1  # "an architect who" -> "an architect"
    while a < head and (p.toks[a].is_punct or p.toks[a].pos in ("ADP", "CCONJ", "SCONJ")):
        a += 1  # "according to show insiders": the preposition is the cue's
    return a, min(b, a + MAX_NAME_TOKENS)


def words_of(text: str) -> list[str]:
    return re.findall(r"[\w\-]+", text.casefold().replace("’", "'"))


def text_of(p: Parse, a: int, b: int) -> str:
    return p.text[p.toks[a].start : p.toks[b - 1].end]


def is_subject(p: Parse, m: Mention) -> bool:
    return any(p.toks[i].dep in SUBJ for i in range(m.tok_start, m.tok_end))


def main_clause_subject(p: Parse, m: Mention) -> bool:
    for i in range(m.tok_start, m.tok_end):
        t = p.toks[i]
        if t.dep in SUBJ:
            verb = p.toks[t.head]
            return verb.dep == "ROOT" or (verb.dep == "conj" and p.toks[verb.head].dep == "ROOT")
    return False


def person_like(info: dict) -> bool:
    # A "person" met only in Title Case headlines ("The Gap Goes ...") is a
    # tagger's guess: no pronoun resolves to it.
    return info["label"] == "PERSON" and not info.get("plural") and not info.get("shaky")


def plural_like(info: dict) -> bool:
    return bool(info.get("plural")) or info["label"] in ("ORG", "NORP", "OTHER")


def company_noun(p, head: int) -> bool:
    """A singular noun naming a company by its trade ("the utility", "the railway"), not narrowed
    by a complement ("the utility for the region" is another one) or a noun modifier ("the
    state bank")."""
    t = p.toks[head]
    return (
        t.pos == "NOUN"
        and t.tag == "NN"
        and t.lemma.casefold() in COMPANY_TRADE_NOUNS
        and not any(
            (k > head and p.toks[k].dep == "prep" and p.toks[k].text.casefold() in RESTRICTING_PREPOSITIONS)
            or (k < head and p.toks[k].dep in ("compound", "nmod", "poss", "nummod"))
            for k in p.children[head]
        )
    )
