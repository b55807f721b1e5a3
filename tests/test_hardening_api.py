"""Issue 12 (HTTP side): ids, no 5xx from input, export, cross-site writes, HEAD, the analysis pool.

Records are hand-built (tests/web_records.py); only the pool tests start a worker process,
and they stop it before it has loaded the language model.
"""

from __future__ import annotations

import asyncio
import json
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient

from according.web.app import create_app, host_names
from web_records import emoji_record, xss_record

TOKEN = "hardening-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LOCAL = ("127.0.0.1", 41000)
PYTHON_TEXT = ("Traceback", "Error:", "object has no attribute", "NoneType", 'File "')


@pytest.fixture
def app(tmp_path):
    a = create_app(str(tmp_path / "h.sqlite"), token=TOKEN)
    yield a
    a.state.store.close()


@pytest.fixture
def client(app):
    with TestClient(app) as c:
        yield c


@pytest.fixture
def open_app(tmp_path):
    """No token, loopback, answering to the loopback names only: what `according serve` runs."""
    a = create_app(str(tmp_path / "o.sqlite"), allowed_hosts=host_names("127.0.0.1"))
    yield a
    a.state.store.close()


@pytest.fixture
def local(open_app):
    with TestClient(open_app, client=LOCAL, base_url="http://127.0.0.1:8000") as c:
        yield c


def error_of(r, status: int, code: str | None = None) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "detail"}
    if code:
        assert body["error"]["code"] == code, body
    text = json.dumps(body)
    assert not any(p in text for p in PYTHON_TEXT), text
    return body["error"]


def rec(id: str, text: str | None = None, url: str | None = None) -> dict:
    r = emoji_record(id=id)
    if text is not None:
        r["text"], r["quotes"], r["figures"], r["places"], r["events"], r["times"] = text, [], [], [], [], []
        r["entities"] = []
    if url is not None:
        r["meta"]["url"] = url
    return r


# --- Ids -------------------------------------------------------------------------------------


def test_ids_with_nul_control_characters_or_lone_surrogates_are_refused(client):
    for raw in ['"x\\u0000y"', '"x\\ud800y"', '"a\\r\\nb"', '"tab\\there"']:
        body = json.dumps(rec("placeholder")).replace('"placeholder"', raw, 1).encode()
        r = client.post("/api/articles", content=body, headers={**AUTH, "content-type": "application/json"})
        e = error_of(r, 422, "input_error")
        assert "U+" in e["message"]
    assert client.get("/api/articles").json()["total"] == 0
    # x\ufffdy is an ordinary id: stored as given, alone
    assert client.post("/api/articles", json=rec("x\ufffdy"), headers=AUTH).status_code == 201
    assert client.get("/api/articles/" + quote("x\ufffdy")).json()["versions"] == 1


def test_an_emoji_id_is_stored_and_answered(client):
    r = client.post("/api/articles", json=rec("🌊 storm/1"), headers=AUTH)
    assert r.status_code == 201, r.text
    location = r.headers["location"]
    assert location == "/api/articles/" + quote("🌊 storm/1", safe="")
    back = client.get(location)
    assert back.status_code == 200 and back.json()["id"] == "🌊 storm/1"
    again = client.post("/api/articles", json=rec("🌊 storm/1"), headers=AUTH)
    assert again.status_code == 200 and again.json()["summary"]["skipped"] == 1


def test_an_id_with_cr_lf_gets_an_answer_over_a_real_socket(client):
    # The query id of a text body: refused in the one shape, never a dropped connection.
    r = client.post(
        "/api/articles",
        params={"id": "a\r\nSet-Cookie: x=1"},
        content=b"Some text.",
        headers={**AUTH, "content-type": "text/plain"},
    )
    error_of(r, 400)
    r = client.post("/api/articles", json={"id": "a\r\nb", "text": "Some text."}, headers=AUTH)
    error_of(r, 422, "input_error")


def test_a_new_id_with_a_known_url_is_its_own_article(client):
    url = "https://news.example/live"
    assert client.post("/api/articles", json=rec("first", url=url), headers=AUTH).status_code == 201
    second = rec("second", text="A different report from the same page.", url=url)
    assert client.post("/api/articles", json=second, headers=AUTH).status_code == 201
    got = client.get("/api/articles/second").json()
    assert got["id"] == "second" and got["versions"] == 1 and got["same_url"] == ["first"]
    exported = [json.loads(x) for x in client.get("/api/export", headers=AUTH).text.splitlines()]
    assert {x["id"] for x in exported} == {"first", "second"}


def test_republishing_a_after_b_makes_a_current(client):
    a, b = rec("pub", text="Version A of the story."), rec("pub", text="Version B of the story.")
    for r in (a, b, a):
        assert client.post("/api/articles", json=r, headers=AUTH).status_code == 201
    got = client.get("/api/articles/pub").json()
    assert got["record"]["text"] == "Version A of the story." and got["version"] == 3


