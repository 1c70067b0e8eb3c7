"""Showing article text safely: everything escaped, links only to http(s) addresses."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address with a host, else None (no javascript:, file:, ...)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


# Every ASCII punctuation character may be backslash-escaped in Markdown (CommonMark 2.4); the
# ones escaped here open syntax in Streamlit's Markdown: emphasis, code, links, headings, lists,
# tables, HTML, colour directives (":red[...]"), LaTeX ("$"), strike-through, entities.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>:~$=^&\"'])")


def escape_markdown(text: str) -> str:
    """``text`` as Markdown that shows every character as written (no HTML needed, so the page
    need not load an HTML renderer); line breaks become spaces."""
    return _MARKDOWN_SYNTAX.sub(r"\\\1", " ".join(text.splitlines()))


def _marked(sentence: str, quote: str, start: int | None, escape: Callable[[str], str],
            opening: str, closing: str) -> str:
    """``sentence`` escaped with ``escape``, the quote between ``opening`` and ``closing``:
    at ``start`` when the quote is there, else at its first occurrence, else not marked."""
    at = start if start is not None and sentence[start : start + len(quote)] == quote else -1
    if at < 0:
        at = sentence.find(quote) if quote else -1
    if at < 0:
        return escape(sentence)
    end = at + len(quote)
    return (escape(sentence[:at]) + opening + escape(sentence[at:end]) + closing
            + escape(sentence[end:]))


def highlight_markdown(sentence: str, quote: str, start: int | None = None) -> str:
    """The sentence as escaped Markdown with the quoted number on a highlighted background
    (Streamlit's ``:orange-background[...]``); as :func:`highlight` without HTML."""
    return _marked(sentence, quote, start, escape_markdown, ":orange-background[", "]")


def highlight(sentence: str, quote: str, start: int | None = None) -> str:
    """The sentence as escaped HTML with the quoted number in ``<mark>``.

    ``start`` is the quote's offset in the sentence when known; else the first occurrence.
    """
    return _marked(sentence, quote, start, html.escape, "<mark>", "</mark>")


def highlight_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Escaped HTML of ``text`` with each (start, end) span marked; overlaps are skipped."""
    out, cursor = [], 0
    for start, end in sorted(spans):
        if start < cursor or end > len(text) or start >= end:
            continue
        out += [html.escape(text[cursor:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out).replace("\n", "<br>")


def bracket_quote(sentence: str, quote: str) -> str:
    """Plain-text highlight for tables (which show no HTML): the number in ⟦ ⟧."""
    at = sentence.find(quote) if quote else -1
    if at < 0:
        return sentence
    return f"{sentence[:at]}⟦{quote}⟧{sentence[at + len(quote):]}"



def claims_phrase(count: int) -> str:
    """ "1 claim has" / "12 claims have": the subject of a note about undated claims."""
    return f"{count} claim has" if count == 1 else f"{count} claims have"
