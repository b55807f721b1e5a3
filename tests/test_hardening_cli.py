"""Issue 12 (command line): exit codes as documented for every failure the probe found, no tracebacks."""

from __future__ import annotations

import socket
import stat

import pytest
import uvicorn

from according.cli import main
from according.store import Store
from store_records import record


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "store.sqlite"
    with Store(str(path)) as s:
        s.ingest([record("a1", ["Ana Lind said the harbour would reopen."])])
    return path


def test_export_to_an_existing_file_is_bad_usage(db, tmp_path, capsys):
    target = tmp_path / "not-a-folder"
    target.write_text("keep me")
    assert main(["export", "--db", str(db), "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert "not a folder" in err and "Traceback" not in err
    assert target.read_text() == "keep me"


def test_export_of_a_store_that_does_not_exist_is_refused(tmp_path, capsys):
    typo = tmp_path / "typo.sqlite"
    assert main(["export", "--db", str(typo), "--out", str(tmp_path / "out")]) == 5
    assert "no store" in capsys.readouterr().err
    assert not typo.exists() and not (tmp_path / "out").exists()


def test_export_of_a_store_writes_every_table(db, tmp_path, capsys):
    assert main(["export", "--db", str(db), "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "articles.jsonl").read_text().count("\n") == 1
    assert "quotes\t" in capsys.readouterr().out


def test_ingest_into_an_unwritable_place_is_exit_5(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    article = tmp_path / "a.txt"
    article.write_text("Ana Lind said the harbour would reopen.")
    assert main(["ingest", str(article), "--db", str(blocker / "s.sqlite")]) == 5
    err = capsys.readouterr().err
    assert "cannot create the store" in err and "Traceback" not in err


def test_ingest_of_an_empty_file_is_exit_3_as_analyze(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    assert main(["analyze", str(empty)]) == 3
    capsys.readouterr()
    assert main(["ingest", str(empty), "--db", str(tmp_path / "s.sqlite")]) == 3
    assert "empty" in capsys.readouterr().err.lower()


def test_ingest_of_a_folder_without_articles_is_exit_3(tmp_path, capsys):
    (tmp_path / "nothing").mkdir()
    assert main(["ingest", str(tmp_path / "nothing"), "--db", str(tmp_path / "s.sqlite")]) == 3
    assert "no articles found" in capsys.readouterr().err


def test_ingest_creates_the_store_for_the_user_only(tmp_path):
    (tmp_path / "nothing").mkdir()
    path = tmp_path / "private" / "s.sqlite"
    main(["ingest", str(tmp_path / "nothing"), "--db", str(path)])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def _no_uvicorn(monkeypatch):
    def refuse(*a, **kw):
        raise AssertionError("uvicorn.run must not be reached")

    monkeypatch.setattr(uvicorn, "run", refuse)


def test_serve_on_a_port_in_use_is_refused_before_the_start_up(db, monkeypatch, capsys):
    _no_uvicorn(monkeypatch)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert main(["serve", "--db", str(db), "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"127.0.0.1:{port}" in err and "--port" in err


def test_serve_refuses_a_store_that_does_not_exist(tmp_path, monkeypatch, capsys):
    _no_uvicorn(monkeypatch)
    assert main(["serve", "--db", str(tmp_path / "typo.sqlite"), "--port", "1"]) == 5
    assert "no store" in capsys.readouterr().err
    assert not (tmp_path / "typo.sqlite").exists()


def test_serve_answers_only_to_the_names_it_listens_on(db, monkeypatch):
    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert main(["serve", "--db", str(db), "--port", str(port), "--analysis-timeout", "60"]) == 0
    app = seen["app"]
    assert app.state.analysis_pool.timeout == 60
    from fastapi.testclient import TestClient

    with TestClient(app, base_url=f"http://127.0.0.1:{port}") as c:
        assert c.get("/api/health").status_code == 200
        assert c.get("/api/health", headers={"host": "rebound.example"}).status_code == 421
    app.state.store.close()
