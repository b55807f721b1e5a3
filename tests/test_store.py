"""The store: ingest (idempotent, versions, atomic), sources across articles, queries, export."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from according.store import Store
from according.store.crossdoc import is_acronym, name_key, person_words, story_key
from store_records import record

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def store(tmp_path):
    st = Store(str(tmp_path / "t.sqlite"))
    yield st
    st.close()


def gaza(id="a1", extra="", **kw):
    paras = [
        "Talks resume in Cairo",
        'Benjamin Netanyahu said: "We will not stop."',
        '"The deal is close," said an official.',
        "At least 28,000 people have been killed, the ministry said.",
    ]
    if extra:
        paras.append(extra)
    return record(
        id,
        paras,
        entities=[("Benjamin Netanyahu", "PERSON"), ("Cairo", "GPE")],
        quotes=[
            ("Benjamin Netanyahu", "person", '"We will not stop."', "said"),
            ("an official", "anonymous", '"The deal is close,"', "said"),
        ],
        figures=[
            dict(
                value=28000,
                unit="people",
                measure="killed",
                text="28,000",
                source=("the ministry", "organization"),
            )
        ],
        **kw,
    )


# -- names --------------------------------------------------------------------------------------------
def test_person_titles_are_stripped():
    assert [f for _, f in person_words("Israeli Prime Minister Benjamin Netanyahu")] == [
        "benjamin",
        "netanyahu",
    ]
    assert [f for _, f in person_words("Hamas political leader Ismail Haniyeh")] == ["ismail", "haniyeh"]
    assert name_key("Netanyahu's", "PERSON") == "person:netanyahu"
    assert name_key("José Pérez Jr.", "PERSON") == "person:jose perez"


def test_descriptions_are_not_sources(store):
    r = record(
        "d",
        ['a diplomat briefed on the talks said "a"; the process, the Minister and Osama bin Laden.'],
        entities=[
            ("a diplomat briefed on the talks", "PERSON"),
            ("the process", "PERSON"),
            ("Minister", "PERSON"),
            ("Osama bin Laden", "PERSON"),
            ("the talks", "ORG"),
        ],
    )
    store.ingest([r])
    assert [s["name"] for s in store.sources()["items"]] == ["Osama bin Laden"]


def test_org_keys_and_acronyms():
    assert is_acronym("IDF") and is_acronym("U.N.") and not is_acronym("Hamas")
    assert name_key("the Israel Defense Forces", "ORG") == "organization:israel defense forces"
    assert story_key("IDF", "ORG") == story_key("Israel Defense Forces", "ORG") == "o:idf"
    assert name_key("Cairo", "GPE") != name_key("Cairo", "PERSON")
    assert name_key("Apple Inc.", "ORG") == name_key("the Apple", "ORG") == "organization:apple"


# -- ingest ---------------------------------------------------------------------------------------------
def test_ingest_is_idempotent(store):
    s1 = store.ingest([gaza("a1"), gaza("a2", published="2024-02-15")])
    assert (s1["stored"], s1["skipped"], s1["failed"]) == (2, 0, [])
    s2 = store.ingest([gaza("a1"), gaza("a2", published="2024-02-15")])
    assert (s2["stored"], s2["skipped"]) == (0, 2)
    st = store.stats()
    assert st["articles"] == 2 and st["versions"] == 2 and st["quotes"] == 4


def test_ingest_accepts_analysis_objects(store):
    from according.model import Analysis, Meta, Quote, Span, Speaker

    text = '"Yes," said Ann Lee.'
    a = Analysis(
        id="obj",
        text=text,
        meta=Meta(published="2024-01-02"),
        quotes=(
            Quote(
                id="q1",
                kind="direct",
                category="speech",
                content=(Span.of(text, 0, 6),),
                cue=Span.of(text, 7, 11),
                source=Span.of(text, 12, 19),
                speaker=Speaker(name="Ann Lee", type="person"),
            ),
        ),
    )
    assert store.ingest([a])["stored"] == 1
    got = store.article("obj")
    assert got["record"] == a.to_dict()
    assert store.quotes(speaker="ann lee")["items"][0]["text"] == '"Yes,"'


def test_failed_records_are_reported_not_stored(store):
    bad = gaza("bad")
    bad["errors"] = [{"stage": "analyze", "message": "boom"}]
    out = store.ingest([bad, {"text": "no id"}, 42])
    assert out["stored"] == 0 and len(out["failed"]) == 3
    assert out["failed"][0] == {"id": "bad", "reason": "boom"}
    assert store.stats()["articles"] == 0


def test_republished_article_is_a_new_version_with_a_diff(store):
    store.ingest([gaza("a1", url="https://news.example/a1")])
    v2 = gaza(
        "a1",
        extra='Updated: Yahya Sinwar said: "No deal."',
        url="https://news.example/a1",
        updated="2024-02-14T18:00:00+00:00",
    )
    v2["quotes"].append(
        {
            **v2["quotes"][0],
            "id": "q3",
            "content": [{"start": 0, "end": 0, "text": '"No deal."'}],
            "speaker": {"entity": None, "name": "Yahya Sinwar", "type": "person", "description": None},
        }
    )
    out = store.ingest([v2])
    assert out["stored"] == 1 and out["new_versions"] == 1
    assert [v["version"] for v in store.versions("a1")] == [1, 2]
    assert store.article("a1")["version"] == 2
    assert store.article("a1", version=1)["record"]["meta"]["updated"] is None
    # flat rows hold the current version only
    assert store.quotes(article="a1")["total"] == 3
    d = store.diff("a1", 1, 2)
    assert d["paragraphs"][-1]["op"] == "insert" and "No deal" in d["paragraphs"][-1]["new"][0]
    assert [q["speaker"]["name"] for q in d["quotes"]["added"]] == ["Yahya Sinwar"]
    assert d["quotes"]["removed"] == [] and d["figures"] == {"added": [], "removed": []}
    assert "+Updated: Yahya Sinwar" in d["unified"]
    # the same text again is nothing new
    assert store.ingest([v2])["skipped"] == 1


def test_same_url_under_another_id_is_its_own_article(store):
    # Issue 12: ids are kept exactly; a new id with a known URL is linked, not merged.
    store.ingest([gaza("a1", url="https://news.example/x")])
    store.ingest([gaza("a1-again", extra="More.", url="https://news.example/x")])
    assert store.stats()["articles"] == 2 and store.stats()["versions"] == 2
    assert store.article("a1-again")["same_url"] == ["a1"]


def test_different_article_under_a_shared_url_is_not_a_version(store):
    store.ingest([gaza("a1", url="https://news.example/live")])
    other = record(
        "b1",
        ["Markets closed higher on Tuesday after a volatile session in Tokyo."],
        url="https://news.example/live",
    )
    assert store.ingest([other])["new_versions"] == 0
    assert store.stats()["articles"] == 2


def test_untrusted_text_is_bound_not_formatted(store):
    evil = 'Robert\'); DROP TABLE quotes;-- said: "x" % _ \\ \x00 \ud800'
    r = record(
        "evil'; --",
        [evil],
        entities=[("Robert'); DROP TABLE quotes;--", "PERSON")],
        quotes=[("Robert'); DROP TABLE quotes;--", "person", '"x"', "said")],
    )
    assert store.ingest([r])["stored"] == 1
    assert store.quotes(q='NEAR( "x" OR * -')["total"] >= 0
    assert store.quotes(speaker="%")["total"] == 0
    assert store.quotes(speaker="DROP TABLE")["total"] == 1
    assert store.article("evil'; --")["record"]["text"] == evil
    assert store.stats()["quotes"] == 1


def test_long_values_are_stored(store):
    name = "Ann " + "Lee" * 400
    r = record(
        "long-" + "x" * 300,
        [f'{name} said "yes"', "12 " + "u" * 300 + " were counted."],
        entities=[(name, "PERSON")],
        quotes=[(name, "person", '"yes"', "said")],
        figures=[dict(value=12, unit="u" * 300, measure="m" * 300, text="12")],
        places=[("P" * 500, None, "XYZ")],
    )
    assert store.ingest([r])["stored"] == 1
    assert store.figures(unit="u" * 300)["total"] == 1
    assert store.sources(type="person")["total"] == 1


def test_skip_happens_before_analysis(store, monkeypatch):
    from according import analyzer
    from according.ingest import Document
    from according.model import Meta

    calls = []

    def fake(docs, model=None, batch_size=16):
        for d in docs:
            calls.append(d.id)
            yield gaza(d.id) | {"text": d.text}

    monkeypatch.setattr(analyzer, "analyze_documents", fake)
    docs = [Document(id=f"d{i}", text=f"Article {i}.", meta=Meta(published="2024-02-14")) for i in range(5)]
    assert store.ingest_documents(docs)["stored"] == 5
    calls.clear()
    out = store.ingest_documents(docs + [Document(id="d9", text="New.", meta=Meta())])
    assert calls == ["d9"] and out["skipped"] == 5 and out["stored"] == 1


# -- sources across articles ----------------------------------------------------------------------
def _one(id, name, typ, content, published="2024-02-14"):
    stype = "person" if typ == "PERSON" else "organization"
    return record(
        id,
        [f"{name} said {content}"],
        published=published,
        entities=[(name, typ)],
        quotes=[(name, stype, content, "said")],
    )


def test_same_person_across_articles_is_one_source_in_any_order(store):
    store.ingest(
        [
            _one("c", "Netanyahu", "PERSON", '"no"'),
            _one("b", "Israeli Prime Minister Benjamin Netanyahu", "PERSON", '"maybe"'),
            _one("a", "Benjamin Netanyahu", "PERSON", '"yes"'),
        ]
    )
    people = store.sources(type="person")["items"]
    assert len(people) == 1
    src = people[0]
    assert src["name"] == "Benjamin Netanyahu" and src["n_quotes"] == 3 and src["n_articles"] == 3
    assert set(src["aliases"]) >= {"Netanyahu", "Benjamin Netanyahu"}
    assert len(store.source(src["id"])["quotes"]) == 3


def test_acronym_and_full_name_are_one_organisation(store):
    store.ingest(
        [
            _one("x", "IDF", "ORG", '"struck"'),
            _one("y", "the Israel Defense Forces", "ORG", '"ok"'),
            _one("z", "Hamas", "ORG", '"no"'),
        ]
    )
    orgs = {o["name"]: o for o in store.sources(type="organization")["items"]}
    assert set(orgs) == {"Israel Defense Forces", "Hamas"}
    assert orgs["Israel Defense Forces"]["n_quotes"] == 2


def test_merge_inside_one_article(store):
    r = record(
        "m",
        ['Netanyahu said "a". Benjamin Netanyahu said "b".'],
        entities=[("Netanyahu", "PERSON"), ("Benjamin Netanyahu", "PERSON")],
        quotes=[("Netanyahu", "person", '"a"', "said"), ("Benjamin Netanyahu", "person", '"b"', "said")],
    )
    assert store.ingest([r])["stored"] == 1
    (src,) = store.sources(type="person")["items"]
    assert src["n_quotes"] == 2


def test_ambiguous_surname_is_not_guessed(store):
    store.ingest(
        [
            _one("p", "Joe Biden", "PERSON", '"a"'),
            _one("q", "Hunter Biden", "PERSON", '"b"'),
            _one("r", "Biden", "PERSON", '"c"'),
        ]
    )
    names = sorted(s["name"] for s in store.sources(type="person")["items"])
    assert names == ["Biden", "Hunter Biden", "Joe Biden"]


# -- queries --------------------------------------------------------------------------------------------
def test_quote_filters_search_and_paging(store):
    store.ingest([gaza(f"a{i}", published=f"2024-02-{10 + i:02d}") for i in range(6)])
    assert store.quotes(type="anonymous")["total"] == 6
    assert store.quotes(speaker="netanyahu", date_from="2024-02-13")["total"] == 3
    assert store.quotes(q="stopping")["total"] == 6  # stemmed full-text search
    assert store.quotes(q="deal close", type="anonymous")["total"] == 6
    page = store.quotes(limit=5, offset=10)
    assert page["total"] == 12 and len(page["items"]) == 2
    assert store.articles(limit=2)["items"][0]["id"] == "a5"
    assert store.articles(q="cairo")["total"] == 6
    fig = store.figures(measure="killed")["items"][0]
    assert fig["value"] == 28000 and fig["source"] == "the ministry"


def test_undated_articles_list_last(store):
    store.ingest([gaza("undated", published=None), gaza("dated", published="2024-01-01")])
    assert [a["id"] for a in store.articles()["items"]] == ["dated", "undated"]


# -- export ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_reproduces_records(store, tmp_path, fmt):
    recs = [gaza("a1"), gaza("a2", published="2024-02-15")]
    store.ingest(recs)
    out = store.export(fmt, tmp_path / "out")
    lines = (tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines == [json.dumps(r, ensure_ascii=False) for r in recs]
    assert {"quotes", "sources", "figures", "events", "entities", "places"} <= set(out)
    if fmt == "csv":
        import csv

        rows = list(csv.DictReader(open(out["quotes"], encoding="utf-8")))
        assert {r["article_id"] for r in rows} == {"a1", "a2"}
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(out["quotes"]).column("article_id").to_pylist() == ["a1", "a1", "a2", "a2"]
    else:
        rows = [json.loads(x) for x in open(out["figures"], encoding="utf-8")]
        assert [r["value"] for r in rows] == [28000, 28000]


# -- crash safety: a real kill -9 mid-ingest --------------------------------------------------------------
_CHILD = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {tests!r})
    from according import analyzer, cli
    from store_records import record

    def slow(docs, model=None, batch_size=16):
        for d in docs:
            time.sleep(0.004)
            yield record(d.id, [d.text], entities=[("Ann Lee", "PERSON")],
                         quotes=[("Ann Lee", "person", d.text, None)])

    analyzer.analyze_documents = slow
    # --jobs 1: analysed in this process, by the patched analyzer (worker processes would not see it)
    sys.exit(cli.main(["ingest", {folder!r}, "--db", {db!r}, "--jobs", "1"]))
""")


