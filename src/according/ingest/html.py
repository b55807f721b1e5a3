"""HTML pages: trafilatura extracts the article body and its metadata.

trafilatura gives the body text, title, site name, author, URL and a date
(day only). The page's own ``<meta>`` tags (``article:published_time``,
``datePublished``, ``<time datetime>``) usually carry the time with its
offset, so we read those too and prefer them.

When trafilatura finds nothing (it returns None, silently, for pages it
judges too short or not an article), the text of the page's paragraphs is
taken instead (navigation, header, footer, scripts dropped); only when that
is empty too is the page refused with :class:`HTMLError`.
"""

from __future__ import annotations

import re

from ..errors import HTMLError
from ..model import Meta
from .metadata import headline_without_site, normalise_date

_TAG = re.compile(r"<\s*(html|body|head|p|div|article|!doctype)\b", re.I)


def looks_like_html(text: str) -> bool:
    head = text[:4096]
    # starts with a tag, or holds three tags in its first 4 KB (a fragment); chosen by hand, not calibrated
    return bool(_TAG.search(head)) and head.lstrip().startswith("<") or len(_TAG.findall(head)) >= 3


_PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
)
_UPDATED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "lastmod", "last-modified")


def _page_dates(tree) -> tuple[str | None, str | None]:
    """(published, updated) from <meta> tags, itemprops and <time datetime>."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value:
            found.setdefault(key, value)
    for el in tree.xpath("//*[@itemprop][@datetime or @content]"):
        found.setdefault(el.get("itemprop").lower(), (el.get("datetime") or el.get("content")).strip())
    times = tree.xpath("//time[@datetime]")
    if times:
        found.setdefault("time", times[0].get("datetime").strip())

    def first(keys):
        for k in keys:
            if k in found and (v := normalise_date(found[k])):
                return v
        return None

    return first(_PUBLISHED_KEYS + ("time",)), first(_UPDATED_KEYS)


_BLOCKS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "figcaption", "pre", "td")
_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg")


def _fallback_text(tree) -> str:
    """The page's paragraphs, one a line, when trafilatura returns nothing."""
    for bad in tree.xpath("|".join(f"//{t}" for t in _DROP)):
        bad.drop_tree()
    blocks = [re.sub(r"\s+", " ", el.text_content()).strip() for el in tree.iter(*_BLOCKS)]
    blocks = [b for b in blocks if b]
    if not blocks:  # no block tags at all: the page's text as it stands
        body = tree.find(".//body")
        blocks = [
            ln.strip()
            for ln in (body if body is not None else tree).text_content().splitlines()
            if ln.strip()
        ]
    return "\n".join(blocks)


def read_html(html: str, source: str | None = None) -> tuple[str, Meta]:
    """(body text, metadata) of an HTML page; raises HTMLError when it holds no text."""
    import lxml.html
    import trafilatura

    try:
        tree = lxml.html.document_fromstring(html)
    except Exception as exc:  # noqa: BLE001 - lxml raises ParserError, ValueError on some pages
        raise HTMLError(
            "HTML could not be parsed", source=source, detail=str(exc) or type(exc).__name__
        ) from None
    published, updated = _page_dates(tree)
    try:
        doc = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
        )
    except Exception:  # noqa: BLE001 - trafilatura fails on some broken pages: use our fallback
        doc = None
    get = (
        (doc.get if isinstance(doc, dict) else (lambda k, d=None: getattr(doc, k, d)))
        if doc is not None
        else (lambda k, d=None: d)
    )
    text = get("text") or ""
    if not text.strip():
        text = _fallback_text(tree)
    if not text.strip():
        raise HTMLError(
            "no article text found in the HTML page",
            source=source,
            detail="neither trafilatura nor the page's paragraphs gave any text",
        )
    author = get("author")
    authors = tuple(a.strip() for a in re.split(r";|\band\b|,", author) if a.strip()) if author else ()
    title = get("title")
    if not title:
        t = tree.find(".//title")
        title = t.text_content().strip() if t is not None and t.text_content().strip() else None
    date = get("date")
    meta = Meta(
        headline=headline_without_site(title, get("sitename"), get("url") or get("hostname")),
        publisher=get("sitename") or get("hostname"),
        url=get("url"),
        published=published or (normalise_date(date) if date else None),
        updated=updated,
        authors=authors,
        language=None,
    )
    return text, meta
