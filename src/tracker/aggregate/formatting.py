"""Numbers as a reader of one locale writes them ("11.000" in German, "11,000" in English).

Used for every text the comparison makes (tooltips, table values, outlier reasons) so that the
dashboard shows one format throughout; babel knows the locales' separators.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from babel.numbers import format_decimal

LOCALES: tuple[str, ...] = ("en", "de")


def format_number(value: float | None, locale: str = "en") -> str:
    """``value`` with the locale's separators; whole numbers without decimals, others with two
    at most; "?" for None."""
    if value is None:
        return "?"
    if isinstance(value, float) and value:  # charts write the same values again and again
        return _format_float(value, locale)
    return _format(value, locale)


def _format(value: float, locale: str) -> str:
    pattern = "#,##0" if float(value).is_integer() else "#,##0.##"
    return format_decimal(value, format=pattern, locale=locale if locale in LOCALES else "en")


@functools.lru_cache(maxsize=65536)
def _format_float(value: float, locale: str) -> str:
    """``_format`` of a non-zero float, kept (babel takes ~50 us a number; a view formats
    thousands; zero is left out, since -0.0 == 0.0 would share one entry)."""
    return _format(value, locale)


def number_formatter(locale: str = "en") -> Callable[[float | None], str]:
    """``format_number`` bound to one locale."""
    return lambda value: format_number(value, locale)


def default_locale(langs: list[str]) -> str:
    """The locale of the commonest of ``langs`` (one entry per claim, or the commonest alone)
    when it is one of ``LOCALES``, else "en"; ties go to the first seen."""
    known = [lang for lang in langs if lang in LOCALES]
    return max(dict.fromkeys(known), key=known.count) if known else "en"
