"""Text as written: damaged UTF-8 stays UTF-8 (with a warning), zero-width characters
change nothing that is found while offsets index the text as read, a missing input
prints no empty view. Inputs are built here by hand."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from according import cli
from according.ingest import read_document
from according.ingest.metadata import headline_without_site, normalise_date, on_the_urls_day, url_date
from according.ingest.readers import decode_noting
from according.model import Span
from according.views import INVISIBLE, without_invisible

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbor-ceasefire.txt"
CURLY = "“We waited on that quay for four days,” said Nadia Karam. “Now we wait here.” — Larnaca\n"


def damaged(text: str, positions: list[int]) -> bytes:
    """``text`` as UTF-8 with the ASCII letter at or after each byte position made 0xFF
    (never valid in UTF-8)."""
    data = bytearray(text.encode("utf-8"))
    for p in positions:
        while not chr(data[p]).isalpha() or data[p] > 0x7F:
            p += 1
        data[p] = 0xFF
    return bytes(data)


def test_a_few_invalid_bytes_in_utf8_stay_utf8_with_a_warning():
    text = CURLY * 10
    data = damaged(text, [5, 40, 120, 300, 400, 555, 700])
    decoded, warning = decode_noting(data)
    assert "тАЬ" not in decoded and decoded.count("“") >= 15
    assert decoded.count("\ufffd") == 7
    assert warning is not None and "7 invalid bytes" in warning
    doc = read_document(data)
    assert [e.stage for e in doc.errors] == ["encoding"]
    assert doc.text == decoded


def test_clean_utf8_has_no_warning_and_single_byte_encodings_are_still_detected():
    assert decode_noting(CURLY.encode("utf-8")) == (CURLY, None)
    latin = ("Le café de la gare a été fermé. " * 20).encode("cp1252")
    text, warning = decode_noting(latin)
    assert warning is None and "café" in text and "\ufffd" not in text


def test_the_cli_warns_and_exits_0_on_damaged_utf8(tmp_path, capsys):
    path = tmp_path / "damaged.txt"
    body = EXAMPLE.read_text(encoding="utf-8")
    path.write_bytes(damaged(body, [200, 900, 1500]))
    assert cli.main(["analyze", str(path), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    rec = json.loads(out)
    assert "warning: input is UTF-8 with 3 invalid bytes" in err
    assert rec["errors"][0]["stage"] == "encoding" and rec["quotes"]


def test_a_missing_file_prints_no_empty_view(tmp_path, capsys):
    code = cli.main(["analyze", str(tmp_path / "missing.txt")])
    out, err = capsys.readouterr()
    assert code == 3
    assert out == "" and "no such file or folder" in err


def test_a_missing_file_in_a_batch_keeps_its_record_in_jsonl(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(CURLY * 3, encoding="utf-8")
    code = cli.main(["analyze", str(good), str(tmp_path / "missing.txt"), "--format", "jsonl"])
    out, _ = capsys.readouterr()
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["good", "missing"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n" + INVISIBLE), max_size=60), st.data())
def test_view_offsets_map_back_to_the_same_characters(text, data):
    view = without_invisible(text)
    if view is None:
        assert not any(ch in INVISIBLE for ch in text)
        return
    assert not any(ch in INVISIBLE for ch in view.text)
    a = data.draw(st.integers(0, len(view.text)))
    b = data.draw(st.integers(a, len(view.text)))
    s = view.span(Span(a, b, view.text[a:b]))
    assert s.text == text[s.start : s.end]
    assert re.sub(f"[{INVISIBLE}]", "", s.text) == view.text[a:b]
    assert view.to_view(s.start) == a and view.to_view(s.end) == b


def test_zero_width_characters_change_nothing_found(analyze):
    text = EXAMPLE.read_text(encoding="utf-8")
    plain = analyze(text)
    for sprinkled in (text.replace(" ", " \u200b"), "\ufeff" + text.replace("e", "e\u200d\u2060")):
        got = analyze(sprinkled)
        assert got.text == sprinkled and got.meta == plain.meta
        view = without_invisible(sprinkled)
        assert view is not None

        def back(s: Span, view=view) -> tuple[int, int, str]:
            return view.to_view(s.start), view.to_view(s.end), re.sub(f"[{INVISIBLE}]", "", s.text)

        for a, b in ((plain.quotes, got.quotes), (plain.figures, got.figures), (plain.places, got.places)):
            assert len(a) == len(b) > 0
        assert [back(q.content[0]) for q in got.quotes] == [
            (q.content[0].start, q.content[0].end, q.content[0].text) for q in plain.quotes
        ]
        assert [q.speaker.name for q in got.quotes] == [q.speaker.name for q in plain.quotes]
        assert [(f.value, f.unit) for f in got.figures] == [(f.value, f.unit) for f in plain.figures]
        assert [back(m) for e in got.entities for m in e.mentions] == [
            (m.start, m.end, m.text) for e in plain.entities for m in e.mentions
        ]
        assert [(f.kind, view.to_view(f.start)) for f in got.furniture] == [
            (f.kind, f.start) for f in plain.furniture
        ]
        for q in got.quotes:
            for s in q.content:
                assert sprinkled[s.start : s.end] == s.text


# --- metadata as the spec says ----------------------------------------------------------


@pytest.mark.parametrize(
    "given,expected",
    [
        ("2008-03-01", "2008-03-01"),
        ("2024-02-14T11:35:00-05:00", "2024-02-14T11:35:00-05:00"),
        ("2024-02-14T11:35:00+0000", "2024-02-14T11:35:00+00:00"),
        ("2024-02-14T11:35:00.000Z", "2024-02-14T11:35:00+00:00"),
        ("2024-02-14 11:35:00 +0000", "2024-02-14T11:35:00+00:00"),
        ("2024-02-14T23:30:00-08:00", "2024-02-14T23:30:00-08:00"),  # never moved to the 15th
        ("2024-02-14T11:35:00", "2024-02-14"),  # no zone: the day only
        ("20240214", "2024-02-14"),
        ("Wed, 14 Feb 2024 11:35:00 GMT", "2024-02-14T11:35:00+00:00"),
        ("Wed, 14 Feb 2024 23:35:00 -0000", "2024-02-14"),
        ("February 14, 2024 at 11:35 a.m. EST", "2024-02-14T11:35:00-05:00"),
        ("14/02/2024", "2024-02-14"),
        ("2024-13-01", None),
        ("2024-02-14T25:00:00Z", None),
        ("last Tuesday", None),
    ],
)
def test_dates_are_iso_8601_in_one_form(given, expected):
    assert normalise_date(given) == expected
    if expected:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?", expected)


def test_the_urls_day_wins_over_a_timestamp_a_day_away():
    url = "https://news.example/2024/02/14/world/talks.html"
    assert url_date(url) == "2024-02-14"
    assert url_date("https://news.example/world/20240214/talks") == "2024-02-14"
    assert url_date("https://news.example/story/12345678") is None
    assert on_the_urls_day("2024-02-15T02:00:00+00:00", url) == "2024-02-14"
    assert on_the_urls_day("2024-02-14T21:00:00-05:00", url) == "2024-02-14T21:00:00-05:00"
    assert on_the_urls_day("2024-03-01", url) == "2024-03-01"  # far apart: not a zone's doing
    assert on_the_urls_day("2024-02-15", None) == "2024-02-15"


def test_html_page_published_on_the_urls_day():
    page = (
        "<html><head><meta property='article:published_time' content='2024-02-15T02:10:00.000Z'>"
        "<link rel='canonical' href='https://news.example/2024/02/14/world/talks.html'>"
        "<title>T</title></head><body><article>"
        + "".join(f"<p>{CURLY} The talks went on for a fourth day on Tuesday.</p>" for _ in range(4))
        + "</article></body></html>"
    )
    assert read_document(page, format="html").meta.published == "2024-02-14"
    given = read_document(page, format="html", url="https://news.example/2024/02/14/talks")
    assert given.meta.published == "2024-02-14"


@pytest.mark.parametrize(
    "title,site,url,expected",
    [
        (
            "Startup raises $5M – TechCrunch",
            "TechCrunch",
            "https://techcrunch.com/2024/02/14/x",
            "Startup raises $5M",
        ),
        (
            "Ceasefire talks resume | Reuters",
            None,
            "https://www.reuters.com/world/x",
            "Ceasefire talks resume",
        ),
        ("Talks resume - The Washington Post", "Washington Post", "washingtonpost.com", "Talks resume"),
        ("BBC News - Talks resume", "BBC News", "https://www.bbc.co.uk/news/x", "Talks resume"),
        ("Talks - live | World news | The Guardian", "the Guardian", None, "Talks - live | World news"),
        (
            "Apple unveils phone - the review",
            "Apple",
            "https://apple.com/x",
            "Apple unveils phone - the review",
        ),
        ("Ceasefire talks resume", "Reuters", None, "Ceasefire talks resume"),
        ("Reuters", "Reuters", None, "Reuters"),
    ],
)
def test_headline_without_the_sites_name(title, site, url, expected):
    assert headline_without_site(title, site, url) == expected


def test_html_headline_drops_the_site_name():
    page = (
        "<html><head><meta property='og:site_name' content='Harbor Ledger'>"
        "<title>Ceasefire holds in Tiryan – Harbor Ledger</title></head><body><article>"
        + "".join(f"<p>{CURLY} The talks went on for a fourth day on Tuesday.</p>" for _ in range(4))
        + "</article></body></html>"
    )
    assert read_document(page, format="html").meta.headline in (
        "Ceasefire holds in Tiryan",
        "Ceasefire holds",
    )
