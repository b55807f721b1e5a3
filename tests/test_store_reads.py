"""The store's fast read paths (queries.py) give the same answers as the plain scans they replace,
and derived data (source counts, story pages, speaker names) follows every write at once."""

from __future__ import annotations

import random
import sqlite3

import pytest

from according.store import Store, listings
from according.store import queries as Q
from store_records import record

SPEAKERS = [
    ("Ana Lind", "person"),
    ("ANA LINDBERG", "person"),
    ("Tom Berg", "person"),
    ("the Tiryan health ministry", "organization"),
    ("Émile Zola", "person"),
]
WORDS = ["ceasefire", "hospital", "harbour", "budget", "flood"]


def article(i: int, rng: random.Random) -> dict:
    quotes, paras = [], []
    for k in range(3):
        name, typ = rng.choice(SPEAKERS)
        content = f"“The {rng.choice(WORDS)} plan {i}-{k} holds,”"
        paras.append(f"{content} said {name}.")
        quotes.append((name, typ, content, "said"))
    return record(
        f"r{i:03d}",
        paras,
        published=f"2024-03-{1 + i % 28:02d}",
        headline=f"Talks day {i}",
        entities=[(q[0], "PERSON" if q[1] == "person" else "ORG") for q in quotes],
        quotes=quotes,
    )


def filled(path) -> Store:
    rng = random.Random(3)
    st = Store(str(path))
    st.ingest([article(i, rng) for i in range(60)])
    return st


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return tmp_path_factory.mktemp("reads") / "r.sqlite"


@pytest.fixture(scope="module")
def store(db):
    st = filled(db)  # read-only tests share it
    yield st
    st.close()


def scan_quotes(path, speaker=None, word=None) -> list[int]:
    """The reference answer: every quote checked in Python, in list order."""
    con = sqlite3.connect(path)
    rows = con.execute(
        "select q.id, q.speaker_name, s.name, q.text, q.pub_date, q.article_id from quotes q "
        "left join sources s on s.id = q.source_id"
    ).fetchall()
    con.close()
    fold = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")  # SQLite's LIKE
    out = []
    for qid, name, src, text, pub, aid in rows:
        if speaker and not any(speaker.translate(fold) in (n or "").translate(fold) for n in (name, src)):
            continue
        if word and word not in text.lower():
            continue
        out.append((tuple(-ord(c) for c in (pub or "")), aid, qid))
    return [qid for *_, qid in sorted(out)]


@pytest.mark.parametrize(
    "speaker", ["Ana Lind", "ana lind", "LIND", "ministry", "Émile", "émile", "nobody", "a"]
)
def test_speaker_filter_matches_a_full_scan(store, db, speaker):
    want = scan_quotes(str(db), speaker=speaker)
    got = store.quotes(speaker=speaker, limit=1000)
    assert got["total"] == len(want)
    assert [q["id"] for q in got["items"]] == want


def test_many_matching_names_fall_back_to_the_scan(store, db, monkeypatch):
    monkeypatch.setattr(listings, "MAX_SPEAKER_KEYS", 1)
    want = scan_quotes(str(db), speaker="an")
    assert [q["id"] for q in store.quotes(speaker="an", limit=1000)["items"]] == want


@pytest.mark.parametrize("limit,offset", [(5, 0), (7, 20), (1000, 0), (10, 10_000)])
def test_search_pages_agree_with_a_full_scan(store, db, limit, offset):
    # "plan" is in every quote (the index walk), "budget" in a few (driven from the hits)
    path = str(db)
    for word in ("plan", "budget"):
        want = scan_quotes(path, word=word)
        got = store.quotes(q=word, limit=limit, offset=offset)
        assert got["total"] == len(want)
        assert [q["id"] for q in got["items"]] == want[offset : offset + limit]
    both = store.quotes(q="plan", speaker="Tom Berg", limit=1000)
    assert [q["id"] for q in both["items"]] == [
        i for i in scan_quotes(path, speaker="Tom Berg") if i in set(scan_quotes(path, word="plan"))
    ]


def test_derived_data_follows_a_write(tmp_path):
    store = filled(tmp_path / "w.sqlite")
    before = {s["name"]: s["n_quotes"] for s in store.sources(limit=1000)["items"]}
    story_id = store.stories(limit=1)["items"][0]["id"]
    page = store.story(story_id)
    assert store.story(story_id) == page  # the memo answers, the same data
    page["title"] = "changed by a caller"
    assert store.story(story_id)["title"] != "changed by a caller"  # callers get copies
    n = sum(before.values())
    store.ingest(
        [
            record(
                "new1",
                ["“Zebra crossing,” said Tom Berg.", "“Zebra again,” said Tom Berg."],
                published="2024-03-05",
                headline="Talks day 1 again",
                entities=[("Tom Berg", "PERSON")],
                quotes=[
                    ("Tom Berg", "person", "“Zebra crossing,”", "said"),
                    ("Tom Berg", "person", "“Zebra again,”", "said"),
                ],
            )
        ]
    )
    after = {s["name"]: s["n_quotes"] for s in store.sources(limit=1000)["items"]}
    assert sum(after.values()) == n + 2 and after["Tom Berg"] == before.get("Tom Berg", 0) + 2
    assert store.quotes(q="zebra")["total"] == 2
    new_story = store.article("new1")["story"]
    assert any(a["id"] == "new1" for a in store.story(new_story)["articles"])
    assert (
        "Tom Berg"
        in next(s for s in store.stories(limit=1000)["items"] if s["id"] == new_story)["top_sources"]
    )
    assert store.quotes(speaker="tom berg")["total"] == after["Tom Berg"]
    store.close()


def test_sources_order_and_paging(store):
    items = store.sources(limit=1000)["items"]
    keys = [(-i["n_quotes"], -i["n_articles"], i["name"]) for i in items]
    assert keys == sorted(keys)
    assert store.sources(limit=2, offset=1)["items"] == items[1:3]
    assert [i["id"] for i in store.sources(type="organization", limit=1000)["items"]] == [
        i["id"] for i in items if i["type"] == "organization"
    ]


def test_read_indexes_exist_and_are_used(store, db):
    con = sqlite3.connect(str(db))
    names = {r[0] for r in con.execute("select name from sqlite_master where type = 'index'")}
    assert {"ix_quotes_speaker_lower", "ix_quotes_list_order", "ix_figures_measure_order"} <= names
    plan = " ".join(
        r[3]
        for r in con.execute(
            "explain query plan select id from quotes where lower(speaker_name) in ('ana lind')"
        )
    )
    assert "ix_quotes_speaker_lower" in plan
    con.close()


def test_a_connection_reused_after_a_write_sees_it(tmp_path):
    st = filled(tmp_path / "c.sqlite")
    with st.engine.connect() as conn:
        before = Q.sources(conn, limit=1000)["total"]
        conn.commit()  # end this read transaction; the next read starts a new one
        st.ingest(
            [
                record(
                    "solo",
                    ["“Quiet here,” said Zed Quill."],
                    entities=[("Zed Quill", "PERSON")],
                    quotes=[("Zed Quill", "person", "“Quiet here,”", "said")],
                )
            ]
        )
        assert Q.sources(conn, limit=1000)["total"] == before + 1
    st.close()
