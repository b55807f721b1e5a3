"""``according serve``: run the app with uvicorn, refusing an unsafe binding, a store that does
not exist (a mistyped ``--db`` would otherwise answer from a new, empty one) and a port in use
(before the start-up warms the read memos, not after)."""

from __future__ import annotations

import contextlib
import functools
import os
import socket
import sys
from typing import Any

from uvicorn.protocols.http.auto import AutoHTTPProtocol

from ..errors import ConfigError
from .app import check_bind, create_app, host_names


class HttpProtocol(AutoHTTPProtocol):  # type: ignore[valid-type,misc]  # (an alias of the chosen class)
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
        # The app factory with its arguments, pickled to each worker process that uvicorn spawns:
        # the settings travel as arguments, not through os.environ.
        app: Any = functools.partial(
            create_app, db, token=token, allowed_hosts=host_names(host), analysis_timeout=analysis_timeout
        )
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
    options: dict[str, Any] = dict(
        host=host,
        port=port,
        proxy_headers=False,
        log_level="info",
        access_log=access_log,
        timeout_keep_alive=5,
        limit_concurrency=512,
        http="according.web.serve:HttpProtocol",
    )
    if workers > 1:
        # uvicorn.run() takes only an import string with workers; this is its worker branch
        # with the factory object instead (Config pickles it to each spawned worker)
        from uvicorn.supervisors import Multiprocess

        config = uvicorn.Config(app, factory=True, workers=workers, **options)
        Multiprocess(config, sockets=[config.bind_socket()]).run()
    else:
        uvicorn.run(app, **options)
    return 0
