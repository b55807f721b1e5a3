"""The JSON API under ``/api``: thin routes over :class:`~according.store.Store` and ``according.analyze``.

The cheap paged reads (article lists, one article, quotes, figures, events,
sources: ~0.2-1.5 ms since the store reads are O(page) prepared statements) are ``async def`` and
call the store on the event loop: the hop to FastAPI's threadpool cost ~40 % of
such a request (bench_api, 10k store, 50 clients: ~350 -> ~750 req/s, p99
~500 -> ~200-240 ms with wrk). Reads that cost more stay plain ``def`` routes in
the threadpool so that a slow one never stalls the loop: places (~15 ms, not
O(page)), a source page (up to 200 quotes), versions, diffs, health counts, export.
The story page and the stories list are served from the loop when the store has
them derived for the current write (a story page is then ready JSON bytes); web/warm.py
derives them at start-up (before requests are accepted) and, in a background thread, after
each write; until it has,
the route computes them in the threadpool (story ~10-25 ms, the stories list's top
sources ~90 ms once per write, 10k articles). Answers are encoded with orjson.
The store opens a connection per call (SQLite in WAL mode: a reader does not wait
for a writer). Lists share one shape: ``{"total", "items",
"limit", "offset", "next"}`` where ``next`` is the offset of the following page
or null. Every error has the shape ``{"error": {"code", "message", "detail"}}``
(see ``app.py``). Who may write and how a posted body is read and checked live in
``posted.py``.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from ..store.memo import to_json
from ..store.validate import INT_MAX
from .app import ApiError
from .posted import ARTICLE_BODY, check_id, check_record, read_article_body, require_token, require_writer


class ErrorDetail(BaseModel):
    code: str = Field(description="machine-readable: not_found, validation_error, unauthorized, ...")
    message: str = Field(description="for people")
    detail: Any = Field(
        None, description="more context (for validation errors: a list of {loc, message, type})"
    )


class ErrorBody(BaseModel):
    """The one shape of every error response."""

    error: ErrorDetail


_ERR = {"model": ErrorBody}
router = APIRouter(
    prefix="/api",
    responses={
        400: {**_ERR, "description": "bad request"},
        404: {**_ERR, "description": "not found"},
        413: {**_ERR, "description": "body over the size limit"},
        422: {**_ERR, "description": "invalid parameters or input"},
        503: {**_ERR, "description": "the store or the language model is unavailable"},
    },
)
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {**_ERR, "description": "token missing or wrong"},
    403: {**_ERR, "description": "write from a non-loopback client to a server without a token"},
    415: {**_ERR, "description": "unsupported content type"},
}

MAX_PAGE = 200  # a page of 200 quote/figure rows is ~100 KB of JSON; beyond that, paginate
# Every integer is bounded by what the store's columns hold (PostgreSQL integer: 2^31 - 1):
# a larger one is a 422 here, not an overflow in the database.
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
RowId = Annotated[int | None, Query(ge=1, le=INT_MAX, description="a row id (story, source)")]
Version = Annotated[int, Query(ge=1, le=INT_MAX, description="a version number, from 1")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip")]
Day = Annotated[date | None, Query(description="ISO date, YYYY-MM-DD")]
Text = Annotated[str | None, Query(max_length=500)]

# --- helpers --------------------------------------------------------------------


def store(request: Request):
    return request.app.state.store


def article_href(article_id: str) -> str:
    """The URL path of an article (the id percent-encoded: it may hold any character)."""
    return "/api/articles/" + quote(article_id, safe="")


def model_name(request: Request) -> str:
    from ..nlp import DEFAULT_MODEL  # imports spaCy: only when something is analysed

    return request.app.state.model or DEFAULT_MODEL


def json_response(obj: Any, status_code: int = 200, headers: dict | None = None) -> Response:
    """A JSON answer encoded with orjson (store.memo.to_json; ~10x faster than the
    json.dumps of JSONResponse: ~60-90 us less per 5-10 KB page)."""
    return Response(to_json(obj), status_code=status_code, headers=headers, media_type="application/json")


def page(result: dict) -> Response:
    """The store's list result plus ``next`` (offset of the following page, or null)."""
    total, limit, offset = result.get("total", 0), result.get("limit", 0), result.get("offset", 0)
    result["next"] = offset + limit if offset + limit < total else None
    return json_response(result)


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def found(obj: Any, what: str, key: Any) -> Response:
    """The store's answer as JSON (returned as is: no re-encoding walk), or a 404."""
    if obj is None:
        raise ApiError(404, f"no such {what}: {key}", {"id": key})
    return json_response(obj)


# --- analysis -------------------------------------------------------------------


