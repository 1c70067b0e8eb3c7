"""Round 14 (nk) meaning and assignment rules, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path


def _meanings(text: str, lang: str) -> list[tuple[float | None, str | None, str | None]]:
    from tracker.extract import extract

    return [(c.low, c.concept, c.state) for c in extract(text, lang)]


def test_a_deadline_before_the_number_dates_it_unless_a_modal_makes_it_a_plan() -> None:
    assert _meanings("By March, the agency counted 2,300 casualties.", "en") == [
        (2300.0, "person", "casualties")]
    assert _meanings("By March, 9,000 troops could be there.", "en")[0][2] == "expected"
    assert _meanings("The number could climb to 9,000 by March.", "en")[0][2] == "expected"
    assert _meanings("Bis März hatte die Behörde 2.300 Verletzte gezählt.", "de")[0][2] == (
        "wounded")


def test_a_part_said_by_a_back_partitive_with_a_state_of_its_own_counts_that_state() -> None:
    got = _meanings("The army reported about 3,000 casualties, of whom around 700 had died.",
                    "en")
    assert got[1] == (700.0, "person", "killed")
    got = _meanings("Rund 9.000 Soldaten wurden verlegt. Von ihnen seien etwa 2.100 getötet "
                    "oder verwundet worden.", "de")
    assert got[1][2] == "casualties"
    # no state of its own, or the whole's: a part
    assert _meanings("About 800 people were evacuated, 90 of them children.", "en")[1][2] == (
        "part")
    assert _meanings("Some 800 were injured, 90 of whom were injured badly.", "en")[1][2] == (
        "part")


def test_an_estimate_of_soldiers_after_soldiers_deployed_counts_them_deployed() -> None:
    got = _meanings("The country has deployed 6,000 soldiers to the border. Officials now "
                    "estimated 7,000 to 8,000 soldiers.", "en")
    assert got[1][1:] == ("soldier", "deployed")
    got = _meanings("Das Land hat 6.000 Soldaten an die Grenze verlegt. Inzwischen gehen "
                    "Beobachter von 7.000 Soldaten aus.", "de")
    assert got[1][1:] == ("soldier", "deployed")
    # a force as a whole is no count of those sent
    got = _meanings("The country has deployed 6,000 soldiers to the border. Analysts say its "
                    "army numbers 300,000 soldiers.", "en")
    assert got[1][2] is None


def test_a_decision_is_a_plan_and_soldiers_that_arrived_are_deployed() -> None:
    assert _meanings("The cabinet decided to dispatch 2,000 soldiers.", "en")[0][2] == (
        "expected")
    assert _meanings("Officials said 800 marines had arrived.", "en")[0][1:] == (
        "soldier", "deployed")


def test_fresh_troops_a_second_wave_and_daily_or_group_figures() -> None:
    assert _meanings("The army sent 700 fresh soldiers.", "en")[0][2] == "added"
    assert _meanings("Officials reported a second wave of about 900.", "en")[0][2] == "added"
    assert _meanings("Es folgte eine zweite Welle von etwa 900 Soldaten.", "de")[0][2] == "added"
    assert _meanings("Daily losses averaged about 300 in May.", "en")[0][2] == "part"
    assert _meanings("They attack in groups of 8 to 12 soldiers.", "en")[0][2] == "part"


_ARTICLE = """url: https://example.org/{n}
outlet: example{n}.org
published: 2026-03-02
title: {title}
language: {lang}
---
{body}
"""

_DEFS = {"quantity": [
    {"id": "troops", "label": "Troops of Ruritania", "unit": "soldiers",
     "concept": ["soldier"], "actor": [""], "state": ["deployed"], "place": ["ruritania"],
     "exclude": ["additional", "zusatzlich"]},
    {"id": "casualties", "label": "Ruritanian casualties", "unit": "soldiers",
     "concept": ["soldier", "person"], "actor": [""], "state": ["casualties"],
     "place": ["ruritania"]},
]}


def _assign(tmp_path: Path, articles: list[tuple[str, str]], lang: str) -> dict[str, str | None]:
    import duckdb

    from tracker.aggregate.quantities import assign_all, parse_quantities
    from tracker.ingest import ingest

    paths = []
    for n, (title, body) in enumerate(articles, 1):
        path = tmp_path / f"a{n}.txt"
        path.write_text(_ARTICLE.format(n=n, title=title, body=body, lang=lang),
                        encoding="utf-8")
        paths.append(path)
    db = tmp_path / "t.duckdb"
    ingest(paths, db, workers=1, progress=False)
    with duckdb.connect(str(db)) as con:
        assign_all(con, parse_quantities(_DEFS))
        return dict(con.execute("SELECT quote, quantity FROM claims").fetchall())


def test_the_place_may_be_named_in_the_sentence_before(tmp_path: Path) -> None:
    got = _assign(tmp_path, [("Border news", "Ruritania has moved 3 brigades north. In total, "
                              "about 5,000 soldiers were deployed.\n\nIn all, 700 soldiers "
                              "were deployed.")], "en")
    assert got["about 5,000 soldiers"] == "troops"
    assert got["700 soldiers"] is None  # a paragraph break before it


def test_exclusion_words_after_a_semicolon_are_the_next_clauses(tmp_path: Path) -> None:
    got = _assign(tmp_path, [("Ruritania", "Schätzungen gehen von etwa 5.000 ruritanischen "
                              "Soldaten im Norden aus, die verlegt wurden; zusätzlich sollen "
                              "900 Pioniere dort sein.")], "de")
    assert got["etwa 5.000 ruritanischen Soldaten"] == "troops"


def test_late_last_year_is_an_earlier_estimate_of_the_same_quantity(tmp_path: Path) -> None:
    got = _assign(tmp_path, [
        ("Ruritania", "Officials had put the number of soldiers deployed at 4,000 late last "
                      "year."),
        ("Ruritania", "Last year 300 soldiers were deployed to the coast. Now 500 soldiers "
                      "are deployed there.")], "en")
    assert got["4,000"] == "troops"
    assert got["300 soldiers"] is None  # another period
