"""Bad input never crashes: each kind gets a clear message, a documented exit
code, and in a batch a record with its reason while the others are analysed.

Library level: ``read_document`` / ``according.analyze`` raise InputError
subclasses. Command line: ``cli.main`` in-process (the model loads once).
"""

from __future__ import annotations

import io
import json
import sys
import time

import pytest

import according
from according import cli
from according.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    HTMLError,
    InputError,
    InputTooLargeError,
    ModelError,
    RecordError,
)
from according.ingest import MAX_BYTES, Document, Unreadable, read_document
from according.ingest.readers import read_jsonl

ARTICLE = (
    "ROME — The port authority said on Monday that at least 12 ships had been diverted, "
    "and officials warned that more delays were likely this week."
)
ES = (
    "Los negociadores de ambas delegaciones se reunieron el martes por cuarto día consecutivo "
    "para resolver las últimas cuestiones de un intercambio de prisioneros, según dijeron los "
    "funcionarios. Las conversaciones se reanudarán el miércoles por la mañana, y los equipos "
    "técnicos seguirán trabajando durante la noche."
)
# Bytes that are neither UTF-8 nor any confidently detected encoding.
GARBLED = bytes(range(0x80, 0x100)) * 40


# --- library level ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data,error",
    [
        ("", EmptyInputError),
        ("  \n\t \r\n ", EmptyInputError),
        (b"", EmptyInputError),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), BinaryInputError),
        ("\x01\x02\x03\x04\x05\x06\x07\x08" * 50, BinaryInputError),
        (GARBLED, EncodingError),
        ("<html><head><script>var a = 1;</script></head><body></body></html>", HTMLError),
    ],
)
def test_unreadable_input_raises_input_error(data, error):
    with pytest.raises(error) as info:
        read_document(data)
    assert isinstance(info.value, InputError) and info.value.exit_code == 3
    assert str(info.value)


def test_analyze_raises_before_loading_anything():
    for data in ("", b"\x00\x01binary", GARBLED):
        with pytest.raises(InputError):
            according.analyze(data)


def test_too_large_is_refused_fast_and_names_the_limit():
    data = b"a" * (20 * 1024 * 1024)
    t0 = time.perf_counter()
    with pytest.raises(InputTooLargeError) as info:
        according.analyze(data)
    assert time.perf_counter() - t0 < 2
    assert f"{MAX_BYTES:,}" in str(info.value)
    with pytest.raises(InputTooLargeError):
        read_document(data.decode("ascii"))


def test_cp1252_is_decoded():
    text = "The minister said “no” to the café owners on Monday, officials said — again."
    doc = read_document(text.encode("cp1252"))
    assert doc.text == text


def test_utf16_with_and_without_bom():
    text = "Officials said on Monday that 12 ships were diverted to Piraeus, Greece."
    for data in (text.encode("utf-16"), text.encode("utf-16-le"), text.encode("utf-16-be")):
        assert read_document(data).text == text


def test_bom_is_dropped_and_line_endings_kept():
    doc = read_document("\ufeffLine one.\r\nLine two.".encode("utf-8"))
    assert doc.text == "Line one.\r\nLine two."


def test_malformed_html_gives_its_text():
    doc = read_document("<html><body><div><p>Officials said <b>the port <i>reopened on Monday</div></p>")
    assert "Officials said the port reopened on Monday" in doc.text


def test_unknown_format_is_a_usage_error():
    with pytest.raises(according.AccordingError) as info:
        read_document("text", format="pdf")
    assert info.value.exit_code == 2


def test_jsonl_bad_lines_become_unreadable_items_in_place():
    lines = [
        json.dumps({"id": "a", "text": ARTICLE}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "d", "title": "no text"}),
        json.dumps({"id": "e", "text": 42}),
        json.dumps({"id": "f", "text": "   "}),
        "",
        json.dumps({"id": "g", "text": ARTICLE, "meta": {"published": "2024-02-14"}}),
    ]
    items = list(read_jsonl(lines, "batch.jsonl"))
    assert [i.id for i in items] == ["a", "batch.jsonl#2", "batch.jsonl#3", "d", "e", "f", "g"]
    assert [type(i) for i in items] == [
        Document,
        Unreadable,
        Unreadable,
        Unreadable,
        Unreadable,
        Unreadable,
        Document,
    ]
    msgs = [str(i.error) for i in items if isinstance(i, Unreadable)]
    assert "batch.jsonl:2: line is not valid JSON" in msgs[0]
    assert "not a JSON object" in msgs[1]
    assert "neither 'text' nor 'html'" in msgs[2]
    assert "'text' is not a string" in msgs[3]
    assert "empty" in msgs[4]
    assert all(
        isinstance(i.error, (RecordError, EmptyInputError)) for i in items if isinstance(i, Unreadable)
    )
    assert items[-1].meta.published == "2024-02-14"


# --- command line -------------------------------------------------------------------------


