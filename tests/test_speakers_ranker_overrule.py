"""Where the learned pronoun ranker may overrule the speaker rules: only a he/she the rules did
not give to a named person (quotes.speakers.ranker_overrules)."""

from __future__ import annotations

import according.entities  # noqa: F401  (registers the stage)
import according.quotes  # noqa: F401  (registers "speakers")
from according.model import Quote, Span, Speaker
from according.nlp import parse
from according.pipeline import Work, run_stages
from according.quotes.referents import ranker_overrules
from according.quotes.speakers import attribute


def _setup(text: str, pronoun_after: str):
    i = text.index("he", text.index(pronoun_after) + len(pronoun_after))
    src = Span.of(text, i, i + 2)
    work = Work(text=text, parse=parse(text))
    run_stages(work, ["entities"])
    work.quotes = (Quote("q1", "indirect", "speech", (), None, src, Speaker(name="he")),)
    st, quotes = attribute(work)
    tok = work.parse.token_at(i)
    return work, st, quotes, (tok, tok + 1)


def _other(st, but: str | None) -> str:
    return next(e for e, info in st.infos.items() if info["label"] == "PERSON" and e != but)


def _move(st, r, eid):
    m = next(m for m in st.mentions if (m.tok_start, m.tok_end) == r)
    st.relink(m, eid)


def test_a_named_person_the_rules_chose_stays_and_the_mention_goes_back():
    text = "Walt Whitman wrote about the war. He met Tom Cruise in May. Then he said the war was cruel."
    work, st, quotes, r = _setup(text, "Then ")
    rule = quotes[0].speaker.entity
    assert quotes[0].speaker.type == "person"
    other = _other(st, rule)
    _move(st, r, other)  # as the coreference pass does for a relink
    assert ranker_overrules(st, work, quotes, {r: other}) == {}
    assert next(m for m in st.mentions if (m.tok_start, m.tok_end) == r).entity == rule


def test_an_unnamed_choice_of_the_rules_is_overruled():
    text = "Walt Whitman wrote about the war. A soldier waited at the gate. Then he said the war was cruel."
    work, st, quotes, r = _setup(text, "Then ")
    assert quotes[0].speaker.type != "person"
    other = _other(st, None)
    assert ranker_overrules(st, work, quotes, {r: other}) == {r: other}
