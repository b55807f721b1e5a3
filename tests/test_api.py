"""The HTTP API against a real store: a SQLite file, and PostgreSQL when ACCORDING_TEST_PG_URL is set.

Records are hand-built (tests/web_records.py) so these tests do not run spaCy;
one test posts a real article to the analyse and store endpoints.
"""

from __future__ import annotations

import asyncio
import json
import os
import uuid

import pytest
from fastapi.testclient import TestClient

from according.errors import ConfigError
from according.web.app import CSP, check_bind, create_app
from web_records import EMOJI_TEXT, emoji_record, story_records, xss_record

TOKEN = "test-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(ROOT, "examples", "harbor-ceasefire.txt")


def _pg_schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "api.sqlite")
        return
    base = os.environ.get("ACCORDING_TEST_PG_URL")
    if not base:
        pytest.skip("PostgreSQL tests need ACCORDING_TEST_PG_URL (scripts/ci-postgres.sh sets it in CI)")
    # One schema per test keeps the tests independent on a shared database.
    import sqlalchemy as sa

    from according.store.db import make_engine

    schema = "web_" + uuid.uuid4().hex[:10]
    engine = make_engine(base)
    with engine.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    try:
        yield _pg_schema_url(base, schema)
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()


@pytest.fixture
def client(store_url):
    app = create_app(store_url, token=TOKEN)
    with TestClient(app) as c:
        yield c
    app.state.store.close()


@pytest.fixture
def filled(client):
    for rec in [emoji_record(), xss_record(), *story_records()]:
        r = client.post("/api/articles", json=rec, headers=AUTH)
        assert r.status_code == 201, r.text
    return client


def assert_error(r, status: int, code: str | None = None):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "detail"}
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


# --- documents, headers, errors -------------------------------------------------


def test_openapi_lists_every_endpoint(client):
    doc = client.get("/api/openapi.json").json()
    for path in [
        "/api/analyze",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/sources",
        "/api/quotes",
        "/api/figures",
        "/api/events",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/export",
    ]:
        assert path in doc["paths"], path
    assert "text/plain" in doc["paths"]["/api/analyze"]["post"]["requestBody"]["content"]
    # the documented error shape is the one actually sent
    ref = doc["paths"]["/api/quotes"]["get"]["responses"]["422"]["content"]["application/json"]["schema"][
        "$ref"
    ]
    assert ref.endswith("/ErrorBody")
    assert "HTTPValidationError" not in doc["components"]["schemas"]
    assert "401" in doc["paths"]["/api/articles"]["post"]["responses"]


def test_security_headers_on_page_api_and_errors(client):
    for path in ["/", "/static/app.js", "/api/articles", "/api/nothing-here"]:
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP
        assert r.headers["x-content-type-options"] == "nosniff"
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP
    page = client.get("/").text
    assert '<script src="/static/app.js"' in page and "<script>" not in page


def test_every_error_has_one_shape(client):
    assert_error(client.get("/api/articles/no-such-article"), 404, "not_found")
    assert_error(client.get("/api/stories/999"), 404, "not_found")
    assert_error(client.get("/api/no/such/endpoint"), 404, "not_found")
    assert_error(client.get("/no-such-page"), 404, "not_found")
    e = assert_error(client.get("/api/quotes?limit=0"), 422, "validation_error")
    assert e["detail"][0]["loc"] == ["query", "limit"]
    assert_error(client.get("/api/quotes?type=alien"), 422, "validation_error")
    assert_error(client.get("/api/figures?date_from=yesterday"), 422, "validation_error")
    assert_error(client.get("/api/stories/not-a-number"), 422, "validation_error")
    assert_error(client.delete("/api/articles"), 405, "method_not_allowed")


def test_bad_bodies(client):
    assert_error(
        client.post(
            "/api/articles", content=b"{not json", headers={**AUTH, "content-type": "application/json"}
        ),
        400,
        "bad_request",
    )
    assert_error(
        client.post("/api/articles", content=b"\x89PNG", headers={**AUTH, "content-type": "image/png"}),
        415,
        "unsupported_media_type",
    )
    assert_error(
        client.post("/api/analyze", content=b"   ", headers={**AUTH, "content-type": "text/plain"}),
        422,
        "input_error",
    )
    assert_error(client.post("/api/analyze", json={"title": "no text"}, headers=AUTH), 422, "input_error")
    rec = emoji_record()
    rec["quotes"][0]["content"][0]["start"] += 1  # offsets that do not match the text
    assert_error(client.post("/api/articles", json=rec, headers=AUTH), 422, "input_error")


