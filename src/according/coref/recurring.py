"""Recurring names: proper-noun phrases the tagger never called an entity, made entities.

The first step of the coreference pass (:func:`according.coref.resolve_all`): a phrase no
mention covers, written :data:`RECURRING_NAME` times or more ("wikiHow", "the Gliders"), becomes
an entity, so that "we" and "they" have their body. It reads only the parse and the timeline
(never the voices, the ranker or the descriptions the rest of the pass works with), so it
stands apart from the pronoun walk of ``coref/__init__.py``.
"""

from __future__ import annotations

import re
from operator import attrgetter
from typing import TYPE_CHECKING

from ..entities import Mention
from ..nlp import Parse
from ..quotes.speaker_words import words_of
from .candidates import visible
from .ranker import name_gender

if TYPE_CHECKING:
    from ..quotes.referents import _State

# A proper-noun phrase the tagger never called an entity becomes one when the
# article writes it at least this often ("wikiHow", "the Gliders"): read from the
# unsealed GUM interviews, where the body a speaker says "we" for was missing;
# twice is often a headline word repeated in the first line.
RECURRING_NAME = 3
_NOT_ENTITIES = frozenset(
    "EVENT WORK_OF_ART LAW LANGUAGE DATE TIME PERCENT MONEY QUANTITY ORDINAL CARDINAL".split()
)
_CAMEL = re.compile(r"[a-z]+[A-Z][A-Za-z]*")
_PROPER = ("NNP", "NNPS")
_TAG = attrgetter("tag")
_LOWER_UPPER = re.compile("[a-z][A-Z]")


def _camel(text: str) -> bool:
    """``_CAMEL.fullmatch(text)``, the regex run only on a word that opens with a lower-case
    ASCII letter and holds an upper-case one (most words are all lower-case or capitalised)."""
    return "a" <= text[:1] <= "z" and not text.islower() and _CAMEL.fullmatch(text) is not None


def recurring_names(st: _State, p: Parse) -> None:
    """Entities for proper-noun phrases no mention covers that recur in the text."""
    # the ranker's view (never a quote's source), so that its training does not read the quotes
    taken = {k for m in st.mentions if visible(m, st.linked) for k in range(m.tok_start, m.tok_end)}
    runs = phrase_runs(p, taken)
    for key, spans in runs.items():
        if len(spans) < RECURRING_NAME:
            continue
        words = words_of(key)
        person = len(words) >= 2 and name_gender(words) is not None
        plural = p.toks[spans[0][1] - 1].tag == "NNPS"
        eid = st.by_name.get(key.casefold()) or st.new_entity(
            key, "PERSON" if person else "ORG", "person" if person else "organization", [], words, plural
        )
        for a, b in spans:
            ta, tb = p.toks[a], p.toks[b - 1]
            st.add_mention(Mention(ta.start, tb.end, p.text[ta.start : tb.end], a, b, eid, "name"))


def phrase_runs(p: Parse, taken: set[int] | frozenset[int]) -> dict[str, list[tuple[int, int]]]:
    """Text -> token spans of the runs of proper-noun (or camel-case) tokens outside ``taken``."""
    # Not words the tagger typed as events, works, laws, numbers ("World Cup"), and
    # camel-case words whatever their tag ("wikiHow" is read as an adverb). Only the proper-noun
    # tags are read per token (in C, by map); camel-case words are found where the text has a
    # lower-case letter before an upper-case one, which every such word holds (a test per token
    # was most of this step's cost).
    toks = p.toks
    marked = [k for k, tag in enumerate(map(_TAG, toks)) if tag in _PROPER]
    for hit in _LOWER_UPPER.finditer(p.text):
        k = p.token_at(hit.start())
        if k is not None and _camel(toks[k].text):
            marked.append(k)
    free = sorted({k for k in marked if k not in taken and toks[k].ent_type not in _NOT_ENTITIES})
    # the runs of consecutive free tokens, in text order
    runs: dict[str, list[tuple[int, int]]] = {}
    k, n = 0, len(free)
    while k < n:
        j = k
        while j + 1 < n and free[j + 1] == free[j] + 1:
            j += 1
        a, b = free[k], free[j] + 1
        key = " ".join(t.text for t in toks[a:b])
        if any(ch.isalpha() for ch in key):
            runs.setdefault(key, []).append((a, b))
        k = j + 1
    return runs
