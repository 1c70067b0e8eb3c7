"""Round 4 of the unit and number rules (issue #12, point 5): tokenised text ("6 . 2 %",
"oct . 13"), and the number forms listed in each test.

Sentences written for these rules, not taken from any evaluation set or peer suite.
"""

from __future__ import annotations

import pytest

from tracker.extract import extract, find_numbers


def _claims(text: str, lang: str) -> list[tuple[str, float | None, float | None, str | None]]:
    return [(c.text, c.low, c.high, c.unit) for c in extract(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tokenised text spaces the decimal point: one number, and the unit after it is its own
        ("exports fell 3 . 7 % in the quarter .", [("3 . 7 %", 3.7, 3.7, "percent")]),
        (
            "the plant will cost $ 12 . 4 million to build .",
            [("$ 12 . 4 million", 12.4e6, 12.4e6, "dollar")],
        ),
        # a spaced abbreviated month before a day is a date
        (
            "the shares rose to 82 cents on march 3 and fell on aug . 14 .",
            [("82 cents", 82.0, 82.0, "cent")],
        ),
        ("the vote is set for sept . 9 , officials said .", []),
    ],
)
def test_tokenised_text(text: str, expected: list[tuple[str, float, float, str]]) -> None:
    assert _claims(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # written prose keeps its sentence ends: a full stop after a number ends the sentence
        (
            "Prices rose 4. 20 shops closed.",
            [("4", 4.0, 4.0, None), ("20 shops", 20.0, 20.0, "shop")],
        ),
        ("Turnout was 61.5 % in 2022.", [("61.5 %", 61.5, 61.5, "percent")]),
    ],
)
def test_written_prose_is_unchanged(
    text: str, expected: list[tuple[str, float, float, str]]
) -> None:
    assert _claims(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a multiple or a number of occasions: the unit "times", never the money before it
        (
            "The fund paid out 40 euros three times.",
            "en",
            [("40 euros", 40.0, 40.0, "euro"), ("three times", 3.0, 3.0, "times")],
        ),
        (
            "Rents rose 5 times faster, a 12-fold jump.",
            "en",
            [("5 times", 5.0, 5.0, "times"), ("12-fold", 12.0, 12.0, "times")],
        ),
        ("Output grew sevenfold.", "en", [("sevenfold", 7.0, 7.0, "times")]),
        (
            "Sie kamen drei Mal, mit dem 20-fachen Aufwand.",
            "de",
            [("drei Mal", 3.0, 3.0, "times"), ("20-fachen", 20.0, 20.0, "times")],
        ),
        # "einmal", "einfach" are words of their own
        ("Das war einmal mehr einfach zu teuer.", "de", []),
    ],
)
def test_times_and_fold(
    text: str, lang: str, expected: list[tuple[str, float, float, str]]
) -> None:
    assert _claims(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a spaced sign before digits belongs to them, not to the number before
        (
            "rent $ 1,250.00 $ 980.50 deposit",
            [
                ("$ 1,250.00", 1250.0, 1250.0, "dollar"),
                ("$ 980.50", 980.5, 980.5, "dollar"),
            ],
        ),
        # an amount or a count before a month is no day of it
        (
            "costs of $ 4,512.30 april bills",
            [("$ 4,512.30 april bills", 4512.3, 4512.3, "dollar")],
        ),
        ("on 14 April 300 people marched", [("300 people", 300.0, 300.0, "person")]),
    ],
)
def test_signs_and_days(text: str, expected: list[tuple[str, float, float, str]]) -> None:
    assert _claims(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a whole, "and", a fraction of a scale word: one amount
        ("One and a half million people voted.", [("One and a half million people", 1.5e6)]),
        (
            "Some 2 and a half million tonnes were shipped.",
            [("Some 2 and a half million tonnes", 2.5e6)],
        ),
        (
            "It cost one billion and a quarter million dollars.",
            [("one billion and a quarter million dollars", 1_000_250_000.0)],
        ),
        # a fraction of one scale joined by "of"
        ("A third of a million homes lost power.", [("A third of a million homes", 1e6 / 3)]),
        # a bigger scale right after the first multiplies it (Indian and British usage)
        ("The plan costs two lakh crore rupees.", [("two lakh crore rupees", 2e12)]),
        ("It was worth four thousand million pounds.", [("four thousand million pounds", 4e9)]),
        # dozens after a number; "dozens of" alone stays vague
        (
            "She ordered 4 dozens eggs and three dozens rolls.",
            [("4 dozens eggs", 48.0), ("three dozens rolls", 36.0)],
        ),
        ("In 2021 dozens of shops closed.", []),
    ],
)
def test_scaled_amounts(text: str, expected: list[tuple[str, float]]) -> None:
    got = [(c.text, c.low) for c in extract(text, "en")]
    assert [g[0] for g in got] == [e[0] for e in expected]
    assert all(g[1] == pytest.approx(e[1], rel=1e-12) for g, e in zip(got, expected, strict=True))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("three hundred and two dozen", 324.0),  # the dozen counts the part below the hundred
        ("a hundred trillionths", 1e-10),  # a fraction word glued to a scale word's letters
        ("two and a half thousand", 2500.0),
    ],
)
def test_number_layer_values(text: str, value: float) -> None:
    assert [m.value for m in find_numbers(text, "en")] == [pytest.approx(value, rel=1e-12)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3 hundred and one", 301.0),  # digits, a hundred, "and", a number word
        ("one hundred and forty sevenths", 20.0),  # after "and" the tens is in the numerator
        ("thirty sixths", 5.0),  # alone before a plural ordinal written apart: 30/6
        ("thirty thirty sixths", 30 / 36),  # after a numerator: one ordinal, 36ths
        ("two one hundred thirds", 2 / 103),  # a round hundred and "third" make 103rd
        ("one in every eight", 0.125),  # "in" links a ratio
    ],
)
def test_spelled_number_forms(text: str, value: float) -> None:
    assert [m.value for m in find_numbers(text, "en")] == [pytest.approx(value, rel=1e-12)]


