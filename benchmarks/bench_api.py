"""Latency of the read endpoints of ``according serve`` under 50 concurrent clients.

    python benchmarks/bench_api.py                 # 10,000 articles, 5,000 requests, 50 clients
    python benchmarks/bench_api.py --articles 2000 --requests 1000   # quicker
    python benchmarks/bench_api.py --db /tmp/b10k.sqlite --workers 2  # reuse a store, 2 server processes

1. Builds a SQLite store of N articles in a temporary folder (or reuses
   ``--db``). The records are generated here from a fixed seed, in the
   analysis-v1 shape, with invented names, places and figures: 1 article in 50
   is a new story, speakers come from a pool of 400, each article has 3-6
   quotes, 1-3 figures and an event. Records are generated rather than
   analysed because the benchmark measures the server and the store, not
   spaCy; the variety matters (10,000 copies of one article would make one
   giant story and a single-speaker index).
2. Starts the app with uvicorn in a subprocess on 127.0.0.1 (access log off,
   ``according serve``'s HTTP protocol: httptools with TCP_NODELAY, see web/serve.py),
   ``--workers`` processes (default 1; each has its own read cache). The app computes
   its read memos (story pages, list aggregates) before it accepts requests, as under
   ``according serve``.
3. How the load is generated: a closed loop. ``--concurrency`` (50) clients,
   each one keep-alive HTTP/1.1 connection from a minimal asyncio client in
   this process (light enough not to starve the server on a small machine),
   send their next request as soon as the previous answer arrived (no think
   time: the harshest case for latency). The requests are a fixed list of
   ``--requests`` GETs drawn from a seeded mix of the read endpoints the page
   uses, each endpoint equally likely, with varied parameters (random article
   ids and offsets, 400 speaker names, search words and word pairs at varied
   pages, measures x places, random date windows, story ids) so that many of
   them miss the server's 5 s read cache; the share answered from it
   (``x-cache: hit``) is reported overall and per endpoint. ``--warmup``
   requests are sent first and not counted. Bounded: a per-request timeout
   (``--timeout``) and a time limit for the whole load (``--time-limit``).
   Only 127.0.0.1 is ever contacted.
4. Prints p50/p95/p99/max per endpoint and overall, requests per second, the
   cache hit share and the machine's load average (the load generator and
   server share the CPU with whatever else runs: compare runs made in the same
   conditions), and writes the numbers to benchmarks/results/bench_api*.json.
   Target: overall p99 < 100 ms. Exit status 1 when the target is missed
   (``--no-check`` to only report).

Reads while the server analyses (``--analyze-kb N``, issue 12): the same read load runs
while one client POSTs an N KB text to ``/api/analyze`` (generated here from a fixed seed:
invented names, quotes and figures, no corpus text; a small analysis first starts the
worker process and loads the model). The read load goes on until that answer arrives and
the report's ``during_analysis`` holds the analysis's status and seconds; the latencies are
those of the reads made meanwhile (``--analysis-window S``: only the first S seconds of it). Target: their p99 < 100 ms at 20 clients
(``--concurrency 20 --analyze-kb 500``). The analysis runs in a worker process of the
server (web/pool.py), at a lower CPU priority. Measured 2026-12-07, 10k store, 20 clients,
``--analysis-window 120``, on the shared 2-core machine at load 9-12 (eight other jobs): reads
during the 500 KB analysis p50 206 / p99 572 ms (11,760 reads) with the worker process,
against p50 493 / p99 1,196 ms (4,406 reads) with the analysis in a server thread (the
previous code, same script); the same reads with no analysis: p50 236 / p99 478 ms. So the
analysis now costs the readers a p99 ratio of 1.20 (was 2.5); the absolute 100 ms target
needs a machine that is not shared. Measured again 2026-12-07 on the same machine idle (load 1,
nothing else running), 10k store, 20 clients, ``--generator wrk --duration 60``: the 500 KB
analysis answered 200 in 59.9 s, and the 38,687 reads made meanwhile (645 per second, 0 errors)
had p50 29.6 / p95 49.0 / p99 61.2 ms, max 167 ms: the target holds when the cores are not
shared with other jobs.

Two load generators (``--generator``):

- ``python`` (default): the asyncio client above, in this process. It needs
  CPU itself (a large share of 2 cores at ~450 req/s), so on a small machine
  it inflates the latency it measures: what it reports is "server + client on
  the same cores".
- ``wrk``: Debian's ``wrk`` (a C load generator: ``apt-get install wrk``),
  ``-t 2 -c <concurrency> -d <duration> --latency``, closed loop like the
  above. It uses a few percent of a core, so the cores are left to the server.
  A small Lua script cycles through the same seeded mix of read URLs (written
  to a temporary file, one path a line; each wrk thread starts at a different
  point of it; at least 1,000 x ``--duration`` of them so that none repeats
  within the run and hits the read cache), only http://127.0.0.1:<port>. Bounded by ``--duration``
  seconds and wrk's ``--timeout``. wrk reports latency percentiles only
  overall (p50/p75/p90/p99 from ``--latency``), requests per second and
  non-2xx counts; the JSON has the same overall shape (``p95_ms`` and per-
  endpoint rows are null/absent, the cache share is not observed).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote_plus as q

HERE = Path(__file__).resolve().parent
TARGET_P99_MS = 100.0

FIRST = [
    "Ana",
    "Tom",
    "Mira",
    "Karim",
    "Nadia",
    "Jonas",
    "Lea",
    "Omar",
    "Ines",
    "Pavel",
    "Sara",
    "Yusuf",
    "Elena",
    "Hugo",
    "Amira",
    "Felix",
    "Noor",
    "Ivan",
    "Rosa",
    "Malik",
]
LAST = [
    "Lind",
    "Berg",
    "Solberg",
    "Osei",
    "Karam",
    "Haddad",
    "Novak",
    "Rahimi",
    "Costa",
    "Weber",
    "Dubois",
    "Moreau",
    "Petrov",
    "Sato",
    "Okafor",
    "Larsen",
    "Varga",
    "Kowalski",
    "Haas",
    "Ortiz",
]
ORGS = [
    "health ministry",
    "defense ministry",
    "Red Cross",
    "port authority",
    "city council",
    "U.N. agency",
    "police",
    "fire service",
    "electoral commission",
    "central bank",
]
PLACES = [
    "Vardenholm",
    "Port Selva",
    "Tiryan",
    "Kessarin",
    "Moravec",
    "Altena",
    "Dunmore",
    "Sorvik",
    "Belcastro",
    "Quillan",
    "Ravensk",
    "Oduya",
    "Marlow Bay",
    "Teskor",
    "Ilvana",
    "Zarech",
]
WORDS = [
    "ceasefire",
    "hospital",
    "evacuation",
    "budget",
    "harbour",
    "election",
    "flood",
    "strike",
    "talks",
    "fuel",
    "bridge",
    "schools",
    "prisoners",
    "aid",
    "power",
    "water",
    "corridor",
    "shelling",
]
MEASURES = [
    ("people", "killed"),
    ("people", "wounded"),
    ("families", "displaced"),
    ("hostages", "held"),
    ("trucks", "delivered"),
]


def span(text: str, needle: str, start_at: int = 0) -> dict:
    s = text.index(needle, start_at)
    return {"start": s, "end": s + len(needle), "text": needle}


def make_record(i: int, rng: random.Random) -> dict:
    """One invented article in the analysis-v1 shape."""
    story = i // 50
    place = PLACES[story % len(PLACES)]
    topic = WORDS[story % len(WORDS)]
    day = f"2024-{1 + (story * 7 + i % 50) // 28 % 12:02d}-{1 + (story * 7 + i % 50) % 28:02d}"
    parts = [f"{topic.capitalize()} in {place}: day {i % 50 + 1}\n\n{place.upper()} — "]
    quotes, figures, pending = [], [], []
    for qn in range(rng.randint(3, 6)):
        if rng.random() < 0.7:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            stype, desc = "person", f"a {rng.choice(WORDS)} official"
        else:
            name, stype, desc = f"the {place} {rng.choice(ORGS)}", "organization", None
        w1, w2 = rng.choice(WORDS), rng.choice(WORDS)
        content = f"“The {w1} in {place} depends on the {w2} now,”"
        parts.append(f"{content} said {name}. ")
        pending.append((f"q{qn + 1}", content, name, stype, desc))
    for fn in range(rng.randint(1, 3)):
        unit, measure = rng.choice(MEASURES)
        value = rng.randint(2, 900)
        parts.append(f"Officials said {value} {unit} were {measure} in {place}. ")
        figures.append((f"f{fn + 1}", f"{value} {unit}", value, unit, measure))
    text = "".join(parts) + "\n"
    pos = 0
    for qid, content, name, stype, desc in pending:
        c = span(text, content, pos)
        cue = span(text, "said", c["end"])
        src = span(text, name, cue["end"])
        pos = src["end"]
        quotes.append(
            {
                "id": qid,
                "kind": "direct",
                "category": "speech",
                "in_furniture": False,
                "confidence": 0.9,
                "content": [c],
                "cue": cue,
                "source": src,
                "speaker": {"entity": None, "name": name, "type": stype, "description": desc},
            }
        )
    figs = []
    for fid, needle, value, unit, measure in figures:
        figs.append(
            {
                "id": fid,
                "span": span(text, needle),
                "in_furniture": False,
                "value": value,
                "low": None,
                "high": None,
                "qualifier": "exactly",
                "unit": unit,
                "measure": measure,
                "source": {"entity": None, "name": "Officials", "type": "group", "description": None},
                "quote": None,
                "when": day,
                "where": 0,
            }
        )
    place_span = span(text, place)
    return {
        "schema": "according.analysis/1",
        "id": f"bench-{i:05d}",
        "text": text,
        "meta": {
            "headline": f"{topic.capitalize()} in {place}: day {i % 50 + 1}",
            "publisher": "Bench Post",
            "url": None,
            "published": day,
            "updated": None,
            "dateline": place.upper(),
            "authors": [],
            "contributors": [],
            "language": "en",
        },
        "furniture": [],
        "entities": [],
        "quotes": quotes,
        "figures": figs,
        "times": [],
        "places": [
            {
                "span": place_span,
                "name": place,
                "geonameid": None,
                "lat": 0.0,
                "lon": 0.0,
                "country": "XX",
                "feature": "city",
            }
        ],
        "events": [
            {
                "id": "v1",
                "span": place_span,
                "event_type": "Violence against civilians",
                "sub_event_type": "Attack",
                "actor1": None,
                "actor2": None,
                "place": 0,
                "date": day,
                "time_precision": 1,
                "fatalities": figs[0]["value"] if figs else None,
                "fatalities_qualifier": None,
                "source": None,
            }
        ],
        "errors": [],
        "provenance": {"according": "bench", "model": {"name": "generated"}},
    }


def build_store(db: str, n: int) -> tuple[float, list[int]]:
    """Fill the store up to n articles; returns the seconds taken and the story ids."""
    from according.store import Store

    rng = random.Random(20240214)
    t0 = time.perf_counter()
    with Store(db) as store:
        have = store.stats().get("articles", 0)
        batch = []
        for i in range(have, n):
            batch.append(make_record(i, rng))
            if len(batch) == 500:
                store.ingest(batch)
                batch = []
                print(f"  stored {i + 1:,} articles", file=sys.stderr)
        if batch:
            store.ingest(batch)
        took = time.perf_counter() - t0
        stories = [s["id"] for s in store.stories(limit=1000)["items"]]
    return took, stories


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def app_factory():
    """The app for ``--workers`` > 1 (uvicorn imports it by name in each worker process)."""
    from according.web.app import create_app

    return create_app(os.environ["BENCH_DB"], cache_seconds=float(os.environ["BENCH_CACHE_SECONDS"]))


def serve_protocol() -> str:
    """The HTTP protocol ``according serve`` runs (httptools + TCP_NODELAY, web/serve.py), or
    uvicorn's "auto" for code that predates it (A/B runs against an older checkout)."""
    try:
        from according.web.serve import HttpProtocol  # noqa: F401

        return "according.web.serve:HttpProtocol"
    except ImportError:
        return "auto"


