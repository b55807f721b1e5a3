"""Batch runs: --jobs N gives --jobs 1's bytes, a dead worker costs one article, `according batch`
reads every input kind, commits in waves and resumes after kill -9 with every id exactly once."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from according import cli
from according.batch import inputs as batch_inputs
from according.batch.ledger import read_records
from according.settings import Settings
from batch_articles import article, write_jsonl


def run_cli(argv: list[str], capsys) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# -- settings ------------------------------------------------------------------------------------
def test_settings_flags_win_over_environment_and_nothing_writes_the_environment(tmp_path):
    dump = tmp_path / "dump.txt"
    dump.write_text("")
    env = {"ACCORDING_GEONAMES": str(tmp_path / "missing.txt")}
    assert Settings.from_environment(env, geonames=str(dump)).geonames == str(dump.resolve())
    with pytest.raises(Exception, match="ACCORDING_GEONAMES"):
        Settings.from_environment(env)
    assert Settings.from_environment({}, model="en_core_web_sm").model == "en_core_web_sm"
    src = Path(cli.__file__).resolve().parent
    writes = [
        f"{p.relative_to(src)}:{n}"
        for p in src.rglob("*.py")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(
            r"os\.environ\s*\[[^\]]*\]\s*=[^=]|os\.environ\.(setdefault|update)\(|os\.putenv\(", line
        )
    ]
    # The one exception: the warm server's forked child becomes Spark's Python daemon and takes
    # the daemon's environment, as an exec would (batch/spark_daemon._become_daemon); it is a
    # process of its own, never the caller's.
    assert writes == [
        f"batch/spark_daemon.py:{_line_of(src / 'batch/spark_daemon.py', 'os.environ.update(')}"
    ]


# -- --jobs --------------------------------------------------------------------------------------
def test_jobs_2_writes_the_bytes_of_jobs_1_in_the_same_order(tmp_path, capsys):
    # 20 articles = more than one chunk of 16; one bad line in the middle keeps its place
    archive = tmp_path / "news.jsonl"
    write_jsonl(archive, 20, bad_line_at=7)
    code1, one, err1 = run_cli(["analyze", str(archive), "--format", "jsonl", "--jobs", "1"], capsys)
    code2, two, err2 = run_cli(["analyze", str(archive), "--format", "jsonl", "--jobs", "2"], capsys)
    assert code1 == code2 == 1  # the bad line is a failure, the others are analysed
    assert one == two
    assert err1 == err2 and "#8" in err1  # the workers' JSON lines come with the same messages
    ids = [json.loads(line)["id"] for line in one.splitlines()]
    assert ids[:3] == ["a000", "a001", "a002"] and ids[7].endswith("#8") and len(ids) == 20


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class KillsItsWorker:
    """An input item whose unpickling kills the worker process that receives it (SIGKILL)."""

    id = "killer"
    text = ""

    def __reduce__(self):
        return (_die, ())


def test_a_worker_that_dies_costs_its_article_only():
    from according.batch.pool import WorkerPool
    from according.ingest import read_document

    docs = [read_document(article(k), id=f"d{k}", format="text") for k in range(5)]
    items = docs[:2] + [KillsItsWorker()] + docs[2:]
    # ahead=4: one chunk of 4 consecutive articles (not the shrinking tail): the killer shares it
    with WorkerPool(Settings(), 2, chunks_per_worker=50, chunk=4, ahead=4) as pool:
        done = list(pool.run(items))
        assert pool.deaths == 2  # the chunk's worker, then the worker of the article alone
    assert [d.id for d in done] == ["d0", "d1", "killer", "d2", "d3", "d4"]
    assert [d.failed for d in done] == [False, False, True, False, False, False]
    reason = json.loads(done[2].record_json)["errors"][0]
    assert reason["stage"] == "analyze" and "SIGKILL" in reason["message"]
    alone = [json.loads(d.record_json) for d in done if d.id != "killer"]
    assert all(r["quotes"] for r in alone)  # the others were analysed in full


def _alarm_once(flag: str, doc):
    """Unpickled in a worker: the first time, SIGALRM (whose default action ends the process) is set
    to fire 20 ms later, while the worker is analysing the chunk this article is in."""
    if not os.path.exists(flag):
        Path(flag).touch()
        signal.setitimer(signal.ITIMER_REAL, 0.02)
    return doc


class EndsItsWorkerOnce:
    def __init__(self, doc, flag: Path):
        self.id, self.doc, self.flag = doc.id, doc, str(flag)

    def __reduce__(self):
        return (_alarm_once, (self.flag, self.doc))


def _uneven(k: int) -> str:
    return "\n\n".join(article(k + j) for j in range(1 + k % 4))  # 1 to 4 articles long


def test_uneven_chunks_out_of_order_give_the_bytes_of_one_process_in_input_order():
    from according.batch import analyse
    from according.batch.pool import WorkerPool, start_method
    from according.batch.schedule import ChunkPlan
    from according.ingest import read_document

    docs = [read_document(_uneven(k), id=f"u{k}", format="text") for k in range(11)]
    one = [d.record_json for d in analyse(docs, Settings(), jobs=1)]
    plan = ChunkPlan(docs, 2, chunk=3)
    handed = [n for c in iter(lambda: plan.next(0), None) for n in c.numbers]
    assert handed != sorted(handed)  # the workers get the articles longest first, not in order
    with WorkerPool(Settings(), 2, chunk=3) as pool:
        assert pool.method == start_method()
        two = [d.record_json for d in pool.run(docs)]
    assert two == one


def test_a_worker_killed_mid_chunk_costs_nothing_its_articles_are_redone(tmp_path):
    from according.batch import analyse
    from according.batch.pool import WorkerPool
    from according.ingest import read_document

    docs = [read_document(article(k), id=f"m{k}", format="text") for k in range(6)]
    one = [d.record_json for d in analyse(docs, Settings(), jobs=1)]
    items = [*docs[:1], EndsItsWorkerOnce(docs[1], tmp_path / "fired"), *docs[2:]]
    with WorkerPool(Settings(), 2, chunk=4, ahead=4) as pool:
        done = list(pool.run(items))
        assert pool.deaths == 1  # the chunk of four died with its worker; redone one by one
    assert (tmp_path / "fired").exists()
    assert [d.record_json for d in done] == one and not any(d.failed for d in done)


# -- inputs --------------------------------------------------------------------------------------
def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        pages = [
            ("https://news.example/a", "text/html; charset=utf-8", article(1)),
            ("https://news.example/style.css", "text/css", "body {}"),
            ("https://news.example/b", "text/html", article(2)),
        ]
        for url, ctype, body in pages:
            html = f"<html><head><title>t</title></head><body><article>{''.join(f'<p>{p}</p>' for p in body.split(chr(10) * 2))}</article></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(html.encode("utf-8") if ctype.startswith("text/html") else body.encode()),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-05-06T07:08:09Z"},
            )
            writer.write_record(rec)


def test_inputs_of_every_kind_become_articles_with_their_ids(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "one.txt").write_text(article(0), encoding="utf-8")
    with gzip.open(folder / "page.html.gz", "wt", encoding="utf-8") as fh:
        fh.write(f"<html><body><article><p>{article(3)}</p></article></body></html>")
    with gzip.open(folder / "more.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(
            json.dumps({"id": "g1", "text": article(4)}) + "\n\n" + json.dumps({"text": article(5)}) + "\n"
        )
    (folder / ".hidden.txt").write_text("not read")
    pq.write_table(
        pa.table(
            {"id": ["p1", None], "text": [article(6), None], "html": [None, "<p>x</p>"], "url": ["u", None]}
        ),
        folder / "rows.parquet",
    )
    _warc(folder / "crawl.warc.gz")
    got = list(batch_inputs.read_inputs([str(folder)], Settings()))
    ids = [k.id for k in got]  # files in name order: crawl.warc.gz, more.jsonl.gz, page.html.gz, ...
    assert len(ids) == 8 and all(i.startswith("<urn:uuid:") for i in ids[:2])
    assert ids[2:5] == ["g1", f"{folder / 'more.jsonl.gz'}#3", "page"]
    assert ids[5:] == ["p1", f"{folder / 'rows.parquet'}#2", "sub/one"]
    warc = [k.item for k in got[:2]]
    assert [w.url for w in warc] == ["https://news.example/a", "https://news.example/b"]  # the CSS is skipped
    doc = batch_inputs.read_item(warc[0])
    assert doc.meta.url == "https://news.example/a" and doc.meta.published.startswith("2024-05-06")
    assert "bridges" in doc.text
    # the ledger key changes with the bytes and with the model, not from run to run
    again = list(batch_inputs.read_inputs([str(folder)], Settings()))
    assert [k.input_hash for k in again] == [k.input_hash for k in got]
    other = list(batch_inputs.read_inputs([str(folder)], Settings(model="en_core_web_sm")))
    assert not {k.input_hash for k in other} & {k.input_hash for k in got}


# -- according batch -----------------------------------------------------------------------------
def _rows(out: Path) -> list[tuple[str, str, str, str]]:
    return list(read_records(out / "records"))


def test_batch_records_are_analyze_jsonl_bytes_and_a_rerun_does_nothing(tmp_path, capsys):
    archive = tmp_path / "news.jsonl"
    write_jsonl(archive, 5, bad_line_at=2)
    out = tmp_path / "out"
    code, printed, _ = run_cli(
        ["batch", str(archive), "--out", str(out), "--jobs", "1", "--wave", "2", "--jsonl"], capsys
    )
    assert code == 1 and "4 analysed" not in printed and "5 analysed (1 failed)" in printed
    _, analysed, _ = run_cli(["analyze", str(archive), "--format", "jsonl", "--jobs", "1"], capsys)
    rows = _rows(out)
    assert [r[3] + "\n" for r in rows] == analysed.splitlines(keepends=True)
    assert [r[2] for r in rows] == ["ok", "ok", "failed", "ok", "ok"]
    assert len(list((out / "records").glob("part-*.parquet"))) == 3  # waves of 2
    jsonl = "".join(p.read_text(encoding="utf-8") for p in sorted((out / "records").glob("part-*.jsonl")))
    assert jsonl == analysed
    import pyarrow.parquet as pq

    quotes = pq.read_table(out / "tables" / "quotes").to_pylist()
    assert {q["article_id"] for q in quotes} == {"a000", "a001", "a003", "a004"}
    # a re-run analyses nothing; --retry-failed redoes the failed one, still once
    code, printed, _ = run_cli(["batch", str(archive), "--out", str(out), "--jobs", "1"], capsys)
    assert code == 0 and printed.startswith("0 analysed") and "4 already done" in printed
    assert "1 failed earlier" in printed
    code, printed, _ = run_cli(
        ["batch", str(archive), "--out", str(out), "--jobs", "1", "--retry-failed"], capsys
    )
    assert printed.startswith("1 analysed (1 failed)")
    assert sorted(r[0] for r in _rows(out)) == sorted(r[0] for r in rows)


def _batch_cmd(inp: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "according.cli",
        "batch",
        str(inp),
        "--out",
        str(out),
        "--jobs",
        "1",
        "--wave",
        "2",
    ]


def test_kill_9_at_random_points_then_rerun_gives_every_id_once_and_the_same_records(tmp_path):
    archive = tmp_path / "news.jsonl"
    ids = write_jsonl(archive, 12)
    whole = tmp_path / "whole"
    subprocess.run(_batch_cmd(archive, whole), check=True, capture_output=True, timeout=600)
    expected = {r[0]: r[3] for r in _rows(whole)}
    assert sorted(expected) == sorted(ids)
    rng = random.Random(10)
    for trial in range(3):
        out = tmp_path / f"killed{trial}"
        proc = subprocess.Popen(
            _batch_cmd(archive, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        # a random point: after 0-4 committed waves, plus a random part of a wave's time
        waves = rng.randint(0, 4)
        deadline = time.monotonic() + 300
        while len(list((out / "records").glob("part-*.parquet"))) < waves and proc.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(rng.uniform(0, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        subprocess.run(_batch_cmd(archive, out), check=True, capture_output=True, timeout=600)
        rows = _rows(out)
        assert sorted(r[0] for r in rows) == sorted(ids)  # every id exactly once
        assert {r[0]: r[3] for r in rows} == expected
        assert not list(out.rglob(".part-*"))  # nothing uncommitted left behind


def test_ingest_records_and_ingest_jobs_store_the_same_articles(tmp_path, capsys):
    archive = tmp_path / "news.jsonl"
    write_jsonl(archive, 3)
    out = tmp_path / "out"
    assert run_cli(["batch", str(archive), "--out", str(out), "--jobs", "1"], capsys)[0] == 0
    db1, db2 = tmp_path / "one.db", tmp_path / "two.db"
    code, printed, _ = run_cli(["ingest", "--records", str(out / "records"), "--db", str(db1)], capsys)
    assert code == 0 and printed.startswith("3 stored")
    code, printed, _ = run_cli(["ingest", str(archive), "--db", str(db2), "--jobs", "2"], capsys)
    assert code == 0 and "3 stored" in printed
    from according.store import Store

    with Store(str(db1)) as one, Store(str(db2)) as two:
        assert one.export("jsonl", tmp_path / "e1") and two.export("jsonl", tmp_path / "e2")
    assert (tmp_path / "e1" / "articles.jsonl").read_bytes() == (
        tmp_path / "e2" / "articles.jsonl"
    ).read_bytes()
    assert run_cli(["ingest", "--records", str(tmp_path / "nothing"), "--db", str(db1)], capsys)[0] == 2


def test_serve_workers_get_the_store_and_token_as_arguments_not_environment(tmp_path):
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db = tmp_path / "s.sqlite"
    # serve refuses a store that does not exist: make one holding one article, so that the
    # answer shows the workers opened this store and not the default one
    from according.store import Store
    from store_records import record

    with Store(str(db)) as store:
        store.ingest([record("only-one", ["One short paragraph for the store."])])
    env = {k: v for k, v in os.environ.items() if k not in ("ACCORDING_TOKEN", "ACCORDING_SERVE_DB")}
    cmd = [
        sys.executable,
        "-m",
        "according.cli",
        "serve",
        "--db",
        str(db),
        "--port",
        str(port),
        "--workers",
        "2",
    ]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=5) as r:
                    body = json.loads(r.read())
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.5)
        assert body["stats"]["articles"] == 1  # the workers opened the store they were given
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _line_of(path: Path, needle: str) -> int:
    return next(
        n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line
    )
