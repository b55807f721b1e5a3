"""Turn bytes, files, folders, stdin and JSONL archives into Documents.

Limits: one article may be at most ``MAX_BYTES`` (5 MB) once decoded. A news
article is rarely over 100 KB; the largest PolNeAR article is 40 KB. Anything
bigger is almost always a wrong file (a dump, a book), and the parse of a
5 MB text already needs ~2 GB of memory with the medium model, so larger
input is refused with a message naming the limit rather than risking a hang.
JSONL archives have no limit as a whole: the limit applies to each line.

Language: the analysis is English-only. A text that looks like another
language (``language.detect_language``) is still analysed, so a batch goes
on, but its record gets ``meta.language`` and an ``errors`` entry
``{"stage": "language", "message": "text looks like French (fr), not English; ..."}``.
It is a warning, not a failure: the CLI prints it and still exits 0.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..errors import (
    AccordingError,
    BinaryInputError,
    ConfigError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    RecordError,
)
from ..lang.languages import LANGUAGE_NAMES
from ..model import ErrorEntry, Meta
from ..views import without_invisible
from .document import Document, Unreadable
from .furniture import mark_furniture
from .html import looks_like_html, read_html
from .language import detect_language
from .metadata import merge_meta, normalise_date, on_the_urls_day

MAX_BYTES = 5_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def text_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def decode(data: bytes, source: str | None = None) -> str:
    """UTF-8 (BOM dropped); otherwise a confident detection; otherwise refuse."""
    return decode_noting(data, source)[0]


_ESCAPED = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of an invalid byte


def _utf8_damage(data: bytes) -> tuple[int, int, int]:
    """(invalid bytes, well-formed multi-byte characters, character offset of the
    first invalid byte) when ``data`` is read as UTF-8."""
    text = data.decode("utf-8", "surrogateescape")
    escaped = _ESCAPED.findall(text)
    first = _ESCAPED.search(text)
    multibyte = sum(1 for ch in text if ch > "\x7f") - len(escaped)
    return len(escaped), multibyte, (first.start() if first else -1)


def decode_noting(data: bytes, source: str | None = None) -> tuple[str, str | None]:
    """(text, warning): like :func:`decode`, and UTF-8 with a few invalid bytes is
    still read as UTF-8, each invalid byte a U+FFFD, with a warning saying so.

    "A few": at least one well-formed multi-byte UTF-8 character and no more
    invalid bytes than well-formed multi-byte characters. Text in a single-byte
    encoding (cp1252, latin-1) has almost no byte pair that is well-formed
    UTF-8, so it still goes to detection; seven stray bytes in a UTF-8 file
    full of curly quotes were detected as cp1125 ("“" read as "тАЬ") before.
    """
    if len(data) > MAX_BYTES:
        raise InputTooLargeError(
            f"input is {len(data):,} bytes; the limit for one article is {MAX_BYTES:,} bytes",
            source=source,
            detail="split the file, or give a JSONL archive with one article a line",
        )
    head = data[:8192]
    if b"\x00" in head and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 without a byte-order mark: (mostly ASCII) text has a NUL in
        # every other byte, on one side only; binary data has them anywhere.
        odd, even, half = head[1::2].count(0), head[0::2].count(0), len(head) // 2
        codec = (
            "utf-16-le"
            if odd > 0.3 * half and even == 0
            else "utf-16-be"
            if even > 0.3 * half and odd == 0
            else None
        )
        try:
            if codec is None:
                raise UnicodeDecodeError("binary", b"", 0, 1, "NUL bytes")
            return data.decode(codec), None
        except UnicodeDecodeError:
            raise BinaryInputError("input looks binary (NUL bytes), not text", source=source) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        utf8_error = exc
    invalid, multibyte, first = _utf8_damage(data)
    if multibyte >= max(invalid, 1):
        text = data.decode("utf-8", "replace")
        return text, (
            f"input is UTF-8 with {invalid:,} invalid byte{'s' if invalid > 1 else ''} (the first at "
            f"character {first:,}), read as U+FFFD (\ufffd); the rest is as written"
        )
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    # Below 0.2 "chaos" charset-normalizer's guesses are usually right for
    # single-byte Western encodings (cp1252, latin-1: the common non-UTF-8 news
    # exports); above it they are often arbitrary, so we refuse instead.
    if best is None or best.chaos > 0.2:
        raise EncodingError(
            "input is not UTF-8 and its encoding could not be detected with confidence; "
            "convert it to UTF-8 (e.g. iconv -f <encoding> -t UTF-8)",
            source=source,
            detail=str(utf8_error),
        )
    return str(best), None


# control characters other than tab, line feed, form feed and carriage return
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


def _check_text(text: str, source: str | None) -> str:
    if not text.strip():
        raise EmptyInputError("input is empty", source=source)
    if len(text) > MAX_BYTES:
        raise InputTooLargeError(
            f"input is {len(text):,} characters; the limit for one article is {MAX_BYTES:,}", source=source
        )
    bad = len(_CONTROL.findall(text, 0, 20000))
    if bad > 0.01 * min(len(text), 20000) + 5:
        raise BinaryInputError("input has many control characters; it does not look like text", source=source)
    return text


def read_document(
    data: str | bytes,
    *,
    format: str | None = None,
    published: str | None = None,
    url: str | None = None,
    id: str | None = None,
    source: str | None = None,
    meta: Meta | None = None,
) -> Document:
    """One article from a string or bytes. Raises InputError when it is not readable."""
    if format not in (None, "text", "html"):
        raise ConfigError(f"unknown input format {format!r}", detail="use 'text' or 'html'")
    if not isinstance(data, (str, bytes)):
        raise ConfigError(f"expected the article as str or bytes, got {type(data).__name__}")
    if isinstance(data, str) and len(data) > MAX_BYTES:  # before any scan of a huge string
        raise InputTooLargeError(
            f"input is {len(data):,} characters; the limit for one article is {MAX_BYTES:,}", source=source
        )
    warning = None
    if isinstance(data, bytes):
        text, warning = decode_noting(data, source)
    else:
        text = data
    is_html = format == "html" or (format is None and looks_like_html(text))
    given = Meta(url=url, published=normalise_date(published) if published else None)
    if meta is not None:
        given = merge_meta(meta, given)
    if is_html:
        _check_text(text, source)
        text, found = read_html(text, source=source)
        # the day of the page's timestamp, not another one (metadata.on_the_urls_day)
        found = replace(found, published=on_the_urls_day(found.published, url or found.url))
    else:
        found = Meta()
    _check_text(text, source)
    # The extracted text of an HTML page still holds captions and contributor
    # lines; the page's own metadata wins over what they say.
    errors: list[ErrorEntry] = [ErrorEntry(stage="encoding", message=warning)] if warning else []
    # zero-width characters do not change what is found (according.views)
    view = without_invisible(text)
    try:
        furniture, from_text = mark_furniture(view.text if view else text)
        if view is not None:
            furniture = [view.furniture_as_written(f) for f in furniture]
    except Exception as exc:  # noqa: BLE001 - a furniture bug costs the furniture, not the article
        furniture, from_text = [], Meta()
        errors.append(ErrorEntry(stage="furniture", message=f"{type(exc).__name__}: {exc}"))
    meta_out = merge_meta(given, merge_meta(found, from_text))
    lang = meta_out.language or detect_language(view.text if view else text)
    if meta_out.language is None:
        meta_out = replace(meta_out, language=lang)
    if lang != "en":
        errors.append(
            ErrorEntry(
                stage="language",
                message=(
                    f"text looks like {LANGUAGE_NAMES.get(lang, lang)} ({lang}), not English; the analysis is "
                    "English-only, so its results for this text are unreliable"
                ),
            )
        )
    return Document(
        id=id or text_id(text), text=text, meta=meta_out, furniture=tuple(furniture), errors=tuple(errors)
    )


def _jsonl_meta(obj: dict) -> Meta:
    m = obj["meta"] if isinstance(obj.get("meta"), dict) else {}

    def pick(key):
        v = obj.get(key, m.get(key))
        return v if isinstance(v, str) and v.strip() else None

    published = pick("published")
    return Meta(
        headline=pick("headline"),
        publisher=pick("publisher"),
        url=pick("url"),
        published=normalise_date(published) if published else None,
    )


def read_jsonl(
    lines, source: str, published: str | None = None, start: int = 1
) -> Iterator[Document | Unreadable]:
    """``start``: the line number of the first line (a batch worker reads one line of a file)."""
    for n, line in enumerate(lines, start):
        where = f"{source}:{n}"
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield Unreadable(
                    f"{source}#{n}", "", RecordError("line is not UTF-8", source=where, detail=str(exc))
                )
                continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise RecordError("line is not a JSON object", source=where)
        except json.JSONDecodeError as exc:
            yield Unreadable(
                f"{source}#{n}", "", RecordError("line is not valid JSON", source=where, detail=str(exc))
            )
            continue
        except RecordError as exc:
            yield Unreadable(f"{source}#{n}", "", exc)
            continue
        doc_id = str(obj.get("id")) if obj.get("id") is not None else f"{source}#{n}"
        body = obj.get("text") if isinstance(obj.get("text"), str) else None
        html = obj.get("html") if isinstance(obj.get("html"), str) else None
        if body is None and html is None:
            bad = [k for k in ("text", "html") if k in obj]
            why = f"'{bad[0]}' is not a string" if bad else "object has neither 'text' nor 'html'"
            yield Unreadable(doc_id, "", RecordError(why, source=where))
            continue
        try:
            yield read_document(
                body if body is not None else html,  # type: ignore[arg-type]  # (one of them is a str)
                format="text" if body is not None else "html",
                published=published,
                id=doc_id,
                source=where,
                meta=_jsonl_meta(obj),
            )
        except AccordingError as exc:
            keep = body if body is not None and not isinstance(exc, InputTooLargeError) else ""
            yield Unreadable(doc_id, keep, exc)


def _kind(path: Path, input_format: str | None) -> str:
    if input_format in ("text", "html", "jsonl"):
        return input_format
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "auto"


def read_file(
    path: Path, doc_id: str, input_format: str | None = None, published: str | None = None
) -> Iterator[Document | Unreadable]:
    kind = _kind(path, input_format)
    if kind == "jsonl":
        with open(path, "rb") as fh:
            yield from read_jsonl(fh, str(path), published)
        return
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputTooLargeError(
                f"file is {size:,} bytes; the limit for one article is {MAX_BYTES:,} bytes",
                source=str(path),
                detail="split it, or give a JSONL archive with one article a line",
            )
        data = path.read_bytes()
        yield read_document(
            data, format=None if kind == "auto" else kind, published=published, id=doc_id, source=str(path)
        )
    except AccordingError as exc:
        yield Unreadable(doc_id, "", exc)
    except OSError as exc:
        yield Unreadable(
            doc_id, "", AccordingError("cannot read file", source=str(path), detail=exc.strerror)
        )


def read_paths(
    paths: list[str], input_format: str | None = None, published: str | None = None
) -> Iterator[Document | Unreadable]:
    """Documents from files, folders (recursively, sorted) and ``-`` (stdin)."""
    for p in paths:
        if p == "-":
            if input_format == "jsonl":
                yield from read_jsonl(sys.stdin.buffer, "stdin", published)
                continue
            # One byte past the limit is enough to know it is too large;
            # the rest of a huge pipe is never read.
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
            try:
                if len(data) > MAX_BYTES:
                    raise InputTooLargeError(
                        f"input is over {MAX_BYTES:,} bytes, the limit for one article",
                        source=None,
                        detail="give a JSONL archive with one article a line",
                    )
                # source None: the record id says "stdin" already
                yield read_document(data, format=input_format, published=published, source=None)
            except AccordingError as exc:
                yield Unreadable("stdin", "", exc)
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in f.relative_to(path).parts)
                if (
                    f.is_file()
                    and not hidden
                    and (f.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES)
                ):
                    rel = f.relative_to(path).with_suffix("").as_posix()
                    yield from read_file(f, rel, input_format, published)
        elif path.exists():
            yield from read_file(path, path.stem, input_format, published)
        else:
            yield Unreadable(path.stem, "", AccordingError("no such file or folder", source=p))