def start_server(
    db: str,
    port: int,
    cache_seconds: float,
    workers: int = 1,
    http: str = "auto",
    access_log: bool = False,
    analysis_timeout: float | None = None,
) -> subprocess.Popen:
    if http == "auto":
        http = serve_protocol()
    if workers > 1:
        code = (
            "import uvicorn; "
            f"uvicorn.run('bench_api:app_factory', factory=True, app_dir={str(HERE)!r}, workers={workers}, "
            f"host='127.0.0.1', port={port}, access_log=False, log_level='warning', proxy_headers=False, http={http!r})"
        )
    else:
        code = (
            "import uvicorn; from according.web.app import create_app; "
            f"uvicorn.run(create_app({db!r}, cache_seconds={cache_seconds!r}"
            + (f", analysis_timeout={analysis_timeout!r}" if analysis_timeout else "")
            + f"), host='127.0.0.1', port={port}, "
            f"access_log={access_log!r}, http={http!r}, "
            f"log_level={'info' if access_log else 'warning'!r}, proxy_headers=False)"
        )
    env = {**os.environ, "BENCH_DB": db, "BENCH_CACHE_SECONDS": str(cache_seconds)}
    # The server's stdout (uvicorn's access log) goes to our stderr: stdout is the JSON report.
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=sys.stderr)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("the server exited during start-up")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


