"""Amounts written with a scale in unusual places: a scale letter before a currency code
("120 MEUR", "MAUD 60"), a fraction of a scale word ("a quarter million"), and, in the number
layer only, scale letters after digits ("10G", "2.33 k").

Sentences written for these rules, not taken from any evaluation set or peer suite.
"""

from __future__ import annotations

import pytest

from tracker.extract import extract, find_numbers
from tracker.extract.negatives import Reason


def _claims(text: str, lang: str) -> list[tuple[str, float | None, float | None, str | None]]:
    return [(c.text, c.low, c.high, c.unit) for c in extract(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Revenue reached 120 MEUR last year.", "en", [("120 MEUR", 120e6, 120e6, "euro")]),
        ("The deal is worth 48.5 MGBP.", "en", [("48.5 MGBP", 48.5e6, 48.5e6, "pound")]),
        ("Sales were about MAUD 60.", "en", [("about MAUD 60", 60e6, 60e6, "aud")]),
        ("The grants totalled twenty MUSD.", "en", [("twenty MUSD", 20e6, 20e6, "dollar")]),
        ("Der Umsatz lag bei 500 TEUR.", "de", [("500 TEUR", 500e3, 500e3, "euro")]),
        # a plain code is no scale, and a name like "Maud" is no code
        ("It cost 30 USD.", "en", [("30 USD", 30.0, 30.0, "dollar")]),
        ("Maud ran 60 miles.", "en", [("60 miles", 60.0, 60.0, "mile")]),
    ],
)
def test_a_scale_letter_glued_to_a_currency_code(
    text: str, lang: str, expected: list[tuple[str, float, float, str]]
) -> None:
    assert _claims(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("It costs a quarter million dollars.", "en", [(250_000.0, "dollar")]),
        ("It costs quarter million dollars.", "en", [(250_000.0, "dollar")]),
        ("They spent three quarters billion dollars.", "en", [(750_000_000.0, "dollar")]),
        ("Das kostet drei Viertel Milliarde Euro.", "de", [(750_000_000.0, "euro")]),
        # a fraction without a scale word after it stays no claim (issue #3)
        ("A quarter of the voters agreed.", "en", []),
        ("The third quarter was weak.", "en", []),
    ],
)
def test_a_fraction_of_a_scale_word_is_an_amount(
    text: str, lang: str, expected: list[tuple[float, str]]
) -> None:
    assert [(c.low, c.unit) for c in extract(text, lang)] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10G", 10e9),
        ("2.33 k", 2330.0),
        ("1.2b", 1.2e9),
        ("a target of US$ 1MM", 1e6),
        ("2mil", 2e6),
        ("1,674.5 G", 1674.5e9),
    ],
)
def test_scale_letters_in_the_number_layer(text: str, value: float) -> None:
    assert [m.value for m in find_numbers(text, "en")] == [value]


def test_a_lower_case_m_is_a_metre_not_a_scale_in_the_number_layer() -> None:
    assert [m.value for m in find_numbers("a 1m wall", "en")] == [1.0]
    assert [m.value for m in find_numbers("5 kg", "en")] == [5.0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("three twenty-firsts", 3 / 21),
        ("three twenty firsts", 3 / 21),
        ("a twenty-first", 1 / 21),
        ("one twenty-fifth", 1 / 25),
        ("one hundred thirty-fifths", 100 / 35),
        ("minus one hundred thirty fifths", -100 / 35),
    ],
)
def test_a_tens_word_before_a_unit_ordinal_is_part_of_the_denominator(
    text: str, value: float
) -> None:
    (mention,) = find_numbers(text, "en")
    assert mention.value == pytest.approx(value)
    assert mention.reason is Reason.FRACTION


@pytest.mark.parametrize("text", ["the twenty-first century", "On the twenty-fifth of May"])
def test_a_compound_ordinal_without_a_numerator_is_an_ordinal(text: str) -> None:
    assert [m.reason for m in find_numbers(text, "en")] == [Reason.ORDINAL]
    assert extract(text, "en") == []
