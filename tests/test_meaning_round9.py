"""Meaning, round 9 (issue #11): accounts and records as counted things, lists of figures that
belong to different owners, changes outside a quantity that names no state, and figures of an
earlier event. Sentences invented for these tests."""

from __future__ import annotations


def _meanings(text: str, lang: str) -> list[tuple[str | None, str | None, str | None]]:
    from tracker.extract import extract

    return [(c.concept, c.actor, c.state) for c in extract(text, lang)]


def test_accounts_and_records_are_counted_things_also_inside_a_compound() -> None:
    assert _meanings("Betroffen sind nach Angaben der Bank etwa 40.000 Girokonten.",
                     "de")[0][0] == "account"
    assert _meanings("Der Anbieter spricht von 250.000 Nutzerkonten.", "de")[0][0] == "account"
    assert _meanings("Im Netz tauchten rund zwei Millionen Datensätze auf.", "de")[0][0] == (
        "record")
    assert _meanings("The insurer said 90,000 policy accounts had been exposed.",
                     "en")[0][0] == "account"
    assert _meanings("Some 300,000 health records were posted online.", "en")[0][0] == "record"


def _assign(folder, bodies: list[str], lang: str, defs: dict) -> dict[str, str | None]:
    from test_meaning_rules import _assign as assign

    folder.mkdir()
    return assign(folder, bodies, lang, defs)


_TEAM = {"quantity": [
    {"id": "home_share", "label": "Rovers' share of possession", "unit": "percent",
     "concept": [""], "keywords": [["rovers"]]},
    {"id": "home_goals", "label": "Goals of the Rovers", "unit": "goals",
     "concept": ["goal", ""], "keywords": [["rovers"]]},
]}


def test_a_figure_after_another_name_in_a_list_does_not_continue_the_one_before(
    tmp_path,
) -> None:
    got = _assign(tmp_path / "en", [
        "The Rovers had 58 percent of the ball, the Wanderers 42 percent.",
    ], "en", _TEAM)
    assert got["58 percent"] == "home_share" and got["42 percent"] is None
    got = _assign(tmp_path / "de", [
        "Die Rovers kamen auf 61 Prozent, die Wanderers auf 39 Prozent.",
        "Die Rovers hatten 57 Prozent, laut Statistikdienst sogar 59 Prozent.",
    ], "de", _TEAM)
    assert got["61 Prozent"] == "home_share" and got["39 Prozent"] is None
    # not a name that opens a list item: the second figure continues the first
    assert got["59 Prozent"] == "home_share"


def test_a_list_of_who_says_a_figure_is_no_list_of_owners(tmp_path) -> None:
    defs = {"quantity": [{"id": "rovers_share", "label": "Rovers' possession", "unit": "percent",
                          "concept": [""], "keywords": [["possession"]]}]}
    got = _assign(tmp_path / "en", [
        "Estimates of the Rovers' possession range from 55% at one data firm, with the club "
        "at 57%, the league and the BBC at 58%.",
    ], "en", defs)
    # the first item names no owner: the names after it say the same figure
    assert got["58%"] == "rovers_share"


_PRICE = {"quantity": [
    {"id": "fare_fall", "label": "Fall of the ticket price since the reform", "unit": "percent",
     "concept": [""], "keywords": [["ticket", "fahrkarte"]]},
    {"id": "rent_rise", "label": "Rent rise the tenants' union demands", "unit": "percent",
     "concept": [""], "keywords": [["fordert", "demand"]]},
]}


def test_a_definition_that_names_no_state_takes_no_change_of_its_figure(tmp_path) -> None:
    got = _assign(tmp_path / "en", [
        "Ticket prices have fallen 12 percent since the reform. On Friday tickets fell a "
        "further 2 percent.",
    ], "en", _PRICE)
    assert got["12 percent"] == "fare_fall" and got["2 percent"] is None
    got = _assign(tmp_path / "de", [
        "Der Mieterbund fordert 6 Prozent mehr Geld, die Vermieter bieten 2 Prozent.",
    ], "de", _PRICE)
    # a share before "mehr" is the size of a rise, no change; the next item has its own verb
    assert got["6 Prozent"] == "rent_rise" and got["2 Prozent"] is None


