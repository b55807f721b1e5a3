"""The inputs of ``according batch`` as a stream of unread articles, each with its ledger key.

Formats (by name; folders are walked recursively in sorted order, hidden entries skipped):

- ``.jsonl`` / ``.ndjson`` and their ``.gz``: one article a line, exactly as ``analyze`` reads
  them (the worker calls :func:`according.ingest.readers.read_jsonl` on the line, with its line
  number, so ids, errors and records are those of ``analyze --format jsonl``);
- ``.txt`` / ``.md`` / ``.html`` / ``.htm`` and ``.html.gz``: one article a file; in a folder its
  id is the path below the folder without the suffix, as ``analyze`` names it;
- Parquet (``.parquet``; a folder's Parquet files are read in name order): columns ``id``, ``text`` or
  ``html``, optional ``url``, ``published``, ``headline``, ``publisher``;
- WARC (``.warc``, ``.warc.gz``, via warcio): every ``response`` record with an HTML payload is an
  article: id = its ``WARC-Record-ID``, url = ``WARC-Target-URI``; the crawl date
  (``WARC-Date``) is the publication date only when the page itself gives none.

The parent only splits the input into items (and parses a JSON line for its id); reading an
article (decoding, HTML extraction, furniture, language) happens in the worker.

``input_hash`` is the SHA-256 of everything that decides an article's record: its bytes, the
fields given beside them, the model and the GeoNames dump. An article whose (id, input_hash)
is in the ledger is not analysed again; an edited article (same id, new bytes) is.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import AccordingError, InputTooLargeError, RecordError
from ..ingest import Document, Unreadable
from ..ingest.readers import HTML_SUFFIXES, JSONL_SUFFIXES, MAX_BYTES, TEXT_SUFFIXES
from ..settings import Settings

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_GZ_SUFFIXES = tuple(s + ".gz" for s in sorted(HTML_SUFFIXES))
JSONL_GZ_SUFFIXES = tuple(s + ".gz" for s in sorted(JSONL_SUFFIXES))
PARQUET_SUFFIXES = (".parquet",)
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class RawArticle:
    """One article not read yet."""

    id: str
    data: str | bytes
    format: str | None = None  # "text", "html" or None (detect, as for a .txt file)
    url: str | None = None
    published: str | None = None  # given (wins over the page's own date)
    fallback_published: str | None = None  # used only when the page gives no date (WARC-Date)
    headline: str | None = None
    publisher: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class JsonlLine:
    """One line of a JSONL archive, read by the worker exactly as ``analyze`` reads it."""

    id: str
    line: bytes
    source: str
    number: int
    published: str | None = None


@dataclass(frozen=True)
class Keyed:
    """An input item with its ledger key."""

    id: str
    input_hash: str
    item: RawArticle | JsonlLine | Unreadable


def read_item(item: RawArticle | JsonlLine | Document | Unreadable) -> Document | Unreadable:
    """Turn an item into what the analysis takes (in the worker)."""
    if isinstance(item, (Document, Unreadable)):
        return item
    from ..ingest.readers import read_document, read_jsonl

    if isinstance(item, JsonlLine):
        got = list(read_jsonl([item.line], item.source, item.published, start=item.number))
        return got[0] if got else Unreadable(item.id, "", RecordError("empty line", source=item.source))
    from dataclasses import replace

    from ..ingest.metadata import normalise_date
    from ..model import Meta

    meta = Meta(headline=item.headline, publisher=item.publisher)
    try:
        doc = read_document(
            item.data,
            format=item.format,
            url=item.url,
            published=item.published,
            id=item.id,
            source=item.source,
            meta=meta,
        )
    except AccordingError as exc:
        return Unreadable(item.id, "", exc)
    if doc.meta.published is None and item.fallback_published:
        doc = replace(doc, meta=replace(doc.meta, published=normalise_date(item.fallback_published)))
    return doc


def _hash(settings: Settings, *parts: str | bytes | None) -> str:
    h = hashlib.sha256()
    for part in (settings.model, settings.geonames or "", *parts):
        data = (
            part if isinstance(part, bytes) else ("\x00" if part is None else part).encode("utf-8", "replace")
        )
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _keyed_raw(raw: RawArticle, settings: Settings) -> Keyed:
    return Keyed(
        raw.id,
        _hash(
            settings,
            raw.data,
            raw.format,
            raw.url,
            raw.published,
            raw.fallback_published,
            raw.headline,
            raw.publisher,
        ),
        raw,
    )


def _unreadable(doc_id: str, error: AccordingError, settings: Settings) -> Keyed:
    return Keyed(doc_id, _hash(settings, "unreadable", str(error)), Unreadable(doc_id, "", error))


def _name_has(path: Path, suffixes: tuple[str, ...] | set[str]) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) for s in suffixes)


def known(path: Path) -> bool:
    return _name_has(
        path,
        tuple(TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES)
        + WARC_SUFFIXES
        + HTML_GZ_SUFFIXES
        + JSONL_GZ_SUFFIXES
        + PARQUET_SUFFIXES,
    )


def read_jsonl_file(path: Path, settings: Settings, published: str | None = None) -> Iterator[Keyed]:
    source = str(path)
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            doc_id = f"{source}#{n}"
            try:
                obj = json.loads(line)
                if isinstance(obj, dict) and obj.get("id") is not None:
                    doc_id = str(obj["id"])  # the id rule of read_jsonl
            except (ValueError, UnicodeDecodeError):
                pass  # the worker records why
            yield Keyed(
                doc_id,
                _hash(settings, "jsonl", line, published),
                JsonlLine(doc_id, line, source, n, published),
            )


def _bounded_read(path: Path, gzipped: bool) -> bytes:
    if gzipped:
        with gzip.open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    else:
        data = path.read_bytes() if path.stat().st_size <= MAX_BYTES else b"\x00" * (MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputTooLargeError(
            f"file is over {MAX_BYTES:,} bytes, the limit for one article",
            source=str(path),
            detail="split it, or give a JSONL archive with one article a line",
        )
    return data


def read_article_file(path: Path, doc_id: str, settings: Settings, published: str | None = None) -> Keyed:
    gz = path.name.lower().endswith(".gz")
    fmt = "html" if _name_has(path, tuple(HTML_SUFFIXES) + HTML_GZ_SUFFIXES) else None
    try:
        data = _bounded_read(path, gz)
    except AccordingError as exc:
        return _unreadable(doc_id, exc, settings)
    except (OSError, EOFError) as exc:
        return _unreadable(
            doc_id, AccordingError("cannot read file", source=str(path), detail=str(exc)), settings
        )
    return _keyed_raw(RawArticle(doc_id, data, fmt, published=published, source=str(path)), settings)


def _text(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def read_parquet(path: Path, settings: Settings, published: str | None = None) -> Iterator[Keyed]:
    import pyarrow.parquet as pq

    for f in (path,):
        pf = pq.ParquetFile(f)
        names = set(pf.schema_arrow.names)
        if "text" not in names and "html" not in names:
            yield _unreadable(
                str(f),
                RecordError("Parquet file has neither a 'text' nor an 'html' column", source=str(f)),
                settings,
            )
            continue
        cols = [c for c in ("id", "text", "html", "url", "published", "headline", "publisher") if c in names]
        row_no = 0
        for batch in pf.iter_batches(batch_size=256, columns=cols):
            for row in batch.to_pylist():
                row_no += 1
                doc_id = str(row["id"]) if row.get("id") is not None else f"{f}#{row_no}"
                body, html = row.get("text"), row.get("html")
                if not isinstance(body, str) and not isinstance(html, str):
                    yield _unreadable(
                        doc_id,
                        RecordError("row has neither 'text' nor 'html'", source=f"{f}#{row_no}"),
                        settings,
                    )
                    continue
                given = _text(row.get("published"))
                raw = RawArticle(
                    doc_id,
                    body if isinstance(body, str) else html,
                    "text" if isinstance(body, str) else "html",
                    url=_text(row.get("url")),
                    published=published or given,
                    headline=_text(row.get("headline")),
                    publisher=_text(row.get("publisher")),
                    source=f"{f}#{row_no}",
                )
                yield _keyed_raw(raw, settings)


def read_warc(path: Path, settings: Settings, published: str | None = None) -> Iterator[Keyed]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
            status = record.http_headers.get_statuscode()
            if ctype not in HTML_TYPES or status != "200":
                continue
            doc_id = record.rec_headers.get_header("WARC-Record-ID") or ""
            data = record.content_stream().read(MAX_BYTES + 1)
            url = record.rec_headers.get_header("WARC-Target-URI")
            if len(data) > MAX_BYTES:
                err = InputTooLargeError(
                    f"page is over {MAX_BYTES:,} bytes, the limit for one article", source=url
                )
                yield _unreadable(doc_id, err, settings)
                continue
            raw = RawArticle(
                doc_id,
                data,
                "html",
                url=url,
                published=published,
                fallback_published=record.rec_headers.get_header("WARC-Date"),
                source=f"{path}:{url}",
            )
            yield _keyed_raw(raw, settings)


def read_inputs(paths: list[str], settings: Settings, published: str | None = None) -> Iterator[Keyed]:
    """Every article of every input, in order."""
    for p in paths:
        path = Path(p)
        if not path.exists():
            yield _unreadable(path.stem, AccordingError("no such file or folder", source=p), settings)
        elif path.is_dir():
            for f in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in f.relative_to(path).parts)
                if f.is_file() and not hidden and known(f):
                    yield from _read_one(f, f.relative_to(path).as_posix(), settings, published)
        else:
            yield from _read_one(path, path.name, settings, published)


def _strip_suffix(name: str) -> str:
    lower = name.lower()
    for s in HTML_GZ_SUFFIXES:
        if lower.endswith(s):
            return name[: -len(s)]
    return name.rsplit(".", 1)[0] if "." in name.rsplit("/", 1)[-1] else name


def _read_one(path: Path, rel: str, settings: Settings, published: str | None) -> Iterator[Keyed]:
    if _name_has(path, tuple(JSONL_SUFFIXES) + JSONL_GZ_SUFFIXES):
        yield from read_jsonl_file(path, settings, published)
    elif _name_has(path, WARC_SUFFIXES):
        yield from read_warc(path, settings, published)
    elif _name_has(path, PARQUET_SUFFIXES):
        yield from read_parquet(path, settings, published)
    else:
        yield read_article_file(path, _strip_suffix(rel), settings, published)
