"""Meaning, round 8 (issue #11): enumerations inside a clause, a relative clause about a part,
the place a sentence opens with, and undated articles. Sentences invented for these tests."""

from __future__ import annotations

from pathlib import Path


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


def test_a_figure_before_its_whole_is_a_part_and_the_whole_keeps_its_state() -> None:
    assert _meanings("In Lyon legten rund 2.000 Beschäftigte die Arbeit nieder, landesweit "
                     "mehr als 40.000.", "de") == [("employee", None, "part"),
                                                   ("employee", None, "participated")]
    assert [m[2] for m in _meanings("About 1,200 people marched in the capital, nationwide "
                                    "more than 25,000.", "en")] == ["part", "participated"]
    # the word is the figure's own: "47 arrests nationwide, 31 of them in Paris"
    assert _meanings("Police made 60 arrests nationwide, 22 of them in the capital.",
                     "en")[0][2] == "captured"


_UNDATED = """url: https://example.org/{n}
outlet: example{n}.org
{published}title: Heat
language: {lang}
---
{body}
"""


def _assign_dated(tmp_path: Path, bodies: list[tuple[str | None, str]], lang: str = "en", *,
                  defs: dict) -> dict[str, str | None]:
    import duckdb

    from tracker.aggregate.quantities import assign_all, parse_quantities
    from tracker.ingest import ingest

    paths = []
    for n, (date, body) in enumerate(bodies, 1):
        path = tmp_path / f"a{n}.txt"
        published = f"published: {date}\n" if date else ""
        text = _UNDATED.format(n=n, published=published, body=body, lang=lang)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    db = tmp_path / "t.duckdb"
    ingest(paths, db, workers=1, progress=False)
    with duckdb.connect(str(db)) as con:
        assign_all(con, parse_quantities(defs))
        return dict(con.execute("SELECT quote, quantity FROM claims").fetchall())


_DEFS = {"quantity": [
    {"id": "deaths", "label": "Deaths", "unit": "people", "concept": ["person", ""],
     "state": ["killed"]},
    {"id": "marchers", "label": "Marchers", "unit": "people", "concept": ["person", ""],
     "state": ["participated"], "keywords": [["march"]]},
]}


def test_an_undated_article_is_of_the_latest_dated_year(tmp_path: Path) -> None:
    got = _assign_dated(tmp_path, [
        ("2026-06-02", "The heat has killed 40 people in the region."),
        (None, "The heat has killed 55 people. In the 2019 heatwave, 800 people died."),
    ], defs=_DEFS)
    assert got["55 people"] == "deaths"
    assert got["800 people"] is None  # another event: a year before the story's


def test_the_words_of_a_part_refine_its_whole(tmp_path: Path) -> None:
    got = _assign_dated(tmp_path, [
        ("2026-06-02", "Marching in the capital were some 3,000 people, nationwide about "
                       "20,000."),
    ], defs=_DEFS)
    assert got["some 3,000 people"] is None and got["about 20,000"] == "marchers"


def test_an_offer_and_a_possible_sum_are_plans() -> None:
    assert _meanings("The company has offered 2.5%, the union wants more.", "en")[0][2] == (
        "expected")
    assert _meanings("Der Verband hat zuletzt 2,5 Prozent angeboten.", "de")[0][2] == "expected"
    assert _meanings("Die Verluste könnten sich auf bis zu 90 Millionen Euro summieren.",
                     "de")[0][2] == "expected"
    assert _meanings("Bis zu 40.000 Reisende könnten betroffen sein.", "de")[0][2] == "expected"
    # "a total of" is no verb of a forecast
    assert _meanings("Officials said a total of 3,000 soldiers will probably stay there.",
                     "en")[0][2] != "expected"


def test_a_measure_quantity_with_no_concept_takes_a_share_of_anything(tmp_path: Path) -> None:
    defs = {"quantity": [{"id": "demand", "label": "Pay demand", "unit": "percent",
                          "concept": [""], "keywords": [["demand"]]}]}
    got = _assign_dated(tmp_path, [
        ("2026-06-02", "The union is demanding a 7% pay rise."),
        ("2026-06-03", "The union repeated its demand for 7%; the employers have offered 3%."),
    ], defs=defs)
    assert got["7%"] == "demand" and got["3%"] is None