# --- writes need the token ----------------------------------------------------------


def test_writes_need_the_bearer_token(client):
    rec = emoji_record()
    e = assert_error(client.post("/api/articles", json=rec), 401, "unauthorized")
    assert "token" in e["message"]
    assert_error(client.post("/api/articles", json=rec, headers={"Authorization": "Bearer wrong"}), 401)
    assert_error(
        client.post("/api/analyze", content="Some text.", headers={"content-type": "text/plain"}), 401
    )
    assert client.post("/api/articles", json=rec, headers=AUTH).status_code == 201
    assert client.get("/api/articles/emoji-storm").status_code == 200  # reads are open


def test_without_a_token_only_loopback_clients_may_write(store_url):
    app = create_app(store_url)
    try:
        with TestClient(app) as remote:  # the test client's peer is "testclient", not loopback
            assert_error(remote.post("/api/articles", json=emoji_record()), 403, "forbidden")
        with TestClient(app, client=("127.0.0.1", 41000)) as local:
            assert local.post("/api/articles", json=emoji_record()).status_code == 201
    finally:
        app.state.store.close()


def test_server_refuses_non_loopback_host_without_token(monkeypatch):
    monkeypatch.delenv("ACCORDING_TOKEN", raising=False)
    check_bind("127.0.0.1", None)
    check_bind("::1", None)
    check_bind("localhost", None)
    check_bind("0.0.0.0", "secret")
    for host in ["0.0.0.0", "192.168.1.5", "::", "example.org"]:
        with pytest.raises(ConfigError):
            check_bind(host, None)
    from according.cli import main

    assert main(["serve", "--host", "0.0.0.0", "--port", "1"]) == ConfigError.exit_code


# --- request size ---------------------------------------------------------------


def test_oversized_body_is_refused_before_it_is_read(store_url):
    app = create_app(store_url, token=TOKEN, max_body_bytes=1000)
    sent = []

    async def call(headers, chunks):
        pending = list(chunks)
        reads = []

        async def receive():
            reads.append(1)
            body = pending.pop(0) if pending else b""
            return {"type": "http.request", "body": body, "more_body": bool(pending)}

        async def send(message):
            sent.append(message)

        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": "/api/articles",
            "raw_path": b"/api/articles",
            "query_string": b"",
            "root_path": "",
            "headers": headers,
            "client": ("127.0.0.1", 1),
            "server": ("127.0.0.1", 80),
        }
        await app(scope, receive, send)
        return reads

    try:
        # Declared too large: answered from the headers alone, the body is never read.
        reads = asyncio.run(
            call(
                [
                    (b"content-length", b"5000000"),
                    (b"content-type", b"text/plain"),
                    (b"authorization", f"Bearer {TOKEN}".encode()),
                ],
                [b"x" * 100],
            )
        )
        assert reads == []
        assert sent[0]["status"] == 413
        assert json.loads(sent[1]["body"])["error"]["code"] == "payload_too_large"
        # Chunked (no length): refused as soon as the running count passes the limit.
        sent.clear()
        reads = asyncio.run(
            call(
                [(b"content-type", b"text/plain"), (b"authorization", f"Bearer {TOKEN}".encode())],
                [b"x" * 600] * 10,
            )
        )
        assert sent[0]["status"] == 413
        assert len(reads) == 2
    finally:
        app.state.store.close()
    with TestClient(create_app(store_url, token=TOKEN, max_body_bytes=1000)) as c:
        assert_error(
            c.post("/api/analyze", content="x" * 2000, headers={**AUTH, "content-type": "text/plain"}),
            413,
            "payload_too_large",
        )


# --- reading ----------------------------------------------------------------------


def test_stored_record_reads_back_unchanged(filled):
    got = filled.get("/api/articles/emoji-storm").json()
    rec = got["record"]
    want = emoji_record()
    assert rec["text"] == EMOJI_TEXT
    assert [q["content"] for q in rec["quotes"]] == [q["content"] for q in want["quotes"]]
    assert [q["speaker"]["name"] for q in rec["quotes"]] == [
        "Ana Lind",
        "Port Selva harbour board",
        "Tom Berg",
    ]
    assert got["version"] == 1


