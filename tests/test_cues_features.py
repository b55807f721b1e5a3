"""Features of the cue model read off the parse (issue 8, part 5: a cue is a reporting word
used as one). Small sentences written here; the parse is spaCy's."""

from __future__ import annotations

import pytest

from according.quotes import cues


@pytest.fixture(scope="module")
def parse():
    from according.nlp import parse as p

    return p


def feats(parse, text: str, word: str) -> list[str]:
    p = parse(text)
    i = next(t.i for t in p.toks if t.text == word)
    return cues.features(p, i, False, False)


def test_the_verb_a_cue_hangs_on_is_a_feature(parse):
    assert "hl=advcl|go" in feats(parse, "The senator went on to say that taxes would rise.", "say")
    assert "hl=xcomp|decide" in feats(parse, "He decided to back the plan.", "back")
    # a cue heading its own clause has no governing verb feature
    assert not any(
        x.startswith("hl=") for x in feats(parse, "The senator said that taxes would rise.", "said")
    )


def test_quoted_words_under_the_cue_are_a_feature(parse):
    f = feats(parse, "The mayor said that the plan was \u201ca disaster for the city.\u201d", "said")
    assert "cq=ccomp" in f and "lcq=say|ccomp" in f
    plain = feats(parse, "The mayor said that the plan was a disaster for the city.", "said")
    assert not any(x.startswith("cq=") for x in plain)


def test_a_modal_cue_is_marked(parse):
    f = feats(parse, "Critics would argue that the law is unfair.", "argue")
    assert "md" in f and "lmd=argue" in f
    assert "md" not in feats(parse, "Critics argue that the law is unfair.", "argue")


def test_shipped_weights_know_the_new_features():
    w = cues.model()["weights"]
    assert any(k.startswith("hl=") for k in w)
    assert any(k.startswith("cq=") for k in w)
    assert any(k.startswith("lmd=") for k in w)


def test_an_inverted_source_is_not_part_of_the_cue(parse):
    from according.quotes import extract

    text = "The new rules will hurt small farmers, argued Palvetzian."
    qs, _ = extract(parse(text))
    assert len(qs) == 1
    assert qs[0].cue is not None and qs[0].cue.text == "argued"
    assert qs[0].source is not None and qs[0].source.text == "Palvetzian"


def test_a_pronoun_after_the_cue_of_a_closed_quotation_is_its_source(parse):
    from according.quotes import extract

    text = "\u201cBetter watch out for Grimes,\u201d tweeted another."
    qs, _ = extract(parse(text))
    assert len(qs) == 1
    assert qs[0].source is not None and qs[0].source.text == "another"
    assert [c.text for c in qs[0].content] == ["\u201cBetter watch out for Grimes,\u201d"]
