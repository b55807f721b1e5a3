"""Long texts: cut into windows at paragraph breaks, analysed window by window,
joined into one record whose offsets index the whole text (according.windows).

The cost target (1 MB <= 15x the time of 100 KB, <= 2.5 GB) is measured by
benchmarks/bench_long.py, not here; these tests check the cutting and the join.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from according.windows import text_windows

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab .\n"), max_size=400),
    st.integers(min_value=2, max_value=60),
)
def test_windows_cover_the_text_in_order_and_are_bounded(text, max_chars):
    windows = text_windows(text, max_chars)
    assert windows[0][0] == 0 and windows[-1][1] == len(text)
    for (_, b), (c, _) in zip(windows, windows[1:]):
        assert b == c  # no gap, no overlap
    assert all(b - a <= max_chars and (b > a or len(text) == 0) for a, b in windows)


def test_a_window_ends_after_a_paragraph_break_when_there_is_one():
    paras = ["word " * 30 + "end." for _ in range(6)]
    text = "\n\n".join(paras)
    windows = text_windows(text, 400)
    assert len(windows) > 1
    for _, b in windows[:-1]:
        assert text[b - 2 : b] == "\n\n"  # the break stays with the window before it
        assert not text[b].isspace()


def test_a_text_without_breaks_is_still_cut():
    text = "x" * 1000
    assert text_windows(text, 300) == [(0, 300), (300, 600), (600, 900), (900, 1000)]


def test_short_text_is_one_window():
    assert text_windows("One paragraph.\n\nTwo.", 1000) == [(0, 20)]


@pytest.fixture(scope="module")
def two_articles():
    first = (EXAMPLES / "harbor-ceasefire.txt").read_text(encoding="utf-8").strip()
    second = (EXAMPLES / "heldout" / "politics-election-dispute.txt").read_text(encoding="utf-8").strip()
    return first, second


def test_windowed_record_is_the_windows_records_shifted(analyze, two_articles):
    from according.analyzer import analyze_long
    from according.ingest import read_document

    first, second = two_articles
    text = first + "\n\n" + first[:2000] + "\n\n" + second
    doc = read_document(text, format="text", id="long")
    window = len(first) + 10
    windows = text_windows(text, window)
    assert len(windows) >= 2
    joined = analyze_long(doc, window_chars=window)
    assert joined.text == text and joined.id == "long"
    assert joined.furniture == doc.furniture
    # every span indexes the whole text
    rec = joined.to_dict()

    def spans(obj):
        if isinstance(obj, dict):
            if set(obj) >= {"start", "end", "text"} and isinstance(obj["start"], int):
                yield obj
            for v in obj.values():
                yield from spans(v)
        elif isinstance(obj, list):
            for v in obj:
                yield from spans(v)

    found = list(spans(rec))
    assert len(found) > 50
    assert all(text[s["start"] : s["end"]] == s["text"] for s in found)
    # each window's quotes appear, shifted, in the joined record
    expected = []
    for a, b in windows:
        part = read_document(text[a:b], format="text")
        expected += [(a + q.content[0].start, a + q.content[0].end) for q in analyze(part.text).quotes]
    got = [(q.content[0].start, q.content[0].end) for q in joined.quotes]
    assert got == expected
    # ids are unique and every reference resolves
    for items in (joined.entities, joined.quotes, joined.figures, joined.events):
        ids = [x.id for x in items]
        assert len(ids) == len(set(ids))
    entity_ids = {e.id for e in joined.entities}
    quote_ids = {q.id for q in joined.quotes}
    assert all(q.speaker.entity is None or q.speaker.entity in entity_ids for q in joined.quotes)
    assert all(q.part_of is None or q.part_of in quote_ids for q in joined.quotes)
    assert all(f.quote is None or f.quote in quote_ids for f in joined.figures)
    assert all(f.where is None or 0 <= f.where < len(joined.places) for f in joined.figures)
    assert all(ev.place is None or 0 <= ev.place < len(joined.places) for ev in joined.events)


def test_a_person_in_two_windows_is_one_entity(two_articles):
    from according.analyzer import analyze_long
    from according.ingest import read_document

    first, _ = two_articles
    text = first + "\n\n" + first
    joined = analyze_long(read_document(text, format="text"), window_chars=len(first) + 5)
    haddad = [e for e in joined.entities if e.name == "Amira Haddad"]
    assert len(haddad) == 1
    starts = [m.start for m in haddad[0].mentions]
    assert min(starts) < len(first) < max(starts)
    assert starts == sorted(starts)


def test_analyze_takes_the_window_path_for_a_long_text(analyze, two_articles, monkeypatch):
    import according.analyzer as analyzer

    first, second = two_articles
    monkeypatch.setattr(analyzer, "WINDOW_CHARS", len(first) + 10)
    seen: list[str] = []
    real = analyzer.analyze_long

    def spy(doc, model):
        seen.append(doc.id)
        return real(doc, model)

    monkeypatch.setattr(analyzer, "analyze_long", spy)
    a = analyze(first + "\n\n" + second, id="two")
    assert seen == ["two"]
    assert a.quotes and a.quotes[-1].content[0].start > len(first)
    b = analyze(second, id="one")  # short: parsed whole, as before
    assert seen == ["two"] and b.quotes