# --- no 5xx from input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/api/articles?source=abc",
        f"/api/articles?source={2**63}",
        f"/api/articles?story={2**63}",
        f"/api/quotes?source_id={2**64}",
        f"/api/quotes?story={-(2**63) - 1}",
        f"/api/figures?story={2**31}",
        f"/api/events?story={2**63}",
        f"/api/sources?story={2**63}",
        f"/api/places?story={2**63}",
        f"/api/stories/{2**63}",
        f"/api/sources/{2**63}",
        f"/api/articles/emoji-storm?version={2**63}",
        f"/api/articles/emoji-storm/diff?v1=1&v2={2**63}",
    ],
)
def test_out_of_range_and_mistyped_parameters_are_422(client, path):
    error_of(client.get(path), 422, "validation_error")


def test_control_characters_in_paths_and_queries_are_refused(client):
    for path in [
        "/api/articles/x%00y",
        "/api/quotes?q=a%00b",
        "/api/articles?q=%0d%0a",
        "/api/sources?q=%7f",
    ]:
        error_of(client.get(path), 400, "bad_request")


def test_a_json_body_nested_100000_deep_is_refused(client):
    deep = b"[" * 100_000 + b"]" * 100_000
    r = client.post("/api/articles", content=deep, headers={**AUTH, "content-type": "application/json"})
    error_of(r, 400, "bad_request")
    wide = b'{"text": "x", "id": "d", "meta": ' + b'{"a": ' * 40 + b"1" + b"}" * 40 + b"}"
    r = client.post("/api/articles", content=wide, headers={**AUTH, "content-type": "application/json"})
    assert "nests deeper" in error_of(r, 400)["message"]


@pytest.mark.parametrize(
    "field, value",
    [("quotes", "xyz"), ("quotes", [None, 3]), ("figures", [{"value": 2**64}]), ("meta", [1]), ("errors", 7)],
)
def test_records_of_the_wrong_shape_are_422_in_words(client, field, value):
    bad = rec("shape")
    bad[field] = value
    e = error_of(client.post("/api/articles", json=bad, headers=AUTH), 422, "input_error")
    assert field in e["message"]
    assert client.get("/api/articles").json()["total"] == 0


def test_validation_errors_carry_no_python_text(client):
    e = error_of(client.get("/api/quotes?limit=abc&offset=-1"), 422, "validation_error")
    assert {tuple(d["loc"]) for d in e["detail"]} == {("query", "limit"), ("query", "offset")}


# --- /api/export --------------------------------------------------------------------------------


def test_export_needs_the_token_when_one_is_set(client):
    error_of(client.get("/api/export"), 401, "unauthorized")
    error_of(client.get("/api/export", headers={"Authorization": "Bearer wrong"}), 401)
    assert client.get("/api/export", headers=AUTH).status_code == 200


def test_export_writes_one_table_and_reuses_it_until_the_next_write(client, app):
    assert client.post("/api/articles", json=rec("e1"), headers=AUTH).status_code == 201
    first = client.get("/api/export", params={"table": "quotes", "format": "csv"}, headers=AUTH)
    assert first.status_code == 200 and first.headers["content-type"].startswith("text/csv")
    files = sorted(p.name for p in app.state.exports.dir.iterdir())
    assert len(files) == 1 and files[0].startswith("quotes-")  # only the asked table was written
    again = client.get("/api/export", params={"table": "quotes", "format": "csv"}, headers=AUTH)
    assert again.content == first.content and app.state.exports.written == 1
    assert client.post("/api/articles", json=xss_record(), headers=AUTH).status_code == 201
    after = client.get("/api/export", params={"table": "quotes", "format": "csv"}, headers=AUTH)
    assert app.state.exports.written == 2
    assert len(after.text.splitlines()) > len(first.text.splitlines())
    assert len(list(app.state.exports.dir.iterdir())) == 1  # the stale file is gone
    records = client.get("/api/export", headers=AUTH).text.splitlines()
    assert {json.loads(x)["id"] for x in records} == {"e1", "xss-council"}


# --- cross-site writes --------------------------------------------------------------------------


def test_without_a_token_writes_must_be_json(local):
    for ctype in ["text/plain", "text/html", "application/x-www-form-urlencoded", "multipart/form-data"]:
        r = local.post("/api/articles", content=b"Ana said hello.", headers={"content-type": ctype})
        error_of(r, 415, "unsupported_media_type")
        r = local.post("/api/analyze", content=b"Ana said hello.", headers={"content-type": ctype})
        error_of(r, 415, "unsupported_media_type")
    assert local.get("/api/articles").json()["total"] == 0
    # a script on this machine (no Origin header) writes JSON as before
    assert local.post("/api/articles", json=rec("script")).status_code == 201


