"""Units carried to bare numbers, unit words before a number, and dates next to counts.

Sentences written for these rules (patterns of disaster and weather reporting), not taken from
any evaluation set.
"""

from __future__ import annotations

import pytest

from tracker.extract import extract, find_numbers
from tracker.extract.negatives import Reason


def _units(text: str, lang: str) -> list[tuple[str, float | None, str | None]]:
    return [(c.text, c.low, c.unit) for c in extract(text, lang)]


def _reasons(text: str, lang: str) -> list[tuple[str, Reason | None]]:
    return [(m.text, m.reason) for m in find_numbers(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "bare", "unit"),
    [
        # a duration or a measure is written with each number: a later bare number counts
        ("Two days after the quake, rescuers had pulled 40 from the rubble.", "en", "40", None),
        ("The river rose 2 metres and 300 were evacuated.", "en", "300", None),
        ("It took 2 hours to rescue 40.", "en", "40", None),
        ("Zwei Tage nach dem Beben wurden 300 geborgen.", "de", "300", None),
        ("Binnen 24 Stunden meldete die Behörde 1.200.", "de", "1.200", None),
        # ... unless it is compared with it or is the next item of a parallel list
        ("The new model has a range of 500km, up from 420.", "en", "420", "kilometer"),
        ("Highs of 41C are forecast, compared with 35 last week.", "en", "35", "degree"),
        ("Temperatures will reach 30C on Friday and 32 on Saturday.", "en", "32", "degree"),
        ("Der Pegel stieg von 6,1 Metern auf 7,5.", "de", "7,5", "meter"),
        ("Die Reichweite liegt bei 500 Kilometern gegenüber 420.", "de", "420", "kilometer"),
        # counts and money still pass on to a bare neighbour
        ("14 people were injured, three of them seriously.", "en", "three", "wounded"),
    ],
)
def test_duration_and_measure_units_are_not_carried_to_a_later_count(
    text: str, lang: str, bare: str, unit: str | None
) -> None:
    found = {t: u for t, _, u in _units(text, lang)}
    assert found[bare] == unit


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "The death toll from a magnitude 6.8 earthquake that struck before dawn on Monday "
            "has risen to 212, the agency said.",
            "en",
            [("6.8", 6.8, "magnitude"), ("212", 212.0, "death")],
        ),
        (
            "The magnitude 6.8 quake killed 212.",
            "en",
            [("6.8", 6.8, "magnitude"), ("212", 212.0, "death")],
        ),
        ("The magnitude was later revised to 6.9.", "en", [("6.9", 6.9, "magnitude")]),
        ("A magnitude-7.1 quake hit the coast.", "en", [("7.1", 7.1, "magnitude")]),
        (
            "A magnitude 6.1 quake was followed by a 5.4 aftershock.",
            "en",
            [("6.1", 6.1, "magnitude"), ("5.4", 5.4, "magnitude")],
        ),
        (
            "Das Beben der Stärke 6,8 tötete 212.",
            "de",
            [("6,8", 6.8, "magnitude"), ("212", 212.0, None)],
        ),
        ("Das stärkste erreichte eine Stärke von 5,4.", "de", [("5,4", 5.4, "magnitude")]),
        # the unit word before the number does not beat the counted noun written after it
        (
            "Ein Kontingent in Stärke von 12.000 Mann wurde verlegt.",
            "de",
            [("12.000 Mann", 12000.0, "soldier")],
        ),
    ],
)
def test_a_unit_word_before_a_number_is_the_unit_of_the_first_claim_after_it(
    text: str, lang: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert _units(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a count after a weekday or a month is no date; a day of the month is
        (
            "Das Ministerium meldete am Mittwoch 5.800 Verletzte.",
            "de",
            [("5.800", None)],
        ),
        ("Am Montag 12 Tote, am Dienstag 15.", "de", [("12", None), ("15", Reason.DATE)]),
        ("On Monday 5,800 people were hurt.", "en", [("5,800", None)]),
        ("Im Oktober 2,5 Prozent mehr.", "de", [("2,5", None)]),
        ("It opens on March 3.", "en", [("3", Reason.DATE)]),
        ("Am Mittwoch, 5. März, regnete es.", "de", [("5", Reason.DATE)]),
        # German days written as ordinals and joined before one month are all dates
        (
            "Die Flut dauerte zwischen dem 8. und dem 13. Oktober.",
            "de",
            [("8", Reason.DATE), ("13", Reason.DATE)],
        ),
        (
            "Vom 14. bis zum 16. Juni stieg der Pegel.",
            "de",
            [("14", Reason.DATE), ("16", Reason.DATE)],
        ),
        (
            "Am 8., 9. und 10. Juni fielen 120 Liter.",
            "de",
            [("8", Reason.DATE), ("9", Reason.DATE), ("10", Reason.DATE), ("120", None)],
        ),
        (
            "In der Nacht vom 14. auf den 15. Juni brach der Damm.",
            "de",
            [("14", Reason.DATE), ("15", Reason.DATE)],
        ),
        # where "." is the decimal mark, "6.8." ends a sentence; in German it is a date
        ("The USGS put the magnitude at 6.8.", "en", [("6.8", None)]),
        ("Der Termin ist am 6.8. geplant.", "de", [("6.8", Reason.DATE)]),
    ],
)
def test_dates_next_to_counts(
    text: str, lang: str, expected: list[tuple[str, Reason | None]]
) -> None:
    assert _reasons(text, lang) == expected


def test_german_day_range_gives_no_claim_but_a_count_after_it_does() -> None:
    text = "Zwischen dem 8. und dem 13. Oktober wurden 5.800 Verletzte gezählt."
    assert [(c.text, c.low, c.unit) for c in extract(text, "de")] == [
        ("5.800 Verletzte", 5800.0, "wounded")
    ]
