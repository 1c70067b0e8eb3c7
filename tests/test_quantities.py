"""Tracked quantities: the TOML file, its validation, and assignment in DuckDB."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from test_aggregate_fixtures import QUANTITIES, build_db

from tracker.aggregate.quantities import (
    assign_all,
    fold,
    load_quantities,
    parse_quantities,
    quantity_counts,
    terms_regex,
)
from tracker.cli import cli
from tracker.errors import ConfigError

MINIMAL = """
[[quantity]]
id = "houses"
label = "Houses destroyed"
unit = "buildings"
all_of = [["hauser", "houses"]]
"""


def assignments(db: Path) -> dict[str, str | None]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return dict(con.execute("SELECT claim_id, quantity FROM claims").fetchall())
    finally:
        con.close()


def test_bundled_file_loads_and_separates_the_three_issue_quantities() -> None:
    config = load_quantities(QUANTITIES)
    ids = [q.id for q in config.quantities]
    assert {"nk_troops_russia", "nk_casualties", "nk_deaths"} <= set(ids)
    # narrow quantities are tried first, so deaths never fall into casualties or troops
    assert ids.index("nk_deaths") < ids.index("nk_casualties") < ids.index("nk_troops_russia")
    assert "NIS (South Korea)" in config.sources


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[quantity]]\nlabel = 'x'\nunit = 'y'\nall_of = [['a']]", "quantity[0].id"),
        ("[[quantity]]\nid = 'x'\nunit = 'y'\nall_of = [['a']]", "quantity[x].label"),
        ("[[quantity]]\nid = 'x'\nlabel = 'x'\nunit = 'y'", "needs at least one"),
        ("[[quantity]]\nid = 'x'\nlabel = 'x'\nunit = 'y'\nall_of = [[]]", "group is empty"),
        ("[[quantity]]\nid = 'x'\nlabel = 'x'\nunit = 'y'\nall_of = ['a']", "all_of[0]"),
        (
            "[[quantity]]\nid = 'x'\nlabel = 'x'\nunit = 'y'\nall_of = [['a']]\nbogus = 1",
            "unknown key 'bogus'",
        ),
        (MINIMAL + MINIMAL, "duplicate id"),
        ("[sources]\nNIS = ['nis']", "sources.NIS"),
        ("[[quantity]\n", "not valid TOML"),
    ],
)
def test_invalid_files_fail_with_one_line_naming_file_and_key(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "q.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_quantities(path)
    assert message in str(err.value)
    assert str(path) in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_file_named_explicitly_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_quantities(tmp_path / "absent.toml")


def test_no_file_anywhere_means_no_quantities(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRACKER_QUANTITIES", raising=False)
    assert load_quantities().quantities == ()


def test_terms_match_at_word_starts_ignoring_case_and_accents() -> None:
    import re

    pattern = re.compile(terms_regex((fold("Soldat"), fold("Südkorea"))))
    assert pattern.search(fold("Die nordkoreanischen SOLDATEN"))
    assert pattern.search(fold("Geheimdienst Südkoreas"))
    assert not pattern.search(fold("Berufssoldat"))  # inside a word: no match
    assert fold("Straße") == "strasse"


def test_assignment_keeps_troops_deaths_and_casualties_apart(tmp_path: Path) -> None:
    db = build_db(tmp_path / "t.duckdb")
    got = assignments(db)
    assert got["a000-0"] == "nk_troops_russia"  # Pentagon 3,000 soldiers
    assert got["a004-0"] == "nk_troops_russia"  # German: 12.000 nordkoreanischen Soldaten
    # "About 300 ... killed and 2,700 wounded": the words near each number decide
    assert got["a008-0"] == "nk_deaths"
    assert got["a008-1"] == "nk_wounded"
    assert got["a008-2"] == "nk_casualties"  # "killed or wounded"
    assert got["a009-0"] is None  # houses: no tracked quantity


def test_reassign_after_the_file_changes(tmp_path: Path) -> None:
    db = build_db(tmp_path / "t.duckdb")
    houses = tmp_path / "houses.toml"
    houses.write_text(MINIMAL, encoding="utf-8")
    con = duckdb.connect(str(db))
    try:
        assert assign_all(con, load_quantities(houses)) == 3
        quantities = {q for (q,) in con.execute("SELECT quantity FROM claims").fetchall()}
        assert quantities == {"houses", None}
        assert assign_all(con, parse_quantities({})) == 0
    finally:
        con.close()


def test_assign_all_reads_the_file_from_the_environment(tmp_path: Path, monkeypatch) -> None:
    db = build_db(tmp_path / "t.duckdb", assign=False)
    houses = tmp_path / "houses.toml"
    houses.write_text(MINIMAL, encoding="utf-8")
    monkeypatch.setenv("TRACKER_QUANTITIES", str(houses))
    con = duckdb.connect(str(db))
    try:
        assert assign_all(con) == 3
    finally:
        con.close()


def test_units_restrict_a_quantity(tmp_path: Path) -> None:
    db = build_db(tmp_path / "t.duckdb", assign=False)
    restricted = tmp_path / "q.toml"
    restricted.write_text(MINIMAL + 'units = ["soldier"]\n', encoding="utf-8")
    con = duckdb.connect(str(db))
    try:
        assert assign_all(con, load_quantities(restricted)) == 0  # houses are "buildings"
    finally:
        con.close()


def test_counts_per_quantity_leave_out_claims_marked_wrong(tmp_path: Path) -> None:
    from tracker.aggregate.review import add_review

    db = build_db(tmp_path / "t.duckdb")
    config = load_quantities(QUANTITIES)
    con = duckdb.connect(str(db))
    try:
        before = {r["id"]: r["claims"] for r in quantity_counts(con, config)}
        add_review(con, "a000-0", "wrong", note="test")
        after = {r["id"]: r["claims"] for r in quantity_counts(con, config)}
    finally:
        con.close()
    assert after["nk_troops_russia"] == before["nk_troops_russia"] - 1


def test_cli_quantities_and_assign(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TRACKER_QUANTITIES", str(QUANTITIES))
    db = build_db(tmp_path / "t.duckdb", assign=False)
    runner = CliRunner()
    assigned = runner.invoke(cli, ["assign", "--db", str(db)])
    assert assigned.exit_code == 0, assigned.output
    assert "11 claims assigned to 4 quantities" in assigned.output  # 8 + 1 + 1 + 1
    listed = runner.invoke(cli, ["quantities", "--db", str(db), "--format", "csv"])
    assert listed.exit_code == 0
    rows = {line.split(",")[0]: line for line in listed.output.splitlines()[1:]}
    assert rows["nk_troops_russia"].split(",")[-3] == "8"  # claims


def test_cli_reports_a_bad_file_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[quantity]]\nid = 'Bad Id'\n", encoding="utf-8")
    db = build_db(tmp_path / "t.duckdb", assign=False)
    result = CliRunner().invoke(cli, ["assign", "--db", str(db), "--quantities", str(bad)])
    assert result.exit_code == 2
    assert result.output.strip().startswith("Error: ")
    assert "quantity[0].id" in result.output
    assert "Traceback" not in result.output


def test_assignment_ignores_accents_and_spells_sharp_s_both_ways(tmp_path: Path) -> None:
    db = build_db(tmp_path / "t.duckdb", assign=False)
    destroyed = tmp_path / "q.toml"
    destroyed.write_text(
        '[[quantity]]\nid = "destroyed"\nlabel = "Destroyed"\nunit = "buildings"\n'
        'near_all_of = [["zerstört", "strasse"]]\n',
        encoding="utf-8",
    )
    con = duckdb.connect(str(db))
    try:
        con.execute(
            "UPDATE store.claims SET sentence = 'In der Straße 5 Häuser.' WHERE claim_id = 'a010-0'"
        )
        assert assign_all(con, load_quantities(destroyed)) == 3  # 2 x "zerstört", 1 x "Straße"
    finally:
        con.close()
