"""The terminal view: who said what first, beliefs apart, part_of quotes once."""

from __future__ import annotations

from according.model import Analysis, Quote, Span, Speaker
from according.report import render_text

TEXT = "“We will stay,” said Ana Ruiz. “The port is ours.” Officials hope the truce holds."


def _span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(start, start + len(part), part)


def _analysis() -> Analysis:
    ana = Speaker(entity="e1", name="Ana Ruiz", type="person", description="a nurse")
    said = Quote(
        "q1",
        "direct",
        "speech",
        (_span("“We will stay,”"), _span("“The port is ours.”")),
        _span("said"),
        _span("Ana Ruiz"),
        ana,
    )
    alone = Quote("q2", "direct", "speech", (_span("“The port is ours.”"),), None, None, ana, part_of="q1")
    hope = Quote(
        "q3",
        "indirect",
        "belief",
        (_span("the truce holds"),),
        _span("hope"),
        _span("Officials"),
        Speaker(name="Officials", type="anonymous"),
    )
    return Analysis(id="t", text=TEXT, quotes=(said, alone, hope), provenance={"according": "test"})


def test_speech_is_grouped_by_speaker_and_part_of_quotes_are_not_repeated():
    out = render_text(_analysis())
    assert "WHO SAID WHAT — 1 quotes from 1 sources" in out
    assert "● Ana Ruiz, a nurse  [person]" in out
    assert out.count("“The port is ours.”") == 1


def test_beliefs_are_listed_apart_from_who_said_what():
    out = render_text(_analysis())
    said, _, also = out.partition("ALSO ATTRIBUTED — 1 beliefs")
    assert "Officials" not in said
    assert "Officials: (indirect; hope) the truce holds" in also
