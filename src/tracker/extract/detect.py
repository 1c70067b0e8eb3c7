"""Language detection among the languages with a ``lang/`` folder; one lingua detector, built
lazily once, used by the extractor and by ingest alike."""

from __future__ import annotations

import functools
import re
from typing import Any

from tracker.extract.lexicon import UNDETERMINED, function_words, supported_languages

_SAMPLE_CHARS = 2000
_MIN_LETTERS = 12
# Strict detection (a whole article, which may be in any language): a text of fewer words, or
# with few function words (lang/<code>/language.toml) of any supported language, is in none of
# them, whatever lingua says when it may only choose among them.
_MIN_WORDS = 5
_MIN_FUNCTION_WORD_SHARE = 0.08
_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def lingua_detector() -> Any:
    """The one lingua detector of the process, built for the supported languages only: ~0.2 s
    and ~110 MB for two (all languages take ~13 s, 0.9 GB)."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [
        Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in supported_languages()
    ]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def _reads_as_supported(sample: str) -> bool:
    words = _WORD.findall(sample)
    if len(words) < _MIN_WORDS:
        return False
    known = function_words()
    share = sum(1 for w in words if w.lower() in known) / len(words)
    return share >= _MIN_FUNCTION_WORD_SHARE


def detect_language(text: str, *, strict: bool = False) -> str:
    """A supported language's code, or "und" when the text has too few letters to tell.

    ``strict`` for a whole text that may be in any language (ingest): it must also have a few
    words and enough function words of a supported language, else it is "und" too. Without it
    (``extract(text)``, text expected in a supported language) a short sentence full of names
    and numbers is still detected.
    """
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return UNDETERMINED
    if strict and not _reads_as_supported(sample):
        return UNDETERMINED
    confidences = lingua_detector().compute_language_confidence_values(sample)
    if not confidences or confidences[0].value < 0.5:
        return UNDETERMINED
    return confidences[0].language.iso_code_639_1.name.lower()
