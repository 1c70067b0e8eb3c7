"""Round 15 meaning rules (tuner "general"): a user's definition words bridged to what the
extractor reads, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest


def _meanings(text: str, lang: str) -> list[tuple[str | None, str | None, str | None]]:
    from tracker.extract import extract

    return [(c.concept, c.actor, c.state) for c in extract(text, lang)]


def _dictionaries() -> bool:
    from tracker.aggregate.glossary import available

    return available()


def test_a_state_word_of_a_prepositional_phrase_after_the_number_is_not_its_state() -> None:
    got = _meanings("Doctors examined 40 workers who had been in contact with infected "
                    "pigs.", "en")
    assert got[0][2] != "infected"
    got = _meanings("40 Arbeiter, die mit den infizierten Schweinen gearbeitet hatten, "
                    "wurden untersucht.", "de")
    assert got[0][2] != "infected"
    # the state word of the figure itself stays
    got = _meanings("Vets said 40 pigs were infected with the virus.", "en")
    assert got[0][2] == "infected"


def test_a_state_word_that_opens_a_change_phrase_names_the_change() -> None:
    from tracker.aggregate.quantities import _with_state_names
    from tracker.extract.concepts import load_concepts

    change = load_concepts("en").change_state
    assert change in _with_state_names(("risen",))
    assert load_concepts("de").change_state in _with_state_names(("gestiegen",))
    assert _with_state_names(("",)) == ("",)


@pytest.mark.skipif(not _dictionaries(), reason="FreeDict dictionaries not installed")
def test_an_unknown_state_word_matches_its_translation_in_the_other_language(
        tmp_path: Path) -> None:
    from test_meaning_rules import _assign

    defs = {"quantity": [{"id": "schools", "label": "Schools affected", "unit": "schools",
                          "concept": ["school"], "state": ["affected"]}]}
    folder = tmp_path / "de"
    folder.mkdir()
    got = _assign(folder, ["Im Landkreis sind inzwischen 14 Schulen betroffen."], "de", defs)
    assert got["14 Schulen"] == "schools"


@pytest.mark.skipif(not _dictionaries(), reason="FreeDict dictionaries not installed")
def test_a_translated_state_word_matches_as_the_head_of_a_compound(tmp_path: Path) -> None:
    import duckdb

    from tracker.aggregate.quantities import _with_translated_forms

    pattern = _with_translated_forms(r"\b\B", ("worth",))

    def found(text: str) -> bool:
        return duckdb.sql("SELECT regexp_matches(?, ?)", params=[text, pattern]).fetchall()[0][0]

    assert found("den verkaufswert schätzt die behörde auf")
    assert not found("die behörde bewertet den schaden")


def test_an_unknown_state_word_before_a_later_figure_takes_it(tmp_path: Path) -> None:
    from test_meaning_rules import _assign

    defs = {"quantity": [{"id": "stormed", "label": "Warehouses stormed", "unit": "warehouses",
                          "concept": ["warehouse"], "state": ["stormed"]}]}
    folder = tmp_path / "en"
    folder.mkdir()
    got = _assign(folder, ["Officers detained 30 people on Monday, and later stormed 45 "
                           "warehouses in the harbour district."], "en", defs)
    assert got.get("45 warehouses") == "stormed"
