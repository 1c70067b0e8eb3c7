"""Schema versions: every table declared in schema.sql, and real migrations from version 1 (through
2 and 3 to 4), tested on a version-1 file (tests/fixtures/store_v1.sql, the v1 layout as old
files hold it) and on a version-3 file. The summary tables are derived data: migrating to 3
empties them (their columns follow the claims view, which gained columns) and the next
assignment rebuilds them."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tracker.aggregate.quantities import assign_all, parse_quantities
from tracker.aggregate.summary import has_summary, summary_claims_sql, summary_is_fresh
from tracker.store import SCHEMA_VERSION, open_store

V1 = Path(__file__).resolve().parent / "fixtures" / "store_v1.sql"
TABLES = ("articles", "claims", "reviews", "assignments")


def _v1_file(path: Path, *, summary: bool = True) -> Path:
    script = V1.read_text(encoding="utf-8")
    if not summary:  # a v1 file whose quantities were never assigned has no summary tables
        script = script.split("-- What tracker.aggregate.summary.rebuild_summary made")[0]
    with duckdb.connect(str(path)) as con:  # builds the old file itself: no tracker code
        con.execute(script)
    return path


def _columns(con, table: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'store' AND table_name = ? "
        "ORDER BY column_index", [table]).fetchall()]


def _rows(con, table: str, columns: list[str]) -> list[tuple]:
    names = ", ".join(f'"{c}"' for c in columns)
    return con.execute(f"SELECT {names} FROM store.{table} ORDER BY ALL").fetchall()


def test_current_version_is_4() -> None:
    assert SCHEMA_VERSION == 4


def test_a_version_1_file_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    db = _v1_file(tmp_path / "v1.duckdb")
    with duckdb.connect(str(db), read_only=True) as con:
        old_columns = {t: _columns(con, t) for t in TABLES}
        before = {t: _rows(con, t, old_columns[t]) for t in TABLES}
        view_columns = [d[0] for d in con.execute("SELECT * FROM claims LIMIT 0").description]
        claims_before = con.execute("SELECT * FROM claims ORDER BY claim_id").fetchall()
    assert len(before["claims"]) == 3

    with open_store(db) as store:
        versions = store.query("SELECT version FROM store.schema_version ORDER BY applied_at")
        assert versions["version"].to_list() == [1, 4]
        for table in TABLES:  # every row and value kept; new columns added
            assert _rows(store.con, table, old_columns[table]) == before[table], table
            assert set(_columns(store.con, table)) >= set(old_columns[table])
        new = store.query("SELECT claimant, via, concept, actor, state FROM store.claims")
        assert new.height == 3 and all(new[c].null_count() == 3 for c in new.columns)
        names = ", ".join(f'"{c}"' for c in view_columns)
        assert store.con.execute(f"SELECT {names} FROM claims ORDER BY claim_id").fetchall() \
            == claims_before
        # the derived summary is emptied (not fresh: readers use the claims view) ...
        assert not summary_is_fresh(store.con)
        # ... and the next assignment rebuilds it with the claims view's columns
        assign_all(store.con, parse_quantities({"quantity": [
            {"id": "nk_troops_russia", "label": "NK troops", "unit": "soldiers",
             "all_of": [["soldat"]]}]}))
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
        assert store.query("SELECT max(version) AS v FROM store.schema_version")["v"][0] == 4
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


def _as_version_3(path: Path) -> Path:
    """A version-3 file: the current layout without store.article_corrections, its views as
    version 3 defined them (articles without corrected_at), version 3 recorded."""
    with open_store(path):
        pass
    with duckdb.connect(str(path)) as con:
        con.execute("INSERT INTO store.articles VALUES ('a1', 'zeit.de', NULL, 'T', NULL, 'de',"
                    " 'Rund 11.000 Soldaten.', NULL, now())")
        con.execute("INSERT INTO store.reviews (review_id, claim_id, verdict, reviewed_at)"
                    " VALUES ('r1', 'a1-0', 'wrong', now())")
        con.execute("DROP VIEW claimants; DROP VIEW claims; DROP VIEW articles")
        con.execute("CREATE VIEW articles AS SELECT article_id, outlet, url, title, published,"
                    " lang, text, ingested_at, path FROM store.articles")
        con.execute("DROP TABLE store.article_corrections")
        con.execute("DELETE FROM store.schema_version; INSERT INTO store.schema_version"
                    " (version) VALUES (3)")
    return path


def test_a_version_3_file_is_migrated_to_4_and_keeps_its_rows(tmp_path: Path) -> None:
    from datetime import date

    from tracker.aggregate.curate import correct_article

    db = _as_version_3(tmp_path / "v3.duckdb")
    with open_store(db, read_only=True) as store:  # read as it is, before the migration
        assert store.query("SELECT outlet FROM articles")["outlet"].to_list() == ["zeit.de"]
    with open_store(db) as store:
        assert store.query("SELECT max(version) AS v FROM store.schema_version")["v"][0] == 4
        assert store.query("SELECT count(*) AS n FROM store.article_corrections")["n"][0] == 0
        assert store.query("SELECT review_id FROM store.reviews")["review_id"].to_list() == ["r1"]
        assert store.query("SELECT corrected_at FROM articles")["corrected_at"][0] is None
    correct_article(db, "a1", outlet="zeit.de", title="Neu", published=date(2024, 10, 29),
                    note="date from the print edition")
    with open_store(db, read_only=True) as store:
        article = store.query("SELECT title, published, corrected_at FROM articles").row(0)
        assert article[:2] == ("Neu", date(2024, 10, 29)) and article[2] is not None
        original = store.query("SELECT title, published FROM store.articles").row(0)
        assert original == ("T", None)  # the original kept
