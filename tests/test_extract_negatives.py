"""Numbers that are not claims, in both languages, each with its named reason."""

from __future__ import annotations

import pytest

from tracker.extract import extract
from tracker.extract.engine import discarded
from tracker.extract.lexicon import load_lexicon
from tracker.extract.negatives import Reason


def reasons(text: str, lang: str) -> dict[str, Reason]:
    return {number: reason for number, _, reason in discarded(text, load_lexicon(lang))}


@pytest.mark.parametrize(
    ("text", "lang", "number", "reason"),
    [
        ("Am 3. Oktober kamen sie.", "de", "3", Reason.DATE),
        ("Am 15.03.2024 kamen sie.", "de", "15", Reason.DATE),
        ("On March 3 they came.", "en", "3", Reason.DATE),
        ("On 5/17/2018 they came.", "en", "5", Reason.DATE),
        ("Im Jahr 2023 kamen sie.", "de", "2023", Reason.YEAR),
        ("In 2023 they came.", "en", "2023", Reason.YEAR),
        ("Um 14:30 Uhr kamen sie.", "de", "14", Reason.TIME),
        ("Um 10 Uhr kamen sie.", "de", "10", Reason.TIME),
        ("At 5 p.m. they came.", "en", "5", Reason.TIME),
        ("Ein 45-jähriger Mann kam.", "de", "45", Reason.AGE),
        ("Eine 80 Jahre alte Frau kam.", "de", "80", Reason.AGE),
        ("A 25-year-old man came.", "en", "25", Reason.AGE),
        ("Das 528. Pionierregiment kam.", "de", "528", Reason.ORDINAL),
        ("The 3rd brigade came.", "en", "3", Reason.ORDINAL),
        ("Siehe https://rp-online.de/politik/aid-125487691 hier.", "de", "125487691", Reason.URL),
        ("Call +1 202 555 0143 now.", "en", "1 202 555", Reason.PHONE),
        ("Seite 3 von 10", "de", "10", Reason.LABEL),
        ("Bild 2/12", "de", "12", Reason.LABEL),
        ("See page 4 of 12.", "en", "4", Reason.LABEL),
        ("Die Su-34 flog.", "de", "34", Reason.DESIGNATION),
        ("Bei Kursk-2 war es ruhig.", "de", "2", Reason.DESIGNATION),
        ("F-16 jets flew.", "en", "16", Reason.DESIGNATION),
        ("Mehrere hundert Menschen kamen.", "de", "hundert", Reason.VAGUE),
        ("Several hundred people came.", "en", "hundred", Reason.VAGUE),
        ("Es gab drei halbe Schweine.", "de", "drei", Reason.FRACTION),
        ("Two thirds of the troops left.", "en", "Two", Reason.FRACTION),
    ],
)
def test_not_a_claim_and_why(text: str, lang: str, number: str, reason: Reason) -> None:
    assert reasons(text, lang).get(number) == reason
    assert number not in [c.text for c in extract(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Tausende Menschen und Dutzende Panzer, Hunderte Verletzte.", "de"),
        ("Die Hälfte der Truppen und ein Drittel der Panzer.", "de"),
        ("Thousands of people, dozens of tanks and hundreds of wounded.", "en"),
        ("A quarter of the troops and half of the tanks.", "en"),
        ("Einer der Soldaten kam, ein anderer nicht. Eine Einheit.", "de"),
        ("One of the soldiers came, no one else.", "en"),
        ("Die max. Aufmerksamkeit galt Zweifeln und dem Einsatz.", "de"),
        ("Am Montag, 5. Mai, um 10:30 Uhr.", "de"),
        ("Der G7-Gipfel und die G20 tagten, MH17 stürzte ab.", "de"),
    ],
)
def test_vague_amounts_fractions_and_words_are_not_claims(text: str, lang: str) -> None:
    assert extract(text, lang) == []


def test_a_year_with_a_unit_is_a_count() -> None:
    claims = extract("Im Jahr 2023 wurden 2000 Soldaten verlegt.", "de")
    assert [(c.low, c.unit) for c in claims] == [(2000, "soldier")]


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("<script>alert(1)</script> 300 Soldaten wurden verlegt.", "de", [300.0]),
        ("Laut Abs(2) schickte das Land 40 Panzer.", "de", [40.0]),
        ("The call f(3) returned, and 12 (12) people came.", "en", [12.0, 12.0]),
    ],
)
def test_a_number_in_brackets_glued_to_a_word_is_a_label(
    text: str, lang: str, values: list[float]
) -> None:
    """alert(1), Abs(2): an argument, index or footnote; a number in brackets after a space
    stays a number."""
    assert [c.low for c in extract(text, lang)] == values
