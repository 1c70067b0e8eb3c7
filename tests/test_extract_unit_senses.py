"""Units with two meanings decided by the words near the number ([senses] in units.toml),
kitchen and angle units, fractions of a measure, and ids that look like measures.

Sentences written for these rules, not taken from any evaluation set or peer suite.
"""

from __future__ import annotations

import pytest

from tracker.extract import extract


def _claims(text: str, lang: str) -> list[tuple[float | None, float | None, str | None]]:
    return [(c.low, c.high, c.unit) for c in extract(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Grad / degrees: an angle where the sentence turns or measures an angle, else a temperature
        ("Der Kran muss um 90 Grad gedreht werden.", "de", [(90, 90, "angular_degree")]),
        ("Der Winkel beträgt 30 Grad.", "de", [(30, 30, "angular_degree")]),
        ("In Köln waren es 30 Grad.", "de", [(30, 30, "degree")]),
        ("The ship turned 45 degrees to port.", "en", [(45, 45, "angular_degree")]),
        ("It was 30 degrees in the shade.", "en", [(30, 30, "degree")]),
        # Pfund / pounds: a weight near weight or food words, else sterling; with a scale, money
        (
            "Für den Teig braucht man ein Kilo Mehl und 2 Pfund Butter.",
            "de",
            [(2, 2, "pound_mass")],
        ),
        ("Das Ticket kostet 12 Pfund.", "de", [(12, 12, "pound")]),
        ("The baby weighed seven pounds.", "en", [(7, 7, "pound_mass")]),
        ("He wants to lose 25 pounds before the race.", "en", [(25, 25, "pound_mass")]),
        ("A ticket costs 25 pounds.", "en", [(25, 25, "pound")]),
        ("The club lost 25 million pounds last season.", "en", [(25e6, 25e6, "pound")]),
    ],
)
def test_a_unit_with_two_meanings_takes_the_one_its_context_names(
    text: str, lang: str, expected: list[tuple[float, float, str]]
) -> None:
    assert _claims(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Man nehme 2 Teelöffel Salz und 3 Esslöffel Öl.",
            "de",
            [(2, 2, "teaspoon"), (3, 3, "tablespoon")],
        ),
        ("Dazu kommen 2 Tassen Milch.", "de", [(2, 2, "cup")]),
        (
            "Add 2 tablespoons of oil and 3 cups of flour.",
            "en",
            [(2, 2, "tablespoon"), (3, 3, "cup")],
        ),
        ("The bag holds 16 ounces.", "en", [(16, 16, "ounce")]),
        ("The arm turns by 0.8rad.", "en", [(0.8, 0.8, "radian")]),
        ("The wheel made 3 turns.", "en", [(3, 3, "turn")]),
        # a unit's exponent is part of it, not a number of its own
        ("Die Fläche misst 4,18m^2.", "de", [(4.18, 4.18, "square_meter")]),
    ],
)
def test_kitchen_angle_and_area_units(
    text: str, lang: str, expected: list[tuple[float, float, str]]
) -> None:
    assert _claims(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The track is a 1/4 mile oval.", [(0.25, 0.25, "mile")]),
        ("Stir in ½ cup of sugar.", [(0.5, 0.5, "cup")]),
        (
            "Add 3 tablespoons of butter and 1/2 cup of milk.",
            [(3, 3, "tablespoon"), (0.5, 0.5, "cup")],
        ),
        # a fraction of people or a share is still no claim (issue #3)
        ("1/2 of the voters stayed home.", []),
        ("A 3/4 majority is needed.", []),
    ],
)
def test_a_fraction_in_digits_before_a_measure_unit_is_an_amount(
    text: str, expected: list[tuple[float, float, str]]
) -> None:
    assert _claims(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name with digits before the hyphen: the number after it is part of the name
        ("The part number is scp2-173m.", []),
        ("Leave the motorway at exit 436 and drive 500 metres east.", [(500, 500, "meter")]),
        ("Die Ausfahrt 12 ist 3 Kilometer entfernt.", [(3, 3, "kilometer")]),
        # a compound measure after "of the" describes the things, it is not what "five" counts
        ("They built five of the three-ton satellites.", [(5, 5, None), (3, 3, "tonne")]),
        ("23 of 29 drones were shot down.", [(23, 23, "drone"), (29, 29, "drone")]),
    ],
)
def test_names_exits_and_compound_measures(
    text: str, expected: list[tuple[float, float, str | None]]
) -> None:
    lang = "de" if "Ausfahrt" in text else "en"
    assert _claims(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "one" before a unit of measure or money is the number 1 ...
        ("The trail is one mile long.", [(1, 1, "mile")]),
        ("The shares closed one penny higher.", [(1, 1, "penny")]),
        ("It made a one-yen bid.", [(1, 1, "jpy")]),
        ("The track is three quarters mile long.", [(0.75, 0.75, "mile")]),
        # ... before a counted noun or as a pronoun it stays no claim (issue #3)
        ("One man died.", []),
        ("One of the soldiers was hurt.", []),
        ("One day later it rained.", []),
    ],
)
def test_one_before_a_unit_of_measure_or_money(
    text: str, expected: list[tuple[float, float, str]]
) -> None:
    assert _claims(text, "en") == expected


def test_german_ein_before_a_unit_stays_the_article() -> None:
    assert _claims("Ein Pfund Hack und ein Kilo Mehl, bitte.", "de") == []
