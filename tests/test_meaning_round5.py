"""Meaning, round 5 (issue #11): measures whose unit is all they count (an area in hectares, a
share in percent) enter a definition of that unit with no concept stated. Sentences invented
for these tests."""

from __future__ import annotations

from pathlib import Path

from test_meaning_rules import _assign

MEASURES = {"quantity": [
    {"id": "area", "label": "Area flooded", "unit": "hectares", "concept": [""],
     "state": [""], "keywords": [["flooded", "überflutet"]]},
    {"id": "share", "label": "Support for the plan", "unit": "percent", "concept": [""],
     "state": [""], "keywords": [["support", "zustimm"]]},
    {"id": "people", "label": "People evacuated", "unit": "people",
     "concept": ["person", ""], "state": ["displaced"]},
]}


def test_a_measure_enters_a_definition_of_its_unit_only(tmp_path: Path) -> None:
    got = _assign(tmp_path, [
        "The river flooded about 4,200 hectares of farmland near the town.",
        "Support for the plan stood at 38% among members of the council.",
        "Officials evacuated 900 people from the valley.",
    ], "en", MEASURES)
    (tmp_path / "de").mkdir()
    got |= _assign(tmp_path / "de", [
        "Das Wasser hat rund 1700 Hektar Ackerland überflutet.",
    ], "de", MEASURES)
    assert got["about 4,200 hectares"] == "area"
    assert got["38%"] == "share"
    assert got["900 people"] == "people"
    assert got["rund 1700 Hektar"] == "area"


def test_a_measure_stays_out_of_a_definition_of_another_unit(tmp_path: Path) -> None:
    defs = {"quantity": [{"id": "area", "label": "Area flooded", "unit": "square kilometres",
                          "concept": [""], "state": [""], "keywords": [["flooded"]]}]}
    got = _assign(tmp_path, ["The river flooded about 4,200 hectares of farmland."], "en", defs)
    assert got["about 4,200 hectares"] is None


def _meaning(sentence: str, lang: str, index: int = 0) -> tuple[str | None, str | None]:
    from tracker.extract import extract

    claim = extract(sentence, lang)[index]
    return claim.concept, claim.state


def test_evacuees_burned_houses_and_a_predicate_after_a_coordinator() -> None:
    assert _meaning("By noon the county had counted 340 evacuees.", "en") == ("person", "displaced")
    assert _meaning("The owner said at least 40 barns had burned.", "en")[1] == "destroyed"
    assert _meaning("Im Dorf sind 60 Häuser abgebrannt.", "de") == ("building", "destroyed")
    # the state before the coordinator is another predicate's
    assert _meaning("A pilot died and more than 2,000 people were evacuated from the hills.",
                    "en") == ("person", "displaced")
    assert _meaning("Ein Helfer starb und rund 900 Menschen wurden evakuiert.", "de") == (
        "person", "displaced")


def test_a_definition_of_a_share_takes_no_count_of_things(tmp_path: Path) -> None:
    defs = {"quantity": [
        {"id": "share", "label": "Share backing the plan", "unit": "percent",
         "concept": ["vote", ""], "state": ["voted", ""], "keywords": [["backing", "backed"]]},
    ]}
    got = _assign(tmp_path, [
        "The plan won the backing of 54% of the vote.",
        "Eleven of the 20 districts backed the plan with 31,000 votes.",
    ], "en", defs)
    assert got["54%"] == "share"
    assert got["31,000 votes"] is None


