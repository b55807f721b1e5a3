"""Quote boundaries as news writes them, and speech or belief from the cue in context
(issue 8, parts 3 to 5). Small articles written here; the parse is spaCy's."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


def test_a_quotation_over_three_paragraphs_keeps_its_last_one(parse):
    # the second paragraph is carried into the quote with no attribution of its own; the third
    # must follow it (it used to be dropped: its previous paragraph had no attribution to own it)
    text = (
        "\u201cThe river rose at night,\u201d the mayor told reporters. \u201cNobody was ready.\n\n"
        "\u201cWe lost the school and the clinic.\n\n"
        "\u201cNow we rebuild.\u201d\n\n"
        "The council meets on Friday."
    )
    qs = quotes_of(parse, text)
    told = next(q for q in qs if q.cue is not None and q.cue.text == "told")
    assert [c.text for c in told.content] == [
        "\u201cThe river rose at night,\u201d",
        "\u201cNobody was ready.",
        "\u201cWe lost the school and the clinic.",
        "\u201cNow we rebuild.\u201d",
    ]
    # the who-said-what view has the sentences after the attribution as one quote of hers
    (rest,) = [q for q in qs if q.part_of == told.id]
    assert rest.content[-1].text == "\u201cNow we rebuild.\u201d"
    assert not any("council" in c.text for q in qs for c in q.content)


@pytest.mark.parametrize(
    "text, end",
    [
        ("The senator said the bill was written by Sen. Ted Cruz (R-TX).", "Cruz (R-TX)"),
        ("The agency said unemployment rose to 5.2%.", "5.2%"),
        ("The agency said unemployment rose to 5.2 percent.", "5.2 percent"),
        ("The senator said the bill (which passed) was written by Sen. Ted Cruz.", "Ted Cruz"),
    ],
)
def test_content_keeps_the_closing_mark_of_its_last_word_but_not_the_full_stop(parse, text, end):
    (q,) = quotes_of(parse, text)
    assert q.content[-1].text.endswith(end)


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


def test_the_speaker_between_a_closed_quotation_and_its_cue_is_not_content(parse):
    # the parser may hang the words naming the speaker on the quotation's clause
    text = (
        "The remarks drew anger.\n\n"
        "\u201cMy reaction, that was outrageous,\u201d the party's former campaign strategist "
        "David Axelrod said in an interview."
    )
    q = next(q for q in quotes_of(parse, text) if q.cue is not None and q.cue.text == "said")
    assert [c.text for c in q.content] == ["\u201cMy reaction, that was outrageous,\u201d"]


def test_unquoted_words_after_the_cue_of_a_quotation_are_narration(parse):
    for text, content in (
        (
            "\u201cAbsolutely not,\u201d he said of the possibility of a recount.",
            "\u201cAbsolutely not,\u201d",
        ),
        ("\u201cThere it is,\u201d the governor said to laughs from the crowd.", "\u201cThere it is,\u201d"),
    ):
        q = next(q for q in quotes_of(parse, text) if q.cue is not None)
        assert [c.text for c in q.content] == [content]
    # an interrupted quotation keeps both parts
    text = (
        "\u201cOnly you, Dinesh,\u201d she said, \u201cwould use the occasion to praise your country.\u201d"
    )
    q = next(q for q in quotes_of(parse, text) if q.cue is not None)
    assert len(q.content) == 2


def test_a_title_after_the_cue_is_where_it_was_said_not_what(parse):
    for text in (
        "\u201cWe will win this state,\u201d the senator said Sunday morning on MSNBC\u2019s \u201cMorning Joe.\u201d",
        "\u201cWe will win this state,\u201d the senator said during an interview on CNN\u2019s "
        "\u201cState of the Union\u201d on Sunday.",
    ):
        q = next(q for q in quotes_of(parse, text) if q.cue is not None)
        assert [c.text for c in q.content] == ["\u201cWe will win this state,\u201d"]


def test_a_dateline_with_a_horizontal_bar_is_not_content(parse):
    text = (
        "WASHINGTON \u2015 Donald Trump\u2019s obsession with the birth certificate is an insult "
        "to all voters, the congressman said."
    )
    (q,) = said(quotes_of(parse, text))
    assert q.content[0].text.startswith("Donald Trump")


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


# ------------------------------------------------------------ learned content edges


def _content_of(parse, text: str, cue_word: str):
    from according.quotes import content_rules, cues

    p = parse(text)
    h = next(t.i for t in p.toks if t.text == cue_word)
    mdl = cues.model()
    return p, h, content_rules.content_tokens(p, h, mdl["content_kids"], {h}, set())


def test_edge_candidates_name_the_modifier_at_each_edge(parse):
    from according.quotes import extent

    p, h, con = _content_of(parse, "The mayor said the bridge would close, which angered drivers.", "said")
    keys = {k: [p.toks[i].text for i in idx] for k, idx, _ in extent.edge_candidates(p, h, con)}
    right = [k for k in keys if k.startswith("R|")]
    assert right, keys
    # the ", which ..." clause is a right modifier after a comma
    assert any(k.split("|")[2] == "," and "which" in keys[k] for k in right), keys
    # no candidate is the whole content
    assert all(len(v) < len(con) for v in keys.values())


def test_trim_cuts_what_decide_rejects_and_looks_further_in(parse):
    from according.quotes import extent

    p, h, con = _content_of(parse, "The mayor said the bridge would close, which angered drivers.", "said")
    words = {p.toks[i].text for i in con}
    assert {"bridge", "angered", "drivers"} <= words

    def nothing_after_a_comma(cue, feats, idx, lead):
        return not any(f.startswith("k:R|") and f.split("|")[2] == "," for f in feats)

    kept = {p.toks[i].text for i in extent.trim(p, h, con, nothing_after_a_comma)}
    assert "bridge" in kept and "close" in kept
    assert "angered" not in kept and "drivers" not in kept
    # keeping everything changes nothing; no model file means nothing is cut
    assert extent.trim(p, h, con, lambda *a: True) == con
    assert extent.trim(p, h, con, extent.model_decide(None)) == con


def test_trim_never_empties_the_content(parse):
    from according.quotes import extent

    p, h, con = _content_of(parse, "The minister said that prices would rise in the spring.", "said")
    out = extent.trim(p, h, con, lambda *a: False)
    assert out <= con and any(not p.toks[i].is_punct for i in out)


def test_a_leading_preposition_is_an_edge_candidate(parse):
    from according.quotes import extent

    p = parse("She expressed deep concern about the safety of the workers.")
    h = next(t.i for t in p.toks if t.text == "concern")
    about = next(t.i for t in p.toks if t.text == "about")
    con = {j for j in range(about, len(p.toks) - 1)}
    leads = [(k, idx) for k, idx, lead in extent.edge_candidates(p, h, con) if lead]
    assert leads == [("H|prep|about", [about])]


def test_a_function_word_at_the_edge_is_paired_with_the_cues_lemma(parse):
    # "calling for [the city to act]": whether "for" is the cue's particle depends on the cue
    from according.quotes import extent

    p = parse("The mayor is calling for the city to rebuild the old bridge.")
    h = next(t.i for t in p.toks if t.text == "calling")
    fr = next(t.i for t in p.toks if t.text == "for")
    con = set(range(fr, len(p.toks) - 1))
    got = {
        x
        for key, idx, lead in extent.edge_candidates(p, h, con)
        if idx == [fr]
        for x in extent.features(p, h, con, key, idx, lead)
        if x.startswith("wc:")
    }
    assert got and all(x.endswith("|for|call") for x in got)
    # a content word at the edge (the subject of the reported clause) gets no such feature
    p = parse("The mayor said the city will rebuild the old bridge.")
    h = next(t.i for t in p.toks if t.text == "said")
    con = set(range(h + 1, len(p.toks) - 1))
    feats = [
        extent.features(p, h, con, key, idx, lead) for key, idx, lead in extent.edge_candidates(p, h, con)
    ]
    assert feats and not any(x.startswith("wc:") for f in feats for x in f)


@pytest.mark.slow
def test_training_rebuilds_the_content_edge_model_byte_for_byte(shared, retrained, polnear_train_cache):
    """scripts/train_content_edges.py on PolNeAR train (with the session's parse of the 840 articles,
    made here if no other rebuild test has made it: minutes)."""
    from pathlib import Path

    path = (
        Path(__file__).resolve().parents[1] / "src" / "according" / "data" / "quotes" / "content_edges.json"
    )
    train = shared / "corpora" / "polnear" / "train"
    got = retrained("train_content_edges.py", "--train", str(train), "--cache", str(polnear_train_cache))
    assert got == path.read_bytes()


_EDGE_TEXTS = (
    "The mayor said the bridge, which opened in 1962, would close on Monday, officials confirmed.",
    "“We will not back down,” Warren told Stumpf, after he admitted he had not been held accountable.",
    "The governor said the officer - Brentley Vinson, who was placed on leave - was not wearing a camera.",
    "She expressed deep concern about the safety of the workers at the plant in Ohio.",
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.integers(0, len(_EDGE_TEXTS) - 1), choices=st.lists(st.booleans(), min_size=1, max_size=40))
def test_trim_keeps_a_subset_with_words_whatever_is_decided(parse, which, choices):
    from according.quotes import extent, rules

    p = parse(_EDGE_TEXTS[which])
    for h in (t.i for t in p.toks if t.pos in ("VERB", "NOUN")):
        con = rules.subtree_set(p, h) - {h}
        if not any(not p.toks[j].is_punct for j in con):
            continue
        calls = iter(choices * 50)
        out = extent.trim(p, h, con, lambda *a, calls=calls: next(calls))
        assert out <= con
        assert any(not p.toks[j].is_punct for j in out)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.integers(0, len(_EDGE_TEXTS) - 1))
def test_edge_features_are_the_same_with_the_rounds_counts_given_or_not(parse, which):
    """``trim`` passes the content's word count and first token once per round; ``features`` must
    give the very same facts as when it counts them itself (the training script calls both ways)."""
    from according.quotes import extent, rules

    p = parse(_EDGE_TEXTS[which])
    seen = 0
    for h in (t.i for t in p.toks if t.pos in ("VERB", "NOUN")):
        con = rules.subtree_set(p, h) - {h}
        n_words = len([j for j in con if not p.toks[j].is_punct and not p.toks[j].is_space])
        for key, idx, lead in extent.edge_candidates(p, h, con):
            alone = extent.features(p, h, con, key, idx, lead)
            given_counts = extent.features(p, h, con, key, idx, lead, n_words, min(con))
            assert alone == given_counts
            assert alone[:2] == ["bias", "sd:" + "|".join(key.split("|")[:2])]
            seen += 1
    assert seen


@given(n=st.floats(-5, 40, allow_nan=False), cuts=st.lists(st.floats(0, 30), max_size=5))
def test_bucket_counts_the_cuts_reached(n, cuts):
    from according.quotes import extent

    ordered = tuple(sorted(cuts))
    assert extent._bucket(n, ordered) == sum(n >= c for c in ordered)


# ------------------------------------------------------------------ content spans (issue 8, part 4)


def test_the_subject_before_a_parenthetical_cue_is_part_of_the_quotation(parse):
    # "X, he said, “...”": the unquoted words before the cue are narration ("Asked about it, he
    # said, “...”"), except the subject of the quoted clause, which is what was said (on main the
    # content was the quotation alone)
    text = (
        "The talks had stalled by then.\n\n"
        "The new name, he said, \u201cchanges nothing at all.\u201d\n\n"
        "The Russians have been pressing for a deal."
    )
    q = next(q for q in quotes_of(parse, text) if q.source is not None and q.source.text == "he")
    assert [c.text for c in q.content] == ["The new name", "\u201cchanges nothing at all.\u201d"]


def test_narration_before_a_colon_is_not_the_quotation_it_introduces(parse):
    text = (
        "A few minutes later, the senator turned to the money: "
        "\u201cThere is just too much fundraising in this job,\u201d he said."
    )
    (q,) = quotes_of(parse, text)
    assert [c.text for c in q.content] == ["\u201cThere is just too much fundraising in this job,\u201d"]


def test_the_verb_after_continued_or_tried_belongs_to_the_cue_not_the_content(parse):
    (q,) = quotes_of(parse, "The senator tried to convince the court that the rule was illegal.")
    assert q.content[0].text == "the court that the rule was illegal"
    (q,) = quotes_of(parse, "The mayor has continued to call for more information about the shooting.")
    assert not q.content[0].text.startswith("to ")
    # "wants to build": the infinitive is what is wanted (the gold keeps it for want, seek, vow ...)
    (q,) = quotes_of(parse, "The governor wants to build a new bridge.")
    assert q.content[0].text == "to build a new bridge"


def test_an_attribution_set_off_inside_the_sentence_it_reports_interrupts_one_content(parse):
    # the parser reads the content on one side of the cue only; the other side is what was said too
    (q,) = quotes_of(
        parse, "The difference now, the mayor told reporters on Friday, is that the bridge is safe."
    )
    assert [c.text for c in q.content] == ["The difference now", "is that the bridge is safe"]
    (q,) = quotes_of(parse, "Rebuilding the school, as the mayor pointed out, will take three years.")
    assert [c.text for c in q.content] == ["Rebuilding the school", "will take three years"]


def test_a_speech_verb_coordinated_in_a_tense_of_its_own_is_the_speakers_next_act(parse):
    qs = quotes_of(parse, "The mayor said she would close the bridge and warned drivers to use the ferry.")
    said = next(q for q in qs if q.cue.text == "said")
    assert [c.text for c in said.content] == ["she would close the bridge"]
    # the same tense on both verbs: one reported clause; and no speech verb: kept
    (q,) = quotes_of(parse, "The mayor said the city had closed the bridge and then reopened it.")
    assert [c.text for c in q.content] == ["the city had closed the bridge and then reopened it"]


@pytest.mark.parametrize(
    "text",
    [
        # an apposition after the attribution is the writer's comment, not the clause going on
        "The bridge is closed, the mayor said, a decision that angered drivers.",
        # the speaker named after the cue: what follows describes the speaker
        "The bridge is closed, said Anna Berg, the city's engineer.",
    ],
)
def test_what_follows_a_set_off_attribution_is_not_always_content(parse, text):
    (q,) = quotes_of(parse, text)
    assert [c.text for c in q.content] == ["The bridge is closed"]


@pytest.mark.parametrize(
    "text",
    [
        "Wearing his \u201clucky\u201d hat, Trump said the senator had failed his state.",
        "At the \u201cvictory\u201d rally, Trump said the senator had failed his state.",
        "Trump said the senator had failed his state. The senator is, by now, a \u201clightweight.\u201d",
    ],
)
def test_a_short_quotation_in_the_narration_is_not_joined_to_the_speaker(parse, text):
    # (main joined “lucky”, “victory”, “lightweight.” to the "said" quote as content spans)
    (q,) = quotes_of(parse, text)
    assert [c.text for c in q.content] == ["the senator had failed his state"]


def _edge_features_formatted(extent, p, cue, content, key, idx):
    """extent.features as it was before its strings were interned (each one formatted)."""
    toks = p.toks
    parts = key.split("|")
    side, dep = parts[0], parts[1]
    words = extent._words(p, idx)
    inside = set(idx)
    pool = words or idx
    root = next((j for j in pool if toks[j].head not in inside or toks[j].head == j), pool[0])
    first = toks[words[0] if words else idx[0]]
    depth = 0
    for depth, x in enumerate(p.ancestors(root), 1):
        if x == cue or depth >= 4:
            break
    opened = min(content)
    direct = extent._is_mark(toks[opened].text) or (opened > 0 and extent._is_mark(toks[opened - 1].text))
    marks = extent._marks_before(p)
    marked = marks[idx[-1] + 1] > marks[idx[0]]
    share = len(words) / max(1, len(extent._words(p, content)))
    root_tok = toks[root]
    feats = ["bias", "sd:%s|%s" % (side, dep)]
    feats += ["k:" + "|".join(parts[:n]) for n in range(3, len(parts) + 1)]
    feats += [
        "w:%s|%s" % (side, first.text.lower()),
        "t:%s|%s" % (side, root_tok.tag),
        "hp:%s|%s|%s" % (side, dep, toks[root_tok.head].pos),
        "d:%s|%d" % (side, depth),
        "n:%s|%d" % (side, extent._bucket(len(words), extent._SIZE_CUTS)),
        "s:%s|%d" % (side, extent._bucket(share, extent._SHARE_CUTS)),
        "dq:%s|%s|%d" % (side, dep, direct),
        "mq:%s|%d" % (side, marked),
        "ns:%s|%d" % (side, toks[idx[0]].sent != toks[root_tok.head].sent),
        "c:%s|%s|%s" % (toks[cue].lemma.lower(), side, dep),
        "nx:%s|%s" % (side, extent._follower(p, idx[-1] + 1)),
    ]
    if dep in extent.LEAD_DEPS:
        feats.append("wc:%s|%s|%s|%s" % (side, dep, first.text.lower(), toks[cue].lemma.lower()))
    return feats


@pytest.mark.parametrize(
    "text,cue",
    [
        ("The mayor said the bridge would close, which angered drivers.", "said"),
        ("“The bridge - which opened in 1990 - will close,” the Mayor SAID on Friday, citing costs.", "SAID"),
        ("Officials expressed concern about the dam (built in 1950) after the storm.", "concern"),
        ("She told reporters that the vote, held in secret, was “a farce” and left.", "told"),
    ],
)
def test_edge_features_are_the_formatted_strings(parse, text, cue):
    # interned strings (extent._key_strings, _side_strings): the same list as formatting each
    # one, twice (the second time from the tables), also after the tables are cleared
    from according.quotes import extent

    p, h, con = _content_of(parse, text, cue)
    cands = extent.edge_candidates(p, h, con)
    assert cands
    for _ in range(2):
        for key, idx, lead in cands:
            want = _edge_features_formatted(extent, p, h, con, key, idx)
            assert extent.features(p, h, con, key, idx, lead) == want
    extent._by_key.clear()
    extent._by_side.clear()
    key, idx, lead = cands[0]
    assert extent.features(p, h, con, key, idx, lead) == _edge_features_formatted(extent, p, h, con, key, idx)


def test_marks_and_words_counted_once_per_parse_match_each_token(parse):
    # extent._per_parse: the quotation marks before each token (texts asked once each through
    # a table) and whether each token is a word, as testing every token on its own
    from according.quotes import extent, placing

    p = parse("“No,” he said. ``Yes'' -- she said, (quietly) \"maybe\".")
    extent._mark_of.clear()
    for _ in range(2):
        marks, wordy = extent._per_parse(p)
        want, n = [0], 0
        for t in p.toks:
            n += placing.is_mark(t.text)
            want.append(n)
        assert marks == want and marks[-1] >= 4
        assert wordy == [not (t.is_punct or t.is_space) for t in p.toks]
        assert extent._words(p, range(len(p.toks))) == [t.i for t in p.toks if wordy[t.i]]
