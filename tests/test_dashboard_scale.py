"""The dashboard's fast paths give the same answers as the slow ones (issue #6).

- the per-quantity summary table (``tracker.aggregate.summary``) versus the ``claims`` view,
  including reviews written after the summary was built;
- the vectorised consensus over time versus ``consensus`` recomputed per date;
- the SQL ``sentence_key`` versus the polars one.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest
from test_aggregate_fixtures import QUANTITIES, build_db

from tracker.aggregate import compare
from tracker.aggregate.compare import build_view
from tracker.aggregate.consensus import RULES, consensus, consensus_over_time
from tracker.aggregate.estimates import prepare, sentence_key
from tracker.aggregate.quantities import load_quantities
from tracker.aggregate.summary import (
    sentence_key_sql,
    stored_overview_is_fresh,
    summary_is_fresh,
)
from tracker.dashboard import actions, data

ALIASES = load_quantities(QUANTITIES).sources
FILTERS = [data.Filters(), data.Filters(langs=("de",)), data.Filters(hedged="exclude")]


@pytest.fixture()
def fixture_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TRACKER_QUANTITIES", str(QUANTITIES))
    return build_db(tmp_path / "scale.duckdb")


def fresh(db: Path) -> bool:
    with duckdb.connect(str(db), read_only=True) as con:
        return summary_is_fresh(con)


def from_view(db: Path, monkeypatch: pytest.MonkeyPatch, *args) -> pl.DataFrame:
    with monkeypatch.context() as patch:
        patch.setattr(compare, "summary_is_fresh", lambda con: False)
        return data.load_quantity_claims(db, *args)


def test_summary_gives_the_views_rows(fixture_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert fresh(fixture_db)
    for quantity in ("nk_troops_russia", "nk_casualties"):
        for filters in FILTERS:
            fast = data.load_quantity_claims(fixture_db, quantity, filters)
            slow = from_view(fixture_db, monkeypatch, quantity, filters)
            assert fast.height > 0 or filters.langs
            assert fast.drop("sentence_key").equals(slow)
            # the same view model whichever way the rows came
            assert build_view(fast, ALIASES).table.equals(build_view(slow, ALIASES).table)


def test_a_review_outside_the_summary_falls_back_to_the_view(fixture_db: Path) -> None:
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        [(claim_id,)] = con.execute(
            "SELECT claim_id FROM store.claims ANTI JOIN store.assignments USING (claim_id)"
            " ORDER BY claim_id LIMIT 1"
        ).fetchall()
    before = data.load_quantity_claims(fixture_db, "nk_casualties")["claim_id"].to_list()
    assert claim_id not in before
    # a review written by another tool (not the dashboard) moves the claim into a quantity
    with duckdb.connect(str(fixture_db)) as con:
        con.execute(
            "INSERT INTO store.reviews (review_id, claim_id, verdict, quantity, reviewed_at)"
            " VALUES ('r1', ?, 'corrected', 'nk_casualties', now())",
            [claim_id],
        )
    assert not fresh(fixture_db)
    assert claim_id in data.load_quantity_claims(fixture_db, "nk_casualties")["claim_id"]


def test_a_dashboard_review_keeps_the_summary_usable(fixture_db: Path) -> None:
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        [(claim_id,)] = con.execute(
            "SELECT claim_id FROM store.claims ANTI JOIN store.assignments USING (claim_id)"
            " ORDER BY claim_id LIMIT 1"
        ).fetchall()
    actions.save_review(fixture_db, claim_id, "corrected", quantity="nk_casualties", low=5.0,
                        high=5.0)
    assert fresh(fixture_db)
    rows = data.load_quantity_claims(fixture_db, "nk_casualties")
    reviewed = rows.filter(pl.col("claim_id") == claim_id)
    assert reviewed.select("low", "review").rows() == [(5.0, "corrected")]
    overview = data.load_overview(fixture_db)
    assert overview.filter(pl.col("quantity") == "nk_casualties")["claims"][0] == rows.height


def test_new_claims_make_the_summary_stale_until_assigned(fixture_db: Path) -> None:
    with duckdb.connect(str(fixture_db)) as con:
        con.execute("INSERT INTO store.claims SELECT * REPLACE (claim_id || 'x' AS claim_id)"
                    " FROM store.claims LIMIT 1")
    assert not fresh(fixture_db)
    from tracker.aggregate.quantities import assign_all

    with duckdb.connect(str(fixture_db)) as con:
        assign_all(con, load_quantities(QUANTITIES))
    assert fresh(fixture_db)


@pytest.mark.parametrize("rule", RULES)
def test_consensus_over_time_matches_consensus_per_date(fixture_db: Path, rule: str) -> None:
    prepared = prepare(data.load_quantity_claims(fixture_db, "nk_troops_russia"), ALIASES)
    over_time = consensus_over_time(prepared, rule)
    assert over_time.height > 1
    dated = prepared.filter(pl.col("published").is_not_null() & ~pl.col("is_relay"))
    for row in over_time.iter_rows(named=True):
        expected = consensus(dated.filter(pl.col("published") <= row["published"]), rule)
        assert {k: row[k] for k in ("rule", "low", "best", "high", "sources")} == \
            expected.as_dict()


def test_sql_sentence_key_matches_polars(fixture_db: Path) -> None:
    sentences = [
        "Laut NIS sollen rund 11.000 Soldaten – so der Bericht – in Kursk sein.",
        "ÄRZTE OHNE GRENZEN: Über 3.000 Verletzte; Straße gesperrt!",
        "The U.S. said on Monday that 1,500 N. Korean troops were killed.",
        "  ", "a b c", "Élite-Einheiten (ca. 500) über 2 km",
    ]
    with duckdb.connect(str(fixture_db)) as con:
        con.execute("CREATE TEMP TABLE s AS SELECT unnest(?::VARCHAR[]) AS sentence", [sentences])
        got = [r[0] for r in con.execute(f"SELECT {sentence_key_sql('sentence')} FROM s")
               .fetchall()]
    expected = pl.DataFrame({"s": sentences}).select(sentence_key(pl.col("s")))["s"].to_list()
    assert got == expected


def test_stored_overview_matches_the_live_one(
    fixture_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        assert stored_overview_is_fresh(con)
    stored = data.load_overview(fixture_db)
    with monkeypatch.context() as patch:
        patch.setattr(data, "stored_overview_is_fresh", lambda con: False)
        assert data.load_overview(fixture_db).equals(stored)
        patch.setattr(compare, "summary_is_fresh", lambda con: False)  # the claims view itself
        assert data.load_overview(fixture_db).equals(stored)
    quantity = stored["quantity"][0]
    assert stored["claims"][0] > 1
    claim_id = data.load_quantity_claims(fixture_db, quantity)["claim_id"][0]
    actions.save_review(fixture_db, claim_id, "wrong")
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        assert not stored_overview_is_fresh(con)  # a review since: computed again
    after = data.load_overview(fixture_db).filter(pl.col("quantity") == quantity)
    assert after["claims"][0] == stored["claims"][0] - 1
