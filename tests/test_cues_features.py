"""Features of the cue model read off the parse (issue 8, part 5: a cue is a reporting word
used as one). Small sentences written here; the parse is spaCy's."""

from __future__ import annotations

import pytest

from according.quotes import cue_candidates, cues


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


def test_a_noun_cue_is_read_by_its_frame_and_its_owner(parse):
    f = feats(parse, "The senator issued a statement on Monday.", "statement")
    assert "nf=dobj|issue" in f and "lnf=statement|dobj|issue" in f
    assert "no=none" in f
    owned = feats(parse, "The senator's remarks angered voters.", "remarks")
    assert "no=poss:per" in owned or "no=poss:spk" in owned
    frm = feats(parse, "A statement from the White House was read aloud.", "statement")
    assert any(x.startswith("no=from:") for x in frm)
    # "calls to 9-1-1": the noun is owned by nobody and hangs on a preposition
    calls = feats(parse, "Police received several calls to 9-1-1 about the fire.", "calls")
    assert "no=none" in calls and "nf=dobj|receive" in calls
    # a verb gets none of the noun features
    assert not any(x.startswith(("nf=", "no=")) for x in feats(parse, "The senator said so.", "said"))


def test_a_reporting_word_beside_a_quotation_is_marked_with_its_tag(parse):
    p = parse("\u201cThe party has issues with Trump,\u201d Viguerie notes.")
    i = next(t.i for t in p.toks if t.text == "notes")
    near = cues.features(p, i, False, True)
    assert "qnp=%s|speech" % p.toks[i].pos in near
    assert not any(x.startswith("qnp=") for x in cues.features(p, i, False, False))


def test_shipped_weights_know_the_new_features():
    w = cues.model()["weights"]
    assert any(k.startswith("hl=") for k in w)
    assert any(k.startswith("cq=") for k in w)
    assert any(k.startswith("lmd=") for k in w)
    assert any(k.startswith("nf=") for k in w) and any(k.startswith("no=") for k in w)
    assert any(k.startswith("qnp=") for k in w)


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


def test_open_candidates_are_rare_reporting_words_only_for_an_open_model(parse):
    p = parse("She exclaimed that the vote was rigged, and the storm hit the coast.")
    at = {t.text: t.i for t in p.toks}
    empty: frozenset[str] = frozenset()
    # a verb governing a clause is a candidate outside the lexicon, a verb with an object is not
    assert cue_candidates.is_candidate(p, at["exclaimed"], empty, empty)
    assert not cue_candidates.is_candidate(p, at["hit"], empty, empty)
    # a closed-lexicon model (never=None) scores only its lexicon; a pruned lemma never comes back
    assert not cue_candidates.is_candidate(p, at["exclaimed"], empty)
    assert not cue_candidates.is_candidate(p, at["exclaimed"], empty, frozenset({"exclaim"}))
    assert cue_candidates.is_candidate(p, at["hit"], frozenset({"hit"}))
    # a verb of communication is a candidate without a clause ("quipped")
    q = parse("The senator quipped about the weather.")
    assert cue_candidates.is_candidate(q, next(t.i for t in q.toks if t.text == "quipped"), empty, empty)


def test_candidate_tokens_are_the_tokens_is_candidate_accepts(parse):
    p = parse(
        "She exclaimed that the vote was rigged, the storm hit the coast and the senator quipped. "
        "\u201cWe will win,\u201d he said, according to aides who told reporters."
    )
    empty: frozenset[str] = frozenset()
    for lex, never in (
        (empty, empty),
        (empty, None),
        (frozenset({"say", "tell", "hit"}), None),
        (frozenset({"say", "according"}), frozenset({"exclaim"})),
        (cues.model()["lexicon"], empty),
    ):
        lex = frozenset(lex)
        expected = [t.i for t in p.toks if cue_candidates.is_candidate(p, t.i, lex, never)]
        assert cue_candidates.candidate_tokens(p, lex, never) == expected
    assert cue_candidates.candidate_tokens(p, frozenset({"say"}), empty)  # not vacuous


def test_a_word_outside_the_lexicon_is_marked(parse):
    p = parse("She exclaimed that the vote was rigged.")
    i = next(t.i for t in p.toks if t.text == "exclaimed")
    assert "oov" in cues.features(p, i, False, False, "", frozenset({"say"}))
    assert "oov" not in cues.features(p, i, False, False, "", frozenset({"exclaim"}))
    assert "oov" not in cues.features(p, i, False, False)


def test_training_rebuilds_the_cue_model_byte_for_byte(shared, retrained, polnear_train_cache):
    """scripts/train_quotes.py gives back the shipped cue model exactly (fixed split, full-batch
    descent, rounded weights; ~5 min, plus the parse of PolNeAR train when no other rebuild test of
    this session has made it)."""
    from pathlib import Path

    corpus = shared / "corpora" / "polnear" / "train"
    path = Path(__file__).resolve().parents[1] / "src" / "according" / "data" / "quotes" / "cue_model.json"
    got = retrained("train_quotes.py", "--train", str(corpus), "--cache", str(polnear_train_cache))
    assert got == path.read_bytes()


