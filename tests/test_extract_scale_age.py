"""Glued scale letters ("6.8m people") and ages after bound words ("people over 65")."""

from __future__ import annotations

import pytest

from tracker.extract import extract, find_numbers
from tracker.extract.negatives import Reason


def claim_values(text: str, lang: str) -> list[tuple[float | None, float | None, str | None]]:
    return [(c.low, c.high, c.unit) for c in extract(text, lang)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The storm forced 4.2m people from their homes.", 4_200_000, "person"),
        ("Roughly 2.5m voters switched sides.", 2_500_000, "voter"),
        ("The army has 1.1m troops on paper.", 1_100_000, "soldier"),
        ("Officials counted 300k refugees at the border.", 300_000, "refugee"),
        ("The council spent $7.5bn on roads.", 7_500_000_000, "dollar"),
        ("The bill came to £12m in total.", 12_000_000, "pound"),
    ],
)
def test_glued_scale_letter_reads_as_a_multiplier(text: str, value: float, unit: str) -> None:
    assert claim_values(text, "en") == [(value, value, unit)]


@pytest.mark.parametrize(
    "text",
    [
        "The dam is 40m high.",
        "Engineers planned a 300m-long tunnel.",
        "Divers reached a depth where the water was 25m deep.",
        "They put up a 3m fence.",
        "The cliff face measured 60m.",
    ],
)
def test_glued_m_with_length_context_stays_metres(text: str) -> None:
    claims = extract(text, "en")
    assert claims, text
    assert all(c.unit == "meter" and (c.high or 0) < 1000 for c in claims)


def test_german_scale_abbreviation_without_dot() -> None:
    assert claim_values("Der Umbau kostet 4,7 Mio Euro.", "de") == [(4_700_000, 4_700_000, "euro")]


def age_reasons(text: str, lang: str) -> dict[str, Reason | None]:
    return {m.text: m.reason for m in find_numbers(text, lang)}


@pytest.mark.parametrize(
    ("text", "lang", "number"),
    [
        ("Für Kinder unter 6 Jahren ist der Eintritt frei.", "de", "6"),
        ("Frauen älter als 70 Jahre wurden zuerst geimpft.", "de", "70"),
        ("Das Angebot gilt für Senioren über 75.", "de", "75"),
        ("Die Bürgerin, 67, beschwerte sich.", "de", "67"),
        ("Adults over 50 should get the jab.", "en", "50"),
        ("Patients under 16 need consent.", "en", "16"),
        ("The offer is open to residents aged over 60.", "en", "60"),
        ("Her brother, 34, was arrested.", "en", "34"),
        ("Die Kirche ist über 900 Jahre alt.", "de", "900"),
        ("Gekommen waren vor allem Frauen Mitte 40.", "de", "40"),
        ("Unter den Festgenommenen sind auch Männer Ende 50.", "de", "50"),
    ],
)
def test_ages_after_bound_words_are_not_claims(text: str, lang: str, number: str) -> None:
    assert age_reasons(text, lang)[number] is Reason.AGE
    assert all(number not in c.text for c in extract(text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "low", "unit"),
    [
        ("Über 40 Menschen wurden verletzt.", "de", 40, "wounded"),
        ("More than 300 people over the border were detained.", "en", 300, "person"),
        ("Children waited over 3 days for food.", "en", 3, "day"),
        ("Die Sitzung dauerte mehr als drei Stunden.", "de", 3, "hour"),
        ("The talks lasted over nine months.", "en", 9, "month"),
    ],
)
def test_counts_and_durations_after_bound_words_stay_claims(
    text: str, lang: str, low: float, unit: str
) -> None:
    assert [(c.low, c.unit) for c in extract(text, lang)] == [(low, unit)]


def test_large_number_between_commas_is_not_an_age() -> None:
    claims = extract("In the end, 4,500, not 3,000, came.", "en")
    assert {c.low for c in claims} >= {4500}
