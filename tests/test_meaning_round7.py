"""Meaning, round 7 (issue #11): economic rates, forecasts, the unemployed and job cuts, and
how suggestions group them. Sentences invented for these tests."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from test_meaning_rules import _assign

from tracker.aggregate.suggest import discover


def _meanings(text: str, lang: str) -> list[tuple[str | None, str | None]]:
    from tracker.extract import extract

    return [(c.concept, c.state) for c in extract(text, lang)]


def test_a_share_of_an_economic_rate_counts_that_rate() -> None:
    assert _meanings("The central bank expects the economy to grow 1.4% next year.", "en") == [
        ("growth", "expected")]
    assert _meanings("Analysts see inflation at 3.2% in the coming year.", "en")[0][0] == (
        "inflation")
    assert _meanings("Consumer prices will rise 2.5% next year.", "en")[0][0] == "inflation"
    assert _meanings("Union members want a pay rise of 6%.", "en")[0][0] == "wage"
    assert _meanings("Das Institut erwartet ein Wirtschaftswachstum von 1,2 Prozent.", "de") == [
        ("growth", "expected")]
    assert _meanings("Die Arbeitslosenquote lag zuletzt bei 5,9 Prozent.", "de")[0][0] == (
        "unemployment")


def test_a_share_that_names_nothing_after_a_rate_is_a_figure_of_that_rate() -> None:
    assert _meanings("The central bank expects growth of 1.4% next year. In March it had "
                     "predicted 1.8%.", "en") == [("growth", "expected"), ("growth", "expected")]
    assert _meanings("Für 2028 erwartet das Institut ein Wachstum von 1,2 Prozent. Im Frühjahr "
                     "hatte es noch 1,6 Prozent vorhergesagt.", "de")[1] == ("growth", "expected")
    # not past a sentence with figures of something else: the bare share stays a bare measure
    assert _meanings("Growth was 0.4% in the spring. The council built 40 parking spaces. "
                     "A survey found 38% of drivers unhappy.", "en")[-1][0] != "growth"


def test_forecast_words_make_a_plan() -> None:
    assert _meanings("ING expects 0.6% for the whole year.", "en")[0][1] == "expected"
    assert _meanings("Die Forscher haben 0,8 Prozent vorhergesagt.", "de")[0][1] == "expected"
    assert _meanings("Die Prognose liegt bei 0,8 Prozent.", "de")[0][1] == "expected"


def test_the_unemployed_are_people_out_of_work() -> None:
    assert _meanings("The number of unemployed rose to 2.6 million in April.", "en") == [
        ("person", "unemployed")]
    assert _meanings("Die Zahl der Arbeitslosen stieg auf 2,7 Millionen.", "de") == [
        ("person", "unemployed")]


def test_a_planned_job_cut_keeps_its_state() -> None:
    assert _meanings("The carmaker plans to cut 3,200 jobs.", "en") == [("job", "cut")]
    assert _meanings("About 1,900 jobs will be axed in the north.", "en") == [("job", "cut")]
    assert _meanings("Der Konzern will 2.500 Stellen streichen.", "de") == [("job", "cut")]
    # a part of the cuts stays a part, a change stays a change
    assert _meanings("The carmaker plans to cut 3,200 jobs, 1,100 of them in Spain.",
                     "en")[1][1] == "part"


def test_a_planned_saving_or_cost_keeps_what_the_money_is() -> None:
    assert _meanings("The company expects savings of €400 million a year.", "en") == [
        ("euro", "saved")]
    assert _meanings("Der Umbau soll 900 Millionen Euro kosten.", "de")[0][1] == "price"


def test_strike_participation() -> None:
    assert _meanings("More than 5,000 nurses joined the strike on Monday.", "en")[0][1] == (
        "participated")
    assert _meanings("Rund 3.000 Beschäftigte traten in den Ausstand.", "de")[0][1] == (
        "participated")


def test_a_definition_of_percent_takes_a_rate_and_of_no_state_takes_the_new_states(
        tmp_path: Path) -> None:
    defs = {"quantity": [
        {"id": "gdp", "label": "Growth forecast", "unit": "percent", "concept": ["percent", ""],
         "state": ["expected", ""], "keywords": [["growth", "grow"]]},
        {"id": "jobless", "label": "Unemployed", "unit": "people", "concept": ["person", ""],
         "state": [""], "keywords": [["unemployed"]]},
        {"id": "cuts", "label": "Jobs to go", "unit": "jobs", "concept": ["job", ""],
         "state": ["expected", ""]},
    ]}
    got = _assign(tmp_path, [
        "The institute expects the economy to grow 1.1% next year.",
        "The number of unemployed rose to 2.6 million in April.",
        "The carmaker plans to cut 3,200 jobs.",
    ], "en", defs)
    assert got["1.1%"] == "gdp"
    assert got["2.6 million"] == "jobless"
    assert got["3,200 jobs"] == "cuts"


def test_a_rates_forecasts_and_its_other_figures_are_suggested_together() -> None:
    rows = [("c1", "growth", "expected", "Ifo"), ("c2", "growth", None, "DIW"),
            ("c3", "growth", "expected", "IMF"), ("c4", "inflation", "expected", "Ifo"),
            ("c5", "inflation", None, "DIW"), ("c6", "inflation", None, "IMF")]
    frame = pl.DataFrame(
        {"claim_id": [r[0] for r in rows], "unit": ["percent"] * 6,
         "concept": [r[1] for r in rows], "actor": [None] * 6, "state": [r[2] for r in rows],
         "claimant": [r[3] for r in rows], "outlet": [r[3] for r in rows],
         "sentence": ["s"] * 6})
    groups = {g.concept: g for g in discover(frame)}
    assert set(groups) == {"growth", "inflation"}
    assert groups["growth"].claim_ids == ("c1", "c2", "c3")
    # tracking the group keeps its forecasts
    assert set(groups["growth"].definition("q")["state"]) == {"", "expected"}
    # a count's plan still stays apart from its total
    counts = frame.with_columns(unit=pl.lit(None, pl.String), concept=pl.lit("person"))
    assert len(discover(counts, min_claims=2)) == 2


def test_the_side_of_a_vote_a_share_is() -> None:
    assert _meanings("In the end 52.3% voted yes and 47.7% voted no.", "en") == [
        ("vote", "approved"), ("vote", "rejected")]
    assert _meanings("The measure was rejected by 58% of voters.", "en") == [("vote", "rejected")]
    assert _meanings("The yes vote stood at 50.3%.", "en") == [("vote", "approved")]
    # a clause break ends the words after a share: the next clause's side is not its own
    assert _meanings("Der Ja-Anteil sank auf 50,4 Prozent, der Nein-Anteil stieg auf 49,6 "
                     "Prozent.", "de") == [("vote", "approved"), ("vote", "rejected")]
    assert _meanings("Demnach stimmten 50,4 Prozent der Abstimmenden mit Ja.", "de") == [
        ("vote", "approved")]
    # the turnout after the sides stays the turnout
    assert _meanings("Ergebnis: 50,4 Prozent Ja, 49,6 Prozent Nein bei einer Stimmbeteiligung "
                     "von 45,1 Prozent.", "de")[2] == ("vote", "participated")
    # a poll's sides are the poll's
    assert [st for _, st in _meanings(
        "A new poll found 54% of voters in favour and 43% against, with 3% undecided.",
        "en")] == ["expected"] * 3


def test_a_definition_of_votes_takes_both_sides(tmp_path: Path) -> None:
    # a definition of the state "voted", written before the sides were told apart, takes them
    defs = {"quantity": [
        {"id": "yes", "label": "Yes share", "unit": "percent", "concept": ["vote", ""],
         "state": ["voted", ""], "keywords": [["yes"]]},
        {"id": "no", "label": "No share", "unit": "percent", "concept": ["vote"],
         "state": ["rejected"]},
    ]}
    got = _assign(tmp_path, ["The count stood at 53.5% yes.", "In the canton, 61% voted no."],
                  "en", defs)
    assert got["53.5%"] == "yes"
    assert got["61%"] == "no"


def test_confirmed_cases_are_a_kind_of_infected() -> None:
    assert _meanings("Laboratories in the port city have confirmed 64 cases.", "en") == [
        ("case", "confirmed")]
    assert _meanings("Im Labor bestätigt sind bislang 75 Fälle.", "de") == [("case", "confirmed")]
    # suspected cases stay infected, and a confirmed death stays a death (confirmed is weak)
    assert _meanings("The number of suspected cases rose to 4,100 and laboratories confirmed "
                     "210.", "en") == [
        ("case", "infected"), ("case", "confirmed")]
    assert _meanings("The ministry confirmed 19 deaths.", "en") == [("person", "killed")]
    assert _meanings("Officials confirmed that 800 people were evacuated.", "en")[0][1] == (
        "displaced")


def test_a_share_takes_what_it_measures_from_earlier_in_its_sentence() -> None:
    assert _meanings("Bei der Teuerung sind sich die Institute einig: Das eine erwartet 2,2 "
                     "Prozent, das andere 2,0 Prozent.", "de")[0][0] == "inflation"
    assert _meanings("Inflation, at least, should cool: forecasts range from 2.1% to 2.4%.",
                     "en")[0][0] == "inflation"


def test_a_modal_and_a_verb_of_decline_is_a_forecast() -> None:
    assert _meanings("Die Inflation werde auf 2,1 Prozent sinken.", "de")[0] == (
        "inflation", "expected")
    assert _meanings("The jobless rate could fall to 5.2% next spring.", "en")[0] == (
        "unemployment", "expected")


def test_occupations_counted_in_a_strike_and_a_shrinking_economy() -> None:
    assert _meanings("Rund 600 Fluglotsen streikten am Morgen.", "de") == [
        ("controller", "participated")]
    assert _meanings("Etwa 14.000 Lokführer legten die Arbeit nieder.", "de") == [
        ("driver", "participated")]
    assert _meanings("Die Wirtschaft schrumpfte im Sommer um 0,4 Prozent.", "de")[0][0] == "growth"
    assert _meanings("The economy shrank 0.2% in the spring.", "en")[0][0] == "growth"


def _frame(rows: list[tuple[str, str, str | None, str]]) -> pl.DataFrame:
    n = len(rows)
    return pl.DataFrame(
        {"claim_id": [r[0] for r in rows], "unit": [None] * n, "concept": [r[1] for r in rows],
         "actor": [None] * n, "state": [r[2] for r in rows], "claimant": [r[3] for r in rows],
         "outlet": [r[3] for r in rows], "sentence": ["s"] * n},
        schema_overrides={"unit": pl.String})


def test_restated_figures_of_no_state_join_the_planned_cut() -> None:
    rows = [("c1", "job", "cut", "a"), ("c2", "job", "cut", "b"), ("c3", "job", None, "c"),
            ("c4", "job", "cut", "d")]
    groups = discover(_frame(rows))
    assert [g.claim_ids for g in groups] == [("c1", "c2", "c3", "c4")]
    assert set(groups[0].definition("q")["state"]) == {"", "cut"}
    # not when figures of no state are the commoner: the jobs a firm has are no cut
    rows = [("c1", "job", "cut", "a"), ("c2", "job", None, "b"), ("c3", "job", None, "c"),
            ("c4", "job", None, "d")]
    assert [g.claim_ids for g in discover(_frame(rows), min_claims=1)] == [
        ("c2", "c3", "c4"), ("c1",)]
    assert _meanings("The union says more than 6,000 jobs are at stake.", "en")[0][1] == "cut"


def test_a_side_said_before_the_vote_and_a_polls_respondents() -> None:
    assert _meanings("The initiative won 52.1% of the vote.", "en") == [("vote", "approved")]
    assert _meanings("In einer Befragung wollen 46 Prozent der Befragten ein Ja einlegen.",
                     "de")[0] == ("vote", "expected")


def test_a_rates_figures_for_this_year_and_the_next_are_suggested_apart() -> None:
    rows = [("c1", "0.9% next year", "a"), ("c2", "1.1% in 2027, the institute said", "b"),
            ("c3", "Das Institut erwartet im kommenden Jahr 0,8 Prozent", "c"),
            ("c4", "0.2% this year", "d"), ("c5", "0,1 Prozent im laufenden Jahr", "e"),
            ("c6", "0.3% in 2026", "f"), ("c7", "1.0%, the bank said", "g"),
            ("c8", "1.2% for next year's output", "h"), ("c9", "1.4% in 2028", "i")]
    n = len(rows)
    frame = pl.DataFrame(
        {"claim_id": [r[0] for r in rows], "unit": ["percent"] * n, "concept": ["growth"] * n,
         "actor": [None] * n, "state": ["expected"] * n, "claimant": [r[2] for r in rows],
         "outlet": [r[2] for r in rows], "sentence": [r[1] for r in rows],
         "around": [r[1] for r in rows], "published_year": [2026] * n},
        schema_overrides={"actor": pl.String})
    groups = {g.label: g.claim_ids for g in discover(frame)}
    # a figure that names no year joins the commonest (next year); a rate's forecasts are no
    # group of their own (the label shows no state)
    assert groups == {"growth (percent, next year)": ("c1", "c2", "c3", "c7", "c8"),
                      "growth (percent, current year)": ("c4", "c5", "c6")}
    assert len(discover(frame, min_claims=1)) == 3  # 2028: later


def test_what_a_share_measures_after_a_possessive() -> None:
    assert _meanings("A survey showed a median forecast of 1.2% for next year's growth.",
                     "en")[0] == ("growth", "expected")


def test_after_a_change_or_forecast_an_elided_figure_counts_the_underlying_state() -> None:
    assert _meanings("Die Arbeitslosigkeit werde auf 2,9 Millionen steigen, nach zuletzt 2,8 "
                     "Millionen.", "de") == [("person", "expected"), ("person", "unemployed")]
    assert _meanings("Am Mittwoch wurden vier weitere Tote geborgen, insgesamt 23.", "de") == [
        ("person", "added"), ("person", "killed")]
    # not after a part by time: a daily figure's next figure is daily too
    assert _meanings("Die Zahl der täglich gemeldeten Fälle sank von 380 auf 190.", "de")[1][1] != (
        "infected")


def test_charges_and_burdens_are_a_cost() -> None:
    assert _meanings("Analysts expect restructuring charges of €900 million.", "en")[0] == (
        "euro", "price")
    assert _meanings("Der Versicherer rechnet mit Belastungen von 700 Millionen Euro.",
                     "de")[0] == ("euro", "price")