def test_address_and_list_groups_are_numbers_of_their_own() -> None:
    assert [m.value for m in find_numbers("host 10.0.12.7 is down", "en")] == [10, 0, 12, 7]
    assert [m.value for m in find_numbers("see items 4,7,12 and 15", "en")] == [4, 7, 12, 15]
    assert [m.value for m in find_numbers("1,234,567 votes", "en")] == [1234567]
    assert extract("host 10.0.12.7 is down", "en") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ratio is no claim; a year, a duration or a measure after the second number keeps
        # both numbers
        ("One in four adults has diabetes.", []),
        ("Exports rose 8 in 2023.", [("8", 8.0)]),
        ("Police made 2 arrests over 3 days.", [("2 arrests", 2.0), ("over 3 days", 3.0)]),
    ],
)
def test_ratios_with_a_link_word(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(c.text, c.low) for c in extract(text, "en")] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a capital glued to a number where only the small letter is a unit names a thing
        ("The 5G rollout reached 70% of towns.", "en", [("70%", 70.0, 70.0, "percent")]),
        ("Old 3G and 4G masts were switched off.", "en", []),
        ("Das 5G-Netz deckt 90 Prozent ab.", "de", [("90 Prozent", 90.0, 90.0, "percent")]),
        # the unit itself is kept
        ("Add 5g of yeast.", "en", [("5g", 5.0, 5.0, "gram")]),
        ("Man nehme 250 g Mehl.", "de", [("250 g", 250.0, 250.0, "gram")]),
    ],
)
def test_a_capital_letter_is_no_lower_case_unit(
    text: str, lang: str, expected: list[tuple[str, float, float, str]]
) -> None:
    assert _claims(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a suspended hyphen: both ends of the range share the compound's unit
        ("They built a 10- to 12-foot wall.", [("10- to 12-foot", 10.0, 12.0, "foot")]),
        ("He faces 3- to 5-year terms.", [("3- to 5-year", 3.0, 5.0, "year")]),
        # a minus before or after the currency sign
        ("It booked a loss of -$7 million.", [("$7 million", -7e6, -7e6, "dollar")]),
        ("Cash flow was $-2.5 billion.", [("$-2.5 billion", -2.5e9, -2.5e9, "dollar")]),
        ("Profit was €-12m.", [("€-12m", -12e6, -12e6, "euro")]),
        # a glued "b" after a currency sign is a billion
        ("The fund holds €4B.", [("€4B", 4e9, 4e9, "euro")]),
    ],
)
def test_ranges_signs_and_billions(
    text: str, expected: list[tuple[str, float, float, str]]
) -> None:
    assert _claims(text, "en") == expected