def test_foreign_origins_cannot_write_or_analyse(local):
    for headers in [
        {"origin": "http://evil.example"},
        {"origin": "null"},
        {"origin": "http://127.0.0.1:9999"},  # another local port is another origin
        {"sec-fetch-site": "cross-site"},
    ]:
        error_of(local.post("/api/articles", json=rec("foreign"), headers=headers), 403, "cross_origin")
        error_of(
            local.post("/api/analyze", json={"text": "Ana said hi."}, headers=headers), 403, "cross_origin"
        )
    assert local.get("/api/articles").json()["total"] == 0
    # the server's own page (same origin) may write
    own = local.post("/api/articles", json=rec("own"), headers={"origin": "http://127.0.0.1:8000"})
    assert own.status_code == 201


def test_foreign_origins_are_refused_even_with_the_token(client):
    r = client.post("/api/articles", json=rec("t"), headers={**AUTH, "origin": "http://evil.example"})
    error_of(r, 403, "cross_origin")


def test_host_names_other_than_the_servers_are_refused(local, open_app):
    # DNS rebinding: a foreign page arrives under its own name, reads included
    for host in ["evil.example", "evil.example:8000", "127.0.0.1.evil.example"]:
        error_of(local.get("/api/articles", headers={"host": host}), 421, "invalid_host")
        error_of(local.post("/api/articles", json=rec("h"), headers={"host": host}), 421, "invalid_host")
    for host in ["127.0.0.1:8000", "localhost:8000", "localhost", "[::1]:8000"]:
        assert local.get("/api/articles", headers={"host": host}).status_code == 200, host
    assert host_names("0.0.0.0") is None and host_names("news.example") == ["news.example"]


# --- HEAD ---------------------------------------------------------------------------------------


def test_head_is_answered_like_get_without_a_body(client):
    assert client.post("/api/articles", json=rec("h1"), headers=AUTH).status_code == 201
    for path in ["/api/articles", "/api/articles/h1", "/", "/api/health", "/api/openapi.json"]:
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"]
    missing = client.head("/api/articles/nope")
    assert missing.status_code == 404 and missing.content == b""


# --- analysis off the event loop --------------------------------------------------------------


def test_an_analysis_past_the_time_limit_is_stopped_and_reads_go_on(tmp_path):
    # 0.5 s: the worker is still loading spaCy when the limit passes, so the test needs no model.
    app = create_app(str(tmp_path / "p.sqlite"), token=TOKEN, analysis_timeout=0.5)

    async def scenario():
        transport = httpx.ASGITransport(app=app, client=LOCAL)
        async with httpx.AsyncClient(transport=transport, base_url="http://t", timeout=60) as c:
            analysis = asyncio.create_task(
                c.post("/api/analyze", json={"text": "Ana said hi."}, headers=AUTH)
            )
            reads = []
            while not analysis.done():
                reads.append((await c.get("/api/articles")).status_code)
                await asyncio.sleep(0.05)
            return await analysis, reads

    try:
        answer, reads = asyncio.run(scenario())
    finally:
        app.state.analysis_pool.close()
        app.state.store.close()
    e = error_of(answer, 422, "analysis_limit")
    assert "0.5 s" in e["message"]
    assert reads and set(reads) == {200}  # the loop kept answering while the worker ran
    assert app.state.analysis_pool._idle == []  # the killed worker is not reused


def test_refusals_carry_no_exception_or_driver_text(app):
    from according.errors import EncodingError, StoreError

    @app.get("/api/test-encoding")
    def encoding():
        raise EncodingError("input is not UTF-8", detail="'utf-8' codec can't decode byte 0xff in position 0")

    @app.get("/api/test-store")
    def refused():
        raise StoreError("the database refused", detail="(sqlite3.OperationalError) no such table: x")

    with TestClient(app) as c:
        assert error_of(c.get("/api/test-encoding"), 422, "input_error")["detail"] is None
        e = error_of(c.get("/api/test-store"), 503, "store_error")
        assert e["detail"] is None and "sqlite3" not in json.dumps(e)


def test_closing_the_pool_stops_a_busy_worker():
    import threading
    import time

    from according.errors import AnalysisLimitError
    from according.ingest import read_document
    from according.web.pool import AnalysisPool

    pool = AnalysisPool(None, timeout=300)
    doc = read_document(b"Ana Lind said the harbour would reopen.", format="text", id="busy")
    raised: list[BaseException] = []

    def analyse():
        try:
            pool.run("analyze", doc, "en_core_web_md")
        except BaseException as exc:  # noqa: BLE001 - the test looks at it
            raised.append(exc)

    thread = threading.Thread(target=analyse)
    thread.start()
    deadline = time.monotonic() + 30
    while not pool._busy and time.monotonic() < deadline:
        time.sleep(0.01)
    (worker,) = pool._busy.values()
    pool.close()  # the server stops while the worker is still loading and analysing
    thread.join(30)
    assert not worker.process.is_alive()
    assert raised and isinstance(raised[0], AnalysisLimitError)