def request_plan(
    n_requests: int, n_articles: int, stories: list[int], rng: random.Random, only: set[str] | None = None
) -> list[tuple[str, str]]:
    """(endpoint label, path) pairs: a mix of the read endpoints the page uses."""
    n_stories = max(1, len(stories))

    def window() -> str:  # a random window of 3-30 days in the generated year
        start = rng.randrange(0, 330)
        d0, d1 = (
            date(2024, 1, 1) + timedelta(days=start),
            date(2024, 1, 1) + timedelta(days=start + rng.randrange(3, 31)),
        )
        return f"date_from={d0.isoformat()}&date_to={d1.isoformat()}"

    def search() -> str:
        words = rng.choice(WORDS) if rng.random() < 0.6 else f"{rng.choice(WORDS)} {rng.choice(WORDS)}"
        return f"/api/quotes?limit=25&offset={25 * rng.randrange(0, 8)}&q={q(words)}"

    makers = [
        (
            "articles list",
            lambda: f"/api/articles?limit=25&offset={rng.randrange(0, max(1, n_articles - 25))}",
        ),
        ("article", lambda: f"/api/articles/bench-{rng.randrange(n_articles):05d}"),
        (
            "quotes by speaker",
            lambda: f"/api/quotes?limit=25&speaker={q(rng.choice(FIRST) + ' ' + rng.choice(LAST))}",
        ),
        ("quotes search", search),
        (
            "figures",
            lambda: (
                f"/api/figures?limit=25&measure={rng.choice(MEASURES)[1]}&place={q(rng.choice(PLACES))}"
                f"&offset={25 * rng.randrange(0, 3)}"
            ),
        ),
        ("events", lambda: f"/api/events?limit=25&{window()}"),
        ("sources", lambda: f"/api/sources?limit=50&offset={rng.randrange(0, 200)}"),
        ("stories", lambda: f"/api/stories?limit=25&offset={rng.randrange(0, max(1, n_stories - 25))}"),
        ("story", lambda: f"/api/stories/{rng.choice(stories or [1])}"),
    ]
    if only:
        makers = [m for m in makers if m[0] in only] or makers
    return [(label, make()) for label, make in (rng.choice(makers) for _ in range(n_requests))]


