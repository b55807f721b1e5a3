"""The FastAPI application behind ``according serve``: the JSON API and the web page.

``create_app`` wires one :class:`~according.store.Store` (opened once), the
API routes (``api.py``), the static page (``static/``) and three safety layers
that sit in front of every route:

- a request-size limit, enforced on the ``Content-Length`` header *before* the
  body is read and again while a chunked body streams in (413 either way);
- security headers on every response (a strict Content-Security-Policy with no
  inline script, ``X-Content-Type-Options: nosniff``, no framing);
- one error shape for everything that goes wrong, validation and 404 included:
  ``{"error": {"code": str, "message": str, "detail": any}}`` (never Python exception text);
- other web pages cannot drive it: the ``Host`` header must be one of the names the server
  was started with (a DNS-rebinding page arrives under its own name: 400 ``invalid_host``),
  a state-changing request whose ``Origin`` (or ``Sec-Fetch-Site``) is not the server's own
  is refused (403 ``cross_origin``), and without a token writes are accepted as
  ``application/json`` only, a type that no cross-site form or "simple" request can send;
- HEAD is answered as GET without the body; a path or query holding control characters
  is refused (400) before any route sees it.

Writes (and analysis, which costs a parse) need ``Authorization: Bearer <token>``
when a token is configured; without one they are accepted only from loopback
clients, and ``according serve`` refuses to listen beyond loopback without a
token (:func:`check_bind`). Analysis runs in worker processes (pool.py), never in the
server process, with a time limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import ipaddress
import json
import logging
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes, urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import (
    AccordingError,
    AnalysisLimitError,
    ConfigError,
    EncodingError,
    HTMLError,
    InputError,
    InputTooLargeError,
    ModelError,
    StoreError,
)
from ..ingest import MAX_BYTES

log = logging.getLogger("according.web")

STATIC = Path(__file__).resolve().parent / "static"

# The same limit as one article on the command line (ingest.MAX_BYTES, 5 MB):
# a body larger than the largest article we would analyse is refused unread.
MAX_BODY_BYTES = MAX_BYTES

# No inline script or style, nothing from other origins: the page is three
# files served by this app. 'self' for connect-src lets app.js call the API.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'; object-src 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    421: "invalid_host",
    422: "validation_error",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}


def error_body(status: int, message: str, detail: Any = None, code: str | None = None) -> dict:
    return {
        "error": {
            "code": code or HTTP_CODES.get(status, f"http_{status}"),
            "message": message,
            "detail": detail,
        }
    }


def error_response(
    status: int, message: str, detail: Any = None, code: str | None = None, headers: dict | None = None
) -> JSONResponse:
    return JSONResponse(error_body(status, message, detail, code), status_code=status, headers=headers)


class ApiError(Exception):
    """Raised by routes for an error response in the one shape."""

    def __init__(
        self,
        status: int,
        message: str,
        detail: Any = None,
        code: str | None = None,
        headers: dict | None = None,
    ):
        super().__init__(message)
        self.status, self.message, self.detail, self.code, self.headers = (
            status,
            message,
            detail,
            code,
            headers,
        )


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to listen beyond loopback without a token (writes would be open to the network)."""
    if not is_loopback(host) and not token:
        raise ConfigError(
            f"refusing to listen on {host} without a token",
            detail="give --token (or ACCORDING_TOKEN), or listen on 127.0.0.1",
        )


# --- ASGI middleware (plain ASGI so it runs before any body is read) ----------


class _BodyTooLarge(Exception):
    pass


async def _send_json(send, status: int, body: dict, extra_headers=(), head: bool = False) -> None:
    data = json.dumps(body).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(data)).encode()),
        (b"connection", b"close"),
        *SECURITY_HEADERS,
        *extra_headers,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
_CONTROL = re.compile(rb"[\x00-\x1f\x7f]")


def host_names(host: str) -> list[str] | None:
    """The Host names a server listening on ``host`` answers to (None: any, for 0.0.0.0 / ::,
    which need a token anyway). Loopback: its three usual names."""
    if is_loopback(host):
        return list(dict.fromkeys([host.strip("[]").lower(), *LOOPBACK_NAMES]))
    if host in ("0.0.0.0", "::", ""):
        return None
    return [host.strip("[]").lower()]