def run(capsys, *argv, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_cli_only_input_unreadable_exit_3(tmp_path, capsys):
    cases = {
        "empty.txt": b"",
        "blank.txt": b" \n \n",
        "binary.txt": b"\x00\x01\x02" * 100,
        "garbled.txt": GARBLED,
        "nothing.html": b"<html><head><style>p{}</style></head><body></body></html>",
    }
    for name, data in cases.items():
        p = tmp_path / name
        p.write_bytes(data)
        code, out, err = run(capsys, "analyze", str(p), "--format", "jsonl")
        assert code == 3, name
        rec = records(out)
        assert len(rec) == 1 and rec[0]["errors"] and rec[0]["id"] == p.stem, name
        assert err.startswith(f"according: {p.stem}: ") and str(p) in err, name


def test_cli_twenty_megabytes_refused_fast(tmp_path, capsys):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(20 * 1024 * 1024)  # sparse: the reader must refuse it from its size
    t0 = time.perf_counter()
    code, out, err = run(capsys, "analyze", str(p), "--format", "json")
    assert time.perf_counter() - t0 < 5
    assert code == 3 and f"{MAX_BYTES:,}" in err
    assert json.loads(out)["errors"][0]["stage"] == "ingest"


def test_cli_batch_goes_on_past_bad_lines(tmp_path, capsys):
    p = tmp_path / "batch.jsonl"
    p.write_text(
        "\n".join(
            [
                json.dumps({"id": "good1", "text": ARTICLE}),
                "{oops",
                json.dumps({"id": "notext"}),
                json.dumps({"id": "good2", "text": ARTICLE}),
            ]
        )
        + "\n"
    )
    code, out, err = run(capsys, "analyze", str(p), "--format", "jsonl")
    assert code == 1
    rec = records(out)
    assert [r["id"] for r in rec] == ["good1", f"{p}#2", "notext", "good2"]
    # (a stage's own error would not make the article unreadable: only ingest errors matter here)
    assert not [e for r in (rec[0], rec[3]) for e in r["errors"] if e["stage"] in ("ingest", "analyze")]
    assert rec[1]["errors"][0]["stage"] == "ingest" and "not valid JSON" in rec[1]["errors"][0]["message"]
    assert "neither 'text' nor 'html'" in rec[2]["errors"][0]["message"]
    assert "not valid JSON" in err and "neither 'text' nor 'html'" in err


def test_cli_folder_with_one_bad_file(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_bytes(b"\x00\x00\x00")
    code, out, err = run(capsys, "analyze", str(tmp_path), "--format", "jsonl")
    assert code == 1
    rec = records(out)
    assert [r["id"] for r in rec] == ["a", "b"]
    assert "binary" in rec[1]["errors"][0]["message"] and "b: " in err


def test_cli_non_english_is_analysed_with_a_warning(tmp_path, capsys):
    p = tmp_path / "es.txt"
    p.write_text(ES)
    code, out, err = run(capsys, "analyze", str(p), "--format", "json")
    assert code == 0
    rec = json.loads(out)
    assert rec["meta"]["language"] == "es"
    lang = [e for e in rec["errors"] if e["stage"] == "language"]
    assert len(lang) == 1 and not [e for e in rec["errors"] if e["stage"] in ("ingest", "analyze")]
    assert "warning" in err and "Spanish" in err


def test_cli_cp1252_file(tmp_path, capsys):
    p = tmp_path / "win.txt"
    p.write_bytes(("“Ships are waiting,” the café owner said on Monday. " + ARTICLE).encode("cp1252"))
    code, out, _ = run(capsys, "analyze", str(p), "--format", "json")
    assert code == 0 and json.loads(out)["text"].startswith("“Ships are waiting,” the café")


def test_cli_malformed_html(tmp_path, capsys):
    p = tmp_path / "broken.html"
    p.write_text("<html><body><div><p>" + ARTICLE + "<b>unclosed <i>tags</div></p>")
    code, out, _ = run(capsys, "analyze", str(p), "--format", "json")
    assert code == 0 and "ROME — The port authority" in json.loads(out)["text"]


def test_cli_usage_errors_exit_2(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE)
    code, _, err = run(capsys, "analyze", str(p), "--published", "next tuesday")
    assert code == 2 and "--published" in err
    with pytest.raises(SystemExit) as info:
        cli.main(["analyze", str(p), "--format", "pdf"])
    assert info.value.code == 2


def test_cli_missing_file_and_empty_folder_exit_3(tmp_path, capsys):
    code, _, err = run(capsys, "analyze", str(tmp_path / "nope.txt"))
    assert code == 3 and "no such file" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run(capsys, "analyze", str(empty), "--format", "jsonl")
    assert code == 3 and out == "" and "no articles found" in err


def test_cli_model_missing_exit_4(tmp_path, capsys, monkeypatch):
    import according.analyzer as analyzer

    def missing(model):
        raise ModelError(f"language model {model!r} is not installed")

    monkeypatch.setattr(analyzer, "load", missing)
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE)
    code, _, err = run(capsys, "analyze", str(p))
    assert code == 4 and "not installed" in err


def test_cli_stdin_unreadable(capsys, monkeypatch):
    code, out, err = run(capsys, "analyze", "-", "--format", "json", stdin=b"", monkeypatch=monkeypatch)
    assert code == 3 and "stdin" in err and "empty" in err


def test_a_furniture_bug_costs_only_the_furniture(monkeypatch):
    import according.ingest.readers as readers

    def broken(text):
        raise RuntimeError("boom")

    monkeypatch.setattr(readers, "mark_furniture", broken)
    doc = read_document(ARTICLE)
    assert doc.text == ARTICLE and doc.furniture == ()
    assert [(e.stage, e.message) for e in doc.errors] == [("furniture", "RuntimeError: boom")]


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(max_size=300),
        st.binary(max_size=300),
        st.builds(
            lambda a, b: "<html><body><p>" + a + "</p>" + b, st.text(max_size=100), st.text(max_size=50)
        ),
    )
)
def test_any_input_is_read_or_refused_with_an_input_error(data):
    try:
        doc = read_document(data)
    except InputError as exc:
        assert str(exc)
        return
    assert doc.text.strip()
    for f in doc.furniture:
        assert doc.text[f.start : f.end] == f.text