async def _fetch(reader, writer, path: str, port: int) -> int:
    writer.write(
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: application/json\r\n\r\n".encode()
    )
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length, hit = 0, False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"x-cache":
            hit = value.strip() == b"hit"
    await reader.readexactly(length)
    return status * (-1 if hit else 1)  # negative: answered from the server's read cache


async def run_load(
    port: int, plan, concurrency: int, per_request_timeout: float, time_limit: float, until=None
):
    """``until`` (an asyncio task): cycle through the plan until it is done, not once."""
    queue = list(reversed(plan))
    results: list[tuple[str, float, int]] = []
    deadline = time.monotonic() + time_limit

    async def worker():
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while (queue or until is not None) and time.monotonic() < deadline:
                if until is not None and until.done():
                    break
                if not queue:
                    queue.extend(reversed(plan))
                label, path = queue.pop()
                t0 = time.perf_counter()
                try:
                    status = await asyncio.wait_for(_fetch(reader, writer, path, port), per_request_timeout)
                except (TimeoutError, asyncio.IncompleteReadError, ConnectionError, ValueError):
                    results.append((label, (time.perf_counter() - t0) * 1000, 0))
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                    continue
                results.append((label, (time.perf_counter() - t0) * 1000, status))
        finally:
            writer.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return results, time.perf_counter() - t0


