"""The CLI commands of tracked quantities: compare, review, suggest, dashboard (thin callers)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from test_aggregate_fixtures import QUANTITIES, build_db

from tracker.cli import cli
from tracker.cli.aggregate_cmds import dashboard_script


@pytest.fixture()
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TRACKER_QUANTITIES", str(QUANTITIES))
    return build_db(tmp_path / "t.duckdb")


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_compare_lists_latest_per_source_and_prints_the_consensus(db: Path) -> None:
    result = run("compare", "nk_troops_russia", "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["source"]: r["best"] for r in rows}["NIS (South Korea)"] == 12000
    assert "consensus (median, 4 independent sources): best 11000.0" in result.stderr
    per_outlet = run(
        "compare",
        "nk_troops_russia",
        "--db",
        str(db),
        "--by",
        "outlet",
        "--rule",
        "envelope",
        "--format",
        "csv",
    )
    assert per_outlet.stdout.splitlines()[0].startswith("outlet,")
    assert "envelope" in per_outlet.stderr


def test_compare_refuses_an_unknown_quantity_in_one_line(db: Path) -> None:
    result = run("compare", "nope", "--db", str(db))
    assert result.exit_code == 2
    assert result.output.startswith("Error: quantity 'nope': not in the quantities file")


def test_review_from_the_command_line(db: Path) -> None:
    fixed = run("review", "a000-0", "corrected", "--low", "5000", "--high", "5000", "--db", str(db))
    assert fixed.exit_code == 0, fixed.output
    refused = run("review", "a000-0", "corrected", "--db", str(db))
    assert refused.exit_code == 2 and "needs at least one new value" in refused.output
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT low FROM claims WHERE claim_id = 'a000-0'").fetchall() == [
            (5000.0,)
        ]
    finally:
        con.close()


def test_suggest_lists_groups_and_prints_toml(db: Path) -> None:
    listed = run("suggest", "--db", str(db), "--format", "csv")
    assert listed.exit_code == 0, listed.output
    # the fixture's claims have no meaning: they fall back to their unit
    assert listed.stdout.splitlines()[1].split(",")[1:6] == [
        "building (no meaning found)", "building", "3", "1", "2"]
    entry = run("suggest", "--db", str(db), "--toml")
    assert 'units = ["building"]' in entry.stdout


def test_dashboard_command_finds_the_script() -> None:
    # the app inside the package, not a file of the checkout: works from an installed wheel
    import tracker.dashboard

    script = dashboard_script()
    assert script == Path(tracker.dashboard.__file__).parent / "app.py"
    assert script.is_file()


def test_commands_on_a_missing_database_say_so(tmp_path: Path) -> None:
    result = run("quantities", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 2
    assert "no database here yet" in result.output
