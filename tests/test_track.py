"""Tracking without editing a file: meaning-based quantities, suggestions by meaning, `tracker
track`, moves, import/export, on real DuckDB files through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from test_aggregate_fixtures import build_db

from tracker.aggregate import tracking
from tracker.aggregate.quantities import assign_all, parse_quantities
from tracker.aggregate.suggest import discover, load_untracked
from tracker.cli import cli
from tracker.store import open_store

REPO = Path(__file__).resolve().parent.parent
QUAKE = REPO / "data" / "stories" / "quake"

BY_MEANING = {"quantity": [
    {"id": "kp_deployed", "label": "KP soldiers", "unit": "soldiers", "concept": ["soldier"],
     "actor": ["KP"], "state": ["deployed", ""]},
    {"id": "kp_any", "label": "KP anything", "unit": "x", "actor": ["KP"]},
    {"id": "kp_killed", "label": "KP killed", "unit": "soldiers", "concept": ["soldier"],
     "actor": ["KP"], "state": ["killed"]},
]}


def run(*args: str) -> object:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture()
def meaning_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture corpus with meanings set by hand (as the extractor would)."""
    monkeypatch.chdir(tmp_path)  # no data/quantities.toml here: nothing seeds
    monkeypatch.delenv("TRACKER_QUANTITIES", raising=False)
    db = build_db(tmp_path / "m.duckdb", assign=False)
    with open_store(db) as store:
        store.con.execute("UPDATE store.claims SET concept = 'soldier', actor = 'KP', "
                          "state = 'deployed' WHERE claim_id IN ('a000-0', 'a001-0', 'a002-0')")
        store.con.execute("UPDATE store.claims SET concept = 'soldier', actor = 'KP', "
                          "state = 'killed' WHERE claim_id = 'a008-0'")
        store.con.execute("UPDATE store.claims SET concept = 'soldier', actor = 'RU', "
                          "state = 'deployed' WHERE claim_id = 'a003-0'")
    return db