def test_a_person_quoted_word_for_word_through_a_verb_of_manner_is_speech():
    assert cues.category("enthuse", "direct", True, source_class="per") == "speech"
    assert cues.category("gush", "direct", True, source_class="spk") == "speech"
    # not reported words: a verb of thinking, an indirect content, a thing as source
    assert cues.category("believe", "direct", True, source_class="per") == "belief"
    assert cues.category("enthuse", "indirect", True, source_class="per") == "belief"
    assert cues.category("enthuse", "direct", True, source_class="doc") == "belief"


def test_open_candidate_agrees_with_is_candidate(parse):
    p = parse("The senator quipped about the weather, exclaimed that it was late and hit the ball.")
    empty: frozenset[str] = frozenset()
    for t in p.toks:
        if t.pos in ("NOUN", "VERB") and t.dep not in ("aux", "det"):
            assert cue_candidates.is_candidate(p, t.i, empty, empty) == cue_candidates.open_candidate(p, t.i)


def _fresh_tables():
    """Empty every interned-string table of cues.features (as after a clear past the limit)."""
    for name, value in vars(cues).items():
        if isinstance(value, dict) and name.startswith("_") and not name.startswith("__"):
            value.clear()


@pytest.mark.parametrize(
    "text,word,inq,qnear,qside",
    [
        ("“Taxes will rise,” the senator SAID on Friday, citing the budget.", "SAID", False, True, "L"),
        ("He would argue that the plan, which Congress passed, was “a disaster”.", "argue", False, True, "R"),
        ("Officials issued a statement from the White House about the vote.", "statement", True, False, ""),
        ("The mayor told reporters the bridge was closed.", "told", False, False, "LR"),
    ],
)
def test_interned_features_do_not_depend_on_the_tables(parse, text, word, inq, qnear, qside):
    # the strings come from tables filled as they are met: the same list whether every table
    # is empty, filled by this candidate or filled by other candidates first
    p = parse(text)
    i = next(t.i for t in p.toks if t.text == word)
    lexicon = frozenset({"say"})
    _fresh_tables()
    first = cues.features(p, i, inq, qnear, qside, lexicon)
    assert cues.features(p, i, inq, qnear, qside, lexicon) == first
    for j in range(len(p.toks)):  # other candidates fill the tables in another order
        cues.features(p, j, not inq, not qnear, "", None)
    assert cues.features(p, i, inq, qnear, qside, lexicon) == first
    _fresh_tables()
    for j in reversed(range(len(p.toks))):
        cues.features(p, j, inq, qnear, qside, lexicon)
    assert cues.features(p, i, inq, qnear, qside, lexicon) == first
    assert first[0] == "b" and first.count("b") == 1  # the cached head list is copied, not extended


def _tiny_parse(lemmas: list[str], pos: list[str]):
    """A hand-built three-word parse: word 1 ("say") governs word 0 (subject) and word 2."""
    from according.syntax import Parse, Sent, Tok

    deps = ["nsubj", "ROOT", "dobj"]
    toks, text, at = [], "", 0
    for i, (lem, upos) in enumerate(zip(lemmas, pos)):
        w = "said" if i == 1 else lem
        tag = "VBD" if i == 1 else "NN"
        toks.append(
            Tok(
                i,
                w,
                at,
                at + len(w),
                lem,
                upos,
                tag,
                deps[i],
                1,
                "",
                "O",
                0,
                True,
                False,
                False,
                False,
                "xxxx",
            )
        )
        text += w + " "
        at += len(w) + 1
    sents = (Sent(start=0, end=len(toks), start_char=0, end_char=at - 1),)
    return Parse(text=text, toks=tuple(toks), sents=sents, ents=(), noun_chunks=(), model="hand")


def test_features_keep_a_part_of_speech_apart_from_a_lemma_of_that_spelling():
    # "nx=" / "pv=" take the lemma of a function word and the part of speech of any other word;
    # a subject with no part of speech is not "none" (the tables are keyed by the parse's
    # strings, so equal spellings of different kinds must not meet)
    _fresh_tables()
    f = cues.features(_tiny_parse(["NOUN", "say", "NOUN"], ["PRON", "VERB", "NOUN"]), 1, False, False)
    assert "pv=noun" in f and "nx=NOUN" in f
    f = cues.features(_tiny_parse(["NOUN", "say", "NOUN"], ["NOUN", "VERB", "PRON"]), 1, False, False)
    assert "pv=NOUN" in f and "nx=noun" in f
    f = cues.features(_tiny_parse(["x", "say", "y"], ["", "VERB", "NOUN"]), 1, False, False)
    assert "ls=say|" in f and "ls=say|none" not in f and "s=" in f
