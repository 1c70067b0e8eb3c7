"""Round 12 meaning rules, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path


def _meanings(text: str, lang: str) -> list[tuple[str | None, str | None, str | None]]:
    from tracker.extract import extract

    return [(c.concept, c.actor, c.state) for c in extract(text, lang)]


def test_a_country_inside_the_counted_phrase_is_its_actor_even_when_the_source_names_it() -> None:
    got = _meanings("Radio Polish has confirmed the names of more "
                    "than 2,000 Polish workers killed in the mines.", "en")
    assert got[0] == ("worker", "PL", "killed")


def test_a_service_cancelled_or_delayed_has_that_state() -> None:
    assert [s for _, _, s in _meanings(
        "The carrier cancelled 30 flights on Monday. Another 50 trains were delayed.", "en")
    ] == ["cancelled", "delayed"]
    assert [s for _, _, s in _meanings(
        "Am Montag wurden 30 Flüge annulliert. Zudem waren 50 Züge verspätet.", "de")
    ] == ["cancelled", "delayed"]


def test_a_definition_of_no_state_takes_cancelled_and_delayed_figures(tmp_path: Path) -> None:
    from test_meaning_rules import _assign

    defs = {"quantity": [{"id": "trains", "label": "Trains", "unit": "trains",
                          "concept": ["train"], "state": [""]}]}
    folder = tmp_path / "en"
    folder.mkdir()
    got = _assign(folder, ["The operator said 120 trains were cancelled."], "en", defs)
    assert got["120 trains"] == "trains"


def test_a_unit_of_a_material_counts_the_material_it_names() -> None:
    assert [c for c, _, _ in _meanings(
        "Farmers brought in 4.2 million tonnes of barley. Maize output is seen at "
        "3.1 million tonnes.", "en")] == ["barley", "maize"]
    assert [c for c, _, _ in _meanings(
        "Die Bauern ernteten 4,2 Millionen Tonnen Gerste. Beim Mais rechnet der Verband mit "
        "3,1 Millionen Tonnen.", "de")] == ["barley", "maize"]


def test_a_definition_of_tonnes_leaves_a_material_another_one_names(tmp_path: Path) -> None:
    from test_meaning_rules import _assign

    defs = {"quantity": [
        {"id": "all_crops", "label": "Crops", "unit": "tonne", "concept": ["tonne", ""],
         "state": [""]},
        {"id": "barley", "label": "Barley", "unit": "tonne", "concept": ["barley"],
         "state": [""]}]}
    folder = tmp_path / "en"
    folder.mkdir()
    got = _assign(folder, ["The region harvested 9.5 million tonnes, among them 4.2 million "
                           "tonnes of barley."], "en", defs)
    assert got["4.2 million tonnes"] == "barley" and got["9.5 million tonnes"] == "all_crops"


def test_davon_two_words_before_the_number_makes_it_a_part() -> None:
    got = _meanings("Die Behörde nimmt an, dass davon noch etwa 600 Helfer im Lager arbeiten.",
                    "de")
    assert got[0][2] == "part"
    # "davon ausgehen" (to assume) further back is no partitive
    assert _meanings("Die Polizei geht davon aus, dass 300 Menschen starben.", "de")[0][2] == (
        "killed")


def test_troops_prepared_for_deployment_are_a_plan() -> None:
    assert _meanings("Bis zu 4.000 Soldaten werden derzeit für den Einsatz vorbereitet.",
                     "de")[0][2] == "expected"
    assert _meanings("Some 4,000 soldiers are being prepared for deployment.", "en")[0][2] == (
        "expected")


def test_travellers_are_passengers_in_both_languages() -> None:
    assert _meanings("About 3,000 travellers were stranded at the station.", "en")[0][0] == (
        "passenger")
    assert _meanings("Rund 3.000 Reisende saßen am Bahnhof fest.", "de")[0][0] == "passenger"


def test_a_service_that_is_cut_is_cancelled_but_jobs_stay_cut() -> None:
    assert [s for _, _, s in _meanings(
        "Die Bahn strich am Montag 140 Züge. Der Konzern streicht 3.000 Stellen.", "de")
    ] == ["cancelled", "cut"]
    assert [s for _, _, s in _meanings(
        "The airline axed 90 flights, and the group will cut 2,000 jobs.", "en")
    ] == ["cancelled", "cut"]


def test_a_concept_word_naming_what_money_is_takes_that_money(tmp_path: Path) -> None:
    from test_meaning_rules import _assign

    defs = {"quantity": [{"id": "damage", "label": "Storm damage", "unit": "euro",
                          "concept": ["euro", "damage"], "state": [""]}]}
    folder = tmp_path / "en"
    folder.mkdir()
    got = _assign(folder, ["Insurers put the damage at €800 million."], "en", defs)
    assert got["€800 million"] == "damage"
