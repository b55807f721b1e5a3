"""The command line on good input: files, folders, stdin, formats, ids, dates."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from according import cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbor-ceasefire.txt"
EXAMPLE_HTML = ROOT / "examples" / "harbor-ceasefire.html"
ARTICLE = (
    "ROME — The port authority said on Monday that at least 12 ships had been diverted, "
    "and officials warned that more delays were likely this week."
)


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_example_as_json(capsys):
    code, out, err = run(capsys, "analyze", str(EXAMPLE), "--format", "json")
    assert code == 0, err
    rec = json.loads(out)
    assert rec["schema"] == "according.analysis/1"
    assert rec["id"] == "harbor-ceasefire"
    assert rec["text"] == EXAMPLE.read_text(encoding="utf-8")
    assert rec["meta"]["published"] == "2025-03-13T09:20:00-04:00"
    assert rec["meta"]["language"] == "en"
    kinds = {f["kind"] for f in rec["furniture"]}
    assert {"masthead", "timestamp", "caption", "credit", "read_time", "contributors", "topic_box"} <= kinds
    for f in rec["furniture"]:
        assert rec["text"][f["start"] : f["end"]] == f["text"]
    assert not [e for e in rec["errors"] if e["stage"] in ("ingest", "language")]


def test_example_as_text_report(capsys):
    code, out, _ = run(capsys, "analyze", str(EXAMPLE))
    assert code == 0
    assert "Ceasefire holds in Tiryan" in out


def test_example_html(capsys):
    code, out, err = run(capsys, "analyze", str(EXAMPLE_HTML), "--format", "json")
    assert code == 0, err
    rec = json.loads(out)
    assert rec["id"] == "harbor-ceasefire"
    assert rec["meta"]["publisher"] == "The Northgate Herald"
    assert rec["meta"]["updated"] == "2025-03-13T16:05:00-04:00"
    assert "<p>" not in rec["text"] and "LARNACA" in rec["text"]


def test_stdin_pipe_with_published():
    """The real thing: ``cat a.txt | according analyze - --published 2024-02-14``."""
    exe = Path(sys.executable).with_name("according")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "according.cli"]
    data = ARTICLE.encode("utf-8")
    proc = subprocess.run(
        cmd + ["analyze", "-", "--published", "2024-02-14", "--format", "json"],
        input=data,
        capture_output=True,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert proc.returncode == 0, proc.stderr.decode()
    rec = json.loads(proc.stdout)
    assert rec["meta"]["published"] == "2024-02-14"
    assert rec["id"] == hashlib.sha256(data).hexdigest()[:16]
    assert rec["text"] == ARTICLE


def test_stdin_in_process_jsonl(capsys, monkeypatch):
    lines = "\n".join(json.dumps({"id": f"s{i}", "text": ARTICLE}) for i in range(2)).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines)))
    code, out, _ = run(capsys, "analyze", "-", "--input-format", "jsonl", "--format", "jsonl")
    assert code == 0
    assert [json.loads(l)["id"] for l in out.splitlines()] == ["s0", "s1"]


def test_published_given_wins_over_the_page(capsys):
    code, out, _ = run(capsys, "analyze", str(EXAMPLE), "--published", "2025-03-14", "--format", "json")
    rec = json.loads(out)
    assert code == 0 and rec["meta"]["published"] == "2025-03-14"
    assert rec["meta"]["updated"] == "2025-03-13T16:05:00-04:00"  # not given: the page's


def test_folder_ids_are_relative_paths_without_extension(tmp_path, capsys):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "sub" / "b.md").write_text(ARTICLE)
    (tmp_path / "sub" / "deeper" / "c.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>")
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / "notes.csv").write_text("a,b\n")
    code, out, _ = run(capsys, "analyze", str(tmp_path), "--format", "json")
    assert code == 0
    recs = json.loads(out)
    assert isinstance(recs, list)
    assert [r["id"] for r in recs] == ["a", "sub/b", "sub/deeper/c"]
    assert recs[2]["text"].strip() == ARTICLE


def test_input_format_overrides_detection(tmp_path, capsys):
    html = f"<html><body><p>{ARTICLE}</p></body></html>"
    page = tmp_path / "page.txt"
    page.write_text(html)
    code, out, _ = run(capsys, "analyze", str(page), "--input-format", "text", "--format", "json")
    assert code == 0 and json.loads(out)["text"] == html  # kept as typed
    code, out, _ = run(capsys, "analyze", str(page), "--input-format", "html", "--format", "json")
    assert code == 0 and json.loads(out)["text"].strip() == ARTICLE
    archive = tmp_path / "archive.txt"
    archive.write_text(json.dumps({"id": "x1", "text": ARTICLE}) + "\n")
    code, out, _ = run(capsys, "analyze", str(archive), "--input-format", "jsonl", "--format", "jsonl")
    assert code == 0 and json.loads(out)["id"] == "x1"


def test_jsonl_metadata_top_level_and_nested(tmp_path, capsys):
    p = tmp_path / "in.jsonl"
    p.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "id": "top",
                        "text": ARTICLE,
                        "published": "2008-03-01",
                        "url": "https://x.example/a",
                        "headline": "Ships diverted",
                    }
                ),
                json.dumps(
                    {
                        "id": "nested",
                        "text": ARTICLE,
                        "meta": {"published": "2024-02-14T11:35:00-05:00", "publisher": "Example Wire"},
                    }
                ),
                json.dumps(
                    {
                        "id": "page",
                        "html": f"<html><head><title>Port</title></head><body><p>{ARTICLE}</p></body></html>",
                    }
                ),
            ]
        )
        + "\n"
    )
    code, out, err = run(capsys, "analyze", str(p), "--format", "jsonl")
    assert code == 0, err
    top, nested, page = [json.loads(l) for l in out.splitlines()]
    assert top["meta"]["published"] == "2008-03-01" and top["meta"]["url"] == "https://x.example/a"
    assert top["meta"]["headline"] == "Ships diverted"
    assert nested["meta"]["published"] == "2024-02-14T11:35:00-05:00"
    assert nested["meta"]["publisher"] == "Example Wire"
    assert page["text"].strip() == ARTICLE and page["meta"]["headline"] == "Port"


def test_several_files_give_a_json_array_in_order(tmp_path, capsys):
    a, b = tmp_path / "one.txt", tmp_path / "two.txt"
    a.write_text(ARTICLE)
    b.write_text(ARTICLE.replace("ROME", "NAPLES"))
    code, out, _ = run(capsys, "analyze", str(b), str(a), "--format", "json")
    assert code == 0 and [r["id"] for r in json.loads(out)] == ["two", "one"]


def test_geonames_option_points_the_gazetteer_at_a_dump(tmp_path, monkeypatch, capsys):
    from according import cli
    from according.places import gazetteer

    seen = []
    monkeypatch.setattr(gazetteer, "set_geonames_path", seen.append)
    monkeypatch.delenv("ACCORDING_GEONAMES", raising=False)
    assert cli.main(["--geonames", str(tmp_path / "missing.txt"), "eval", "ggt", str(tmp_path)]) == 2
    assert "no such file" in capsys.readouterr().err and not seen
    dump = tmp_path / "dump.txt"
    dump.write_text("")
    import os

    monkeypatch.setattr(cli, "build_parser", _parser_with(cli.build_parser, lambda args: 0))
    assert cli.main(["--geonames", str(dump), "eval", "ggt", str(tmp_path)]) == 0
    # the settings object carries it (to worker processes too); the environment is left alone
    assert seen == [str(dump.resolve())] and "ACCORDING_GEONAMES" not in os.environ


def _parser_with(build, func):
    """build_parser, with every sub-command's function replaced by ``func``."""

    def patched():
        p = build()
        p.set_defaults(func=func)
        for action in p._subparsers._group_actions:
            for sub in action.choices.values():
                sub.set_defaults(func=func)
        return p

    return patched
