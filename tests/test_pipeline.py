"""The stage contract: the order is checked at start-up, a stage writes only what it declares, and
failures take one path (a log warning and an ``errors`` entry)."""

from __future__ import annotations

import logging

import pytest

from according import analyzer
from according.nlp import Parse
from according.pipeline import REGISTRY, StageOrderError, Work, check_stages, run_stages, stage


@pytest.fixture
def registry():
    saved = dict(REGISTRY)
    yield REGISTRY
    REGISTRY.clear()
    REGISTRY.update(saved)


def empty_work(text: str = "") -> Work:
    return Work(text=text, parse=Parse(text, (), (), (), (), "test"))


def test_the_analyzer_order_satisfies_the_contract():
    check_stages(analyzer.STAGES)  # also run at import; here so a broken order names itself


def test_a_requirement_no_earlier_stage_assigns_is_refused(registry):
    stage("t_late", requires=("quotes",), assigns=("events",))(lambda w: {})
    with pytest.raises(StageOrderError, match="requires 'quotes'"):
        check_stages(["t_late"])
    stage("t_early", requires=("parse",), assigns=("quotes",))(lambda w: {})
    check_stages(["t_early", "t_late"])
    with pytest.raises(StageOrderError, match="requires 'quotes'"):
        check_stages(["t_late", "t_early"])


def test_two_stages_assigning_one_field_must_declare_it(registry):
    stage("t_a", requires=("parse",), assigns=("quotes",))(lambda w: {})
    stage("t_b", requires=("quotes",), assigns=("quotes",))(lambda w: {})
    with pytest.raises(StageOrderError, match="both assign 'quotes'"):
        check_stages(["t_a", "t_b"])
    stage("t_b", requires=("quotes",), assigns=("quotes",), refines=("quotes",))(lambda w: {})
    check_stages(["t_a", "t_b"])
    stage("t_c", requires=("parse",), assigns=("quotes",), refines=("quotes",))(lambda w: {})
    with pytest.raises(StageOrderError, match="refines 'quotes'"):
        check_stages(["t_c"])  # nothing earlier to refine


def test_unknown_fields_and_stages_are_refused(registry):
    stage("t_bad", requires=("scratch",), assigns=())(lambda w: {})
    with pytest.raises(StageOrderError, match="'scratch'"):
        check_stages(["t_bad"])
    stage("t_err", requires=(), assigns=("errors",))(lambda w: {})
    with pytest.raises(StageOrderError, match="'errors'"):
        check_stages(["t_err"])
    with pytest.raises(StageOrderError, match="unknown stage"):
        check_stages(["no such stage"])


def test_a_stage_writes_only_what_it_declares(registry):
    def sneaky(work: Work) -> dict:
        work.places = ("x",)  # undeclared, written in place
        return {"times": ("t",)}

    stage("t_sneaky", requires=("parse",), assigns=("times",))(sneaky)
    stage("t_returns", requires=("parse",), assigns=("times",))(lambda w: {"places": ("y",)})
    work = run_stages(empty_work(), ["t_sneaky", "t_returns"])
    assert work.times == ()  # a stage that broke the contract assigns nothing
    assert [e.stage for e in work.errors] == ["t_sneaky", "t_returns"]
    assert "changed undeclared fields ['places']" in work.errors[0].message
    assert "assigned undeclared fields ['places']" in work.errors[1].message


def test_a_failing_stage_is_logged_and_recorded_and_the_next_still_runs(registry, caplog):
    def boom(work: Work) -> dict:
        raise ValueError("bad parse")

    stage("t_boom", requires=("parse",), assigns=("times",))(boom)
    stage("t_after", requires=("parse",), assigns=("places",))(lambda w: {"places": ("p",)})
    with caplog.at_level(logging.WARNING, logger="according"):
        work = run_stages(empty_work(), ["t_boom", "t_after"])
    assert [(e.stage, e.message) for e in work.errors] == [("t_boom", "ValueError: bad parse")]
    assert work.places == ("p",)
    assert any("t_boom" in r.getMessage() and "bad parse" in r.getMessage() for r in caplog.records)


def test_fail_logs_and_records(caplog):
    work = empty_work()
    with caplog.at_level(logging.WARNING, logger="according"):
        work.fail("figures", "sentence at 4: KeyError: 3")
    assert [(e.stage, e.message) for e in work.errors] == [("figures", "sentence at 4: KeyError: 3")]
    assert "sentence at 4" in caplog.text


def test_a_cue_the_quote_rules_fail_on_is_recorded(monkeypatch):
    from according import quotes
    from according.nlp import parse

    def broken(*args, **kwargs):
        raise IndexError("head out of range")

    text = "The minister said the talks would resume on Monday."
    monkeypatch.setattr(quotes, "_attribution", broken)
    work = Work(text=text, parse=parse(text))
    run_stages(work, ["quotes"])
    assert work.quotes == ()
    assert {e.stage for e in work.errors} == {"quotes"}  # one entry per candidate cue
    assert work.errors[0].message == "cue at 13: IndexError: head out of range"  # "said"
