"""The clause rules of according.coref.clauses: a body's "it" in a clause under its
subject, and a he/she fronted before the person it names; small texts made up here."""

from __future__ import annotations

import according.entities  # noqa: F401  (registers the stage)
import according.quotes  # noqa: F401  (registers "speakers")
from according.coref.clauses import plain_it_may_refer, relative_body
from according.nlp import parse
from according.pipeline import Work, run_stages


def analyse(text):
    work = Work(text=text, parse=parse(text))
    run_stages(work, ["entities", "speakers"])
    assert not work.errors, work.errors
    return work


def entity_of(work, start, end):
    """Name of the entity holding exactly the span start..end, or None."""
    return next((e.name for e in work.entities for m in e.mentions if (m.start, m.end) == (start, end)), None)


def at(text, phrase, nth=0):
    i = text.index(phrase)
    for _ in range(nth):
        i = text.index(phrase, i + 1)
    return i, i + len(phrase)


def test_it_in_a_clause_under_a_companys_speech_is_the_company():
    text = "Acme Shipping Corp. said on Monday that it would close the plant in Leeds."
    w = analyse(text)
    assert entity_of(w, *at(text, "it")) == "Acme Shipping Corp."


def test_it_as_an_object_or_a_placeholder_is_left_alone():
    text = "Acme Shipping Corp. replaced it with a new ship. Acme Shipping Corp. said it is clear that ships age."
    w = analyse(text)
    assert entity_of(w, *at(text, "it")) is None
    assert entity_of(w, *at(text, "it", 1)) is None
    p = parse(text)
    first_it = p.token_at(text.index("it "))
    assert first_it is not None and not plain_it_may_refer(p, first_it)


def test_it_under_a_persons_subject_is_left_alone():
    text = "Maria Lopez said that it would rain in Leeds on Monday."
    w = analyse(text)
    assert entity_of(w, *at(text, "it")) is None


def test_a_pronoun_fronted_before_its_sentences_subject_is_that_person():
    text = (
        "Voters in Leeds went to the polls on Monday.\n\n"
        "In his speech on Tuesday, Tomas Berg thanked the volunteers of the campaign."
    )
    w = analyse(text)
    assert entity_of(w, *at(text, "his")) == "Tomas Berg"


def test_no_cataphora_when_a_person_comes_earlier_in_the_sentence():
    text = "After Tomas Berg met the mayor in his office, Peter Holm thanked the volunteers."
    w = analyse(text)
    assert entity_of(w, *at(text, "his")) != "Peter Holm"


def test_the_ranker_relinks_a_speech_subject_only_past_its_relink_bar():
    from according.coref import resolve_all
    from according.coref.ranker import Model
    from according.quotes.speakers import attribute

    text = (
        "Pavel Novak met Tomas Berg in Leeds on Monday. "
        'Tomas Berg praised the plan. "It works," he said after the meeting.'
    )
    work = Work(text=text, parse=parse(text))
    run_stages(work, ["entities", "quotes"])
    he = work.parse.token_at(text.index("he said"))
    # a model that always prefers the second most recent person (Pavel Novak)
    far = {"bias": 0.0, "rank_1": 5.0}
    moved = {}
    for bar in (0.0, 1.0):
        st_, quotes = attribute(work)
        rule = {m.entity for m in st_.mentions if m.tok_start == he}
        relinked = resolve_all(st_, work.parse, quotes, model=Model(far, {"m": 0.0, "f": 0.0, "relink": bar}))
        moved[bar] = (rule, relinked.get((he, he + 1)))
    rule, new = moved[0.0]
    assert rule and new is not None and new not in rule
    assert moved[1.0][1] is None


def test_features_the_model_does_not_weigh_are_skipped_without_changing_answers():
    from according.coref import resolve_all
    from according.coref.ranker import Model, load_model
    from according.quotes.speakers import attribute

    text = (
        "Marta Vello met Pavel Novak and Tomas Berg in Leeds. She said he was late. "
        "Acme Shipping Corp. said its ships were new. His plan, Berg said, works. "
        "Later she thanked him and his team."
    )
    work = Work(text=text, parse=parse(text))
    run_stages(work, ["entities", "quotes"])
    packaged = load_model()
    assert packaged is not None
    # the same model, but weighing (by zero) every feature, so that all are computed
    full = Model(
        {**packaged.weights, "log_total": 0.0, "subject": 0.0, "same_paragraph": 0.0}, packaged.thresholds
    )
    answers = []
    for model in (packaged, full):
        st_, quotes = attribute(work)
        resolve_all(st_, work.parse, quotes, model=model)
        answers.append(sorted((m.tok_start, m.tok_end, m.entity) for m in st_.mentions))
    assert answers[0] == answers[1]
    assert any(work.parse.toks[a].text in ("She", "he", "his", "its") for a, _, _ in answers[0])


def test_its_coordinated_with_a_bodys_name_is_that_body():
    text = "Critics attacked Acme Shipping Corp. and its managers over the spill near Leeds."
    w = analyse(text)
    assert entity_of(w, *at(text, "its")) == "Acme Shipping Corp."


def test_its_coordinated_with_a_persons_name_is_not_a_body():
    text = "Critics attacked Maria Lopez and its managers over the spill near Leeds."
    w = analyse(text)
    assert entity_of(w, *at(text, "its")) is None


def test_its_fronted_before_a_body_subject_is_that_body():
    text = "The floods were severe. In its latest report, Acme Shipping Corp. warned of more damage."
    w = analyse(text)
    assert entity_of(w, *at(text, "its")) == "Acme Shipping Corp."


def test_its_fronted_is_left_alone_when_a_body_comes_earlier_in_the_sentence():
    text = "After Leeds City Council spoke, in its latest report, Acme Shipping Corp. warned of more damage."
    w = analyse(text)
    assert entity_of(w, *at(text, "its")) != "Acme Shipping Corp."


def _relative(text, name_word):
    p = parse(text)
    its = p.token_at(text.index(" its ") + 1)
    name = p.token_at(text.index(name_word))
    assert its is not None and name is not None
    return relative_body(p, its, {name: "e1"}, {"e1": {"label": "ORG"}})


def test_its_in_a_relative_clause_on_a_bodys_name_is_that_body():
    assert _relative("Acme closed a plant, which cut its staff by half, in Leeds.", "plant") == "e1"


def test_its_in_a_relative_clause_whose_subject_is_a_noun_is_left_alone():
    assert _relative("Acme closed a plant that the owners sold with its staff in Leeds.", "plant") is None


def test_its_outside_a_relative_clause_is_left_alone():
    assert _relative("Acme closed a plant in Leeds and cut its staff by half.", "plant") is None