def generated_article(kb: int, rng: random.Random) -> str:
    """About ``kb`` KB of news-like English made here (quotes, speakers, figures, places)."""
    verbs = ["said", "told reporters", "added", "warned", "said on Tuesday"]
    parts, size = [], 0
    while size < kb * 1000:
        who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        place = rng.choice(PLACES)
        n = rng.randrange(2, 900)
        para = (
            f"“We will not leave {place} until the work is done,” {who} {rng.choice(verbs)}. "
            f"At least {n} people were {rng.choice(MEASURES)[1]} near {place}, officials said. "
            f"{who} added that talks would resume next week."
        )
        parts.append(para)
        size += len(para) + 2
    return "\n\n".join(parts)


def post_analysis(port: int, text: str, timeout: float) -> tuple[int, float]:
    """POST ``text`` to /api/analyze as JSON; (status, seconds)."""
    import http.client

    body = json.dumps({"text": text, "id": "bench-long"}).encode()
    t0 = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", "/api/analyze", body=body, headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        resp.read()
        return resp.status, time.perf_counter() - t0
    finally:
        conn.close()


async def load_during_analysis(
    port: int, plan, concurrency: int, timeout: float, time_limit: float, text: str, window: float
):
    """The read load, cycled until the analysis of ``text`` is answered or ``window`` seconds
    (0: no window) have passed; (results, wall, status or None when still running, seconds)."""
    import threading

    t0 = time.perf_counter()
    loop = asyncio.get_running_loop()
    analysis = loop.create_future()

    def post():  # a daemon thread, not the executor: asyncio.run must not wait for it
        try:
            answer = post_analysis(port, text, time_limit)
            loop.call_soon_threadsafe(lambda: analysis.done() or analysis.set_result(answer))
        except Exception as exc:  # noqa: BLE001 - e.g. the server stopped at the window's end
            error = exc
            loop.call_soon_threadsafe(lambda: analysis.done() or analysis.set_exception(error))

    threading.Thread(target=post, daemon=True).start()
    until = analysis
    if window:
        until = asyncio.ensure_future(asyncio.wait([analysis], timeout=window))
    results, wall = await run_load(port, plan, concurrency, timeout, time_limit, until=until)
    if analysis.done():
        status, seconds = analysis.result()
        return results, wall, status, seconds
    return results, wall, None, time.perf_counter() - t0  # the server's end stops the worker


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, int(round(p / 100 * len(values) + 0.5)) - 1))
    return values[k]


def summarise(results, wall: float) -> dict:
    by: dict[str, list[float]] = {}
    hits_by: dict[str, int] = {}
    errors = hits = 0
    statuses: dict[str, int] = {}
    for label, ms, status in results:
        hits += status < 0
        hits_by[label] = hits_by.get(label, 0) + (status < 0)
        status = abs(status)
        by.setdefault(label, []).append(ms)
        errors += status != 200
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    everything = [ms for _, ms, _ in results]

    def stats(v: list[float]) -> dict:
        return {
            "p50_ms": round(pct(v, 50), 1),
            "p95_ms": round(pct(v, 95), 1),
            "p99_ms": round(pct(v, 99), 1),
            "max_ms": round(max(v), 1),
            "mean_ms": round(statistics.fmean(v), 1),
        }

    rows = {
        label: {"n": len(v), **stats(v), "cache_hit_share": round(hits_by[label] / len(v), 3)}
        for label, v in sorted(by.items())
    }
    return {
        "requests": len(results),
        "errors": errors,
        "statuses": statuses,
        "cache_hit_share": round(hits / len(results), 3) if results else None,
        "wall_s": round(wall, 2),
        "throughput_rps": round(len(results) / wall, 1) if wall else None,
        "overall": stats(everything) if everything else {},
        "endpoints": rows,
    }


WRK_LUA = r"""
-- Cycle through the paths in a file (one a line); each thread starts at its own offset.
local paths = {}
for line in io.lines(PATHS_FILE) do paths[#paths + 1] = line end
local counter = 0
local i = 1
function setup(thread)
  thread:set("start", counter)
  counter = counter + 1
end
function init(args)
  i = (start * math.floor(#paths / 2)) % #paths + 1
end
function request()
  local p = paths[i]
  i = i % #paths + 1
  return wrk.format("GET", p, {["Accept"] = "application/json"})
end
"""

_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not m:
        raise ValueError(f"unreadable wrk latency {text!r}")
    return float(m.group(1)) * _UNIT_MS[m.group(2)]


