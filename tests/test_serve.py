"""`according serve` options reach uvicorn: the access log is off unless asked for."""

from __future__ import annotations

import uvicorn

from according.cli import main
from according.store import Store


def _captured(monkeypatch, argv, tmp_path):
    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw))
    Store(str(tmp_path / "s.sqlite")).close()  # serve refuses a store that does not exist
    assert main(["serve", "--db", str(tmp_path / "s.sqlite"), "--port", "0", *argv]) == 0
    return seen


def test_access_log_off_by_default(monkeypatch, tmp_path):
    seen = _captured(monkeypatch, [], tmp_path)
    assert seen["access_log"] is False
    assert seen["host"] == "127.0.0.1"


def test_access_log_flag_turns_it_on(monkeypatch, tmp_path):
    assert _captured(monkeypatch, ["--access-log"], tmp_path)["access_log"] is True
