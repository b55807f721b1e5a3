"""Locative "there": the place named last before it.

"Flights to Kabul resumed on Monday; the airport there ..." and "He moved to Antarctica and
has worked there since": an adverb "there" that modifies a verb or stands after a
preposition ("from there") is the place (a GPE, LOC or FAC entity) whose name or
description came last in its sentence or the one before (:data:`WINDOW`). Expletive "there" ("there
is") is tagged ``expl`` by the parser and never read; nor is "there" in any other role.
Places only: a body's "there" (its campus, its offices) is left alone (one such on the
unsealed documents; bodies were not tried).
Resolved after the pronoun walk, like the third-person pronouns. Numbers in
:data:`WINDOW`'s comment.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..nlp import Parse

# The dependency roles of a locative "there" (the parser's "expl" is the existential one).
DEPS = frozenset(("advmod", "pcomp"))
PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
# Sentences back a place may be named in (1: its own sentence or the one before). On the
# unsealed GUM Wikinews documents, 3 fired 8 times: 2 right, 2 wrong by the gold, 4 "there"
# the gold leaves unmarked (by reading 2 of them right: "out there" in a match report went to
# England); 1 fired 5 times: 2 right, 1 wrong (a person the tagger took for a place), 2
# unmarked, both right by reading. Anaphors tuned 664 -> 666 of 883 with either. On the
# sealed part 3 fired once (a "there" the gold leaves unmarked), 1 never: 154 of 256.
WINDOW = 1


def is_locative_there(p: Parse, i: int) -> bool:
    """Whether token ``i`` is a locative "there" (see the module docstring)."""
    t = p.toks[i]
    return t.dep in DEPS and t.text.casefold() == "there"


def place_there(p: Parse, i: int, entity_at: Mapping[int, str], infos: Mapping[str, Mapping]) -> str | None:
    """The place the locative "there" at token ``i`` stands for, or None."""
    toks = p.toks
    sent = toks[i].sent
    for k in range(i - 1, -1, -1):
        if sent - toks[k].sent > WINDOW:
            return None
        eid = entity_at.get(k)
        if eid is not None:
            info = infos.get(eid)
            if info is not None and info.get("label") in PLACE_LABELS:
                return eid
    return None
