"""Metadata inferred offline: outlet from the address, date from the address, language from text
(the extractor's detector, ``tracker.extract.detect.detect_language``)."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from tracker.errors import InputError
from tracker.extract import detect
from tracker.extract.lexicon import UNDETERMINED, language_names

_DATE_IN_URL = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)"
)


def normalise_lang(value: str | None) -> str:
    """A supported language's code from its code or a spelling listed in its language.toml
    ("deutsch", "eng"); anything else is 'und' (no extraction rules for it)."""
    if not value:
        return UNDETERMINED
    return language_names().get(value.strip().lower(), UNDETERMINED)


@lru_cache(maxsize=1)
def _tld_extractor() -> Any:
    import tldextract

    # No suffix-list URLs and no cache dir: the snapshot bundled with tldextract, never the network.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def outlet_from_url(url: str | None) -> str | None:
    """The registered domain: ``news.bbc.co.uk`` -> ``bbc.co.uk``; None without a usable host."""
    if not url:
        return None
    parts = _tld_extractor()(url)
    domain = parts.top_domain_under_public_suffix
    return domain.lower() if domain else None


def parse_date(value: str | date | None, source: str) -> date | None:
    """An ISO date (a timestamp is cut to its date); InputError naming ``source`` otherwise."""
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        reason = f"published {text!r} is not a date (expected YYYY-MM-DD)"
        raise InputError(source, reason) from None


def date_from_url(url: str | None) -> date | None:
    """A date written in the address path (``/2024/11/05/``, ``20241105``), if it is a real day."""
    if not url:
        return None
    for match in _DATE_IN_URL.finditer(url):
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            continue
    return None


def detect_language(text: str) -> str:
    """The language of an article (any language may come in): the extractor's detector, strict;
    'und' for short texts and for languages without rules."""
    return detect.detect_language(text, strict=True)


__all__ = [
    "UNDETERMINED",
    "date_from_url",
    "detect_language",
    "normalise_lang",
    "outlet_from_url",
    "parse_date",
]