def test_a_share_before_more_is_the_size_of_a_rise_not_a_change() -> None:
    assert _meanings("Die Gewerkschaft verlangt 7 Prozent mehr Lohn.", "de")[0][2] != "added"
    assert _meanings("The nurses want 9% more pay.", "en")[0][2] != "added"
    # a count before "more" still is a change
    assert _meanings("Rescuers found four more bodies.", "en")[0][2] == "added"


_SEATS = {"quantity": [
    {"id": "blue_seats", "label": "Seats of the Blue party", "unit": "seats",
     "concept": ["seat", ""], "keywords": [["blue", "blau"]]},
    {"id": "deaths", "label": "Deaths in the crash", "unit": "people",
     "concept": ["person", ""], "state": ["killed"]},
]}


def test_a_phrase_of_an_earlier_period_or_event_dates_the_figure(tmp_path) -> None:
    got = _assign(tmp_path / "en", [
        "The Blue party won 41 seats, down from 48 seats four years ago.",
        "At the last election, the Blue party won 52 seats.",
        "The crash killed 14 people, more than in the accident on the same line some years "
        "ago.",
    ], "en", _SEATS)
    assert got["41 seats"] == "blue_seats"
    assert got["48 seats"] is None and got["52 seats"] is None
    # the phrase dates what the figure is compared with, not the figure
    assert got["14 people"] == "deaths"
    got = _assign(tmp_path / "de", [
        "Die Blauen kommen auf 44 Sitze, vor fünf Jahren waren es noch 50 Sitze.",
        "Bei der letzten Wahl hatten die Blauen 39 Sitze errungen.",
    ], "de", _SEATS)
    assert got["44 Sitze"] == "blue_seats"
    assert got["50 Sitze"] is None and got["39 Sitze"] is None


def test_an_exit_poll_counts_votes_cast_and_is_no_forecast() -> None:
    assert _meanings("An exit poll for the public broadcaster put the Greens at 22%.",
                     "en")[0][2] != "expected"
    assert _meanings("A poll last month put the Greens at 19%.", "en")[0][2] == "expected"


def test_a_figure_placed_in_one_part_of_the_area_is_a_part() -> None:
    assert _meanings("Im Stimmbezirk Nord lag die Beteiligung bei 48 Prozent, landesweit bei "
                     "55 Prozent.", "de")[0][2] == "part"
    assert _meanings("In one rural constituency the Greens won 35% of the vote.",
                     "en")[0][2] == "part"
    assert _meanings("In the city of Leeds only 41% of voters cast a ballot.", "en")[0][2] == (
        "part")
    # the whole after it in the same sentence keeps its own state
    assert _meanings("Im Wahlkreis lag die Beteiligung bei 48 Prozent, über dem Landeswert von "
                     "55 Prozent.", "de")[1][2] != "part"
    # no part of an area: a figure of the whole
    assert _meanings("The Greens won 35% of the vote.", "en")[0][2] != "part"


def test_a_counted_noun_after_the_unit_is_the_head_of_a_compound() -> None:
    assert _meanings("The bank said 80,000 customer accounts were exposed.", "en")[0][0] == (
        "account")
    assert _meanings("The leak holds 2 million customer records.", "en")[0][0] == "record"
    # a state word after the noun names no head: "officers injured"
    assert _meanings("Police said 24 officers injured in the clashes were treated.",
                     "en")[0][0] != "person"
    # no counted noun after it: the unit's concept
    assert _meanings("The shop lost 5,000 customers last year.", "en")[0][0] == "customer"


def test_a_bare_number_after_a_noun_and_a_place_word_counts_that_noun() -> None:
    got = _meanings("The insurer puts the damaged cars at 3,400 and the stolen vehicles at "
                    "about 900.", "en")
    assert got[0][0] == "car" and got[1][0] == "vehicle"
    assert _meanings("Die Bank schätzt die gesperrten Konten auf rund 12.000.", "de")[0][0] == (
        "account")
    assert _meanings("The ministry put the accounts at 40,000.", "en")[0][0] == "account"
