"""Metadata inferred offline: outlet from the address, date from the address, language from text."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from tracker.errors import InputError
from tracker.extract.detect import lingua_detector

LANGS = ("de", "en")
UNDETERMINED = "und"
_LANG_ALIASES = {
    "de": "de", "deu": "de", "ger": "de", "german": "de", "deutsch": "de",
    "en": "en", "eng": "en", "english": "en", "englisch": "en",
}
_DATE_IN_URL = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)"
)
# Function words: a text with few of them is neither German nor English, whatever lingua says
# when it may only choose between the two.
_FUNCTION_WORDS = frozenset(
    {
        "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "des", "ein",
        "eine", "einer", "zu", "im", "sich", "auf", "für", "auch", "als", "wie", "bei", "nach",
        "aus", "wird", "hat", "sind", "wurde", "werden", "noch", "nur", "oder", "aber", "dass",
        "the", "of", "and", "to", "in", "is", "that", "for", "it", "as", "was", "with", "be", "by",
        "on", "not", "are", "from", "at", "this", "have", "has", "had", "were", "which", "an", "or",
        "but", "their", "they", "been", "will", "would", "its", "said"
    }
)
_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS_FOR_LANGUAGE = 5
MIN_FUNCTION_WORD_SHARE = 0.08
LANGUAGE_SAMPLE_CHARS = 4000


def normalise_lang(value: str | None) -> str:
    """'de' / 'en' from common spellings; anything else is 'und' (no extraction rules for it)."""
    if not value:
        return UNDETERMINED
    return _LANG_ALIASES.get(value.strip().lower(), UNDETERMINED)


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
    """'de' or 'en' when the text clearly is one of them, else 'und' (short or other language)."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return UNDETERMINED
    share = sum(1 for w in words if w in _FUNCTION_WORDS) / len(words)
    if share < MIN_FUNCTION_WORD_SHARE:
        return UNDETERMINED
    language = lingua_detector().detect_language_of(sample)
    if language is None:
        return UNDETERMINED
    return {"GERMAN": "de", "ENGLISH": "en"}.get(language.name, UNDETERMINED)
