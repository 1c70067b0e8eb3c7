"""Issue #12 point 3: one unit vocabulary (lang/units_vocabulary.toml, docs/units.md) for every
language; every unit the language data can produce is in it, and measures are pint units."""

from __future__ import annotations

from pathlib import Path

import pint
import pytest

from tracker.extract import extract
from tracker.extract.lexicon import LANG_DIR, load_lexicon
from tracker.extract.vocabulary import PINT_KINDS, load_vocabulary, render_markdown

CODES = sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir())


def produced_units(code: str) -> set[str]:
    units = load_lexicon(code).units
    return (
        set(units.nouns.values())
        | {lemma for _, lemma in units.noun_suffixes}
        | set(units.prefix_symbols.values())
        | set(units.compound_suffixes.values())
        | set(units.events.values())
        | set(units.context_before.values())
        | set(units.context_next.values())
        | {sense for senses in units.senses.values() for sense in senses}
        | set(units.compound_measures)
        | ({units.capitalized_plural_unit} if units.capitalized_plural_unit else set())
    )


@pytest.mark.parametrize("code", CODES)
def test_every_unit_of_the_language_data_is_in_the_vocabulary(code: str) -> None:
    vocabulary = load_vocabulary()
    missing = sorted(u for u in produced_units(code) if vocabulary.kind(u) is None)
    assert not missing, f"{code}: not in units_vocabulary.toml: {missing}"


def test_measures_are_pint_units() -> None:
    registry = pint.UnitRegistry()
    vocabulary = load_vocabulary()
    for kind in PINT_KINDS:
        for name in vocabulary.names(kind):
            registry.parse_units(vocabulary.meanings[name])  # raises on an unknown unit


def test_docs_are_generated_from_the_vocabulary() -> None:
    docs = Path(__file__).parents[1] / "docs" / "units.md"
    assert docs.read_text(encoding="utf-8") == render_markdown(load_vocabulary())


@pytest.mark.parametrize(
    ("de", "en", "unit"),
    [
        ("Die Strecke ist 12 Kilometer lang.", "The route is 12 kilometres long.", "kilometer"),
        ("Die Strecke ist 12 km lang.", "The route is 12 km long.", "kilometer"),
        ("Der Turm ist 40 Meter hoch.", "The tower is 40 metres high.", "meter"),
        ("Der Turm ist 40 m hoch.", "The tower is 40 meters high.", "meter"),
        ("Es kostet 300 Yen.", "It costs 300 yen.", "jpy"),
        ("Es kostet 30 Franken.", "It costs 30 Swiss francs.", "chf"),
    ],
)
def test_both_languages_give_the_same_unit_name(de: str, en: str, unit: str) -> None:
    assert [c.unit for c in extract(de, "de")] == [unit]
    assert [c.unit for c in extract(en, "en")] == [unit]
