"""What a client posts to the JSON API: who may write, and the article or record in the body.

Split from ``api.py`` (the routes) because the rules here are the server's write boundary and
are read on their own: without a token only loopback clients may write, and only with an
``application/json`` body, which a page of another site cannot send without a CORS preflight
this server never grants (so no web page but our own can make the local server write); a
posted body is parsed without recursion on hostile nesting (``MAX_JSON_DEPTH``); a posted
ready-made record is stored only when its spans match its text.
"""

from __future__ import annotations

import functools
import hmac
import json
from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from ..store.ingest import id_problem
from ..store.validate import record_problem
from .app import ApiError, is_loopback

MAX_JSON_DEPTH = 32  # a record nests ~5 deep (record > quotes > quote > content > span)

ARTICLE_BODY = {
    "requestBody": {
        "required": True,
        "description": "The article: plain text, an HTML page, or a JSON object "
        '{"text" | "html", "id", "published", "url", "headline", "publisher"}. '
        "Query parameters id/published/url apply to text and HTML bodies. "
        "At most 5 MB.",
        "content": {
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "text": {"type": "string"},
                        "html": {"type": "string"},
                        "id": {"type": "string"},
                        "published": {"type": "string"},
                        "url": {"type": "string"},
                        "headline": {"type": "string"},
                        "publisher": {"type": "string"},
                    },
                }
            },
        },
    }
}


def require_token(request: Request) -> None:
    """Bearer token when one is configured; otherwise only loopback clients may ask."""
    token = request.app.state.token
    if token:
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
            raise ApiError(
                401,
                "a valid bearer token is required for this request",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return
    client = request.client.host if request.client else None
    if not is_loopback(client):
        raise ApiError(403, "writes are accepted only from this machine when the server has no token")


def require_writer(request: Request) -> None:
    """require_token, and without a token the body must be JSON: a web page of another site
    can send text/plain, forms and multipart without asking ("simple" requests), but
    application/json only after a CORS preflight that this server never grants."""
    require_token(request)
    if not request.app.state.token:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            raise ApiError(
                415,
                "without a server token, writes are accepted as application/json only",
                {"accepted": ["application/json"], "hint": '{"text": "...", "id": "..."}'},
            )


def json_depth(obj: Any) -> int:
    """How deep lists and objects nest (iterative: no recursion on hostile input)."""
    deepest, stack = 0, [(obj, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, depth)
            if depth > MAX_JSON_DEPTH:
                return depth
            stack.extend((x, depth + 1) for x in item if isinstance(x, (dict, list)))
    return deepest


def parse_json_body(body: bytes) -> Any:
    try:
        obj = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ApiError(400, "the body is not valid JSON", {"reason": exc.__class__.__name__}) from None
    except RecursionError:
        raise ApiError(400, f"the JSON body nests deeper than {MAX_JSON_DEPTH} levels") from None
    if json_depth(obj) > MAX_JSON_DEPTH:
        raise ApiError(400, f"the JSON body nests deeper than {MAX_JSON_DEPTH} levels")
    return obj


def check_id(value: str | None) -> None:
    if value is not None:
        why = id_problem(value)
        if why:
            raise ApiError(422, why, code="input_error")


async def read_article_body(
    request: Request, id: str | None, published: str | None, url: str | None, format: str | None
):
    """Parse the posted article into a Document, or (JSON with ``schema``) return the ready record."""
    from ..ingest import read_document
    from ..model import Meta

    def read(*args, **kwargs):
        # Off the event loop: decoding and HTML extraction of a large page take a while.
        return run_in_threadpool(functools.partial(read_document, *args, **kwargs))

    ctype = request.headers.get("content-type", "text/plain").split(";")[0].strip().lower()
    body = await request.body()
    if not body.strip():
        raise ApiError(422, "the request body is empty; post an article", code="input_error")
    if ctype in ("text/plain", "text/markdown", ""):
        return None, await read(body, format=format or "text", published=published, url=url, id=id)
    if ctype in ("text/html", "application/xhtml+xml"):
        return None, await read(body, format="html", published=published, url=url, id=id)
    if ctype == "application/json":
        obj = await run_in_threadpool(parse_json_body, body)
        if not isinstance(obj, dict):
            raise ApiError(422, "the JSON body must be an object", code="input_error")
        if isinstance(obj.get("schema"), str) and obj["schema"].startswith("according.analysis/"):
            return obj, None
        meta = obj["meta"] if isinstance(obj.get("meta"), dict) else {}

        def pick(key, given=None):
            v = given if given is not None else obj.get(key, meta.get(key))
            return v if isinstance(v, str) and v.strip() else None

        text, html = obj.get("text"), obj.get("html")
        if not isinstance(text, str) and not isinstance(html, str):
            raise ApiError(422, "the JSON object needs a 'text' or an 'html' string", code="input_error")
        return None, await read(
            text if isinstance(text, str) else html,
            format="text" if isinstance(text, str) else "html",
            published=pick("published", published),
            url=pick("url", url),
            id=pick("id", id),
            meta=Meta(headline=pick("headline"), publisher=pick("publisher")),
        )
    raise ApiError(
        415,
        f"unsupported content type {ctype!r}",
        {"accepted": ["text/plain", "text/html", "application/json"]},
    )


def check_record(obj: dict) -> dict:
    """A posted ready-made record must hold a storable id, its text, fields of the right
    types (store.validate) and offsets that match its text."""
    if not isinstance(obj.get("id"), str) or not obj["id"].strip() or not isinstance(obj.get("text"), str):
        raise ApiError(422, "a record needs a string 'id' and 'text'", code="input_error")
    check_id(obj["id"])
    why = record_problem(obj)
    if why:
        raise ApiError(422, f"the record cannot be stored: {why}", code="input_error")
    text = obj["text"]
    for q in obj.get("quotes") or []:
        for s in (q.get("content") or []) + [q.get("cue"), q.get("source")]:
            if s is None:
                continue
            try:
                ok = text[s["start"] : s["end"]] == s["text"] and 0 <= s["start"] <= s["end"] <= len(text)
            except (KeyError, TypeError):
                ok = False
            if not ok:
                raise ApiError(
                    422,
                    f"quote {q.get('id')!r} has a span that does not match the text",
                    {"span": s},
                    code="input_error",
                )
    return obj
