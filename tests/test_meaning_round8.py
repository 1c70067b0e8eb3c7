"""Meaning, round 8 (issue #11): enumerations inside a clause, a relative clause about a part,
the place a sentence opens with, and undated articles. Sentences invented for these tests."""

from __future__ import annotations


def _meanings(text: str, lang: str) -> list[tuple[str | None, str | None, str | None]]:
    from tracker.extract import extract

    return [(c.concept, c.actor, c.state) for c in extract(text, lang)]


def test_an_enumeration_comma_does_not_end_the_clause() -> None:
    assert _meanings("Nach Angaben der Behörde wurden etwa 450 Menschen wegen Sonnenstich, "
                     "Erschöpfung oder Fieber in Kliniken behandelt.", "de")[0][2] == (
        "hospitalized")
    assert _meanings("About 450 people with burns, fractures or smoke poisoning were taken to "
                     "hospital.", "en")[0][2] == "hospitalized"
    # a comma before a clause of its own still ends it
    assert _meanings("Rund 80 Häuser wurden zerstört, die Feuerwehr rettete 12 Menschen.",
                     "de")[0][2] == "destroyed"


def test_a_relative_clause_about_a_part_of_the_figure_is_not_its_own() -> None:
    assert _meanings("Rund 700 Menschen wurden evakuiert, die meisten von ihnen aus zwei "
                     "Bergdörfern.", "de")[0][2] == "displaced"
    assert _meanings("Some 700 residents were evacuated, most of whom came from two hill "
                     "villages.", "en")[0][2] == "displaced"


def test_the_country_a_sentence_opens_with_is_where_its_first_figure_happened() -> None:
    assert _meanings("In Italy, the civil protection agency said four people had drowned.",
                     "en")[0] == ("person", "IT", "killed")
    assert _meanings("Across the border in Austria, some 1,200 hectares burned.", "en")[0][1] == (
        "AT")
    assert _meanings("In Polen meldeten die Behörden 14 Tote.", "de")[0][1] == "PL"
    # a figure's own country wins; a country that modifies a noun is no place
    assert _meanings("In Poland, 300 Ukrainian soldiers were trained.", "en")[0][1] == "UA"
    assert _meanings("On Monday the French ministry said 40 people were injured.", "en")[0][1] is (
        None)
    # only the sentence's first figure: a later one of another thing names its own
    assert [m[1] for m in _meanings("In Greece, 30 people were injured and 45 Turkish "
                                    "soldiers were deployed.", "en")] == ["GR", "TR"]


def test_taken_part_is_participation() -> None:
    assert _meanings("The union said 4,000 workers had taken part.", "en")[0][2] == (
        "participated")
