"""The number layer (``find_numbers``): every number is read, and the ones that are never
claims carry the reason the claim layer (``extract``) leaves them out."""

from __future__ import annotations

import pytest

from tracker.extract import extract, find_numbers
from tracker.extract.negatives import Reason


def _read(text: str, lang: str) -> list[tuple[str, float, Reason | None]]:
    return [(m.text, round(m.value, 6), m.reason) for m in find_numbers(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("two thirds of the votes", "en", 2 / 3),
        ("one over three", "en", 1 / 3),
        ("one hundred and thirty-two fifths", "en", 26.4),
        ("a hundredth", "en", 0.01),
        ("-4/5", "en", -0.8),
        ("Az. 34/23", "de", 34 / 23),
        ("das Ergebnis ist ½", "de", 0.5),
        ("drei halbe Schweine", "de", 1.5),
        ("zwei drittel Brot", "de", 2 / 3),
    ],
)
def test_fractions_are_numbers_but_not_claims(text: str, lang: str, value: float) -> None:
    (mention,) = find_numbers(text, lang)
    assert mention.value == pytest.approx(value)
    assert mention.reason is Reason.FRACTION
    assert all(c.start >= mention.end or c.end <= mention.start for c in extract(text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("five and a quarter", "en", 5.25),
        ("one hundred and three quarters", "en", 100.75),
        ("six million and two thirds", "en", 6_000_000 + 2_000_000 / 3),
        ("2 1/4 hours", "en", 2.25),
        ("fünf und drei Viertel Milliarde", "de", 5.75e9),
    ],
)
def test_mixed_numbers_are_amounts_with_their_whole_value(
    text: str, lang: str, value: float
) -> None:
    (mention,) = find_numbers(text, lang)
    assert (mention.value, mention.reason) == (pytest.approx(value), Reason.FRACTION)
    assert [c.low for c in extract(text, lang)] == [pytest.approx(value)]


@pytest.mark.parametrize(
    ("text", "value"),
    [("1e10", 1e10), ("1.1^23", 1.1**23), ("2.5^-1", 0.4), ("6.23x10^-4", 6.23e-4)],
)
def test_powers_are_one_number(text: str, value: float) -> None:
    (mention,) = find_numbers(text, "en")
    assert (mention.text, mention.reason) == (text, Reason.POWER)
    assert mention.value == pytest.approx(value)


def test_article_one_is_the_number_one_but_not_the_pronoun() -> None:
    assert _read("Let's try one last time", "en") == [("one", 1.0, Reason.ARTICLE)]
    assert _read("Which one do you prefer?", "en") == []
    assert _read("The answer is minus one", "en") == [("minus one", -1.0, Reason.ARTICLE)]
    assert _read("in einer Familie", "de") == [("einer", 1.0, Reason.ARTICLE)]
    assert extract("Let's try one last time", "en") == []


def test_claim_numbers_keep_their_claim_reasons() -> None:
    found = _read("Am 3. Mai kamen 300 Menschen.", "de")
    assert found == [("3", 3.0, Reason.DATE), ("300", 300.0, None)]


def test_mixed_digits_and_scale_words_are_one_number_in_both_layers() -> None:
    text = "They paid 4 thousand 3 hundred and 21 dollars."
    assert _read(text, "en") == [("4 thousand 3 hundred and 21", 4321.0, None)]
    (claim,) = extract(text, "en")
    assert claim.low == claim.high == 4321
    # "and" joins only after a hundred: a range's two ends stay two numbers
    (span,) = extract("between 2 million and 500 thousand people", "en")
    assert (span.low, span.high) == (500_000, 2_000_000)


def test_indian_scales_and_bare_decimals() -> None:
    assert _read("I can give you 13 lakh", "en") == [("13 lakh", 1_300_000.0, None)]
    assert _read("a rate of .08", "en") == [(".08", 0.08, None)]


def test_a_link_word_makes_a_fraction_only_when_proper() -> None:
    assert [m.value for m in find_numbers("there are 12 out of 10", "en")] == [12, 10]


def test_strange_input_gives_no_numbers() -> None:
    assert find_numbers("", "en") == []
    assert find_numbers(None, "en") == []  # type: ignore[arg-type]


def test_a_dangling_longer_qualifier_leaves_the_suffix_bound() -> None:
    """ "or greater than" with no number after it bounds the number before it."""
    (claim,) = extract("His score is 200 or greater than", "en")
    assert (claim.low, claim.high, claim.kind) == (200, None, "lower_bound")
    first, second = extract("5000 or less than 6000 people", "en")
    assert (first.kind, second.kind, second.high) == ("point", "upper_bound", 6000)
