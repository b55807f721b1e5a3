"""``according serve``: run the app with uvicorn, refusing an unsafe binding, a store that does
not exist (a mistyped ``--db`` would otherwise answer from a new, empty one) and a port in use
(before the start-up warms the read memos, not after)."""

from __future__ import annotations

import contextlib
import os
import socket
import sys

from uvicorn.protocols.http.auto import AutoHTTPProtocol

from ..errors import ConfigError
from .app import check_bind, create_app, host_names


class HttpProtocol(AutoHTTPProtocol):
    """uvicorn's HTTP protocol (httptools when installed) with TCP_NODELAY on every connection.

    asyncio sets TCP_NODELAY itself only on sockets whose ``proto`` is IPPROTO_TCP; with
    ``--workers`` > 1 uvicorn binds the listening socket as ``socket.socket(AF_INET)``
    (proto 0), so accepted connections kept Nagle's algorithm on. A JSON response is
    written as two segments (head, body): the body then waited for the client's delayed
    ACK, ~40 ms on Linux, on every keep-alive response. Measured (bench_api's URL mix,
    wrk, 50 connections, 2 workers): p50 44 ms whatever the load (1,100-1,180 req/s,
    = 50 connections / 44 ms), against 16.5 ms and 3,170 req/s for 1 worker."""

    def connection_made(self, transport):
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


def app_from_env():
    """The app of one worker process when ``--workers`` > 1 (uvicorn imports it by name)."""
    return create_app(
        os.environ.get("ACCORDING_SERVE_DB") or None,
        token=os.environ.get("ACCORDING_TOKEN") or None,
        allowed_hosts=host_names(os.environ.get("ACCORDING_SERVE_HOST", "127.0.0.1")),
    )


def check_port(host: str, port: int) -> None:
    """Refuse a port another process listens on, before anything slow happens."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise ConfigError(
                f"cannot listen on {host}:{port}", detail=f"{exc.strerror or exc}; choose another --port"
            ) from None


def serve(
    db: str | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    workers: int = 1,
    access_log: bool = False,
    analysis_timeout: float | None = None,
) -> int:
    token = token or os.environ.get("ACCORDING_TOKEN") or None
    check_bind(host, token)  # ConfigError (exit 2) before anything listens
    from ..store import Store

    Store(db, create=False).close()  # StoreMissingError (exit 5): no store there
    check_port(host, port)  # ConfigError (exit 2), before the start-up's warm-up
    import uvicorn

    if workers > 1:
        # Several processes share the port. Helps only when cores are free. Default 1: on the
        # 2-core dev machine shared with other jobs (load ~2.5-3), bench_api (wrk, 20 s, with
        # TCP_NODELAY) gave ~2,000 req/s p99 45-56 ms with 1 worker against ~1,450 req/s p99
        # 119-139 ms with 2 (the workers, wrk and the other jobs fight for the same cores).
        # Each keeps its own read cache: a write clears the cache of the process that took it,
        # the others show it within their cache's ttl (5 s), as for a write by `according ingest`.
        Store(db).close()  # open (and migrate) once here, not in each worker at the same time
        os.environ["ACCORDING_SERVE_DB"] = "" if db is None else str(db)
        if token:
            os.environ["ACCORDING_TOKEN"] = token
        os.environ["ACCORDING_SERVE_HOST"] = host
        app = "according.web.serve:app_from_env"
    else:
        app = create_app(db, token=token, allowed_hosts=host_names(host), analysis_timeout=analysis_timeout)
    shown = f"[{host}]" if ":" in host else host
    print(
        f"according: serving http://{shown}:{port}/  (API under /api, OpenAPI at /api/openapi.json)",
        file=sys.stderr,
    )
    # proxy_headers=False: the loopback check for token-less writes must see the
    # real peer, not an X-Forwarded-For header.
    # access_log off by default: with 50 clients bench_api measured ~9 % fewer req/s with it
    # on (wrk, 10k store: 268 -> 245 req/s); --access-log turns it on. Start-up lines and
    # errors are still logged (log_level info).
    uvicorn.run(
        app,
        host=host,
        port=port,
        proxy_headers=False,
        log_level="info",
        access_log=access_log,
        timeout_keep_alive=5,
        limit_concurrency=512,
        http="according.web.serve:HttpProtocol",
        **({"factory": True, "workers": workers} if workers > 1 else {}),
    )
    return 0
