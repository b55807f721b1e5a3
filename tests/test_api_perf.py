"""The read fast paths behind the API: prepared statements, memoised story pages, the warmer, TCP_NODELAY.

Each test checks that a fast path answers what the plain path answers (or what the
store holds after a write), not how fast it is: timings are benchmarks/bench_api.py's job.
"""

from __future__ import annotations

import asyncio
import json
import socket

from fastapi.testclient import TestClient
from sqlalchemy import bindparam, select

from according.store import Store
from according.store import schema as s
from according.store.prepared import fetch
from according.web.app import create_app
from web_records import emoji_record, story_records, xss_record

TOKEN = "perf-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _filled(path) -> Store:
    store = Store(str(path))
    store.ingest([emoji_record(), xss_record(), *story_records()])
    return store


def test_prepared_statement_rows_match_sqlalchemy(tmp_path):
    store = _filled(tmp_path / "p.sqlite")
    q = s.quotes
    ids = [r[0] for r in store.engine.connect().execute(select(q.c.id)).all()]
    assert len(ids) >= 3

    def build():
        return select(q.c.id, q.c.text, q.c.speaker_name).where(
            q.c.id.in_(bindparam("ids", expanding=True)), q.c.text.ilike(bindparam("like"), escape="\\")
        )

    with store.engine.connect() as conn:
        for chosen in (ids[:1], ids[1:3], ids):
            params = {"ids": chosen, "like": "%%"}
            fast = fetch(conn, ("test.prepared",), build, params)
            plain = conn.execute(build(), params).all()
            assert [tuple(r) for r in fast] == [tuple(r) for r in plain]
            assert [r.text for r in fast] == [r.text for r in plain]  # attribute access, like SQLAlchemy rows
    store.close()


def test_list_reads_with_every_filter_shape_answer_like_a_fresh_store(tmp_path):
    # The prepared statements are compiled once per filter shape and reused with new values:
    # asking the same shapes with other values must not return the earlier answers.
    store = _filled(tmp_path / "l.sqlite")
    first = store.quotes(speaker="a", limit=5)
    other = store.quotes(speaker="zzzz-nobody", limit=5)
    assert other["total"] == 0 and other["items"] == []
    assert store.quotes(speaker="a", limit=5) == first
    by_story = {}
    for sid in {a["story"] for a in store.articles(limit=50)["items"] if a["story"] is not None}:
        by_story[sid] = store.articles(story=sid, limit=50)["total"]
    assert sum(by_story.values()) == store.articles(limit=50)["total"] - sum(
        1 for a in store.articles(limit=50)["items"] if a["story"] is None
    )
    assert store.figures(measure="NO-SUCH-MEASURE")["total"] == 0
    store.close()


def test_story_page_is_the_store_page_and_follows_writes(tmp_path):
    db = tmp_path / "s.sqlite"
    app = create_app(str(db), token=TOKEN, cache_seconds=0)
    with TestClient(app) as c:
        for rec in [emoji_record(), *story_records()]:
            assert c.post("/api/articles", json=rec, headers=AUTH).status_code == 201
        story_id = c.get("/api/articles/" + story_records()[0]["id"]).json()["story"]
        page = c.get(f"/api/stories/{story_id}")
        assert page.status_code == 200 and page.headers["content-type"] == "application/json"
        assert page.json() == app.state.store.story(story_id)
        n = page.json()["n_articles"]
        # another article of the same story: the memoised page must not be served any more
        extra = dict(story_records()[-1], id="story-extra")
        assert c.post("/api/articles", json=extra, headers=AUTH).status_code == 201
        if c.get("/api/articles/story-extra").json()["story"] == story_id:
            assert c.get(f"/api/stories/{story_id}").json()["n_articles"] == n + 1
        missing = c.get("/api/stories/999999")
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    app.state.store.close()


def test_start_up_warms_story_pages_before_the_first_request(tmp_path):
    db = tmp_path / "w.sqlite"
    _filled(db).close()
    app = create_app(str(db), cache_seconds=0)
    store = app.state.store
    with TestClient(app) as c:
        ids = [x["id"] for x in c.get("/api/stories").json()["items"]]
        assert ids
        for sid in ids:
            assert store.story_json(sid, compute=False) not in (False, None)  # memoised at start-up
        assert json.loads(store.story_json(ids[0])) == c.get(f"/api/stories/{ids[0]}").json()
    store.close()


def test_warm_with_an_expired_deadline_computes_no_page(tmp_path):
    store = _filled(tmp_path / "d.sqlite")
    done = store.warm(deadline=0.0)
    assert done["stories"] == 0 and done["complete"] is False
    done = store.warm()
    assert done["complete"] is True and done["stories"] >= 1
    store.close()


def test_http_protocol_turns_nagle_off_on_a_proto_0_socket():
    # uvicorn's multi-worker listening socket is socket.socket(AF_INET): proto 0, so asyncio
    # does not set TCP_NODELAY on accepted connections; the protocol must.
    import uvicorn

    from according.web.serve import HttpProtocol

    listener = socket.socket(socket.AF_INET)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    client = socket.create_connection(listener.getsockname())
    conn, _ = listener.accept()
    try:
        assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0

        class Transport:
            def get_extra_info(self, name, default=None):
                return {"socket": conn, "sockname": conn.getsockname(), "peername": conn.getpeername()}.get(
                    name, default
                )

            def is_closing(self):
                return False

            def close(self):
                pass

        async def app(scope, receive, send):
            pass

        config = uvicorn.Config(app, http=HttpProtocol)
        config.load()
        from uvicorn.server import ServerState

        loop = asyncio.new_event_loop()  # the protocol keeps a loop; it is not run here
        try:
            proto = HttpProtocol(config=config, server_state=ServerState(), app_state={}, _loop=loop)
            proto.connection_made(Transport())
            assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
            proto.connection_lost(None)
        finally:
            loop.close()
    finally:
        for sk in (client, conn, listener):
            sk.close()


def test_an_older_read_does_not_replace_the_memo_of_a_newer_write(tmp_path):
    from according.store import memo

    store = _filled(tmp_path / "m.sqlite")
    with store.engine.connect() as old:
        old_box = memo._memo(old)  # this read transaction sees the store before the write below
        extra = dict(story_records()[-1], id="story-extra-2")
        store.ingest([extra])
        with store.engine.connect() as new:
            new_box = memo._memo(new)
            assert new_box["token"] != old_box["token"]
            assert memo.superseded(old, old_box) and not memo.superseded(new, new_box)
            again = memo._memo(old)  # the old transaction asks again: gets its own box ...
            assert again["token"] == old_box["token"]
            assert memo._memo(new) is new_box  # ... and the newer one stays
    store.close()
