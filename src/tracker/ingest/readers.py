"""One reader per file type. Each yields Articles (metadata filled in, no claims yet) or, for a
bad part of a batch, an InputError naming ``file:line``; a bad file raises InputError."""

from __future__ import annotations

import csv
import json
import logging
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path
from typing import Any

from tracker.errors import InputError
from tracker.ingest.metadata import (
    date_from_url,
    detect_language,
    normalise_lang,
    outlet_from_url,
    parse_date,
)
from tracker.ingest.normalize import PrintNormalizer, normalize_print_text
from tracker.ingest.records import Overrides
from tracker.ingest.textio import open_text
from tracker.models import Article

# A text longer than this is stored as consecutive parts split at paragraph breaks, so one huge
# file is read, extracted and written in bounded memory.
MAX_ARTICLE_CHARS = 1_000_000
HEADER_KEYS = {"url": "url", "outlet": "outlet", "published": "published", "date": "published",
               "title": "title", "language": "language", "lang": "language"}
_HEADER_LINE = re.compile(r"^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$")
_HEADER_END = "---"
MAX_TITLE_CHARS = 200
BATCH_FIELDS = ("text", "url", "outlet", "published", "title", "language")


@dataclass
class Meta:
    """Metadata as found in the file, before the command-line overrides."""

    url: str | None = None
    outlet: str | None = None
    published: Any = None
    title: str | None = None
    language: str | None = None


def build_article(text: str, meta: Meta, overrides: Overrides, source: str, path: str) -> Article:
    """Apply overrides, then infer what is still missing: outlet, date and language."""
    url = overrides.url or meta.url or None
    published = overrides.published or parse_date(meta.published, source)
    lang = overrides.lang or (normalise_lang(meta.language) if meta.language else None)
    return Article(
        text=text,
        url=url,
        outlet=overrides.outlet or meta.outlet or outlet_from_url(url),
        published=published or date_from_url(url),
        title=overrides.title or meta.title or None,
        lang=lang or detect_language(text),
        path=path,
    )


def split_header(lines: Iterator[str]) -> tuple[Meta, list[str]]:
    """Read an optional header of ``key: value`` lines ended by a ``---`` line (it may also open
    with one). Keys other than HEADER_KEYS are ignored, but at least one must be known.
    Returns the metadata and the lines read that belong to the body (none after a header)."""
    seen: list[str] = []
    meta, known = Meta(), 0
    for line in lines:
        seen.append(line)
        stripped = line.strip()
        if stripped == _HEADER_END:
            if len(seen) == 1:  # front matter that opens with '---'
                continue
            return (meta, []) if known else (Meta(), seen)
        match = _HEADER_LINE.match(line)
        if not stripped or not match:
            return Meta(), seen
        key = match.group(1).lower()
        if key in HEADER_KEYS:
            setattr(meta, HEADER_KEYS[key], match.group(2) or None)
            known += 1
    return Meta(), seen


def read_text_file(path: Path, overrides: Overrides) -> Iterator[Article]:
    """A .txt/.md article: optional header, then print text (normalised, split when huge)."""
    source = str(path)
    with open_text(path) as handle:
        meta, body_start = split_header(iter(handle))
        normalizer = PrintNormalizer()
        paragraphs = normalizer.paragraphs(chain(body_start, handle))
        parts = _parts(paragraphs, MAX_ARTICLE_CHARS)
        first = next(parts, None)
        if first is None:
            raise InputError(source, "no text (only a header or page furniture)")
        meta.url = meta.url or (normalizer.urls[0] if normalizer.urls else None)
        meta.title = meta.title or _title_from(first)
        following = next(parts, None)
        if following is None:
            yield build_article(first, meta, overrides, source, source)
            return
        yield from _numbered_parts(chain([first, following], parts), meta, overrides, source)


def _numbered_parts(
    parts: Iterable[str], meta: Meta, overrides: Overrides, source: str
) -> Iterator[Article]:
    title = overrides.title or meta.title or Path(source).name
    for number, text in enumerate(parts, start=1):
        part_meta = Meta(meta.url, meta.outlet, meta.published, f"{title} (part {number})",
                         meta.language)
        yield build_article(text, part_meta, replace(overrides, title=None),
                            f"{source} part {number}", source)


def _parts(paragraphs: Iterable[str], limit: int) -> Iterator[str]:
    """Join paragraphs with blank lines into texts of at most about ``limit`` characters."""
    chunk: list[str] = []
    size = 0
    for paragraph in paragraphs:
        if chunk and size + len(paragraph) > limit:
            yield "\n\n".join(chunk)
            chunk, size = [], 0
        chunk.append(paragraph)
        size += len(paragraph) + 2
    if chunk:
        yield "\n\n".join(chunk)