def test_article_list_pagination(filled):
    first = filled.get("/api/articles?limit=2").json()
    assert first["total"] == 5 and len(first["items"]) == 2 and first["next"] == 2
    ids = [a["id"] for a in first["items"]]
    rest = filled.get("/api/articles?limit=2&offset=4").json()
    assert len(rest["items"]) == 1 and rest["next"] is None
    middle = filled.get("/api/articles?limit=2&offset=2").json()
    seen = ids + [a["id"] for a in middle["items"]] + [a["id"] for a in rest["items"]]
    assert sorted(seen) == sorted(
        ["emoji-storm", "xss-council", "vardenholm-1", "vardenholm-2", "vardenholm-3"]
    )
    assert_error(filled.get("/api/articles?limit=100000"), 422, "validation_error")


def test_quote_filters_and_full_text_search(filled):
    by_speaker = filled.get("/api/quotes", params={"speaker": "Ana Lind"}).json()
    assert by_speaker["total"] == 1
    assert by_speaker["items"][0]["speaker"]["name"] == "Ana Lind"
    assert by_speaker["items"][0]["article"] == "emoji-storm"
    found = filled.get("/api/quotes", params={"q": "fantasy"}).json()
    assert [q["speaker"]["name"] for q in found["items"]] == ["Tom Berg"]
    assert filled.get("/api/quotes", params={"q": "zeppelin"}).json()["total"] == 0
    orgs = filled.get("/api/quotes", params={"type": "organization"}).json()
    assert {q["speaker"]["name"] for q in orgs["items"]} == {
        "Port Selva harbour board",
        "Vardenholm health ministry",
    }
    dated = filled.get("/api/quotes", params={"date_from": "2025-03-12", "date_to": "2025-03-12"}).json()
    assert {q["article"] for q in dated["items"]} == {"vardenholm-3"}
    solberg = filled.get("/api/quotes", params={"speaker": "Solberg"}).json()
    assert solberg["total"] == 3


def test_figures_events_sources_and_stories(filled):
    killed = filled.get("/api/figures", params={"measure": "killed"}).json()
    assert sorted(f["value"] for f in killed["items"]) == [12, 19, 27]
    in_place = filled.get("/api/figures", params={"place": "Vardenholm", "date_from": "2025-03-11"}).json()
    assert sorted(f["value"] for f in in_place["items"]) == [19, 27]
    by_source = filled.get("/api/figures", params={"source": "harbour board"}).json()
    assert [f["value"] for f in by_source["items"]] == [12]

    events = filled.get("/api/events").json()
    assert events["total"] == 3
    assert {e["sub_event_type"] for e in events["items"]} == {"Shelling/artillery/missile attack"}

    sources = filled.get("/api/sources").json()
    top = sources["items"][0]
    assert top["n_quotes"] == 3 and "Solberg" in top["name"]
    one = filled.get(f"/api/sources/{top['id']}").json()
    assert len(one["quotes"]) == 3

    story_id = filled.get("/api/articles/vardenholm-2").json()["story"]
    assert story_id is not None
    stories = filled.get("/api/stories").json()
    assert story_id in [s["id"] for s in stories["items"]]
    story = filled.get(f"/api/stories/{story_id}").json()
    assert {a["id"] for a in story["articles"]} == {"vardenholm-1", "vardenholm-2", "vardenholm-3"}
    killed_series = [s for s in story["figure_series"] if s["measure"] == "killed"]
    assert killed_series and sorted(p["value"] for p in killed_series[0]["points"]) == [12, 19, 27]
    by_story = filled.get("/api/quotes", params={"story": story_id}).json()
    assert by_story["total"] == 6


def test_export_streams_the_stored_records(filled):
    r = filled.get("/api/export", headers=AUTH)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(x) for x in r.text.splitlines() if x.strip()]
    assert {x["id"] for x in lines} == {
        "emoji-storm",
        "xss-council",
        "vardenholm-1",
        "vardenholm-2",
        "vardenholm-3",
    }
    assert next(x for x in lines if x["id"] == "xss-council")["text"] == xss_record()["text"]
    quotes = filled.get("/api/export", params={"table": "quotes", "format": "csv"}, headers=AUTH)
    assert quotes.status_code == 200 and quotes.headers["content-type"].startswith("text/csv")
    assert len(quotes.text.strip().splitlines()) == 1 + 3 + 1 + 6
    assert_error(filled.get("/api/export", params={"format": "xml"}, headers=AUTH), 422, "validation_error")
    parquet = filled.get("/api/export", params={"table": "figures", "format": "parquet"}, headers=AUTH)
    assert parquet.status_code == 200 and parquet.content[:4] == b"PAR1"


