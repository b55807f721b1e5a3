"""``according serve``: run the app with uvicorn, refusing an unsafe binding."""
from __future__ import annotations

import os
import sys

from .app import check_bind, create_app


def serve(db: str | None = None, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> int:
    token = token or os.environ.get("ACCORDING_TOKEN") or None
    check_bind(host, token)  # ConfigError (exit 2) before anything listens
    import uvicorn
    app = create_app(db, token=token)
    shown = f"[{host}]" if ":" in host else host
    print(f"according: serving http://{shown}:{port}/  (API under /api, OpenAPI at /api/openapi.json)",
          file=sys.stderr)
    # proxy_headers=False: the loopback check for token-less writes must see the
    # real peer, not an X-Forwarded-For header.
    uvicorn.run(app, host=host, port=port, proxy_headers=False, log_level="info",
                timeout_keep_alive=5, limit_concurrency=512)
    return 0
