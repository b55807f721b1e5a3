"""Speech-verb subjects (quote sources) on the coreference side: names set off
after a role noun, and he/she the ranker places. Small fictional texts."""

from __future__ import annotations

import according.entities  # noqa: F401  (registers the stage)
import according.quotes  # noqa: F401  (registers "speakers")
from according.model import Quote, Span, Speaker
from according.nlp import parse
from according.pipeline import Work, run_stages


def speakers(text, source_phrases):
    quotes = []
    for k, phrase in enumerate(source_phrases):
        i = text.index(phrase)
        quotes.append(
            Quote(
                f"q{k + 1}",
                "indirect",
                "speech",
                (),
                None,
                Span.of(text, i, i + len(phrase)),
                Speaker(name=phrase),
            )
        )
    work = Work(text=text, parse=parse(text), quotes=tuple(quotes))
    run_stages(work, ["entities", "speakers"])
    assert not work.errors, work.errors
    return [q.speaker for q in work.quotes]


def test_a_name_set_off_by_commas_after_the_source_is_the_speaker():
    text = (
        "The Kestrel team won the final on Sunday. According to the team's coach, Ilse Marwen, "
        "the players trained for six months."
    )
    (sp,) = speakers(text, ["the team's coach"])
    assert (sp.name, sp.type) == ("Ilse Marwen", "person")


def test_a_role_noun_without_a_name_after_it_stays_unnamed():
    # a name later in the sentence, not set off right after the role noun
    text = "According to the team's coach, the players trained with Ilse Marwen for six months."
    (sp,) = speakers(text, ["the team's coach"])
    assert sp.name != "Ilse Marwen"
    assert "coach" in (sp.name or "")