def _title_from(text: str) -> str | None:
    """The first paragraph when it is short and not a sentence: a headline."""
    first = text.split("\n", 1)[0].lstrip("# ").strip()
    if first and len(first) <= MAX_TITLE_CHARS and not first.endswith("."):
        return first
    return None


def read_html_file(path: Path, overrides: Overrides) -> Iterator[Article]:
    """Main text, title, date and canonical address via trafilatura (htmldate for the date)."""
    source = str(path)
    data = _read_bytes(path)
    if not data.strip():
        raise InputError(source, "empty file")
    import trafilatura

    found = trafilatura.extract(data, output_format="json", with_metadata=True,
                                include_comments=False, url=overrides.url)
    record = json.loads(found) if found else {}
    text = "\n\n".join(line.strip() for line in (record.get("text") or "").splitlines()
                       if line.strip())
    if not text:
        raise InputError(source, "no article text found in the HTML page")
    published = record.get("date") or _htmldate(data)
    meta = Meta(url=record.get("source") or None, title=record.get("title") or None,
                published=published, language=record.get("language"))
    yield build_article(text, meta, overrides, source, source)


def _htmldate(data: bytes) -> str | None:
    from htmldate import find_date

    try:
        return find_date(data.decode("utf-8", errors="replace"), extensive_search=False)
    except (ValueError, TypeError):
        return None


def read_pdf_file(path: Path, overrides: Overrides) -> Iterator[Article]:
    """The text layer of a PDF, normalised like print text."""
    source = str(path)
    pages = _pdf_pages(path)
    normalizer = PrintNormalizer()
    lines = chain.from_iterable(page.splitlines() + [""] for page in pages)
    text = "\n\n".join(normalizer.paragraphs(lines))
    if not text.strip():
        raise InputError(source, "the PDF has no text layer (a scan?): run OCR on it first")
    meta = Meta(url=normalizer.urls[0] if normalizer.urls else None, title=_title_from(text))
    yield build_article(text, meta, overrides, source, source)


def _pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - 1024))
        if b"%%EOF" not in handle.read():
            # pypdf would guess its way through a cut-off file and return part of the text.
            raise InputError(str(path), "not a readable PDF (truncated: no end-of-file marker)")
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            raise InputError(str(path), "the PDF is encrypted")
        return [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError,
            RecursionError, AssertionError, IndexError, ZeroDivisionError) as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise InputError(str(path), f"not a readable PDF ({reason})") from None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise InputError(str(path), f"cannot read ({err.strerror or err})") from None


def _batch_article(
    row: dict[str, Any], overrides: Overrides, source: str, path: str
) -> Article:
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, "no 'text' field with text in it")
    meta = Meta()
    for name in BATCH_FIELDS[1:]:
        value = row.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(source, f"field {name!r} must be a string")
        setattr(meta, name, value or None)
    body = normalize_print_text(text)
    if not body:
        raise InputError(source, "'text' holds no text")
    return build_article(body, meta, overrides, source, path)


def read_jsonl_file(path: Path, overrides: Overrides) -> Iterator[Article | InputError]:
    """One JSON object per line; a bad line is reported as ``file:line`` and the rest continues."""
    with open_text(path) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            source = f"{path}:{number}"
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise InputError(source, "not a JSON object")
                yield _batch_article(row, overrides, source, str(path))
            except json.JSONDecodeError as err:
                yield InputError(source, f"not valid JSON ({err.msg} at column {err.colno})")
            except InputError as err:
                yield err


def read_csv_file(path: Path, overrides: Overrides) -> Iterator[Article | InputError]:
    """A CSV with a header row naming at least ``text``; one article per row."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open_text(path) as handle:
        reader = csv.DictReader(handle)
        try:
            if not reader.fieldnames or "text" not in reader.fieldnames:
                raise InputError(str(path), "CSV header has no 'text' column")
            for row in reader:
                source = f"{path}:{reader.line_num}"
                try:
                    yield _batch_article(row, overrides, source, str(path))
                except InputError as err:
                    yield err
        except csv.Error as err:
            yield InputError(f"{path}:{reader.line_num}", f"malformed CSV ({err})")


Reader = Callable[[Path, Overrides], Iterator[Any]]
READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".md": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".pdf": read_pdf_file,
    ".jsonl": read_jsonl_file,
    ".csv": read_csv_file,
}
