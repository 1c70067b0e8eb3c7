"""Claim extraction: ``extract(text, lang) -> list[Claim]``.

Placeholder first extractor (digits only); the rule engine replaces it behind the same boundary.
"""

from __future__ import annotations

import re

import polars as pl

from tracker.models import Claim

EXTRACTOR_VERSION = "0.0.1"

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def extract(text: str, lang: str | None = None) -> list[Claim]:
    claims = []
    for m in _NUMBER.finditer(text or ""):
        raw = m.group().replace(".", "").replace(",", "") if lang == "de" else m.group()
        try:
            value = float(raw.replace(",", ""))
        except ValueError:
            continue
        claims.append(Claim(m.group(), m.start(), m.end(), value, value, "point", lang=lang or "und"))
    return claims


def extract_frame(text: str, lang: str | None = None) -> pl.DataFrame:
    return pl.DataFrame([c.to_dict() for c in extract(text, lang)])
