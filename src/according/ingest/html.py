"""HTML pages: trafilatura extracts the article body and its metadata."""
from __future__ import annotations

import re

from ..errors import HTMLError
from ..model import Meta
from .metadata import normalise_date

_TAG = re.compile(r"<\s*(html|body|head|p|div|article|!doctype)\b", re.I)


def looks_like_html(text: str) -> bool:
    head = text[:4096]
    return bool(_TAG.search(head)) and head.lstrip().startswith("<") or len(_TAG.findall(head)) >= 3


def read_html(html: str, source: str | None = None) -> tuple[str, Meta]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                          with_metadata=True, favor_precision=True)
    except Exception as exc:  # lxml raises on some broken pages
        raise HTMLError("HTML could not be parsed", source=source, detail=str(exc)) from None
    if doc is None:
        raise HTMLError("no article text found in the HTML page", source=source)
    get = doc.get if isinstance(doc, dict) else (lambda k, d=None: getattr(doc, k, d))
    text = get("text") or ""
    if not text.strip():
        raise HTMLError("no article text found in the HTML page", source=source)
    author = get("author")
    authors = tuple(a.strip() for a in re.split(r";|\band\b", author) if a.strip()) if author else ()
    published = get("date")
    meta = Meta(headline=get("title"), publisher=get("sitename") or get("hostname"), url=get("url"),
                published=normalise_date(published) if published else None, authors=authors,
                language=get("language"))
    return text, meta
