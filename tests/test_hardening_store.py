"""Issue 12 (store side): ids kept exactly, re-publication, record shapes, user-only files."""

from __future__ import annotations

import json
import stat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from according.errors import StoreError, StoreMissingError
from according.store import Store
from according.store.ingest import id_problem
from according.store.validate import record_problem
from store_records import record


@pytest.fixture
def store(tmp_path):
    s = Store(str(tmp_path / "h.sqlite"))
    yield s
    s.close()


def doc(id, text="Ana Lind said the harbour would reopen on Monday.", url=None):
    return record(id, [text], url=url)


# --- Ids -------------------------------------------------------------------------------------


def test_ids_that_cannot_be_stored_exactly_are_refused_and_the_batch_goes_on(store):
    out = store.ingest([doc("x\u0000y"), doc("x\ud800y"), doc("x\ufffdy"), doc("a\r\nb"), doc("fine")])
    assert out["stored"] == 2
    refused = {f["id"]: f["reason"] for f in out["failed"]}
    assert set(refused) == {"x\\x00y", "x\\ud800y", "a\\r\\nb"}
    assert all("U+" in why for why in refused.values())
    assert store.article("x\ufffdy")["versions"] == 1  # its own article, not merged with the others
    assert store.article("fine")["versions"] == 1
    assert store.stats()["articles"] == 2


def test_emoji_and_unusual_ids_are_kept_exactly(store):
    ids = ["🌊 storm", "a/b/c.txt", "x\ufffdy", "ünïcödé", "100%_done", "' OR 1=1 --"]
    assert store.ingest([doc(i) for i in ids])["stored"] == len(ids)
    for i in ids:
        assert store.article(i)["id"] == i


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=30))
def test_id_problem_refuses_exactly_what_cannot_be_kept(value):
    why = id_problem(value)
    unstorable = (
        any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) <= 0xDFFF for c in value)
        or not value.strip()
    )
    assert (why is not None) == unstorable


def test_a_new_id_with_a_known_url_is_its_own_article(store):
    store.ingest([doc("a1", url="https://news.example/x")])
    store.ingest([doc("a1-again", "Ana Lind said the harbour reopened.", url="https://news.example/x")])
    assert store.stats()["articles"] == 2
    mine = store.article("a1-again")
    assert mine is not None and mine["versions"] == 1
    assert mine["same_url"] == ["a1"] and store.article("a1")["same_url"] == ["a1-again"]
    # the same text under a new id is stored too (it is not "already stored")
    assert store.ingest([doc("a1-copy", url="https://news.example/x")])["stored"] == 1


def test_republishing_an_older_text_makes_it_current_again(store, tmp_path):
    a = doc("art", "Ana Lind said the harbour would reopen on Monday.")
    b = doc("art", "Ana Lind said the harbour would stay closed.")
    assert store.ingest([a])["stored"] == 1
    assert store.ingest([b])["new_versions"] == 1
    out = store.ingest([a])
    assert out["new_versions"] == 1 and out["skipped"] == 0
    now = store.article("art")
    assert now["version"] == 3 and now["record"]["text"] == a["text"]
    assert [v["version"] for v in store.versions("art")] == [1, 2, 3]
    assert store.ingest([a])["skipped"] == 1  # the current text again is nothing new
    # in one batch: A, B, A leaves A current
    batch = [doc("one", "First text."), doc("one", "Second text."), doc("one", "First text.")]
    store.ingest(batch)
    assert store.article("one")["record"]["text"] == "First text."
    # export's articles.jsonl holds the current text, under ids that join the flat tables
    store.export("jsonl", tmp_path / "out")
    lines = [json.loads(x) for x in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()]
    assert {x["id"]: x["text"] for x in lines}["art"] == a["text"]
    meta_ids = {
        json.loads(x)["article_id"]
        for x in (tmp_path / "out" / "article_meta.jsonl").read_text().splitlines()
    }
    assert meta_ids == {x["id"] for x in lines}


# --- records of the wrong shape -----------------------------------------------------------------


@pytest.mark.parametrize(
    "field, value, where",
    [
        ("quotes", "xyz", "record.quotes must be a list"),
        ("quotes", [1], "record.quotes[0] must be an object"),
        ("figures", [{"value": 2**63}], "record.figures[0].value"),
        ("places", [{"geonameid": "x"}], "record.places[0].geonameid"),
        ("meta", "text", "record.meta must be an object"),
        ("events", [{"fatalities": 10**20}], "record.events[0].fatalities"),
        ("errors", 5, "record.errors must be a list"),
    ],
)
def test_records_of_the_wrong_shape_are_refused_in_words(store, field, value, where):
    bad = doc("bad")
    bad[field] = value
    assert where in record_problem(bad)
    out = store.ingest([bad, doc("good")])
    assert out["stored"] == 1 and out["failed"][0]["id"] == "bad"
    assert where in out["failed"][0]["reason"]
    assert "Error" not in out["failed"][0]["reason"]  # no Python exception text


@settings(max_examples=30, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
        max_leaves=12,
    )
)
def test_any_json_in_a_record_field_is_stored_or_refused_never_raised(tmp_path_factory, junk):
    with Store(str(tmp_path_factory.mktemp("j") / "j.sqlite")) as s:
        for field in ("quotes", "figures", "events", "places", "times", "entities", "meta"):
            rec = doc(f"r-{field}")
            rec[field] = junk
            out = s.ingest([rec])
            assert out["stored"] + len(out["failed"]) == 1


# --- files ------------------------------------------------------------------------------------


def test_a_new_store_and_its_folder_are_readable_by_the_user_only(tmp_path):
    path = tmp_path / "new-folder" / "store.sqlite"
    with Store(str(path)) as s:
        s.ingest([doc("a")])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    for extra in path.parent.iterdir():  # -wal, -shm: SQLite gives them the file's mode
        assert stat.S_IMODE(extra.stat().st_mode) & 0o077 == 0, extra


def test_a_missing_store_is_refused_when_not_creating(tmp_path):
    with pytest.raises(StoreMissingError) as refused:
        Store(str(tmp_path / "typo.sqlite"), create=False)
    assert refused.value.exit_code == 5 and "typo.sqlite" in str(refused.value)
    assert not (tmp_path / "typo.sqlite").exists()


def test_a_store_in_an_unwritable_place_is_a_store_error(tmp_path):
    # A place no one can create a folder in, root included: below a regular file.
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as refused:
        Store(str(blocker / "sub" / "s.sqlite"))
    assert refused.value.exit_code == 5
