"""A person called by name is the "you" of that sentence (according.coref.vocatives)."""

from __future__ import annotations

import according.analyzer  # noqa: F401  (registers the stages)
from according.coref.vocatives import Addressed, Vocative, find_vocatives
from according.entities import Mention
from according.nlp import parse
from according.pipeline import Work, run_stages


def _mention(text: str, p, words: str, entity: str, start: int = 0) -> Mention:
    a = text.index(words, start)
    b = a + len(words)
    return Mention(a, b, words, p.token_at(a), p.token_at(b - 1) + 1, entity, "name")


def test_a_name_set_off_by_commas_is_a_vocative_and_a_subject_is_not():
    text = "The e-mail said, 'Frank, I have never bothered you.' Mary, who lives in Ohio, said you would win."
    p = parse(text)
    frank = _mention(text, p, "Frank", "e1")
    mary = _mention(text, p, "Mary", "e2")
    found = find_vocatives(p, [frank, mary], {"e1", "e2"}, lambda char: None)
    assert [v.entity for v in found] == ["e1"]
    # not a person: never a vocative
    assert find_vocatives(p, [frank], {"e2"}, lambda char: None) == []


def test_addressed_holds_in_its_sentence_and_later_in_the_same_quotation_only():
    text = '"Cool clock, Ahmed. We should inspire more kids like you." Later you can see it.'
    p = parse(text)
    region = (0, text.index("Later") - 1)
    vocatives = [Vocative("e1", p.toks[p.token_at(text.index("Ahmed"))].sent, region)]
    addressed = Addressed(p, vocatives)
    first_you, second_you = p.token_at(text.index("you")), p.token_at(text.index("you can"))
    assert addressed.at(first_you, region) == "e1"
    assert addressed.at(second_you, None) is None


def test_two_people_called_in_one_sentence_address_nobody():
    text = "John, Mary, you both won."
    p = parse(text)
    sent = p.toks[0].sent
    addressed = Addressed(p, [Vocative("e1", sent, None), Vocative("e2", sent, None)])
    assert addressed.at(p.token_at(text.index("you")), None) is None


def test_you_in_a_quoted_message_is_the_person_it_names_not_the_interviewer():
    text = (
        "Wikinews: What moved you most?\n\n"
        "Frank Messina: A man wrote to me. The e-mail said, 'Frank, I have never bothered you "
        "during the game, but thank you for your work.'\n"
    )
    work = Work(text=text, parse=parse(text))
    run_stages(work, ["entities", "quotes", "speakers"])
    names = {e.id: e.name for e in work.entities}
    at = {(m.start, m.end): names.get(m.entity) for m in work.mentions}
    you = text.index("you during")
    your = text.index("your work")
    # the person the message calls by name ("Frank"; linking him to the answerer's full name is
    # the entities stage's business), not the interviewer the answer's turn speaks to
    assert (at.get((you, you + 3)) or "").startswith("Frank")
    assert (at.get((your, your + 4)) or "").startswith("Frank")