def test_a_share_counts_what_it_is_a_share_of() -> None:
    # "won": the yes side of the vote (rules.sub_states of voted)
    assert _meaning("The measure won 53.4% of the vote, with 46.6% against.", "en") == (
        "vote", "approved")
    assert _meaning("The count gave 53.4% of the vote to the plan.", "en") == ("vote", "voted")
    assert _meaning("Turnout was 39.2%.", "en") == ("vote", "participated")
    # the noun after the coordinator is the next share's
    got = [_meaning("Officials put the no vote at 61% and turnout at 44%.", "en", i)
           for i in (0, 1)]
    # the side of the vote a share is: a kind of "voted" (rules.sub_states)
    assert got == [("vote", "rejected"), ("vote", "participated")]
    assert _meaning("Der Vorschlag erhielt 57 Prozent Nein-Stimmen.", "de") == ("vote", "rejected")
    assert _meaning("Die Wahlbeteiligung lag bei 38,5 Prozent.", "de") == ("vote", "participated")
    # a poll's share is a forecast; a share of nothing named stays a bare measure
    assert _meaning("A new poll put support for the measure at 58%.", "en")[1] == "expected"
    assert _meaning("In einer Umfrage wollen 44 Prozent mit Ja stimmen.", "de")[1] == "expected"
    assert _meaning("The figure fell to 4.1% in May.", "en")[0] == "percent"


def test_a_share_after_a_share_and_a_margin_of_votes() -> None:
    got = [_meaning("Officials said turnout was 52.4%, not 51.9% as first reported.", "en", i)
           for i in (0, 1)]
    assert got == [("vote", "participated")] * 2
    got = [_meaning("A poll found 41% in favour and 55% against.", "en", i) for i in (0, 1)]
    assert [state for _, state in got] == ["expected", "expected"]
    assert _meaning("The no side was ahead by about 8,200 votes.", "en")[1] == "added"
    assert _meaning("Der Vorsprung schrumpfte auf 4300 Stimmen.", "de")[1] == "added"
    assert _meaning("Gezählt wurden 812.000 Stimmzettel.", "de")[0] == "vote"


def test_a_measure_continues_the_figure_before_it_in_its_sentence(tmp_path: Path) -> None:
    got = _assign(tmp_path, [
        "The river flooded about 4,200 hectares, the satellite service even 5,100 hectares. "
        "Officials later spoke of 6,000 hectares.",
    ], "en", MEASURES)
    assert got["about 4,200 hectares"] == "area"
    assert got["5,100 hectares"] == "area"
    assert got["6,000 hectares"] is None  # another sentence: its own words decide


def test_words_before_a_coordinator_are_the_previous_figures(tmp_path: Path) -> None:
    defs = {"quantity": [
        {"id": "approve", "label": "Share approving", "unit": "percent", "concept": ["vote", ""],
         "state": ["voted", ""], "keywords": [["approve"]]},
        {"id": "reject", "label": "Share rejecting", "unit": "percent", "concept": ["vote", ""],
         "state": ["voted", ""], "keywords": [["reject"]]},
    ]}
    got = _assign(tmp_path, [
        "Of the members, 52.1% voted to approve the merger and 47.9% voted to reject it.",
    ], "en", defs)
    assert got["52.1%"] == "approve"
    assert got["47.9%"] == "reject"


def test_shares_and_counts_of_one_meaning_are_suggested_apart() -> None:
    import polars as pl

    from tracker.aggregate.suggest import discover

    specs = [("percent", "vote", "voted")] * 3 + [("vote", "vote", "voted")] * 3
    rows = pl.DataFrame({
        "claim_id": [f"c{i}" for i in range(6)],
        "unit": [u for u, _, _ in specs], "concept": [c for _, c, _ in specs],
        "actor": [None] * 6, "state": [s for _, _, s in specs],
        "claimant": [f"k{i}" for i in range(6)], "outlet": [f"o{i}" for i in range(6)],
        "sentence": ["s"] * 6,
    }, schema_overrides={"actor": pl.String})
    groups = {g.label: set(g.claim_ids) for g in discover(rows)}
    assert groups == {"vote · voted (percent)": {"c0", "c1", "c2"},
                      "vote · voted": {"c3", "c4", "c5"}}


def test_a_share_of_yes_or_no_answers_is_one_of_the_vote() -> None:
    assert _meaning("Das Ergebnis: 44,2 Prozent Ja.", "de") == ("vote", "approved")
    assert _meaning("Im Kanton waren es 61 Prozent Nein.", "de") == ("vote", "rejected")
    assert _meaning("The count stood at 53.5% yes.", "en") == ("vote", "approved")