def parse_wrk(out: str) -> dict:
    """p50/p75/p90/p99, mean, max, requests, req/s, errors from ``wrk --latency`` output."""
    pcts = {int(p): _ms(v) for p, v in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)\s*$", out, re.M)}
    lat = re.search(r"^\s+Latency\s+(\S+)\s+(\S+)\s+(\S+)", out, re.M)
    done = re.search(r"^\s+(\d+) requests in ([\d.]+)(us|ms|s|m)", out, re.M)
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", out, re.M)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if not (pcts and lat and done and rps):
        raise SystemExit("could not read wrk's output:\n" + out)
    n = int(done.group(1))
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(int(x) for x in sock.groups()) if sock else 0)
    return {
        "requests": n,
        "errors": errors,
        "socket_errors": dict(zip(("connect", "read", "write", "timeout"), map(int, sock.groups())))
        if sock
        else {},
        "cache_hit_share": None,
        "wall_s": round(_ms(done.group(2) + done.group(3)) / 1000, 2),
        "throughput_rps": round(float(rps.group(1)), 1),
        "overall": {
            "p50_ms": round(pcts[50], 1),
            "p75_ms": round(pcts[75], 1),
            "p90_ms": round(pcts[90], 1),
            "p95_ms": None,
            "p99_ms": round(pcts[99], 1),
            "max_ms": round(_ms(lat.group(3)), 1),
            "mean_ms": round(_ms(lat.group(1)), 1),
        },
    }


