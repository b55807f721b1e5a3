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
