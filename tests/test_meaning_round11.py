"""Meaning, round 11 (issue #11): definitions in the words of the story, reports on the year
before the article's. Sentences invented for these tests."""

from __future__ import annotations

from pathlib import Path


def test_a_definition_may_name_its_concept_by_a_counted_noun(tmp_path: Path) -> None:
    """The README names no concept for homes: a user writes "home", "flat" or "Wohnung"; the
    extractor's concept of such nouns (building) is taken too."""
    from test_meaning_rules import _assign

    for lang, body, quote in (
        ("en", "The region finished 12,500 flats this spring.", "12,500 flats"),
        ("de", "In der Region wurden 12.500 Wohnungen fertig.", "12.500 Wohnungen"),
    ):
        for words in (["home", ""], ["flat"], ["Wohnung"], ["dwellings"]):
            defs = {"quantity": [{"id": "homes", "label": "Homes finished", "unit": "homes",
                                  "concept": words}]}
            folder = tmp_path / f"{lang}-{words[0]}"
            folder.mkdir()
            assert _assign(folder, [body], lang, defs)[quote] == "homes", (lang, words)


def test_a_concept_of_the_extractor_gains_no_other(tmp_path: Path) -> None:
    from tracker.aggregate.quantities import _with_concept_names

    assert _with_concept_names(("soldier",)) == ("soldier",)
    assert _with_concept_names(("person", "")) == ("person", "")
    assert "building" in _with_concept_names(("apartment",))


def test_an_article_reporting_on_the_past_year_keeps_its_figures(tmp_path: Path) -> None:
    """An annual report published the next year: the year it reports on, named in most of its
    sentences with figures, is not another event; an earlier year still is."""
    from test_meaning_rules import _assign

    defs = {"quantity": [{"id": "sold", "label": "Bikes sold in the country",
                          "unit": "bikes", "concept": ["bike", "fahrrad", ""],
                          "keywords": [["sold", "verkauft"]]}]}
    folder = tmp_path / "en"
    folder.mkdir()
    got = _assign(folder, [
        "Dealers sold 41,000 bikes in 2025, the trade body said. Exports fell 6% in 2025. "
        "In 2024 dealers had sold 45,000 bikes.",
    ], "en", defs)
    assert got["41,000 bikes"] == "sold" and got["45,000 bikes"] is None
    folder = tmp_path / "de"
    folder.mkdir()
    got = _assign(folder, [
        "Im vergangenen Jahr wurden 41.000 Fahrräder verkauft. Die Ausfuhr sank 2025 um "
        "6 Prozent. 2024 waren 45.000 Fahrräder verkauft worden.",
    ], "de", defs)
    assert got["41.000 Fahrräder"] == "sold" and got["45.000 Fahrräder"] is None


def test_last_year_dates_a_figure_in_an_article_about_this_year(tmp_path: Path) -> None:
    """"last year" names the year before the article's: another event in an article about its
    own year, as "im vergangenen Jahr" is."""
    from test_meaning_rules import _assign

    defs = {"quantity": [{"id": "dead", "label": "People killed in the storm",
                          "unit": "people", "concept": ["person", ""], "state": ["killed"]}]}
    folder = tmp_path / "en"
    folder.mkdir()
    got = _assign(folder, [
        "The storm killed 14 people on Monday. Last year floods killed 30 people in the valley.",
    ], "en", defs)
    assert got["14 people"] == "dead" and got["30 people"] is None


def test_a_counted_noun_no_table_names_is_its_own_concept() -> None:
    from tracker.extract import extract

    got = [(c.concept, c.state) for c in extract(
        "Bisher wurden 41.000 Fahrräder verkauft, dazu kamen 900 Lastenräder.", "de")]
    assert got[0][0] == "fahrrad" and got[1][0] == "lastenrad"


def test_built_lacking_and_sold_are_states_of_a_plain_count() -> None:
    assert [s for _, _, s in _meanings(
        "The city completed 4,300 flats, but it is short of 9,000 flats. "
        "The club has sold 21,000 tickets.", "en")] == ["built", "lacking", "sold"]
    assert [s for _, _, s in _meanings(
        "Die Stadt hat 4.300 Wohnungen fertiggestellt, es fehlen aber 9.000 Wohnungen. "
        "Der Verein hat 21.000 Karten verkauft.", "de")] == ["built", "lacking", "sold"]


def test_a_definition_of_no_state_takes_the_new_plain_states(tmp_path: Path) -> None:
    from test_meaning_rules import _assign

    defs = {"quantity": [{"id": "short", "label": "Flats lacking", "unit": "flats",
                          "concept": ["flat", ""], "state": [""],
                          "keywords": [["short", "lack"]]}]}
    folder = tmp_path / "en"
    folder.mkdir()
    got = _assign(folder, ["The city says it is short of 9,000 flats."], "en", defs)
    assert got["9,000 flats"] == "short"


def _meanings(text: str, lang: str) -> list[tuple[str | None, str | None, str | None]]:
    from tracker.extract import extract

    return [(c.concept, c.actor, c.state) for c in extract(text, lang)]


def test_visiting_an_event_is_taking_part() -> None:
    assert _meanings("More than 9,000 people have visited the fair.", "en")[0][2] == "participated"
    assert _meanings("Rund 9.000 Menschen haben die Messe besucht.", "de")[0][2] == "participated"


def test_a_definition_may_name_its_state_and_actor_in_words(tmp_path: Path) -> None:
    """A user writes "arrested" for the README's captured, "Germany" for DE."""
    from test_meaning_rules import _assign

    defs = {"quantity": [{"id": "held", "label": "People arrested in Germany", "unit": "people",
                          "concept": ["person", ""], "actor": ["Germany", ""],
                          "state": ["arrested"]}]}
    folder = tmp_path / "en"
    folder.mkdir()
    got = _assign(folder, ["German police detained 48 people after the match."], "en", defs)
    assert got["48 people"] == "held"


def test_the_feminine_plural_of_a_counted_noun_counts_the_same() -> None:
    assert _meanings("Im Einsatz waren 1.800 Beamtinnen und Beamte.", "de")[0][0] == (
        "police_officer")


def test_money_in_a_relative_clause_or_after_a_colon_is_what_the_clause_before_names() -> None:
    assert _meanings("Die Kosten des Baus, die laut Verband bei 80 Millionen Euro liegen, "
                     "steigen weiter.", "de")[0][2] == "price"
    assert [s for _, _, s in _meanings(
        "The final cost is disputed: the auditors say €81m, the city €74m.", "en")] == [
        "price", "price"]
    assert _meanings("Die Stadt hält an ihrer Rechnung von 74 Millionen Euro fest.",
                     "de")[0][2] == "price"
    # a colon after a clause with no money word gives no state
    assert _meanings("Der Umsatz stieg: Die Firma nahm 3 Millionen Euro ein.", "de")[0][2] is None
