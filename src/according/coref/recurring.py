"""Recurring names: proper-noun phrases the tagger never called an entity, made entities.

The first step of the coreference pass (:func:`according.coref.resolve_all`): a phrase no
mention covers, written :data:`RECURRING_NAME` times or more ("wikiHow", "the Gliders"), becomes
an entity, so that "we" and "they" have their body. It reads only the parse and the timeline
(never the voices, the ranker or the descriptions the rest of the pass works with), so it
stands apart from the pronoun walk of ``coref/__init__.py``.
"""

from __future__ import annotations

import re
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


def _camel(text: str) -> bool:
    """``_CAMEL.fullmatch(text)``, the regex run only on a word that opens with a lower-case
    ASCII letter and holds an upper-case one (most words are all lower-case or capitalised)."""
    return "a" <= text[:1] <= "z" and not text.islower() and _CAMEL.fullmatch(text) is not None


def recurring_names(st: _State, p: Parse) -> None:
    """Entities for proper-noun phrases no mention covers that recur in the text."""
    # the ranker's view (never a quote's source), so that its training does not read the quotes
    taken = {k for m in st.mentions if visible(m, st.linked) for k in range(m.tok_start, m.tok_end)}
    # Not words the tagger typed as events, works, laws, numbers ("World Cup"), and
    # camel-case words whatever their tag ("wikiHow" is read as an adverb).
    # (the word tests first, and _camel written out: a call per token was most of this step)
    free = [
        (
            t.tag in _PROPER
            or ("a" <= t.text[:1] <= "z" and not t.text.islower() and _CAMEL.fullmatch(t.text) is not None)
        )
        and k not in taken
        and t.ent_type not in _NOT_ENTITIES
        for k, t in enumerate(p.toks)
    ]
    runs: dict[str, list[tuple[int, int]]] = {}
    k = 0
    while k < len(p.toks):
        if not free[k]:
            k += 1
            continue
        j = k
        while j < len(p.toks) and free[j]:
            j += 1
        key = " ".join(t.text for t in p.toks[k:j])
        if any(ch.isalpha() for ch in key):
            runs.setdefault(key, []).append((k, j))
        k = j
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
