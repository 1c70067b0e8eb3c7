"""Claim extraction: ``extract(text, lang) -> list[Claim]`` and ``extract_frame`` for polars.

The engine (``engine.py``) knows no language; everything about German and English lives in
``lang/<code>/*.toml`` and is loaded, validated and compiled once per process.
"""

from __future__ import annotations

import polars as pl

from tracker.errors import ConfigError
from tracker.extract.detect import UNDETERMINED, detect_language
from tracker.extract.engine import NumberMention, extract_claims, number_mentions
from tracker.extract.lexicon import load_lexicon, supported_languages
from tracker.models import Claim, claim_polars_schema

EXTRACTOR_VERSION = "1.26.0"

# The Claim dataclass's fields, in order (tracker.models declares them once).
CLAIM_SCHEMA: dict[str, pl.DataType] = claim_polars_schema()


def languages() -> tuple[str, ...]:
    """The languages with rules: one folder each in ``lang/`` ("und", the neutral fallback for
    any other language, is not one of them)."""
    return supported_languages()


def resolve_language(text: str, lang: str | None) -> str:
    """The language whose rules apply: as given, detected when None, "und" when unsupported."""
    code = detect_language(text) if lang is None or lang == "auto" else lang.lower()
    return code if code in supported_languages() else UNDETERMINED


def extract(text: str, lang: str | None = None) -> list[Claim]:
    """Every numeric claim in ``text``; ``lang`` is one of ``languages()`` or None to detect it.

    Never raises on strange text: anything that is not a str is treated as empty.
    """
    if not isinstance(text, str) or not text:
        return []
    lexicon = load_lexicon(resolve_language(text, lang))
    try:
        return extract_claims(text, lexicon)
    except ConfigError:
        raise
    except RecursionError:  # pragma: no cover - defensive: the engine has no recursion
        return []


def find_numbers(text: str, lang: str | None = None) -> list[NumberMention]:
    """The number layer: every number in ``text`` (fractions, powers, the article "one"
    included) with its value and, in ``reason``, why it is not a claim (None: a candidate)."""
    if not isinstance(text, str) or not text:
        return []
    return number_mentions(text, load_lexicon(resolve_language(text, lang)))


def extract_frame(text: str, lang: str | None = None) -> pl.DataFrame:
    """One row per claim with the Claim fields as columns (an empty frame keeps the schema)."""
    rows = [claim.to_dict() for claim in extract(text, lang)]
    return pl.DataFrame(rows, schema=CLAIM_SCHEMA, orient="row" if not rows else None)


__all__ = [
    "CLAIM_SCHEMA",
    "EXTRACTOR_VERSION",
    "NumberMention",
    "extract",
    "extract_frame",
    "find_numbers",
    "languages",
    "resolve_language",
]
