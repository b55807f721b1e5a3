"""A small in-process cache of GET /api responses, in front of the store.

Why: the store's aggregate reads (stories, sources, quote search) cost
milliseconds to tens of milliseconds each, and 50 readers of a newsroom page
ask the same few lists again and again. A response is reused for ``ttl``
seconds (default 5), so a page stays fresh to within a few seconds while
repeated reads cost microseconds. Any write that goes through this app (a
non-GET request under /api) empties the cache at once; writes by another
process (``according ingest`` on the same database) show after at most
``ttl`` seconds. ``ttl=0`` turns the cache off. The cache is per process: with
``according serve --workers N`` a write clears the cache of the worker that took it, and
the other workers show it within ``ttl`` seconds, as for a write by another process.
(Beneath it, the store's derived data (source counts, story pages) is keyed on a write
token and never stale: see store/queries.py.)

Only 200 responses with a body of at most ``max_body`` bytes are kept, at
most ``max_entries`` of them and ``max_bytes`` in all (oldest evicted first). Responses say
``x-cache: hit`` or ``miss``. Identical requests that arrive while one is
being answered wait for that answer instead of asking the store again.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict

UNCACHED = ("/api/export", "/api/health", "/api/openapi.json")


class ResponseCache:
    """The entries; shared by the middleware and the app (``app.state.cache``)."""

    def __init__(
        self,
        ttl: float = 5.0,
        max_entries: int = 4096,
        max_body: int = 1_000_000,
        max_bytes: int = 64_000_000,
    ):
        self.ttl = ttl
        self.max_entries = max_entries
        self.max_body = max_body
        self.max_bytes = max_bytes  # all bodies together: the cache never holds more than this
        self.entries: OrderedDict[bytes, tuple[float, int, list, bytes]] = OrderedDict()
        self.size = 0
        self.hits = self.misses = 0
        self.generation = 0  # bumped by every write: an answer computed before it is not kept
        self.inflight: dict[bytes, asyncio.Future] = {}
        self.coalesce_wait = 30.0  # seconds a request waits for an identical one already running

    def clear(self) -> None:
        self.entries.clear()
        self.size = 0
        self.generation += 1

    def get(self, key: bytes, now: float):
        entry = self.entries.get(key)
        if entry is not None and now - entry[0] < self.ttl:
            self.hits += 1
            return entry
        self.misses += 1
        return None

    def put(self, key: bytes, now: float, status: int, headers: list, body: bytes) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old[3])
        self.entries[key] = (now, status, headers, body)
        self.size += len(body)
        while self.entries and (len(self.entries) > self.max_entries or self.size > self.max_bytes):
            _, dropped = self.entries.popitem(last=False)
            self.size -= len(dropped[3])


class ReadCacheMiddleware:
    """``on_write``: called after every non-GET /api request (the memo warmer's kick)."""

    def __init__(self, app, cache: ResponseCache, on_write=None):
        self.app = app
        self.cache = cache
        self.on_write = on_write

    async def __call__(self, scope, receive, send):
        cache = self.cache
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            return await self.app(scope, receive, send)
        if scope["method"] not in ("GET", "HEAD"):
            try:
                return await self.app(scope, receive, send)
            finally:
                cache.clear()  # a write may change any list
                if self.on_write is not None:
                    self.on_write()
        if cache.ttl <= 0:
            return await self.app(scope, receive, send)
        if scope["path"].startswith(UNCACHED):
            return await self.app(scope, receive, send)

        key = scope["path"].encode() + b"?" + scope.get("query_string", b"")
        now = time.monotonic()
        entry = cache.get(key, now)
        running = cache.inflight.get(key)
        if entry is None and running is not None:
            # The same question is already with the store (50 readers opening one story page):
            # wait for that answer instead of asking again.
            try:
                await asyncio.wait_for(asyncio.shield(running), timeout=cache.coalesce_wait)
            except TimeoutError:
                pass
            entry = cache.get(key, time.monotonic())
        if entry is not None:
            _, status, headers, body = entry
            await send(
                {"type": "http.response.start", "status": status, "headers": headers + [(b"x-cache", b"hit")]}
            )
            await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
            return

        start: dict = {}
        chunks: list[bytes] = []
        keep = True
        generation = cache.generation
        done = None
        if key not in cache.inflight:
            done = cache.inflight[key] = asyncio.get_running_loop().create_future()

        async def capture(message):
            nonlocal keep
            if message["type"] == "http.response.start":
                start.update(message)
                keep = message["status"] == 200
                message = {**message, "headers": list(message.get("headers", [])) + [(b"x-cache", b"miss")]}
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                if sum(map(len, chunks)) > cache.max_body:
                    keep = False
                    chunks.clear()
                elif (
                    not message.get("more_body", False)
                    and scope["method"] == "GET"
                    and cache.generation == generation
                ):
                    cache.put(key, now, start["status"], list(start.get("headers", [])), b"".join(chunks))
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            if done is not None:
                cache.inflight.pop(key, None)
                done.set_result(None)