def _integrity(db: Path) -> tuple[int, int]:
    con = sqlite3.connect(db)
    try:
        n_art, n_ver = con.execute("select count(*), sum(n_versions) from articles").fetchone()
        assert con.execute("select count(*) from versions").fetchone()[0] == (n_ver or 0)
        # every stored article is whole: its version, its one quote, its entity, its story
        assert con.execute("select count(*) from quotes").fetchone()[0] == n_art
        assert con.execute("select count(*) from entities").fetchone()[0] == n_art
        assert con.execute("select count(*) from articles where story_id is null").fetchone()[0] == 0
        assert con.execute("select count(distinct article_id) from quotes").fetchone()[0] == n_art
        assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
        return n_art, n_ver or 0
    finally:
        con.close()


def test_kill_9_mid_ingest_then_rerun_stores_each_article_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    n = 400
    for i in range(n):
        (folder / f"art{i:04d}.txt").write_text(f"Article number {i} says something new.", encoding="utf-8")
    db = tmp_path / "k.sqlite"
    script = _CHILD.format(tests=str(Path(__file__).parent), folder=str(folder), db=str(db))
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen(
        [sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                con = sqlite3.connect(db, timeout=1)
                stored = con.execute("select count(*) from articles").fetchone()[0]
                con.close()
            except sqlite3.OperationalError:
                continue
            if stored >= 40:
                break
    assert proc.poll() is None, f"ingest finished before it could be killed: {proc.stderr.read()!r}"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial, _ = _integrity(db)
    assert 40 <= partial < n
    rerun = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial} skipped as already stored" in rerun.stdout
    assert _integrity(db) == (n, n)


# -- end to end, with the language model ---------------------------------------------------------------
def _e2e(path: Path, tmp_path: Path, analyze):
    from according import cli

    db = str(tmp_path / "e2e.sqlite")
    assert cli.main(["ingest", str(path), "--db", db]) == 0
    assert cli.main(["ingest", str(path), "--db", db]) == 0  # second time: skipped
    with Store(db) as st:
        assert st.stats()["articles"] == 1 and st.stats()["versions"] == 1
        stored = st.article(path.stem)["record"]
        # a quote marked part_of another is stored once, as part of that one (ingest.py)
        assert st.quotes(article=path.stem)["total"] == len(
            [q for q in stored["quotes"] if not q.get("part_of")]
        )
        out = st.export("jsonl", tmp_path / "out")
    fresh = analyze(path.read_text(encoding="utf-8"), id=path.stem).to_dict()
    assert stored == fresh
    assert json.loads(Path(out["articles"]).read_text(encoding="utf-8")) == fresh


def test_end_to_end_example(tmp_path, analyze):
    example = ROOT / "examples" / "harbor-ceasefire.txt"
    if not example.exists():
        pytest.skip("examples/harbor-ceasefire.txt not written yet")
    _e2e(example, tmp_path, analyze)


def test_end_to_end_specimen(tmp_path, analyze, shared):
    _e2e(shared / "samples" / "wapo-2024-02-14-gaza-ceasefire-talks.txt", tmp_path, analyze)


def test_two_processes_ingesting_at_once(tmp_path):
    """Two writers on one SQLite file (overlapping inputs): each article once, nothing failed."""
    db = tmp_path / "c.sqlite"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    procs = []
    for name, ids in (("x", range(0, 150)), ("y", range(100, 250))):
        folder = tmp_path / name
        folder.mkdir()
        for i in ids:
            (folder / f"art{i:04d}.txt").write_text(f"Article number {i}.", encoding="utf-8")
        script = _CHILD.format(tests=str(Path(__file__).parent), folder=str(folder), db=str(db))
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", script],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert " 0 failed" in out
    assert _integrity(db) == (250, 250)


def test_cli_ingest_reports_failures_and_export_writes_files(tmp_path, capsys, analyze):
    from according import cli

    archive = tmp_path / "a.jsonl"
    archive.write_text(
        json.dumps(
            {"id": "ok", "text": '"We are ready," said Ann Lee, the mayor.', "published": "2024-02-14"}
        )
        + "\nnot json\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "cli.sqlite")
    assert cli.main(["ingest", str(archive), "--db", db]) == 1
    out, err = capsys.readouterr()
    assert "1 analysed, 1 stored" in out.splitlines()[-1] and "1 failed" in out
    assert "not valid JSON" in err
    assert cli.main(["ingest", str(archive), "--db", db]) == 1
    out, _ = capsys.readouterr()
    assert "1 skipped as already stored" in out
    assert cli.main(["export", "--format", "csv", "--out", str(tmp_path / "x"), "--db", db]) == 0
    out, _ = capsys.readouterr()
    assert "quotes\t" in out and (tmp_path / "x" / "quotes.csv").exists()
    assert json.loads((tmp_path / "x" / "articles.jsonl").read_text(encoding="utf-8"))["id"] == "ok"


def test_the_switch_to_wal_waits_while_another_process_holds_the_file(monkeypatch):
    """Two processes opening a new database at once: the mode switch answered "database is
    locked" at once (no busy handler); it is retried, and any other error is raised."""
    from according.store import db as store_db

    monkeypatch.setattr(store_db, "WAL_SWITCH_PAUSE_S", 0)

    class Cursor:
        def __init__(self, failures, message="database is locked"):
            self.failures, self.message, self.calls = failures, message, 0

        def execute(self, sql):
            self.calls += 1
            if self.calls <= self.failures:
                raise sqlite3.OperationalError(self.message)

    cur = Cursor(failures=3)
    store_db._switch_to_wal(cur)
    assert cur.calls == 4
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        store_db._switch_to_wal(Cursor(failures=1, message="disk I/O error"))
    never = Cursor(failures=10**6)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        store_db._switch_to_wal(never)
    assert never.calls == store_db.WAL_SWITCH_ATTEMPTS
