"""Quote boundaries as news writes them, and speech or belief from the cue in context
(issue 8, parts 3 to 5). Small articles written here; the parse is spaCy's."""

from __future__ import annotations

import pytest

from according.quotes import extract


@pytest.fixture(scope="module")
def parse():
    from according.nlp import parse as p

    return p


def quotes_of(parse, text):
    qs, _ = extract(parse(text))
    for q in qs:
        for sp in (*q.content, q.cue, q.source):
            if sp is not None:
                assert text[sp.start : sp.end] == sp.text
    return qs


def said(qs):
    """Who-said-what view: speech quotes that are not part of another one."""
    return [q for q in qs if q.category == "speech" and q.part_of is None]


# ------------------------------------------------------------------ boundaries


def test_quotation_open_at_paragraph_end_continues_in_the_next_one(parse):
    text = (
        "The mayor spoke on Monday.\n\n"
        "\u201cWe have lost three bridges,\u201d she said. \u201cRebuilding will take years.\n\n"
        "\u201cWe are asking for help, not charity.\u201d\n\n"
        "The governor's office did not respond."
    )
    qs = said(quotes_of(parse, text))
    assert len(qs) == 1
    q = qs[0]
    assert q.source.text == "she" and q.kind == "direct"
    assert q.content[-1].text == "\u201cWe are asking for help, not charity.\u201d"
    assert any(c.text.startswith("\u201cRebuilding") for c in q.content)


def test_interrupted_quotation_is_one_quote(parse):
    text = "\u201cWe did everything we could,\u201d she said, \u201cbut the water rose too fast.\u201d"
    qs = said(quotes_of(parse, text))
    assert len(qs) == 1
    assert [c.text for c in qs[0].content] == [
        "\u201cWe did everything we could,\u201d",
        "\u201cbut the water rose too fast.\u201d",
    ]


def test_cue_after_the_content(parse):
    text = "The tax will hurt small firms, argued Palvetzian, a local accountant."
    (q,) = said(quotes_of(parse, text))
    assert q.cue.text == "argued"
    assert q.source.text.startswith("Palvetzian")
    assert q.content[0].text == "The tax will hurt small firms"


def test_parenthetical_cue_inside_indirect_speech(parse):
    text = "Doctors have few options. The drugs have a limited set of uses, he says."
    (q,) = said(quotes_of(parse, text))
    assert q.source.text == "he" and q.cue.text == "says"
    assert q.content[0].text == "The drugs have a limited set of uses"


def test_narration_before_a_cue_that_opens_a_quotation_is_not_content(parse):
    text = (
        "Asked what he personally believed about the plan, he said, "
        "\u201cIt's the wrong thing, but we have no right to judge people.\u201d"
    )
    q = next(q for q in quotes_of(parse, text) if q.cue is not None and q.cue.text == "said")
    assert [c.text for c in q.content] == [
        "\u201cIt's the wrong thing, but we have no right to judge people.\u201d"
    ]
    # with no quotation mark after the cue the words before it stay what was said
    text = "Perhaps, he said, this small town has gotten too big too fast."
    (q,) = quotes_of(parse, text)
    assert q.content[0].text == "Perhaps"


def test_told_someone_that(parse):
    text = "The officer told reporters that the road would stay closed until Friday."
    (q,) = said(quotes_of(parse, text))
    assert q.source.text == "The officer" and q.cue.text == "told"
    assert q.content[0].text == "that the road would stay closed until Friday"


def test_narration_after_a_closed_quotation_is_not_content(parse):
    text = "\u201cAre you winning?\u201d she said, but Kevin was drifting off again."
    (q,) = said(quotes_of(parse, text))
    assert q.content[-1].text == "\u201cAre you winning?\u201d"
    assert "Kevin" not in " ".join(c.text for c in q.content)


# ------------------------------------------------------------ speech in context


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The judge ruled that the law was unconstitutional.", "ruled"),
        ("\u201cWe will appeal the decision,\u201d her statement read.", "read"),
        ("\u201cIt is a disaster for the whole town,\u201d he continues.", "continues"),
        ("Smith points out that the budget has not grown in a decade.", "points out"),
        ("The mayor described the plan as reckless and expensive.", "described"),
        ("Johnson calls it \u201ca betrayal of the voters.\u201d", "calls"),
        ("Prices rose by 10 percent, according to the finance minister.", "according to"),
    ],
)
def test_speech_decided_in_context(parse, text, cue):
    qs = said(quotes_of(parse, text))
    assert [q.cue.text for q in qs] == [cue]


# ------------------------------------------------------------------ precision


@pytest.mark.parametrize(
    "text",
    [
        "The airline charged a premium for window seats.",
        "The chemical is added to foods as a preservative.",
        "Jane Doe is a reporter at the Daily Planet. She writes about style and culture.",
        "Residents made calls to 9-1-1 after the explosion.",
        "The operator referred the call to the fire department.",
        "The exhibition featured works by local artists.",
        "The company did not reveal the price of the deal.",
        "The storm, dubbed Ophelia, hit the coast on Monday.",
        "Prices rose by 10 percent, according to an investigation by the newspaper.",
    ],
)
def test_words_that_report_no_speech_make_no_quote(parse, text):
    assert said(quotes_of(parse, text)) == []