def _host_of(value: str) -> str:
    """The name in a Host header or an origin's netloc, without the port."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class GuardMiddleware:
    """Host and Origin checks, control characters, HEAD, the size limit on request bodies and
    security headers on every response. ``allowed_hosts`` None: any Host header."""

    def __init__(self, app, max_body: int, allowed_hosts: list[str] | None = None):
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = None if allowed_hosts is None else {_host_of(h) for h in allowed_hosts}

    def refusal(self, scope) -> tuple[int, dict] | None:
        headers: dict[bytes, bytes] = {}
        for name, value in scope["headers"]:
            headers.setdefault(name, value)
        host = headers.get(b"host", b"").decode("latin-1")
        if self.allowed_hosts is not None and _host_of(host) not in self.allowed_hosts:
            # A DNS-rebinding page reaches this server under its own name; refusing every
            # name but ours also keeps such a page from reading the store.
            return 421, error_body(421, "this server does not answer to that host name", {"host": host[:200]})
        raw_path = scope.get("raw_path") or scope["path"].encode("utf-8", "surrogatepass")
        if _CONTROL.search(unquote_to_bytes(raw_path)) or _CONTROL.search(
            unquote_to_bytes(scope.get("query_string", b""))
        ):
            return 400, error_body(400, "control characters are not allowed in the path or the query")
        if scope["method"] not in SAFE_METHODS:
            origin = headers.get(b"origin")
            site = headers.get(b"sec-fetch-site", b"").decode("latin-1").lower()
            if origin is not None:
                parts = urlsplit(origin.decode("latin-1"))
                if (
                    origin == b"null"
                    or parts.scheme not in ("http", "https")
                    or parts.netloc.lower() != host.lower()
                ):
                    return 403, error_body(
                        403,
                        "requests that change or analyse data are not accepted from other web pages",
                        {"origin": origin.decode("latin-1")[:200]},
                        code="cross_origin",
                    )
            if site in ("cross-site", "same-site"):
                return 403, error_body(
                    403,
                    "requests that change or analyse data are not accepted from other web pages",
                    {"sec-fetch-site": site},
                    code="cross_origin",
                )
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    return 400, error_body(400, "bad Content-Length header")
                if declared > self.max_body:
                    return 413, self.too_large()
        return None

    def too_large(self) -> dict:
        return error_body(
            413, f"request body over the limit of {self.max_body:,} bytes", {"limit": self.max_body}
        )

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        refused = self.refusal(scope)
        if refused is not None:
            return await _send_json(send, *refused, head=scope["method"] == "HEAD")
        head = scope["method"] == "HEAD"
        if head:  # answered as GET, without the body (the headers say what GET would send)
            scope = {**scope, "method": "GET"}
        started = False
        seen = 0

        async def limited_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _BodyTooLarge()
            return message

        async def guarded_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = dict(message)
                names = {n.lower() for n, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    h for h in SECURITY_HEADERS if h[0] not in names
                ]
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except _BodyTooLarge:
            if not started:
                await _send_json(send, 413, self.too_large())


# --- the app ------------------------------------------------------------------


class AnalysisGate:
    """At most ``slots`` analyses at once and ``max_waiting`` in line; more get a 503 at once."""

    def __init__(self, slots: int, max_waiting: int):
        self.semaphore = asyncio.Semaphore(slots)
        self.max_waiting = max_waiting
        self.waiting = 0

    async def __aenter__(self):
        if self.semaphore.locked() and self.waiting >= self.max_waiting:
            raise ApiError(
                503,
                "the analyser is busy; try again shortly",
                {"waiting": self.waiting},
                code="busy",
                headers={"Retry-After": "5"},
            )
        self.waiting += 1
        try:
            await self.semaphore.acquire()
        finally:
            self.waiting -= 1
        return self

    async def __aexit__(self, *exc):
        self.semaphore.release()
        return False


def create_app(
    store_url: str | None = None,
    token: str | None = None,
    *,
    store=None,
    model: str | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    analysis_slots: int = 1,
    analysis_queue: int = 8,
    cache_seconds: float = 5.0,
    warm_at_start: float = 10.0,
    allowed_hosts: list[str] | None = None,
    analysis_timeout: float | None = None,
) -> FastAPI:
    """The app. ``store`` (an open Store) wins over ``store_url``; ``token`` guards writes.

    ``analysis_slots``: how many analyses may run at once. One by default: a
    parse of a long article takes one core and a few hundred MB, and the
    server shares its machine with the store; more requests wait their turn, up to
    ``analysis_queue`` of them; beyond that the answer is 503 ("busy", Retry-After).
    ``cache_seconds``: how long a GET /api response may be reused (``cache.py``; 0 = off).
    ``warm_at_start``: seconds the start-up may spend computing the store's read memos before
    accepting requests (``warm.py``; 0 = leave it all to the background thread).
    ``allowed_hosts``: the Host names answered (``according serve`` passes the names of the
    address it listens on: :func:`host_names`); None answers any name.
    ``analysis_timeout``: seconds an analysis may take in its worker (pool.py) before it is
    stopped (default ``pool.DEFAULT_TIMEOUT``).
    """
    if store is None:
        from ..store import Store

        store = Store(store_url)
    from .exports import ExportFiles
    from .pool import DEFAULT_TIMEOUT, AnalysisPool
    from .warm import Warmer

    warmer = Warmer(store)
    pool = AnalysisPool(
        getattr(store, "url", None),
        slots=max(1, analysis_slots),
        timeout=DEFAULT_TIMEOUT if analysis_timeout is None else analysis_timeout,
    )
    exports = ExportFiles()

    @contextlib.asynccontextmanager
    async def lifespan(app):
        # The read memos are computed before the first request is accepted (at most
        # warm_at_start seconds: ~1 s for the 10k bench store), then kept warm by a thread.
        # Measured (bench_api, wrk, 2 workers, 4 x 5 s slices after start): with the warming
        # done by the first readers or by the thread while serving, the first 5 s had p99
        # ~230 ms (max ~500) against ~56-62 ms for the following slices.
        await asyncio.to_thread(warmer.warm_now, warm_at_start)
        # What start-up made (modules, the app, the memos: ~83k objects) lives as long as the
        # process: kept out of the collector's full passes (gc.freeze). Measured in the server
        # on the 10k bench store: a full pass took 31-46 ms before, 4 ms after, and every request
        # in flight waits for it (rare: none in a 20 s wrk run; they come as memos are rebuilt).
        gc.collect()
        gc.freeze()
        warmer.start()
        try:
            yield
        finally:
            warmer.stop()
            pool.close()
            exports.close()

    app = FastAPI(
        title="according",
        version=__version__,
        lifespan=lifespan,
        description="Who said what, which figures, where and when: analysed news articles. "
        "Records follow the analysis-v1 contract. Errors always have the shape "
        '{"error": {"code", "message", "detail"}}.',
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.store = store
    app.state.warmer = warmer
    app.state.token = token or None
    app.state.model = model  # None: the analyser's default model (loaded on the first analysis)
    app.state.analysis_gate = AnalysisGate(max(1, analysis_slots), max_waiting=analysis_queue)
    app.state.analysis_pool = pool
    app.state.exports = exports

    _install_error_handlers(app)
    from .api import router

    app.include_router(router)

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html", headers={"cache-control": "no-cache"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    from .cache import ReadCacheMiddleware, ResponseCache

    app.state.cache = ResponseCache(ttl=cache_seconds)
    app.add_middleware(ReadCacheMiddleware, cache=app.state.cache, on_write=warmer.kick)
    # outermost: before the cache
    app.add_middleware(GuardMiddleware, max_body=max_body_bytes, allowed_hosts=allowed_hosts)
    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return error_response(exc.status, exc.message, exc.detail, exc.code, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else HTTP_CODES.get(exc.status_code, "error")
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such resource: {request.url.path}"
        return error_response(exc.status_code, message, None, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        detail = [
            {
                "loc": [str(p) for p in e.get("loc", ())],
                "message": e.get("msg", ""),
                "type": e.get("type", ""),
            }
            for e in exc.errors()
        ]
        where = ", ".join(".".join(d["loc"]) + ": " + d["message"] for d in detail[:3])
        return error_response(422, f"invalid request: {where}", detail)

    @app.exception_handler(AccordingError)
    async def _according_error(request: Request, exc: AccordingError):
        # The detail of a decoding or HTML-parsing error, or of a database error, is the text
        # of a Python or driver exception: logged, never sent (the message says what is wrong).
        detail = exc.detail
        if isinstance(exc, InputTooLargeError):
            status, code = 413, "payload_too_large"
        elif isinstance(exc, AnalysisLimitError):
            status, code = 422, "analysis_limit"
        elif isinstance(exc, InputError):
            status, code = 422, "input_error"
            if isinstance(exc, (EncodingError, HTMLError)):
                detail = None
        elif isinstance(exc, ModelError):
            status, code = 503, "model_unavailable"
        elif isinstance(exc, StoreError):
            log.error("store error on %s: %s", request.url.path, exc)
            status, code, detail = 503, "store_error", None
        else:
            status, code = 400, "bad_request"
        return error_response(status, exc.message, detail, code)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        # Never echo internals (paths, SQL) to the client; the log has them.
        log.exception("unexpected error on %s", request.url.path)
        return error_response(500, "internal error", None)