def test_an_unstated_actor_joins_the_story_s_own_where_a_kind_of_figure_names_one() -> None:
    import polars as pl

    from tracker.aggregate.suggest import discover

    specs = [  # (concept, unit, actor, state)
        *[("person", None, "ES", "killed")] * 4,
        ("hectare", "hectare", "PT", None), ("hectare", "hectare", "PT", None),
        ("hectare", "hectare", "PT", None),
        ("hectare", "hectare", None, None), ("hectare", "hectare", None, None),
        ("hectare", "hectare", None, None),
    ]
    frame = pl.DataFrame(
        {"claim_id": [f"c{i}" for i in range(len(specs))],
         "unit": [u for _, u, _, _ in specs], "concept": [c for c, _, _, _ in specs],
         "actor": [a for _, _, a, _ in specs], "state": [s for _, _, _, s in specs],
         "claimant": [f"k{i}" for i in range(len(specs))],
         "outlet": [f"o{i}" for i in range(len(specs))], "sentence": ["s"] * len(specs)},
        schema_overrides={"actor": pl.String, "state": pl.String, "unit": pl.String})
    hectares = {g.actor: set(g.claim_ids) for g in discover(frame) if g.concept == "hectare"}
    # Portugal's hectares apart; the unstated ones are the story's (Spain's)
    assert hectares == {"PT": {"c4", "c5", "c6"}, "ES": {"c7", "c8", "c9"}}


def test_a_bare_figure_after_a_measure_of_its_sentence_is_that_measure() -> None:
    assert _meanings("Officials put the burned area at 4,200 hectares, while satellite data "
                     "showed 5,100.", "en")[1][0] == "hectare"
    # not after a count: "12 people" is no measure
    assert _meanings("Officials said 12 people were hurt, while others spoke of 15.",
                     "en")[1][0] != "hectare"


def test_a_refinement_word_at_the_end_of_a_german_clause_is_near(tmp_path: Path) -> None:
    defs = {"quantity": [{"id": "treated", "label": "Treated", "unit": "people",
                          "concept": ["person", ""], "state": ["hospitalized", ""],
                          "keywords": [["krankenh", "hospital"]]}]}
    got = _assign_dated(tmp_path, [
        ("2026-06-02", "Das Ministerium meldete, dass rund 250 Menschen wegen Sonnenstich, "
                       "Erschöpfung oder Austrocknung seit Montag in Krankenhäusern behandelt "
                       "worden seien."),
    ], "de", defs=defs)
    assert got["rund 250 Menschen"] == "treated"


def test_hospital_treatments_with_an_article_or_hospitals_as_subject() -> None:
    assert _meanings("In den Kliniken wurden bislang 410 Patienten wegen Vergiftungen "
                     "behandelt.", "de")[0][2] == "hospitalized"
    assert _meanings("Local hospitals have treated 320 people for smoke inhalation.",
                     "en")[0][2] == "hospitalized"
    assert _meanings("In Bern kamen an einem einzigen Tag 45 Patienten in die Notaufnahmen.",
                     "de")[0][2] == "part"


def test_a_short_aside_in_parentheses_does_not_end_the_clause() -> None:
    # the cost word is read across the aside (a loss the insurers bear: round 10's borne_after)
    assert _meanings("Der Sturm kostet die Versicherer nach Schätzung des Verbands (GDV) rund "
                     "400 Millionen Euro.", "de")[0][2] == "damaged"
    assert _meanings("Die Fluten zerstörten laut dem Amt (BABS) etwa 900 Häuser.",
                     "de")[0][2] == "destroyed"
    # an aside with a figure still ends it
    assert _meanings("The fire (the third in 2 weeks) forced 300 people to flee.",
                     "en")[-1][2] == "displaced"


def test_a_figure_of_the_next_is_a_part_of_it() -> None:
    assert [m[2] for m in _meanings("Only 30 of about 200 scheduled trains ran on Monday.",
                                    "en")][0] == "part"
    assert _meanings("Nur 9 von 60 Bussen fuhren am Morgen.", "de")[0][2] == "part"
    # "from 300 to 1,600" joins no part
    assert "part" not in [m[2] for m in _meanings("The toll rose from 300 to 1,600 people.",
                                                  "en")]


def test_a_raise_is_a_wage_rate() -> None:
    assert _meanings("Nurses want a 6% raise next year.", "en")[0][0] == "wage"