def claims(db: Path) -> dict[str, tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT claim_id, quantity, reason FROM claims").fetchall()
    return {cid: (q, reason) for cid, q, reason in rows}


def test_meaning_decides_most_specific_wins_and_reason_is_kept(meaning_db: Path) -> None:
    with open_store(meaning_db) as store:
        assign_all(store.con, parse_quantities(BY_MEANING))
    got = claims(meaning_db)
    assert got["a000-0"] == ("kp_deployed", "soldier · KP · deployed")
    # killed: kp_killed and kp_any both match; the more specific (3 fields) wins
    assert got["a008-0"] == ("kp_killed", "soldier · KP · killed")
    assert got["a003-0"] == (None, None)  # another actor does not enter
    assert got["a009-0"] == (None, None)  # no meaning, and these quantities have no keywords


def test_keyword_rules_still_take_claims_without_meaning(meaning_db: Path) -> None:
    config = parse_quantities({"quantity": [
        BY_MEANING["quantity"][0] | {"near_all_of": [["hauser", "houses"]]}]})
    with open_store(meaning_db) as store:
        assign_all(store.con, config)
    got = claims(meaning_db)
    assert got["a000-0"][0] == "kp_deployed"
    assert got["a009-0"] == ("kp_deployed", "keyword rules")


def test_suggestions_group_by_meaning_and_track_reassigns(meaning_db: Path) -> None:
    with open_store(meaning_db, read_only=True) as store:
        groups = discover(load_untracked(store.con), min_claims=1)
    by_label = {g.label: g for g in groups}
    first = by_label["North Korea · soldier · deployed"]
    assert set(first.claim_ids) == {"a000-0", "a001-0", "a002-0"}
    assert "Russia · soldier · deployed" in by_label  # another actor, another group
    assert "soldier (no meaning found)" in by_label  # no meaning: by unit
    with open_store(meaning_db, read_only=True) as store:
        again = {g.label: g.id for g in discover(load_untracked(store.con), min_claims=1)}
    assert again[first.label] == first.id  # stable
    quantity = tracking.track(meaning_db, first.id, label="NK troops")
    assert quantity.id == "nk_troops"
    got = claims(meaning_db)
    assert {cid for cid, (q, _) in got.items() if q == "nk_troops"} == set(first.claim_ids)


def test_move_rename_retire_import_export(meaning_db: Path, tmp_path: Path) -> None:
    spec = tmp_path / "q.toml"
    spec.write_text(tracking.export_toml(parse_quantities(BY_MEANING)), encoding="utf-8")
    assert tracking.import_file(meaning_db, spec) == 3
    assert tracking.import_file(meaning_db, spec) == 0  # unchanged definitions: no new rows
    tracking.move_claim(meaning_db, "a000-0", "kp_killed")
    tracking.move_claim(meaning_db, "a001-0", None)
    got = claims(meaning_db)
    assert got["a000-0"] == ("kp_killed", "moved by a reviewer")
    assert got["a001-0"] == (None, "moved by a reviewer")
    tracking.rename(meaning_db, "kp_deployed", "Deployed")
    tracking.retire(meaning_db, "kp_any")
    with open_store(meaning_db, read_only=True) as store:
        config = tracking.database_config(store.con)
    assert [q.id for q in config.quantities] == ["kp_deployed", "kp_killed"]
    assert config.label("kp_deployed") == "Deployed"
    out = tmp_path / "out.toml"
    run("quantities", "--db", str(meaning_db), "--export", str(out))
    assert parse_quantities(__import__("tomllib").loads(out.read_text())).get("kp_killed")


def test_quake_from_an_empty_database_to_a_comparison(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """ingest -> suggest -> track -> compare, without a quantities file anywhere."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRACKER_QUANTITIES", raising=False)
    db = str(tmp_path / "quake.duckdb")
    run("ingest", str(QUAKE), "--db", db)
    listed = json.loads(run("suggest", "--db", db, "--format", "json").stdout)
    assert listed and {"id", "label", "claims", "claimants", "outlets", "claim_ids"} <= set(
        listed[0])
    deaths = next(g for g in listed if g["label"].endswith("killed"))
    assert deaths["outlets"] >= 8
    tracked = run("track", deaths["id"], "--db", db, "--id", "deaths").stdout.strip()
    assert tracked == "deaths"
    compared = run("compare", "deaths", "--db", db, "--format", "json")
    rows = json.loads(compared.stdout)
    assert len(rows) >= 3 and "consensus" in compared.stderr
    quantities = run("quantities", "--db", db, "--format", "json").stdout
    assert json.loads(quantities)[0]["id"] == "deaths"


def test_dashboard_tracks_a_suggestion_with_one_click(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRACKER_QUANTITIES", raising=False)
    db = tmp_path / "quake.duckdb"
    run("ingest", str(QUAKE), "--db", str(db))
    monkeypatch.setenv("TRACKER_DB", str(db))
    app = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60).run()
    assert not app.exception, app.exception
    app.toggle(key="suggest").set_value(True).run()
    with open_store(db, read_only=True) as store:
        first = discover(load_untracked(store.con))[0]
    app.button(key=f"track_{first.id}").click().run()
    assert not app.exception, app.exception
    with open_store(db, read_only=True) as store:
        config = tracking.database_config(store.con)
        assigned = store.con.execute("SELECT count(*) FROM claims WHERE quantity = ?",
                                     [config.quantities[0].id]).fetchall()[0][0]
    assert config.quantities[0].label == first.label
    assert assigned == first.claims
    assert app.title[0].value == first.label  # the page now compares it


def test_suggestions_join_unstated_actors_and_broader_concepts(meaning_db: Path) -> None:
    with open_store(meaning_db) as store:
        store.con.execute("UPDATE store.claims SET concept = 'soldier', actor = NULL, "
                          "state = 'deployed' WHERE claim_id = 'a004-0'")
        store.con.execute("UPDATE store.claims SET concept = 'person', actor = 'KP', "
                          "state = 'deployed' WHERE claim_id = 'a005-0'")
    with open_store(meaning_db, read_only=True) as store:
        groups = {g.label: g for g in discover(load_untracked(store.con), min_claims=1)}
    joined = groups["North Korea · soldier · deployed"]
    assert {"a004-0", "a005-0"} <= set(joined.claim_ids)  # no actor stated; a broader concept
    assert "Russia · soldier · deployed" in groups  # a stated other actor stays apart
    entry = joined.definition("nk")
    assert set(entry["actor"]) == {"KP", ""} and set(entry["concept"]) == {"soldier", "person"}
    tracking.track(meaning_db, joined.id)
    got = claims(meaning_db)
    assert {cid for cid, (q, _) in got.items() if q} == set(joined.claim_ids)
