"""A description the article names later (issue 8: "the former sergeant-at-arms of the House of
Commons" = the man named in the next sentence): a headline's bare "Australian woman claims ..."
is the person the lede names with that noun, past the dateline; never a person the headline
itself names ("British diplomat praises Obama's presidency")."""

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


def test_headline_description_is_the_person_the_lede_names_with_its_noun():
    text = (
        "Danish woman claims shipping firm held her at sea for two years\n\n"
        "Thursday, May 7, 2015\n\n"
        "Karin Voss, a Danish woman and former deckhand, has claimed that the firm kept her "
        "aboard a cargo ship for two years.\n"
    )
    assert ("Danish woman", "Karin Voss") in speakers(text)


def test_headline_description_is_not_the_person_the_headline_names():
    text = (
        "Dutch diplomat praises Merkel's leadership\n\n"
        "Chancellor Angela Merkel has an admirer in Dutch diplomat Pieter de Wit.\n\n"
        "De Wit, who will retire soon, praised Merkel in an interview published Saturday.\n"
    )
    got = dict(speakers(text))
    assert got.get("Dutch diplomat") != "Angela Merkel"


def test_a_description_with_a_person_named_before_stays_unnamed():
    text = (
        "Karin Voss runs the harbour office. A Danish woman, 34, said the ships were late again.\n\n"
        "Anna Berg, a Danish woman from Aarhus, waited for three days.\n"
    )
    assert dict(speakers(text)).get("A Danish woman") != "Anna Berg"


def test_role_description_after_a_named_subject_is_that_person():
    # issue 8: "the former sergeant-at-arms" = the man the article has just named
    text = (
        "Kevin Vickers, a former police officer, spoke at the ceremony on Friday. "
        "The former sergeant-at-arms said the bridge must be made safe.\n"
    )
    assert ("The former sergeant-at-arms", "Kevin Vickers") in speakers(text)


def test_role_description_repeating_an_unnamed_noun_is_that_unnamed_one():
    text = (
        "When a nurse who had treated patients abroad came home, Governor Tom Reyes ordered a quarantine. "
        "The nurse said the order violated her rights.\n"
    )
    assert dict(speakers(text)).get("The nurse") != "Tom Reyes"


def test_role_description_beside_a_named_subject_in_its_own_sentence_is_someone_else():
    text = (
        "Senator Ted Vance spoke in Salem on Sunday. Vance smiled as the heckler said the senator had lied.\n"
    )
    assert dict(speakers(text)).get("the heckler") != "Ted Vance"
