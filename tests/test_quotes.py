"""Quote attribution: quotation marks, cues, sources, contents, kinds, categories."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from according.quotes import cues, extract
from according.quotes.marks import pair

# ------------------------------------------------------------ quotation marks


def spans_text(text):
    return [text[q.start : q.end] for q in pair(text)]


def test_interrupted_quotation_gives_two_closed_spans():
    text = "\u201cA is fine,\u201d he said, \u201cB is not.\u201d"
    assert spans_text(text) == ["\u201cA is fine,\u201d", "\u201cB is not.\u201d"]


def test_apostrophes_are_not_quotation_marks():
    text = "Hamas\u2019 tunnels, they don\u2019t know, the \u201990s and O'Brien's view."
    assert pair(text) == []


def test_multi_paragraph_quotation_shares_a_group():
    text = "He said: \u201cFirst part.\n\u201cSecond part.\u201d\nOther text."
    qs = pair(text)
    assert [q.closed for q in qs] == [False, True]
    assert qs[0].group == qs[1].group


def test_straight_and_doubled_apostrophe_quotes():
    assert spans_text('She said "we will win" today.') == ['"we will win"']
    assert spans_text("He called it ''a disgrace'' on Monday.") == ["''a disgrace''"]


def test_unbalanced_mark_costs_only_its_paragraph():
    text = "He said \u201cthis never closes\nShe said \u201cthis does.\u201d"
    qs = pair(text)
    assert qs[-1].closed and text[qs[-1].start : qs[-1].end] == "\u201cthis does.\u201d"


MARKS = "\u201c\u201d\u2018\u2019\"'\u00ab\u00bb\u201e`"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n") + list(MARKS)), max_size=80))
def test_pairing_never_raises_and_stays_in_paragraphs(text):
    for q in pair(text):
        assert 0 <= q.start < q.end <= len(text)
        assert "\n" not in text[q.start : q.end]


# ------------------------------------------------------------ with the parser


@pytest.fixture(scope="module")
def parse():
    from according.nlp import parse as p

    return p


def quotes_of(parse, text):
    qs, inherited = extract(parse(text))
    for q in qs:
        for sp in (*q.content, q.cue, q.source):
            if sp is not None:
                assert text[sp.start : sp.end] == sp.text
    return qs, inherited


def test_direct_quote_with_interruption_is_one_quote(parse):
    text = "\u201cThe talks are stuck,\u201d the former official said, \u201cbut we will keep trying.\u201d"
    qs, _ = quotes_of(parse, text)
    assert len(qs) == 1
    q = qs[0]
    assert q.kind == "direct" and q.category == "speech"
    assert q.source.text == "the former official" and q.cue.text == "said"
    assert len(q.content) == 2
    assert q.content[0].text.startswith("\u201cThe talks") and q.content[1].text.endswith("trying.\u201d")


def test_indirect_speech_and_belief(parse):
    text = "The minister warned that prices would rise. Many voters believe the economy is weak."
    qs, _ = quotes_of(parse, text)
    by_cue = {q.cue.text: q for q in qs}
    assert by_cue["warned"].kind == "indirect"
    assert by_cue["warned"].category == "speech"
    assert by_cue["warned"].source.text == "The minister"
    assert by_cue["warned"].content[0].text == "that prices would rise"
    assert by_cue["believe"].category == "belief"


def test_according_to(parse):
    text = "The group has submitted a list of prisoners, according to people familiar with the talks."
    qs, _ = quotes_of(parse, text)
    q = next(q for q in qs if q.cue and q.cue.text == "according to")
    assert q.source.text == "people familiar with the talks"
    assert q.content[0].text.startswith("The group has submitted")
    assert q.category == "speech"


def test_mixed_quote_with_description(parse):
    text = "But a diplomat in Cairo who was briefed on the talks described them as \u201cinconclusive.\u201d"
    qs, _ = quotes_of(parse, text)
    q = next(q for q in qs if q.cue and q.cue.text.startswith("described"))
    assert q.kind == "mixed"
    assert q.source.text.startswith("a diplomat in Cairo")
    assert "\u201cinconclusive.\u201d" in q.content[-1].text


def test_continuation_paragraph_inherits_the_speaker(parse):
    text = (
        "\u201cWe are ready to talk,\u201d the spokesman said.\n\n"
        "\u201cBut nobody has called us back since the last round of meetings.\u201d"
    )
    qs, inherited = quotes_of(parse, text)
    assert len(qs) == 2
    assert qs[1].cue is None and qs[1].source is None
    assert inherited == {qs[1].id: qs[0].id}


def test_colon_introduces_next_paragraph(parse):
    text = "The senator said:\n\n\u201cThis bill will not pass the chamber this year.\u201d"
    qs, _ = quotes_of(parse, text)
    assert len(qs) == 1
    assert qs[0].cue.text.startswith("said") and qs[0].kind == "direct"  # PolNeAR keeps "said:"


def test_ids_in_text_order(parse):
    text = "Ann said it rained. Bob said it snowed. Carl said it was sunny."
    qs, _ = quotes_of(parse, text)
    assert [q.id for q in qs] == ["q%d" % (k + 1) for k in range(len(qs))]
    assert [q.source.text for q in qs] == ["Ann", "Bob", "Carl"]


def test_category_lexicon():
    assert cues.category("say") == "speech"
    assert cues.category("think") == "belief"
    assert cues.category("criticize", "indirect") == "belief"
    assert cues.category("criticize", "mixed") == "speech"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 200), st.sampled_from(list(MARKS))), max_size=6))
def test_random_quote_marks_never_break_extraction(parse, inserts):
    base = (
        "\u201cThe talks are stuck,\u201d the official said.\n"
        "She added that the sides remained far apart, according to people familiar with them.\n"
        "Hamas\u2019 leaders don\u2019t agree."
    )
    text = base
    for pos, ch in sorted(inserts, reverse=True):
        pos = min(pos, len(text))
        text = text[:pos] + ch + text[pos:]
    quotes_of(parse, text)  # asserts the offsets


# ------------------------------------------------------------ the specimen article


@pytest.mark.shared
def test_specimen_body_quotations_are_found(sample_text, parse):
    qs, _ = extract(parse(sample_text))
    speech = [q for q in qs if q.category == "speech"]

    def found(fragment):
        return any(fragment in c.text for q in speech for c in q.content)

    # every quotation mark pair of the body lies in some speech quote's content
    body = [q for q in pair(sample_text) if q.closed]
    missing = [
        sample_text[q.start : q.end]
        for q in body
        if not any(c.start <= q.start and q.end <= c.end for x in qs for c in x.content)
    ]
    assert len(missing) <= 2, missing
    assert found("inconclusive")
    assert any(
        q.cue and q.cue.text == "according to" and q.source and "familiar" in q.source.text for q in speech
    )
    assert found("Marwan Barghouti")


def test_set_phrases_and_no_comment_are_not_quotes(parse):
    text = (
        "Having said that, the plan is sound. It goes without saying that taxes matter. "
        "A spokesman did not respond to requests for comment."
    )
    qs, _ = quotes_of(parse, text)
    assert not [q for q in qs if q.category == "speech"], [(q.cue.text, q.content[0].text) for q in qs]


def test_multi_paragraph_quote_attributed_in_its_last_paragraph(parse):
    text = (
        "\u201cThis has gone on far too long for everyone here,\n"
        "\u201cand the residents deserve answers,\u201d said council member Ana Ruiz."
    )
    qs, _ = quotes_of(parse, text)
    assert len(qs) == 1
    assert qs[0].source.text == "council member Ana Ruiz" and len(qs[0].content) == 2


def test_single_typographic_quotations():
    assert spans_text("Trump: \u2018I will win\u2019 says candidate") == ["\u2018I will win\u2019"]
    assert spans_text("\u2018I think the parents\u2019 views matter,\u2019 he said.") == [
        "\u2018I think the parents\u2019 views matter,\u2019"
    ]
    # nested single quotes stay inside the double quotation
    assert spans_text("He said \u201cshe called it \u2018fake\u2019 today\u201d") == [
        "\u201cshe called it \u2018fake\u2019 today\u201d"
    ]


def test_three_paragraph_quotation_keeps_its_group():
    text = "\u201cOne \u2018a\u2019 b.\n\u201cTwo.\n\u201cThree.\u201d"
    qs = [q for q in pair(text) if text[q.start] == "\u201c"]
    assert len(qs) == 3 and len({q.group for q in qs}) == 1


def test_quoted_sentence_after_attribution_is_also_its_own_quote(parse):
    text = (
        "\u201cWe are not out of danger yet,\u201d the commander said. \u201cThe ground is saturated.\u201d"
    )
    qs, inherited = quotes_of(parse, text)
    assert len(qs) == 2
    first, second = qs
    assert first.cue.text == "said" and len(first.content) == 2  # the attribution governs both
    assert second.cue is None and second.source is None
    assert second.content[0].text == "\u201cThe ground is saturated.\u201d"
    assert inherited == {second.id: first.id}
    assert second.part_of == first.id and first.part_of is None  # deduplicable: part_of names the attribution


def test_continuation_paragraph_is_not_part_of_an_attribution(parse):
    text = (
        "\u201cWe are ready to talk,\u201d the spokesman said.\n\n"
        "\u201cBut nobody has called us back since the last round of meetings.\u201d"
    )
    qs, _ = quotes_of(parse, text)
    assert [q.part_of for q in qs] == [None, None]


def test_terminal_view_lists_a_part_of_quote_once(analyze):
    from according.report import render_text

    rec = analyze(
        "\u201cWe are not out of danger yet,\u201d the commander said. \u201cThe ground is saturated.\u201d"
    )
    assert any(q.part_of for q in rec.quotes)
    out = render_text(rec)
    assert out.count("The ground is saturated.") == 1
    assert "WHO SAID WHAT \u2014 1 quotes" in out


def test_bare_noun_phrase_after_speech_verb_is_not_speech(parse):
    qs, _ = quotes_of(parse, "The company will report fourth-quarter results next week.")
    assert all(q.category == "belief" for q in qs)


def test_dateline_is_neither_source_nor_content(parse):
    text = (
        "CARSON CITY, Nev. \u2014 The campaign of the governor on Wednesday accused the registrar of stalling.\n\n"
        "VALDEMAR, Portugal (Reuters) - Officials released 40 million euros in aid, the ministry said."
    )
    qs, _ = quotes_of(parse, text)
    for q in qs:
        assert q.source is None or "CARSON" not in q.source.text
        assert all("VALDEMAR" not in c.text and "CARSON" not in c.text for c in q.content)


def test_dateline_second_subject_is_not_the_source(parse):
    text = "CARSON CITY, Nev. \u2014 The campaign of the governor on Wednesday accused the registrar of stalling."
    qs, _ = quotes_of(parse, text)
    q = next(q for q in qs if q.cue and q.cue.text == "accused")
    assert q.source is not None and q.source.text.startswith("The campaign")
    assert all("CARSON" not in c.text for c in q.content)


def test_according_to_after_coordinated_predicates_covers_the_clause(parse):
    text = (
        "The branch, a brick building on Calloway Street, opened in 1962 and lends about 40,000 items "
        "a year, according to the city library."
    )
    qs, _ = quotes_of(parse, text)
    q = next(q for q in qs if q.cue and q.cue.text == "according to")
    assert q.content[0].text.startswith("The branch") and q.content[-1].text.endswith("a year")


def test_quotation_running_on_into_the_next_paragraph_stays_one_quote(parse):
    text = (
        "\u201cI have looked at this budget line by line,\u201d the councilman said. "
        "\u201cEvery dollar we do not cut here is a dollar we cut from the police.\n\n"
        "\u201cI do not like this outcome, and I want to be honest with the people about that.\u201d"
    )
    qs, _ = quotes_of(parse, text)
    said = next(q for q in qs if q.cue)
    sep = [q for q in qs if q.part_of == said.id]
    assert len(sep) == 1 and len(qs) == 2
    assert sep[0].content[0].text.startswith("\u201cEvery dollar")
    assert sep[0].content[-1].text.endswith("about that.\u201d")
    assert said.content[-1].text.endswith("about that.\u201d")  # the attribution governs it too


def test_attribution_whose_only_content_is_the_quotation_is_not_repeated(parse):
    text = (
        "At the hearing, the mother of two, who said she takes her children there every week, spoke. "
        "\u201cThere is no bus from my street to the main library that does not take an hour.\u201d"
    )
    qs, _ = quotes_of(parse, text)
    contents = [tuple(c.text for c in q.content) for q in qs]
    assert len(contents) == len(set(contents))


def test_being_told_of_something_is_hearing_not_saying(parse):
    qs, _ = quotes_of(parse, "When told of the governor's remarks, a spokesman for the senator laughed.")
    assert not any(q.cue and q.cue.text.startswith("told") for q in qs)


def _source_word(parse, text, cue_word, passive_source=None):
    from according.quotes import rules

    p = parse(text)
    h = next(t.i for t in p.toks if t.text == cue_word)
    s = rules.speaker_head(p, h, {"*": 0.141} if passive_source is None else passive_source)
    return None if s is None else p.toks[s].text


def test_passive_cue_subject_is_not_its_source_unless_train_says_so(parse):
    text = "Voters were asked whether they trust the mayor."
    assert _source_word(parse, text, "asked") is None
    # the learned table decides: a lemma whose passive subjects are its sources keeps it
    assert _source_word(parse, text, "asked", {"ask": 0.8, "*": 0.141}) == "Voters"


def test_participle_on_a_noun_speaks_for_the_noun_not_a_document(parse):
    assert _source_word(
        parse, "The share of Republicans saying that gun rights matter more has grown.", "saying"
    ) == ("share")
    assert _source_word(parse, "A statement saying that the plant would close was posted.", "saying") is None


def test_cue_under_a_preposition_shares_the_verbs_subject(parse):
    text = "Mr. McConnell deflected questions about Mr. Trump before saying that the party would unite."
    assert _source_word(parse, text, "saying") == "McConnell"
    text = "Sanders dismissed the charges by pointing out that she had changed her mind."
    assert _source_word(parse, text, "pointing") == "Sanders"


def test_quoted_words_after_a_cue_are_no_inverted_source(parse):
    text = (
        "Clinton supports \u201cappropriate pay raises,\u201d opposes "
        "\u201cacross-the-board arbitrary pay freezes\u201d and recalled the freeze."
    )
    assert _source_word(parse, text, "opposes") is None
    assert _source_word(
        parse, "\u201cWe will win,\u201d said a former spokesman for the campaign.", "said"
    ) == ("spokesman")
    # "according to" a quoted title keeps the title as its source
    assert (
        _source_word(parse, "According to \u201cThe Fixers,\u201d the studio paid him.", "According")
        == "Fixers"
    )


def test_a_verb_modifying_the_object_does_not_make_it_a_reported_clause(parse):
    qs, _ = quotes_of(parse, "Manufacturers added the dye to foods sold in the region for decades.")
    assert all(q.category == "belief" for q in qs if q.cue and q.cue.text == "added")
    qs, _ = quotes_of(parse, "She added that the plant, which was sold last year, would reopen in June.")
    assert [q.category for q in qs if q.cue and q.cue.text == "added"] == ["speech"]


def test_a_passive_cue_s_agent_is_its_source_even_when_the_subject_is_content(parse):
    from according.quotes import rules

    p = parse("This proposal was rejected by 64 percent of the electorate.")
    h = next(t.i for t in p.toks if t.text == "rejected")
    assert p.toks[rules.agent(p, h)].text == "percent"
    p = parse("The proposal was rejected last year.")
    assert rules.agent(p, next(t.i for t in p.toks if t.text == "rejected")) is None


def test_a_quoted_word_parsed_as_subject_is_not_the_source(parse):
    for text, source in (
        (
            "\u201cMeh,\u201d wrote a Trump supporter who runs the account.",
            "a Trump supporter who runs the account",
        ),
        ("\u201cSafety,\u201d said Grimm, a Donald Trump supporter.", "Grimm, a Donald Trump supporter"),
        ("\u201cWe will win,\u201d the senator said.", "the senator"),
    ):
        qs, _ = quotes_of(parse, text)
        assert [q.source.text for q in qs if q.cue] == [source]


def test_whoever_was_asked_did_not_say_the_asking(parse):
    text = "\u201cWe'll see,\u201d Sanders told reporters when asked whether he would campaign for others."
    assert _source_word(parse, text, "asked", {"ask": 0.0, "*": 0.141}) is None
    # a lemma whose reduced passives name their speaker on train keeps the climbed subject
    assert _source_word(parse, text, "asked", {"ask": 0.9, "*": 0.141}) == "Sanders"
