"""Round 14: a definition's words that the vocabulary does not know, found near the number."""

from __future__ import annotations

from pathlib import Path

import pytest


def _run(tmp_path: Path, lang: str, texts: list[str], defs: dict) -> dict[str, str | None]:
    from test_meaning_rules import _assign

    folder = tmp_path / lang
    folder.mkdir()
    return _assign(folder, texts, lang, defs)


CULLED = {"quantity": [{"id": "hens_culled", "label": "Hens culled", "unit": "hens",
                        "concept": ["hen", "Henne", ""], "state": ["culled", "gekeult"]}]}


def test_word_stems_take_every_languages_lemma_and_the_head_of_a_phrase() -> None:
    from tracker.aggregate.quantities import word_stems

    assert "cull" in word_stems("culled")
    assert "keul" in word_stems("gekeult")
    assert word_stems("police_officer") == word_stems("officer")
    assert word_stems("an") == ()  # too short to stand for a word


@pytest.mark.parametrize(("lang", "text", "quote"), [
    ("en", "Inspectors said 40,000 hens were culled at the farm on Tuesday.", "40,000"),
    ("de", "Auf dem Hof wurden nach Angaben des Kreises 40.000 Hennen gekeult.", "40.000"),
])
def test_an_unknown_state_word_near_the_number_takes_the_claim(
        tmp_path: Path, lang: str, text: str, quote: str) -> None:
    got = _run(tmp_path, lang, [text], CULLED)
    assert got[next(q for q in got if q.startswith(quote))] == "hens_culled"


def test_the_unknown_state_word_must_stand_near_the_number(tmp_path: Path) -> None:
    got = _run(tmp_path, "en", ["The farm kept 40,000 hens in four sheds, the district said, "
                                "and inspectors later found that the vets who culled the "
                                "neighbouring flocks had not visited it."], CULLED)
    assert got[next(q for q in got if q.startswith("40,000"))] is None


def test_a_claim_with_a_state_of_its_own_is_not_taken_by_the_word(tmp_path: Path) -> None:
    got = _run(tmp_path, "en", ["Of the flock, 300 hens were killed before the rest were "
                                "culled."], CULLED)
    assert got[next(q for q in got if q.startswith("300"))] is None


def test_an_unknown_concept_word_matches_its_other_spelling_in_german(tmp_path: Path) -> None:
    defs = {"quantity": [{"id": "seized", "label": "Cocaine seized", "unit": "tonne",
                          "concept": ["cocaine"], "state": [""]}]}
    got = _run(tmp_path, "de", ["Im Hafen fanden die Fahnder 12 Tonnen Kokain."], defs)
    assert got[next(q for q in got if q.startswith("12"))] == "seized"


def test_an_unknown_concept_word_after_a_unit_names_what_it_measures(tmp_path: Path) -> None:
    defs = {"quantity": [{"id": "seized", "label": "Cocaine seized", "unit": "tonne",
                          "concept": ["cocaine"], "state": [""]}]}
    got = _run(tmp_path, "en", ["Customs seized 12 tonnes of cocaine on Monday. In a second "
                                "raid officers found 3 tonnes of cannabis resin."], defs)
    assert got[next(q for q in got if q.startswith("12"))] == "seized"
    assert got[next(q for q in got if q.startswith("3"))] is None


def test_the_dictionaries_give_nouns_of_the_other_language() -> None:
    from tracker.aggregate.glossary import available, translations

    assert available(), "make dictionaries installs Debian's FreeDict German-English pair"
    assert "kokain" in translations("cocaine", "en", "de")
    assert "cocaine" in translations("Kokain", "de", "en")
    assert "eintrittskarte" in translations("ticket", "en", "de")
    assert translations("zzzqx", "en", "de") == frozenset()


def test_without_dictionaries_there_are_no_translations(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tracker.aggregate import glossary

    monkeypatch.setenv("TRACKER_DICTIONARIES", str(tmp_path))
    glossary._dictionary.cache_clear()
    try:
        assert not glossary.available()
        assert glossary.translations("cocaine", "en", "de") == frozenset()
    finally:
        glossary._dictionary.cache_clear()


def test_a_definition_in_english_takes_the_german_noun_it_translates(tmp_path: Path) -> None:
    defs = {"quantity": [{"id": "tickets", "label": "Tickets sold", "unit": "tickets",
                          "concept": ["ticket"], "state": ["", "sold"]}]}
    got = _run(tmp_path, "de", ["Bis Sonntag wurden nach Angaben der Veranstalter rund "
                                "45.000 Eintrittskarten verkauft."], defs)
    assert got[next(q for q in got if q.startswith("rund 45.000"))] == "tickets"


def test_discovery_groups_a_german_noun_with_its_english_translation() -> None:
    import polars as pl

    from tracker.aggregate.suggest import _same_concepts

    concepts = pl.Series(["ticket", "ticket", "ticket", "eintrittskarte", "eintrittskarte",
                          "soldier"])
    assert _same_concepts(concepts) == {"eintrittskarte": "ticket"}
