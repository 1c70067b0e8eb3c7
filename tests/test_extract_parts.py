"""Amounts written in two units ("3 dollars 50 cents", "5 ft 2 in"), a currency code before its
scale word ("75 USD million") and Indian digit grouping ("12,34,567.89"): issue #12."""

from __future__ import annotations

import pytest

from tracker.extract import extract


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "It only cost 3 dollars 50 cents.", [("3 dollars 50 cents", 3.5, "dollar")]),
        ("en", "It cost thirteen dollars and forty-five cents.", [(None, 13.45, "dollar")]),
        ("en", "It costs 15 dollars and 50.", [("15 dollars and 50", 15.5, "dollar")]),
        ("en", "The fee rises to 17 USD 25.", [("17 USD 25", 17.25, "dollar")]),
        ("en", "He is 5 ft 2 in", [("5 ft 2 in", 5 + 2 / 12, "foot")]),
        ("en", "The wall is 12 feet and 2 inches high.", [(None, 12 + 2 / 12, "foot")]),
        ("en", "They lost 75 USD million last year.", [("75 USD million", 75e6, "dollar")]),
        ("en", "A loan of 12,34,567.89 rupees.", [("12,34,567.89 rupees", 1234567.89, "inr")]),
        ("de", "Das Ticket kostet 3 Euro 50 Cent.", [("3 Euro 50 Cent", 3.5, "euro")]),
        ("de", "Das Ticket kostet 3 Euro und 50.", [("3 Euro und 50", 3.5, "euro")]),
    ],
)
def test_amount_in_two_parts_is_one_claim(lang, text, expected) -> None:
    got = [(c.text, c.low, c.unit) for c in extract(text, lang)]
    assert len(got) == len(expected), got
    for (g_text, g_low, g_unit), (e_text, e_low, e_unit) in zip(got, expected, strict=True):
        assert g_low == pytest.approx(e_low) and g_unit == e_unit, got
        assert e_text is None or g_text == e_text


@pytest.mark.parametrize(
    ("lang", "text", "values"),
    [
        # the bare number after the amount counts something else
        ("en", "The cost is $4.25 and 32 is the quantity.", [4.25, 32]),
        ("en", "He paid 3,000 dollars two hundred times.", [3000, 200]),
        ("en", "It cost 15 dollars and 150 more.", [15, 150]),
        ("de", "Es gab 3 Euro und 50 Tote.", [3, 50]),
        # German "12,34" stays a decimal
        ("de", "Der Kurs lag bei 12,34 Euro.", [12.34]),
    ],
)
def test_parts_only_where_the_pattern_holds(lang, text, values) -> None:
    assert [c.low for c in extract(text, lang)] == pytest.approx(values)
