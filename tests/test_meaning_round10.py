"""Meaning, round 10 (issue #11): figures per period are rates, never counts or totals of the
story. Sentences invented for these tests."""

from __future__ import annotations


def _meanings(text: str, lang: str) -> list[tuple[str | None, str | None, str | None]]:
    from tracker.extract import extract

    return [(c.concept, c.actor, c.state) for c in extract(text, lang)]


def _states(text: str, lang: str) -> list[str | None]:
    return [state for _, _, state in _meanings(text, lang)]


def test_a_figure_per_period_is_a_rate() -> None:
    assert _states("The ferry, used by some 4,000 commuters a day, stays closed.",
                   "en") == ["per_period"]
    assert _states("The charity says it needs at least 60 tankers per day.", "en") == [
        "per_period"]
    assert _states("Die Fähre, die rund 4.000 Pendler täglich nutzen, bleibt gesperrt.",
                   "de") == ["per_period"]
    assert _states("Nötig wären mindestens 60 Tanklaster pro Tag.", "de") == ["per_period"]
    assert _states("Gebraucht würden 60 am Tag.", "de") == ["per_period"]


def test_a_period_that_dates_a_figure_or_lasts_is_no_rate() -> None:
    # "a day earlier", "a week ago": the figure is dated, not per period
    assert "per_period" not in _states(
        "The toll rose to 41 on Tuesday, up from 29 a day earlier.", "en")
    assert "per_period" not in _states("The camp holds 900 people, up from 300 a week ago.",
                                       "en")
    assert "per_period" not in _states("Die Zahl stieg auf 41, nach 29 am Tag zuvor.", "de")
    # "for a week": a duration after a place word, no rate
    assert "per_period" not in _states("The convoy brought food for 8,000 people for a week.",
                                       "en")


def test_a_rate_is_not_taken_by_a_quantity_of_the_count(tmp_path) -> None:
    from test_meaning_rules import _assign

    defs = {"quantity": [{"id": "tankers", "label": "Water tankers that reached the camp",
                          "unit": "tankers", "concept": ["truck", ""], "state": ["", "arrived"]}]}
    folder = tmp_path / "en"
    folder.mkdir()
    got = _assign(folder, [
        "So far 45 trucks have reached the camp, against a need of 100 trucks a day.",
    ], "en", defs)
    assert got["45 trucks"] == "tankers" and got["100 trucks"] is None


def test_a_figure_referring_back_keeps_the_owner_its_own_clause_states() -> None:
    got = _meanings("Spain is expected to grow 1.4% while Italy grows 0.6%.", "en")
    assert [actor for _, actor, _ in got] == ["ES", "IT"]
    got = _meanings("The bank expects the U.S. to grow 1.7% and Japan 0.5% in 2027.", "en")
    assert [actor for _, actor, _ in got] == ["US", "JP"]


def test_a_country_joined_to_another_noun_by_a_hyphen_is_no_owner() -> None:
    # the government of the country spoke of the figure: the soldiers stay North Korea's
    got = _meanings("Im Mai waren 2.000 nordkoreanische Soldaten entsandt worden. Zuletzt hatte "
                    "die US-Regierung noch von etwa 4.000 gesprochen.", "de")
    assert got[1] == ("soldier", "KP", "deployed")


def test_a_figure_coordinated_after_a_part_is_another_part() -> None:
    got = _states("The agency said 120 people were hurt, 30 of them badly and 90 slightly.", "en")
    assert got == ["wounded", "part", "part"]
    got = _states("Insgesamt wurden 120 Menschen verletzt, davon 30 schwer und 90 leicht.", "de")
    assert got == ["wounded", "part", "part"]
    # a figure of its own after a new clause is no part
    got = _states("120 people were hurt, 30 of them badly; 12 people died.", "en")
    assert got[-1] == "killed"


def test_a_figure_of_the_next_whole_is_a_part_of_it() -> None:
    assert _states("12 of the 95 injured remain in intensive care.", "en")[0] == "part"
    assert _states("12 von den 95 Verletzten liegen noch auf der Intensivstation.",
                   "de")[0] == "part"


def test_a_compound_ending_in_a_vehicle_noun_counts_that_vehicle() -> None:
    assert _meanings("Bislang haben 40 Hilfslastwagen das Lager erreicht.", "de")[0][0] == "truck"
    assert _meanings("Es warten noch 18 Tanklastwagen an der Grenze.", "de")[0][0] == "truck"


def test_a_quantity_of_a_concept_takes_a_kind_of_it_with_a_state(tmp_path) -> None:
    from test_meaning_rules import _assign

    defs = {"quantity": [
        {"id": "missing", "label": "People missing after the ferry fire", "unit": "people",
         "concept": ["person", ""], "state": ["missing"]},
        {"id": "people", "label": "People in the town", "unit": "people",
         "concept": ["person"], "state": [""]},
    ]}
    folder = tmp_path / "de"
    folder.mkdir()
    got = _assign(folder, [
        "Nach dem Brand auf der Fähre werden noch sieben Passagiere vermisst.",
        "An Bord waren 300 Passagiere.",
    ], "de", defs)
    # passengers missing are people missing; passengers of no state are no people of a state
    assert got["sieben Passagiere"] == "missing"
    assert got["300 Passagiere"] is None


def test_a_figure_of_the_past_year_is_another_event(tmp_path) -> None:
    from test_meaning_rules import _assign

    defs = {"quantity": [{"id": "dead", "label": "People killed in the bus crash",
                          "unit": "people", "concept": ["person", ""], "state": ["killed"]}]}
    folder = tmp_path / "de"
    folder.mkdir()
    got = _assign(folder, [
        "Bei dem Busunglück starben zwölf Menschen. Im vergangenen Jahr waren bei "
        "Busunfällen im Land 30 Menschen gestorben.",
    ], "de", defs)
    assert got["zwölf Menschen"] == "dead" and got["30 Menschen"] is None


def test_a_cost_borne_by_an_object_is_a_loss_not_a_price() -> None:
    assert _states("The floods have cost the region about €40m so far.", "en") == ["damaged"]
    assert _states("Der Ausfall kostete die Stadtwerke rund 3 Millionen Euro.", "de") == [
        "damaged"]
    # a price, and the noun "Kosten", stay prices; a saving stays one
    assert _states("A day pass costs €12.", "en") == ["price"]
    assert _states("Die Kosten der Reparatur liegen bei 3 Millionen Euro.", "de") == ["price"]


def test_a_figure_of_one_part_of_a_day_is_a_part() -> None:
    assert _states("At the clinic, a nurse said four patients had died that night.",
                   "en")[0] == "part"
    assert _states("In der Klinik seien in dieser Nacht vier Patienten gestorben.",
                   "de")[0] == "part"