@router.post(
    "/analyze",
    summary="Analyse an article without storing it",
    openapi_extra=ARTICLE_BODY,
    dependencies=[Depends(require_writer)],
    responses={200: {"description": "the analysis record (analysis-v1)"}, **WRITE_ERRORS},
)
async def analyze_article(
    request: Request,
    id: Text = None,
    published: Text = None,
    url: Text = None,
    format: Literal["text", "html"] | None = None,
) -> Response:
    ready, doc = await read_article_body(request, id, published, url, format)
    if ready is not None:
        raise ApiError(
            422,
            "this is already an analysis record; POST it to /api/articles to store it",
            code="input_error",
        )
    pool = request.app.state.analysis_pool
    async with request.app.state.analysis_gate:  # in a worker process (pool.py), with a time limit
        body = await run_in_threadpool(pool.run, "analyze", doc, model_name(request))
    return Response(body, media_type="application/json")


@router.post(
    "/articles",
    status_code=201,
    summary="Analyse and store an article, or store a ready record",
    openapi_extra=ARTICLE_BODY,
    dependencies=[Depends(require_writer)],
    responses=WRITE_ERRORS,
)
async def store_article(
    request: Request,
    id: Text = None,
    published: Text = None,
    url: Text = None,
    format: Literal["text", "html"] | None = None,
) -> JSONResponse:
    st = store(request)
    check_id(id)
    ready, doc = await read_article_body(request, id, published, url, format)
    if ready is not None:
        summary = await run_in_threadpool(st.ingest, [check_record(ready)])
        article_id = ready["id"]
    else:
        check_id(doc.id)
        pool = request.app.state.analysis_pool
        async with request.app.state.analysis_gate:
            if pool.store_url is not None:  # analysed and stored by a worker process (pool.py)
                summary = await run_in_threadpool(pool.run, "ingest", doc, model_name(request))
            else:  # a store object without a URL (a test's stand-in): in this process
                summary = await run_in_threadpool(
                    functools.partial(st.ingest_documents, [doc], model=model_name(request))
                )
        article_id = doc.id
    if summary.get("failed"):
        reasons = summary["failed"]
        raise ApiError(
            422, f"the article could not be stored: {reasons[0].get('reason')}", reasons, code="input_error"
        )
    current = await run_in_threadpool(st.article, article_id)
    created = bool(summary.get("stored") or summary.get("new_versions"))
    body = {
        "id": article_id,
        "version": (current or {}).get("version"),
        "versions": (current or {}).get("versions"),
        "story": (current or {}).get("story"),
        "summary": summary,
        "href": article_href(article_id),
    }
    return JSONResponse(
        body, status_code=201 if created else 200, headers={"location": article_href(article_id)}
    )


# --- reading --------------------------------------------------------------------


@router.get("/health", summary="Liveness and store counts")
def health(request: Request) -> JSONResponse:
    from .. import __version__

    return JSONResponse({"status": "ok", "version": __version__, "stats": store(request).stats()})


@router.get("/articles", summary="Stored articles (latest versions), newest first")
async def list_articles(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    q: Text = None,
    story: RowId = None,
    source: Annotated[
        int | None, Query(ge=1, le=INT_MAX, description="a source id: articles that mention it")
    ] = None,
    date_from: Day = None,
    date_to: Day = None,
) -> Response:
    return page(
        store(request).articles(
            limit=limit,
            offset=offset,
            q=q,
            story=story,
            source=source,
            date_from=iso(date_from),
            date_to=iso(date_to),
        )
    )


@router.get("/articles/{article_id:path}/versions", summary="The stored versions of an article")
def article_versions(request: Request, article_id: str) -> JSONResponse:
    st = store(request)
    found(st.article(article_id), "article", article_id)
    return JSONResponse({"id": article_id, "versions": st.versions(article_id)})


@router.get("/articles/{article_id:path}/diff", summary="What changed between two versions")
def article_diff(request: Request, article_id: str, v1: Version, v2: Version) -> Response:
    return found(store(request).diff(article_id, v1, v2), "article version", f"{article_id} v{v1}/v{v2}")


@router.get("/articles/{article_id:path}", summary="One article: its analysis record and store data")
async def get_article(
    request: Request, article_id: str, version: Annotated[int | None, Query(ge=1, le=INT_MAX)] = None
) -> Response:
    return found(store(request).article(article_id, version=version), "article", article_id)


@router.get("/sources", summary="People and organisations quoted, most quoted first")
async def list_sources(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    q: Text = None,
    type: Text = None,
    story: RowId = None,
) -> Response:
    return page(store(request).sources(limit=limit, offset=offset, q=q, type=type, story=story))


@router.get("/sources/{source_id}", summary="One source with its quotes")
def get_source(request: Request, source_id: Annotated[int, Path(ge=1, le=INT_MAX)]) -> Response:
    return found(store(request).source(source_id), "source", source_id)


