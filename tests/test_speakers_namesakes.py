"""A bare surname with two people of that surname, one introduced as the other's relative ("His son,
Daniel Hale"): the speaker is the other one, the article's person (issue 8: "a father and a son
with the same surname"; the entities stage gave the surname to the latest full name)."""

from __future__ import annotations

import according.entities  # noqa: F401  (registers the stage)
import according.quotes  # noqa: F401  (registers "quotes", "speakers")
from according.model import Meta
from according.nlp import parse
from according.pipeline import Work, run_stages


def speakers(text: str) -> list[tuple[str, str | None]]:
    work = Work(text=text, parse=parse(text), meta=Meta())
    run_stages(work, ["entities", "quotes", "speakers"])
    assert not work.errors, work.errors
    return [(q.source.text, q.speaker.name) for q in work.quotes if q.source is not None]


def test_bare_surname_is_the_father_when_the_son_is_introduced_as_his_son():
    text = (
        "Robert Hale, 68, has farmed the valley since 1975. His son, Daniel Hale, 41, runs the dairy now.\n\n"
        '"We will not sell the land," Hale said on Tuesday.\n'
    )
    assert ("Hale", "Robert Hale") in speakers(text)


def test_bare_surname_is_the_candidate_not_her_husband_introduced_as_such():
    text = (
        "Donna Marsh accepted the nomination on Thursday night. Her husband, Peter Marsh, introduced her.\n\n"
        '"We will win in November," Marsh said to loud applause.\n'
    )
    assert ("Marsh", "Donna Marsh") in speakers(text)


def test_a_metaphorical_sister_inside_a_quotation_marks_no_relative():
    text = (
        'Cornel West praised "my dear sister Hillary Vance" at the rally. Later Tom Vance spoke.\n\n'
        '"Taxes will fall," Vance said.\n'
    )
    assert ("Vance", "Tom Vance") in speakers(text)
