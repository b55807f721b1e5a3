"""English word data for coreference (used by :mod:`according.coref`; spaCy-free).

- :data:`PRONOUN_FORMS`: every personal, possessive and reflexive pronoun form with
  its person and class ("m", "f", "pl", "it" for the third person; "i", "we",
  "you" for the first and second).
- :data:`TURN_QUESTION` / :data:`TURN_ANSWER`: the labels of a question-and-answer
  layout ("Q: ...", "A: ...").
"""

from __future__ import annotations

from typing import NamedTuple


class PronounForm(NamedTuple):
    person: int  # 1, 2 or 3
    cls: str  # m | f | pl | it (third person); i | we | you (first and second)
    possessive: bool


def _forms(person: int, cls: str, plain: tuple[str, ...], poss: tuple[str, ...]) -> dict[str, PronounForm]:
    out = {w: PronounForm(person, cls, False) for w in plain}
    out.update({w: PronounForm(person, cls, True) for w in poss})
    return out


PRONOUN_FORMS: dict[str, PronounForm] = {
    **_forms(1, "i", ("i", "me", "myself"), ("my", "mine")),
    **_forms(1, "we", ("we", "us", "ourselves"), ("our", "ours")),
    **_forms(2, "you", ("you", "yourself", "yourselves"), ("your", "yours")),
    **_forms(3, "m", ("he", "him", "himself"), ("his",)),
    **_forms(3, "f", ("she", "herself", "hers"), ("her",)),
    **_forms(3, "pl", ("they", "them", "themselves"), ("their", "theirs")),
    **_forms(3, "it", ("it", "itself"), ("its",)),
}

TURN_QUESTION = frozenset({"q", "question", "interviewer"})
TURN_ANSWER = frozenset({"a", "answer"})
