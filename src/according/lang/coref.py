"""English word data for coreference (used by :mod:`according.coref`; spaCy-free).

- :data:`PRONOUN_FORMS`: every personal, possessive and reflexive pronoun form with
  its person and class ("m", "f", "pl", "it" for the third person; "i", "we",
  "you" for the first and second).
- :data:`NOT_A_PERSONS_NAME`: words that make a name opening with a given name a
  body's or a place's ("Nasser Hospital", "Walter Reed Medical Center").
- :data:`TURN_QUESTION` / :data:`TURN_ANSWER`: the labels of a question-and-answer
  layout ("Q: ...", "A: ...").
- :data:`EXPLETIVE_IT_HEADS`: verbs whose subject "it" is mostly a placeholder ("it is clear
  that", "it seems", "it takes time"), not a body.
- :data:`ARTICLES`: words that open a description-like entity name ("the one", "The blog")
  without making it a proper name.
"""

from __future__ import annotations

from typing import NamedTuple

from .organisations import ORGANISATION_LAST_WORDS, SOURCE_ORGANISATION_NOUNS, SPEAKING_BODY_HEADS
from .places import PLACE_NOUNS


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

ARTICLES = frozenset(("the", "a", "an", "this", "that", "these", "those"))

EXPLETIVE_IT_HEADS = frozenset(("be", "seem", "appear", "take", "remain", "happen"))

TURN_QUESTION = frozenset({"q", "question", "interviewer"})
TURN_ANSWER = frozenset({"a", "answer"})

# A name the tagger did not call a person is offered to he/she when it opens with a given name
# ("Valeska Paris" tagged ORG), unless one of its words names a body or a place.
NOT_A_PERSONS_NAME = (
    ORGANISATION_LAST_WORDS
    | SOURCE_ORGANISATION_NOUNS
    | SPEAKING_BODY_HEADS
    | frozenset(PLACE_NOUNS)
    | frozenset(
        """
academy airport arena avenue bay beach bridge building cathedral center centre church clinic
college gallery hall harbor harbour highway hospital hotel island lake library mall market medical
mosque mount mountain museum palace park plaza port prison river road school square stadium
station street temple theater theatre tower valley
""".split()
    )
)
