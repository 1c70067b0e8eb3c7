"""Ingesting a web address the user names on the command line: the only network access tracker
makes. The page is downloaded once and read like a file of its type."""

from __future__ import annotations

import urllib.error
import urllib.request

from tracker.errors import InputError
from tracker.ingest.metadata import date_from_url, outlet_from_url
from tracker.ingest.records import FileResult, Overrides

MAX_DOWNLOAD_BYTES = 20 << 20
TIMEOUT_SECONDS = 30
USER_AGENT = "tracker/0.1 (+https://github.com/; news claims tracker)"


def is_url(value: object) -> bool:
    return str(value).lower().startswith(("http://", "https://"))


def download(url: str) -> tuple[bytes, str]:
    """The body and content type at ``url``; InputError for anything that goes wrong."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read(MAX_DOWNLOAD_BYTES + 1)
            content_type = response.headers.get_content_type()
    except urllib.error.HTTPError as err:
        raise InputError(url, f"cannot fetch (HTTP {err.code} {err.reason})") from None
    except (urllib.error.URLError, TimeoutError, ValueError, OSError) as err:
        reason = getattr(err, "reason", None) or err
        raise InputError(url, f"cannot fetch ({reason})") from None
    if len(body) > MAX_DOWNLOAD_BYTES:
        raise InputError(url, f"larger than {MAX_DOWNLOAD_BYTES >> 20} MB; download it first")
    return body, content_type


def _suffix(body: bytes, content_type: str) -> str:
    if content_type == "application/pdf" or body.startswith(b"%PDF"):
        return ".pdf"
    if content_type == "text/plain":
        return ".txt"
    return ".html"


def process_url(url: str, overrides: Overrides) -> FileResult:
    """Download ``url`` and read it like a file; the address fills in what the page leaves open."""
    from tracker.ingest.buffers import process_bytes

    try:
        body, content_type = download(url)
    except InputError as err:
        return FileResult(url, errors=[err])
    result = process_bytes(body, f"page{_suffix(body, content_type)}", overrides)
    for article in result.articles:
        article.path = url
        if article.url is None:
            article.url = url
            article.outlet = article.outlet or outlet_from_url(url)
            article.published = article.published or date_from_url(url)
    errors = [InputError(url, err.reason) for err in result.errors]
    return FileResult(url, result.articles, errors)