def run_wrk(port: int, plan, concurrency: int, duration: float, timeout: float) -> tuple[dict, str]:
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk); use --generator python")
    with tempfile.TemporaryDirectory(prefix="according-wrk-") as d:
        paths = Path(d) / "paths.txt"
        paths.write_text("".join(path + "\n" for _, path in plan))
        script = Path(d) / "cycle.lua"
        script.write_text(f"PATHS_FILE = {json.dumps(str(paths))}\n" + WRK_LUA)
        cmd = [
            wrk,
            "-t",
            "2",
            "-c",
            str(concurrency),
            "-d",
            f"{max(1, int(duration))}s",
            "--latency",
            "--timeout",
            f"{max(1, int(timeout))}s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}/",
        ]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + timeout + 30)
    if out.returncode != 0:
        raise SystemExit(f"wrk failed ({out.returncode}):\n{out.stderr}{out.stdout}")
    return parse_wrk(out.stdout), out.stdout


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=5_000)
    ap.add_argument("--concurrency", type=int, default=50)
    ap.add_argument("--time-limit", type=float, default=300.0, help="seconds for the whole load phase")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per request")
    ap.add_argument("--db", default=None, help="reuse (or fill up to --articles) this SQLite file")
    ap.add_argument("--warmup", type=int, default=200, help="requests sent (and not counted) first")
    ap.add_argument(
        "--cache-seconds",
        type=float,
        default=5.0,
        help="the server's read cache (web/cache.py); 0 measures the store without it",
    )
    ap.add_argument(
        "--only",
        default=None,
        help="comma-separated endpoint labels to send (e.g. 'article,articles list'); default all",
    )
    ap.add_argument(
        "--workers", type=int, default=1, help="uvicorn worker processes (each with its own cache)"
    )
    ap.add_argument(
        "--http",
        default="auto",
        choices=["auto", "h11", "httptools"],
        help="uvicorn's HTTP parser (auto: as `according serve`, httptools when installed, with "
        "TCP_NODELAY; h11/httptools: uvicorn's own protocol classes)",
    )
    ap.add_argument(
        "--generator",
        default="python",
        choices=["python", "wrk"],
        help="load generator: this process's asyncio client, or wrk (C; leaves the cores to the server)",
    )
    ap.add_argument(
        "--access-log",
        action="store_true",
        help="server logs every request (as `according serve --access-log`; default off, 1 worker)",
    )
    ap.add_argument(
        "--duration",
        type=float,
        default=20.0,
        help="seconds of load with --generator wrk (the URL list has --requests entries, cycled)",
    )
    ap.add_argument(
        "--analyze-kb",
        type=int,
        default=0,
        help="POST a generated text of this many KB to /api/analyze while the reads run (0: off)",
    )
    ap.add_argument(
        "--analysis-timeout", type=float, default=1800.0, help="the server's analysis time limit (s)"
    )
    ap.add_argument(
        "--analysis-window",
        type=float,
        default=0.0,
        help="measure reads for at most this many seconds of the analysis (0: until it is answered; "
        "on a busy shared machine the niced worker may take many minutes)",
    )
    ap.add_argument("--label", default="", help="suffix of the results file name (e.g. 'before')")
    ap.add_argument("--no-check", action="store_true", help="exit 0 even when p99 misses the target")
    args = ap.parse_args(argv)

    only = set(x.strip() for x in args.only.split(",")) if args.only else None
    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.TemporaryDirectory(prefix="according-bench-")
        db = os.path.join(tmp.name, "bench.sqlite")
    print(f"store {db}: filling to {args.articles:,} articles", file=sys.stderr)
    build_s, stories = build_store(db, args.articles)
    port = free_port()
    server = start_server(
        db,
        port,
        args.cache_seconds,
        args.workers,
        args.http,
        args.access_log,
        args.analysis_timeout if args.analyze_kb else None,
    )
    load_before = os.getloadavg()
    during = None
    try:
        rng = random.Random(7)
        if args.warmup:
            asyncio.run(
                run_load(
                    port,
                    request_plan(args.warmup, args.articles, stories, rng, only),
                    args.concurrency,
                    args.timeout,
                    args.time_limit,
                )
            )
        n_plan = args.requests
        if args.generator == "wrk":
            # wrk cycles the list: make it long enough (up to 1,000 req/s) that no URL comes back
            # within the run, or the 5 s read cache would answer the repeats.
            n_plan = max(args.requests, int(args.duration * 1000))
        plan = request_plan(n_plan, args.articles, stories, rng, only)
        if args.analyze_kb:
            warm_status, warm_s = post_analysis(port, "Ana Lind said the bridge would reopen.", 600)
            print(f"worker started, model loaded: {warm_status} in {warm_s:.1f} s", file=sys.stderr)
            text = generated_article(args.analyze_kb, random.Random(11))
            results, wall, status, seconds = asyncio.run(
                load_during_analysis(
                    port,
                    plan,
                    args.concurrency,
                    args.timeout,
                    args.analysis_timeout + 60,
                    text,
                    args.analysis_window,
                )
            )
            load = summarise(results, wall)
            during = {
                "text_chars": len(text),
                "analysis_status": status if status is not None else "still running at the window's end",
                "analysis_s": round(seconds, 1),
                "window_s": args.analysis_window or None,
                "warm_up_analysis_s": round(warm_s, 1),
            }
            args.requests = load["requests"]
        elif args.generator == "wrk":
            load, wrk_out = run_wrk(port, plan, args.concurrency, args.duration, args.timeout)
            print(wrk_out, file=sys.stderr)
        else:
            results, wall = asyncio.run(run_load(port, plan, args.concurrency, args.timeout, args.time_limit))
            load = summarise(results, wall)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    report = {
        "only": sorted(only) if only else "all",
        "articles": args.articles,
        "concurrency": args.concurrency,
        "cache_seconds": args.cache_seconds,
        "store_build_s": round(build_s, 1),
        "target_p99_ms": TARGET_P99_MS,
        "cpus": os.cpu_count(),
        "workers": args.workers,
        "http": args.http,
        "generator": args.generator,
        "loadavg_1_5_15_before": [round(x, 2) for x in load_before],
        "loadavg_1_5_15_after": [round(x, 2) for x in os.getloadavg()],
        **load,
    }
    if during is not None:
        report["during_analysis"] = during
    report["complete"] = (
        load["requests"] == args.requests
        if args.generator == "python"
        else not load.get("socket_errors", {}).get("timeout")
    )
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    name = (
        "bench_api"
        + ("" if args.cache_seconds else "_nocache")
        + ("_only" if only else "")
        + (f"_w{args.workers}" if args.workers > 1 else "")
        + ("_wrk" if args.generator == "wrk" else "")
        + (f"_analyze{args.analyze_kb}k_c{args.concurrency}" if args.analyze_kb else "")
        + (f"_{args.label}" if args.label else "")
    )
    (out / f"{name}.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    if tmp is not None:
        tmp.cleanup()
    ok = report["overall"]["p99_ms"] < TARGET_P99_MS and report["errors"] == 0 and report["complete"]
    if during is not None:
        ok = ok and during["analysis_status"] in (200, "still running at the window's end")
    return 0 if ok or args.no_check else 1


if __name__ == "__main__":
    sys.exit(main())
