"""Aggregation counts claimants: every name and relay of one claimant is one independent voice,
and the per-source rows are claimants with the names they were written as."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from test_aggregate_fixtures import QUANTITIES
from test_claimants_store import write_texts

from tracker.aggregate.compare import build_view, quantity_claims
from tracker.aggregate.estimates import normalise_sources, prepare
from tracker.aggregate.summary import OVERVIEW, summary_is_fresh
from tracker.cli import cli
from tracker.store import open_store


def claims(*rows: dict) -> pl.DataFrame:
    base = {"claim_id": None, "outlet": "example.com", "published": date(2024, 11, 1),
            "source": None, "claimant": None, "claimant_label": None, "via": None,
            "low": None, "high": None, "kind": "point", "hedged": False, "sentence": "",
            "quote": "", "url": None, "lang": "en", "review": None}
    filled = [{**base, "claim_id": f"c{i}", **row} for i, row in enumerate(rows)]
    return pl.DataFrame(filled, schema_overrides={
        "published": pl.Date, "low": pl.Float64, "high": pl.Float64, "source": pl.String,
        "claimant": pl.String, "claimant_label": pl.String, "via": pl.String,
        "review": pl.String, "url": pl.String})


NIS = {"claimant": "kr-nis", "claimant_label": "NIS (South Korea)"}


def test_names_of_one_claimant_are_one_source_with_the_names_seen() -> None:
    df = normalise_sources(claims(
        {"source": "the spy agency", **NIS},
        {"source": "dem südkoreanischen Geheimdienst", **NIS},
        {"source": "Behörde"},  # no claimant: named as written (or by the alias tables)
        {"outlet": "zeit.de"},
    ), {})
    assert df["source_key"].to_list() == ["NIS (South Korea)", "NIS (South Korea)", "Behörde",
                                          "zeit.de (own figure)"]
    assert df["source_names"][0] == "dem südkoreanischen Geheimdienst; the spy agency"


def test_a_claimant_without_a_label_is_named_by_its_key() -> None:
    df = normalise_sources(claims({"source": "KDI", "claimant": "name:kdi"}), {})
    assert df["source_key"].to_list() == ["name:kdi"]


def test_relays_of_one_claimant_count_once_in_the_consensus() -> None:
    df = claims(
        {"low": 11000, "high": 11000, "outlet": "yna.co.kr", "source": "NIS", **NIS,
         "published": date(2024, 11, 1)},
        {"low": 11000, "high": 11000, "outlet": "cnn.com", "source": "Yonhap", **NIS,
         "via": "agency-yonhap", "published": date(2024, 11, 2)},
        {"low": 10000, "high": 10000, "outlet": "bbc.co.uk", "source": "the Pentagon",
         "claimant": "us-pentagon", "published": date(2024, 11, 2)},
    )
    view = build_view(df, {}, by="source")
    assert view.agreed.sources == 2
    assert int(view.prepared["is_relay"].sum()) == 1
    assert sorted(view.range_rows["row"].unique()) == ["NIS (South Korea)", "us-pentagon"]
    nis = view.range_rows.filter(pl.col("row") == "NIS (South Korea)")
    assert nis["names_text"][0] == "NIS; Yonhap"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("agg")
    path = folder / "t.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TRACKER_QUANTITIES", str(QUANTITIES))
        result = CliRunner().invoke(cli, ["ingest", str(write_texts(folder / "in")), "--db",
                                          str(path), "--workers", "1", "--no-progress"])
    assert result.exit_code == 0, result.output
    return path


def test_an_ingested_store_counts_claimants_everywhere(db: Path) -> None:
    with open_store(db, read_only=True) as store:
        assert summary_is_fresh(store.con)
        rows = quantity_claims(store.con, "nk_troops_russia")
        [(voices,)] = store.con.execute(
            f"SELECT voices FROM {OVERVIEW} WHERE quantity = 'nk_troops_russia'").fetchall()
    assert rows.height == 4
    assert set(rows["claimant"]) == {"kr-nis", "us-pentagon"}
    view = build_view(rows, {}, by="source")
    assert view.agreed.sources == 2 == voices  # four names as written, two claimants
    assert prepare(rows, {})["source_names"].n_unique() == 2


def test_a_merge_shows_at_once_through_the_summary(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db.read_bytes())
    result = CliRunner().invoke(cli, ["claimants", "merge", "us-pentagon", "kr-nis",
                                      "--db", str(copy)])
    assert result.exit_code == 0, result.output
    with open_store(copy, read_only=True) as store:
        assert summary_is_fresh(store.con)  # no rebuild needed: merges apply at read time
        rows = quantity_claims(store.con, "nk_troops_russia")
        [(voices,)] = store.con.execute(
            f"SELECT voices FROM {OVERVIEW} WHERE quantity = 'nk_troops_russia'").fetchall()
    assert set(rows["claimant"]) == {"kr-nis"}
    assert voices == 1  # the stored overview was recounted
    assert build_view(rows, {}, by="source").agreed.sources == 1
