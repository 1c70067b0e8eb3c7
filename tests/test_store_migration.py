"""Schema version 2: every table declared in schema.sql, and a real migration from version 1,
tested on a version-1 file (tests/fixtures/store_v1.sql, the v1 layout as old files hold it)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tracker.aggregate.quantities import assign_all, parse_quantities
from tracker.aggregate.summary import has_summary, summary_claims_sql, summary_is_fresh
from tracker.store import SCHEMA_VERSION, open_store

V1 = Path(__file__).resolve().parent / "fixtures" / "store_v1.sql"
TABLES = ("articles", "claims", "reviews", "assignments", "quantity_claims",
          "quantity_claims_meta", "quantity_overview")


def _v1_file(path: Path, *, summary: bool = True) -> Path:
    script = V1.read_text(encoding="utf-8")
    if not summary:  # a v1 file whose quantities were never assigned has no summary tables
        script = script.split("-- What tracker.aggregate.summary.rebuild_summary made")[0]
    with duckdb.connect(str(path)) as con:  # builds the old file itself: no tracker code
        con.execute(script)
    return path


def _rows(store, table: str) -> list[tuple]:
    return store.con.execute(f"SELECT * EXCLUDE (extractor_version) FROM store.{table} "
                             "ORDER BY ALL").fetchall() if table == "quantity_claims" else \
        store.con.execute(f"SELECT * FROM store.{table} ORDER BY ALL").fetchall()


def test_current_version_is_2() -> None:
    assert SCHEMA_VERSION == 2


def test_a_version_1_file_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    db = _v1_file(tmp_path / "v1.duckdb")
    with duckdb.connect(str(db), read_only=True) as con:
        before = {t: con.execute(f"SELECT * FROM store.{t} ORDER BY ALL").fetchall()
                  for t in TABLES}
        claims_before = con.execute("SELECT * FROM claims ORDER BY claim_id").fetchall()
    assert len(before["claims"]) == 3 and len(before["quantity_claims"]) == 3

    with open_store(db) as store:
        versions = store.query("SELECT version FROM store.schema_version ORDER BY applied_at")
        assert versions["version"].to_list() == [1, 2]
        for table in TABLES:
            assert _rows(store, table) == before[table], table
        # the summary gained the claims' extractor_version, filled in from store.claims
        filled = store.con.execute(
            "SELECT s.claim_id, s.extractor_version FROM store.quantity_claims s "
            "ORDER BY claim_id").fetchall()
        assert filled == [("a000000000000001-0", "1.5.0"), ("a000000000000002-0", "1.6.0"),
                          ("a000000000000002-1", "1.6.0")]
        assert store.con.execute("SELECT * FROM claims ORDER BY claim_id").fetchall() \
            == claims_before
        # still fresh: the counts it was built from hold, so readers keep using it
        assert has_summary(store.con) and summary_is_fresh(store.con)
        from_summary = store.query(f"SELECT * EXCLUDE (sentence_key) FROM ({summary_claims_sql()})"
                                   " ORDER BY claim_id")
        from_view = store.query("SELECT * FROM claims WHERE claim_id IN "
                                "(SELECT claim_id FROM store.quantity_claims) ORDER BY claim_id")
        assert from_summary.equals(from_view)

    with open_store(db) as store:  # migrated once
        assert store.query("SELECT count(*) AS n FROM store.schema_version")["n"][0] == 2


def test_a_version_1_file_without_summary_tables_gets_them(tmp_path: Path) -> None:
    db = _v1_file(tmp_path / "v1.duckdb", summary=False)
    with open_store(db) as store:
        assert store.query("SELECT max(version) AS v FROM store.schema_version")["v"][0] == 2
        assert store.query("SELECT count(*) AS n FROM store.claims")["n"][0] == 3
        assert not has_summary(store.con)  # declared, not built yet
        config = parse_quantities({"quantity": [{"id": "nk_troops", "label": "NK troops",
                                                 "unit": "soldiers",
                                                 "all_of": [["soldat"]]}]})
        assert assign_all(store.con, config) == 1
        assert summary_is_fresh(store.con)


def test_a_version_1_file_opened_read_only_is_read_as_it_is(tmp_path: Path) -> None:
    db = _v1_file(tmp_path / "v1.duckdb")
    with open_store(db, read_only=True) as store:
        assert store.query("SELECT count(*) AS n FROM claims")["n"][0] == 3
        # the v1 summary lacks extractor_version: readers fall back to the claims view
        assert not summary_is_fresh(store.con)
    with duckdb.connect(str(db), read_only=True) as con:  # untouched
        assert con.execute("SELECT max(version) FROM store.schema_version").fetchall() == [(1,)]


@pytest.mark.parametrize("assigned", [False, True])
def test_summary_has_the_claims_views_columns(db_path: Path, assigned: bool) -> None:
    """Every column of the claims view, extractor_version included, plus the relay key."""
    with duckdb.connect(str(_v1_file(db_path))) as con:
        con.execute("DELETE FROM store.quantity_claims_meta")  # not built
    with open_store(db_path) as store:
        if assigned:
            assign_all(store.con, parse_quantities({}))
        view = store.query("SELECT * FROM claims LIMIT 0").columns
        summary = store.query(f"SELECT * FROM ({summary_claims_sql()}) LIMIT 0").columns
        assert summary == [*view, "sentence_key"]
        assert has_summary(store.con) == assigned