def test_places(filled):
    places = filled.get("/api/places", params={"q": "Vardenholm"}).json()
    assert [p["name"] for p in places["items"]] == ["Vardenholm"] and places["items"][0]["n_articles"] == 3
    assert filled.get("/api/places", params={"country": "NO"}).json()["total"] == 1


def test_health(filled):
    body = filled.get("/api/health").json()
    assert body["status"] == "ok" and body["stats"]["articles"] == 5


# --- a real article through the analyser ---------------------------------------------


def test_analyse_and_store_a_real_article(client, store_url, analyze):
    if "postgresql" in store_url:
        pytest.skip("the analyser is backend-independent; one real analysis (on SQLite) keeps the suite fast")
    with open(EXAMPLE, encoding="utf-8") as fh:
        text = fh.read()
    r = client.post(
        "/api/analyze",
        params={"id": "harbor"},
        content=text.encode(),
        headers={**AUTH, "content-type": "text/plain; charset=utf-8"},
    )
    assert r.status_code == 200, r.text
    rec = r.json()
    assert rec["schema"] == "according.analysis/1" and rec["id"] == "harbor" and rec["text"] == text
    for q in rec["quotes"]:
        for s in q["content"]:
            assert text[s["start"] : s["end"]] == s["text"]
    assert client.get("/api/articles").json()["total"] == 0  # analysing stores nothing

    stored = client.post("/api/articles", json={"id": "harbor", "text": text}, headers=AUTH)
    assert stored.status_code == 201, stored.text
    assert stored.headers["location"] == "/api/articles/harbor"
    again = client.post("/api/articles", json={"id": "harbor", "text": text}, headers=AUTH)
    assert again.status_code == 200 and again.json()["summary"]["skipped"] == 1
    back = client.get("/api/articles/harbor").json()["record"]
    assert len(back["quotes"]) == len(rec["quotes"])

    # the same article as an HTML page: its extracted text is what the offsets index
    html = open(EXAMPLE.replace(".txt", ".html"), encoding="utf-8").read()
    r = client.post("/api/analyze", content=html.encode(), headers={**AUTH, "content-type": "text/html"})
    assert r.status_code == 200, r.text
    page = r.json()
    assert "<" not in page["text"][:200] and "Nadia Karam" in page["text"]
    for q in page["quotes"]:
        for s in q["content"]:
            assert page["text"][s["start"] : s["end"]] == s["text"]


def test_serve_command_answers_on_loopback(tmp_path):
    import socket
    import subprocess
    import sys
    import time

    import httpx

    from according.store import Store

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    Store(str(tmp_path / "s.sqlite")).close()  # serve refuses a store that does not exist
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "according.cli",
            "serve",
            "--db",
            str(tmp_path / "s.sqlite"),
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, proc.stderr.read().decode()
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "according serve did not answer within 30 s"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["status"] == "ok"
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert "app.js" in page.text and page.headers["content-security-policy"] == CSP
        # A declared 50 MB body is refused from the headers: the answer comes without sending it.
        with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
            conn.sendall(
                b"POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                b"Content-Length: 50000000\r\n\r\n" + b"x" * 1000
            )
            answer = b""
            while b"payload_too_large" not in answer:
                chunk = conn.recv(65536)  # the socket timeout (5 s) bounds the wait
                if not chunk:
                    break
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
        assert b'"payload_too_large"' in answer
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_read_cache_reuses_lists_and_forgets_them_on_write(client):
    first = client.get("/api/articles")
    assert first.headers["x-cache"] == "miss" and first.json()["total"] == 0
    again = client.get("/api/articles")
    assert again.headers["x-cache"] == "hit" and again.json() == first.json()
    assert again.headers["content-security-policy"] == CSP  # hits carry the security headers too
    assert client.post("/api/articles", json=emoji_record(), headers=AUTH).status_code == 201
    after = client.get("/api/articles")
    assert after.headers["x-cache"] == "miss" and after.json()["total"] == 1
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/api/articles/nope").headers["x-cache"] == "miss"  # errors are not kept


