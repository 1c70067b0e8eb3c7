"""Round 14 meaning rules (tuner "general"), on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import polars as pl


def _meanings(text: str, lang: str) -> list[tuple[str | None, str | None, str | None]]:
    from tracker.extract import extract

    return [(c.concept, c.actor, c.state) for c in extract(text, lang)]


def test_a_definition_of_cut_trains_takes_the_cancelled_ones(tmp_path: Path) -> None:
    from test_meaning_rules import _assign

    defs = {"quantity": [{"id": "trains", "label": "Trains cut", "unit": "trains",
                          "concept": ["train", "Zug"], "state": ["", "cut"]}]}
    folder = tmp_path / "en"
    folder.mkdir()
    got = _assign(folder, ["The rail operator axed 240 trains on Tuesday."], "en", defs)
    assert got["240 trains"] == "trains"


def test_a_definition_of_cut_jobs_takes_no_cancelled_service(tmp_path: Path) -> None:
    from test_meaning_rules import _assign

    defs = {"quantity": [{"id": "jobs", "label": "Jobs cut", "unit": "jobs",
                          "concept": ["job"], "state": ["cut"]}]}
    folder = tmp_path / "en"
    folder.mkdir()
    got = _assign(folder, ["The airline cancelled 90 flights and cut 300 jobs."], "en", defs)
    assert got["90 flights"] is None


def test_a_country_the_clause_places_a_count_in_is_its_actor() -> None:
    got = _meanings("Die Behörde zählt 52.000 betroffene Fahrräder in Österreich.", "de")
    assert got[0][1] == "AT"
    got = _meanings("The regulator counts 8,400 affected boilers in Ireland.", "en")
    assert got[0][1] == "IE"


def test_countries_joined_by_a_coordinator_are_one_place() -> None:
    got = _meanings("Insgesamt wurden in Polen und Tschechien 14 Menschen verletzt.", "de")
    assert got == [("person", "CZ+PL", "wounded")]
    got = _meanings("In all, 14 people were injured in Poland and the Czech Republic.", "en")
    assert got[0][1:] == ("CZ+PL", "wounded")


def test_an_owner_or_a_measure_is_not_replaced_by_a_place() -> None:
    # a stated owner stays; soldiers placed somewhere are deployed there; a measure has no owner
    got = _meanings("Rund 2.000 polnische Lkw stehen in Deutschland im Stau.", "de")
    assert got[0][1] == "PL"
    got = _meanings("Prices rose by 4.1% in France last month.", "en")
    assert got[0][1] is None
    got = _meanings("About 3,000 soldiers are stationed in Lithuania.", "en")
    assert got[0][1] != "LT"


def test_a_place_across_a_comma_is_not_the_place_of_the_count() -> None:
    got = _meanings("Rund 600 Helfer sind im Einsatz, darunter Teams aus Italien und "
                    "Frankreich.", "de")
    assert got[0][1] is None


def _rows(specs: list[tuple[str | None, str | None]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "claim_id": [f"c{i}" for i in range(len(specs))],
            "unit": ["person"] * len(specs),
            "concept": ["person"] * len(specs),
            "actor": [a for a, _ in specs],
            "state": [s for _, s in specs],
            "claimant": [f"k{i}" for i in range(len(specs))],
            "outlet": [f"o{i}" for i in range(len(specs))],
            "sentence": ["s"] * len(specs),
        },
        schema_overrides={"actor": pl.String},
    )


def test_an_unstated_actor_joins_the_countries_named_together() -> None:
    from tracker.aggregate.suggest import discover

    rows = _rows([("CZ+PL", "killed")] * 2 + [(None, "killed")] * 3
                 + [("PL", "killed")] * 3 + [("CZ", "killed")] * 2)
    groups = {g.actor: len(g.claim_ids) for g in discover(rows)}
    assert groups["CZ+PL"] == 5 and groups["PL"] == 3  # the parts of one country stay apart


def test_figures_each_in_another_country_break_a_whole_down_into_parts() -> None:
    got = _meanings("Five climbers were injured, three in Austria and two in Italy.", "en")
    assert [(a, s) for _, a, s in got[1:]] == [("AT", "part"), ("IT", "part")]
    got = _meanings("Sechs Bergsteiger wurden verletzt, vier in Österreich, zwei in Italien.",
                    "de")
    assert [(a, s) for _, a, s in got[1:]] == [("AT", "part"), ("IT", "part")]
    # figures of two countries in clauses of their own are each that country's figure
    got = _meanings("Austria counts 4,100 affected heaters; in Italy the figure is about 900.",
                    "en")
    assert [s for _, _, s in got] == [None, None]


def test_a_later_figure_compared_from_the_year_before_is_of_that_year(tmp_path: Path) -> None:
    from test_meaning_rules import _assign

    defs = {"quantity": [{"id": "crop", "label": "Apple crop", "unit": "tonnes",
                          "concept": ["tonne"], "state": [""]}]}
    folder = tmp_path / "en"
    folder.mkdir()
    # an article that reports on the year before its own (2025 named in its sentences with
    # figures more often than any other year): its figures of 2025 stay, but the one a
    # comparison starts from is the year before's
    got = _assign(folder, [
        "Growers harvested 905,000 tonnes in 2025, and 120,000 tonnes were stored in 2025. "
        "Cold stores held 40,000 tonnes in 2025. "
        "This season's crop is seen at 850,000 tonnes, down from 900,000 tonnes in 2025."],
        "en", defs)
    assert got["905,000 tonnes"] == "crop" and got["120,000 tonnes"] == "crop"
    assert got["850,000 tonnes"] == "crop"
    assert got["900,000 tonnes"] is None


def test_money_set_aside_for_a_cost_is_a_cost() -> None:
    assert _meanings("Die Reederei bildete Rückstellungen von 80 Millionen Euro.", "de") == [
        ("euro", None, "price")]
    assert _meanings("The airline has set aside $60 million for refunds.", "en") == [
        ("dollar", None, "price")]


def test_items_with_a_place_of_their_own_after_a_part_are_parts_too() -> None:
    got = _meanings("Allein im Landkreis Nord waren es rund 9.000, in Lübeck etwa 3.000 und "
                    "im Gebiet des Versorgers am Kanal rund 2.000.", "de")
    assert [s for _, _, s in got] == ["part", "part", "part"]
    got = _meanings("In the northern district alone it was around 9,000, in Leeds about 3,000 "
                    "and in the area of the coastal utility some 2,000.", "en")
    assert [s for _, _, s in got] == ["part", "part", "part"]


def test_cars_join_vehicles_in_suggestions_but_kinds_of_person_need_a_state() -> None:
    from tracker.aggregate.suggest import discover

    rows = pl.DataFrame(
        {
            "claim_id": [f"c{i}" for i in range(8)],
            "unit": ["car"] * 2 + ["vehicle"] * 2 + ["protester"] * 2 + ["person"] * 2,
            "concept": ["car"] * 2 + ["vehicle"] * 2 + ["protester"] * 2 + ["person"] * 2,
            "actor": [None] * 8,
            "state": [None] * 8,
            "claimant": [f"k{i}" for i in range(8)],
            "outlet": [f"o{i}" for i in range(8)],
            "sentence": ["s"] * 8,
        },
        schema_overrides={"actor": pl.String, "state": pl.String},
    )
    groups = {g.concept: len(g.claim_ids) for g in discover(rows, min_claims=2)}
    assert groups["vehicle"] == 4
    assert groups["protester"] == 2 and groups["person"] == 2


def test_after_a_part_in_one_country_a_figure_in_another_is_a_part_too() -> None:
    got = _meanings("Five of the injured were in Austria and three in Italy, police said.", "en")
    assert [(a, s) for _, a, s in got] == [("AT", "part"), ("IT", "part")]


def test_a_definition_of_one_country_takes_that_country_s_part(tmp_path: Path) -> None:
    from test_meaning_rules import _assign

    defs = {"quantity": [
        {"id": "bikes_world", "label": "Bikes recalled", "unit": "bikes",
         "concept": ["bicycle", "bike"], "actor": [""], "state": [""]},
        {"id": "bikes_at", "label": "Bikes recalled in Austria", "unit": "bikes",
         "concept": ["bicycle", "bike"], "actor": ["AT"], "state": [""]},
    ]}
    folder = tmp_path / "en"
    folder.mkdir()
    got = _assign(folder, ["The maker is recalling 80,000 bikes, and 6,000 of the recalled "
                           "bikes were sold in Austria."], "en", defs)
    assert got["80,000 bikes"] == "bikes_world"
    assert got["6,000"] == "bikes_at"


def test_an_adjective_of_a_country_after_a_place_word_two_words_back_is_no_place() -> None:
    got = _meanings("On Monday the Dutch ministry said 30 people were injured.", "en")
    assert got[0][1] is None
    assert _meanings("Officials counted 900 affected boilers in the UK.", "en")[0][1] == "GB"