@router.get("/quotes", summary="Quotes; q searches the quote text (full-text)")
async def list_quotes(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    q: Text = None,
    speaker: Text = None,
    source_id: RowId = None,
    type: Literal["person", "organization", "group", "anonymous", "unknown"] | None = None,
    category: Literal["speech", "belief"] | None = None,
    kind: Literal["direct", "mixed", "indirect"] | None = None,
    story: RowId = None,
    article: Text = None,
    date_from: Day = None,
    date_to: Day = None,
) -> Response:
    return page(
        store(request).quotes(
            speaker=speaker,
            source_id=source_id,
            type=type,
            category=category,
            kind=kind,
            story=story,
            article=article,
            date_from=iso(date_from),
            date_to=iso(date_to),
            q=q,
            limit=limit,
            offset=offset,
        )
    )


@router.get("/figures", summary="Numeric claims by measure, place, date and source")
async def list_figures(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    measure: Text = None,
    unit: Text = None,
    place: Text = None,
    source: Text = None,
    story: RowId = None,
    article: Text = None,
    date_from: Day = None,
    date_to: Day = None,
) -> Response:
    return page(
        store(request).figures(
            measure=measure,
            unit=unit,
            place=place,
            source=source,
            story=story,
            article=article,
            date_from=iso(date_from),
            date_to=iso(date_to),
            limit=limit,
            offset=offset,
        )
    )


@router.get("/events", summary="Events (ACLED types) by type, place, actor and date")
async def list_events(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    type: Text = None,
    sub_type: Text = None,
    place: Text = None,
    actor: Text = None,
    story: RowId = None,
    article: Text = None,
    date_from: Day = None,
    date_to: Day = None,
) -> Response:
    return page(
        store(request).events(
            type=type,
            sub_type=sub_type,
            place=place,
            actor=actor,
            story=story,
            article=article,
            date_from=iso(date_from),
            date_to=iso(date_to),
            limit=limit,
            offset=offset,
        )
    )


@router.get("/stories", summary="Stories: articles grouped by what they report")
async def list_stories(request: Request, limit: Limit = 50, offset: Offset = 0, q: Text = None) -> Response:
    # On the event loop once the top sources per story are derived (web/warm.py does it after
    # each write): then O(page). Before that, computing them (~90 ms at 10k) goes to the threadpool.
    st = store(request)
    result = st.stories(limit=limit, offset=offset, q=q, compute=False)
    if result is False:
        result = await run_in_threadpool(functools.partial(st.stories, limit=limit, offset=offset, q=q))
    return page(result)


@router.get("/places", summary="Places mentioned, with coordinates and article counts")
def list_places(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    q: Text = None,
    country: Annotated[
        str | None, Query(min_length=2, max_length=2, description="ISO 3166-1 alpha-2")
    ] = None,
    story: RowId = None,
) -> Response:
    return page(store(request).places(q=q, country=country, story=story, limit=limit, offset=offset))


@router.get("/stories/{story_id}", summary="One story: articles, timeline, figure series, sources")
async def get_story(request: Request, story_id: Annotated[int, Path(ge=1, le=INT_MAX)]) -> Response:
    # A memoised page (store/queries.story_json) is ready JSON bytes: served from the event
    # loop with no decode/encode (a story page is ~80 KB on the 10k bench store: re-encoding
    # it cost ~2 ms). Computing one (~10-25 ms) runs in the threadpool.
    st = store(request)
    body = st.story_json(story_id, compute=False)
    if body is False:
        body = await run_in_threadpool(st.story_json, story_id)
    if body is None:
        raise ApiError(404, f"no such story: {story_id}", {"id": story_id})
    return Response(body, media_type="application/json")


EXPORT_TABLES = (
    "articles",
    "article_meta",
    "versions",
    "sources",
    "source_aliases",
    "stories",
    "entities",
    "quotes",
    "figures",
    "events",
    "places",
    "times",
)
MEDIA = {"jsonl": "application/x-ndjson", "csv": "text/csv", "parquet": "application/vnd.apache.parquet"}


@router.get(
    "/export",
    summary="Download one exported table (articles: one analysis record a line)",
    dependencies=[Depends(require_token)],
    responses={401: WRITE_ERRORS[401], 403: WRITE_ERRORS[403]},
)
def export(
    request: Request,
    table: Literal[EXPORT_TABLES] = "articles",  # type: ignore[valid-type]
    format: Literal["jsonl", "csv", "parquet"] = "jsonl",
):
    """Needs the token when the server has one. Only the asked table is written, and the
    file is reused until the next write (web/exports.py)."""
    if table == "articles" and format != "jsonl":
        raise ApiError(422, "the articles table is exported as JSONL only", code="validation_error")
    handle = request.app.state.exports.open(store(request), table, format)

    def chunks():
        with handle:
            while block := handle.read(1 << 16):
                yield block

    return StreamingResponse(
        chunks(),
        media_type=MEDIA[format],
        headers={"content-disposition": f'attachment; filename="{table}.{format}"'},
    )