def test_read_cache_stays_within_its_byte_budget():
    from according.web.cache import ResponseCache

    cache = ResponseCache(ttl=60, max_entries=100, max_bytes=1000)
    for i in range(10):
        cache.put(b"k%d" % i, 0.0, 200, [], b"x" * 300)
        assert cache.size <= 1000 and cache.size == sum(len(e[3]) for e in cache.entries.values())
    assert list(cache.entries) == [b"k7", b"k8", b"k9"]  # oldest evicted first
    assert cache.get(b"k9", 1.0) is not None and cache.get(b"k9", 61.0) is None  # expires after ttl
    cache.clear()
    assert cache.size == 0 and not cache.entries


def test_analysis_queue_is_bounded():
    from according.web.api import ApiError
    from according.web.app import AnalysisGate

    async def scenario():
        gate = AnalysisGate(1, max_waiting=1)
        release = asyncio.Event()

        async def analyse():
            async with gate:
                await release.wait()

        running = asyncio.create_task(analyse())
        await asyncio.sleep(0)
        queued = asyncio.create_task(analyse())
        await asyncio.sleep(0)
        with pytest.raises(ApiError) as refused:
            async with gate:
                pass
        assert refused.value.status == 503 and refused.value.code == "busy"
        release.set()
        await asyncio.wait_for(asyncio.gather(running, queued), timeout=5)
        async with gate:  # free again
            pass

    asyncio.run(scenario())


def test_versions_and_diff(client):
    first = emoji_record()
    assert client.post("/api/articles", json=first, headers=AUTH).status_code == 201
    second = emoji_record()
    second["text"] = second["text"].replace("a fisherman in Port Selva.", "a fisherman who lost his boat.")
    second["quotes"] = second["quotes"][:2]
    second["figures"] = []
    r = client.post("/api/articles", json=second, headers=AUTH)
    assert r.status_code == 201 and r.json()["version"] == 2 and r.json()["versions"] == 2
    versions = client.get("/api/articles/emoji-storm/versions").json()["versions"]
    assert [v["version"] for v in versions] == [1, 2]
    diff = client.get("/api/articles/emoji-storm/diff", params={"v1": 1, "v2": 2}).json()
    ops = [p["op"] for p in diff["paragraphs"]]
    assert "equal" in ops and ("replace" in ops or "insert" in ops)
    assert [q["content"][0]["text"] for q in diff["quotes"]["removed"]] == ["“It is a fantasy,”"]
    assert (
        client.get("/api/articles/emoji-storm", params={"version": 1}).json()["record"]["text"]
        == first["text"]
    )
    assert_error(client.get("/api/articles/emoji-storm/diff", params={"v1": 1, "v2": 9}), 404, "not_found")
    assert_error(client.get("/api/articles/nope/versions"), 404, "not_found")


class _SlowStore:
    """Counts calls; each takes 0.2 s (a slow aggregate query)."""

    def __init__(self):
        self.calls = 0

    def stories(self, limit=50, offset=0, q=None, compute=True):
        import time

        if not compute:
            return False  # "not derived yet": the route asks again in the threadpool
        self.calls += 1
        time.sleep(0.2)
        return {
            "total": 1,
            "items": [{"id": 1, "title": f"call {self.calls}"}],
            "limit": limit,
            "offset": offset,
        }

    def close(self):
        pass


def test_identical_concurrent_reads_ask_the_store_once():
    import httpx

    slow = _SlowStore()
    app = create_app(store=slow, token=TOKEN)

    async def burst():
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 1))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            answers = await asyncio.wait_for(asyncio.gather(*(c.get("/api/stories") for _ in range(10))), 10)
            # a write in the middle of a read: that read's answer is not kept
            slow_read = asyncio.create_task(c.get("/api/stories", params={"q": "x"}))
            await asyncio.sleep(0.05)
            app.state.cache.clear()
            await asyncio.wait_for(slow_read, 5)
            again = await c.get("/api/stories", params={"q": "x"})
            return answers, again

    answers, again = asyncio.run(burst())
    assert [r.status_code for r in answers] == [200] * 10
    assert {r.json()["items"][0]["title"] for r in answers} == {"call 1"}
    assert slow.calls == 3  # one for the burst, two for the read that a write overtook
    assert again.headers["x-cache"] == "miss"
