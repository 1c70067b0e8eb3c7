"""Inputs found by fuzzing (make fuzz) that once raised: the extractor never raises on text."""

from __future__ import annotations

import math

import pytest

from tracker.extract import extract, find_numbers

HOSTILE = [
    "9" * 400 + " 1/2",  # a fraction whose whole part overflows a float (found by atheris)
    "9" * 5000,  # beyond Python's int-from-string digit limit
    "1" * 400 + "/" + "0" * 3,
    "0/0 Soldaten",
    "1e999 troops",
    "½" * 50,
    "9" * 400 + " ½",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
@pytest.mark.parametrize("lang", ["de", "en", None])
def test_hostile_numbers_never_raise_and_values_are_finite(text: str, lang: str | None) -> None:
    for claim in extract(text, lang):
        assert text[claim.start : claim.end] == claim.text
        for value in (claim.low, claim.high):
            assert value is None or math.isfinite(value)
    for mention in find_numbers(text, lang):
        assert mention.value is None or math.isfinite(mention.value)
