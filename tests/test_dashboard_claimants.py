"""The dashboard counts claimants, draws one row per claimant with the names it was written as,
and lets a reviewer merge or split claimants (AppTest on a database built by `tracker ingest`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest
from test_aggregate_fixtures import QUANTITIES, REPO, open_tab, tab_open
from test_claimants_store import write_texts

from tracker.cli import cli
from tracker.store import open_store


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dash")
    path = folder / "t.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TRACKER_QUANTITIES", str(QUANTITIES))
        result = CliRunner().invoke(cli, ["ingest", str(write_texts(folder / "in")), "--db",
                                          str(path), "--workers", "1", "--no-progress"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture()
def app(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    db = tmp_path / "t.duckdb"
    shutil.copy(built, db)
    monkeypatch.setenv("TRACKER_DB", str(db))
    monkeypatch.setenv("TRACKER_QUANTITIES", str(QUANTITIES))
    test = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60)
    test.query_params["quantity"] = "North Korean troops in Russia"
    test.run()
    test.sidebar.radio(key="by").set_value("source").run()
    assert not test.exception, test.exception
    return test


def range_frame(app: AppTest) -> pa.Table:
    if tab_open(app) != "Compare":
        open_tab(app, "Compare")
    chart = app.get("vega_lite_chart")[0]
    tables = [pa.ipc.open_stream(d.data.data).read_all() for d in chart.proto.datasets]
    return next(t for t in tables if "row" in t.column_names)


def metric(app: AppTest, label: str) -> str:
    return next(m.value for m in app.metric if m.label == label)


def test_rows_are_claimants_with_the_names_seen(app: AppTest) -> None:
    rows = range_frame(app).to_pylist()
    assert sorted({r["row"] for r in rows}) == ["NIS (South Korea)", "Pentagon"]
    names = {r["row"]: r["names_text"] for r in rows}
    assert names["Pentagon"] == "Das Pentagon; the Pentagon"
    assert metric(app, "Independent sources") == "2"  # four names as written


def test_a_reviewer_merges_two_claimants(app: AppTest) -> None:
    open_tab(app, "Review")
    merge = next(s for s in app.selectbox if s.label == "Merge claimant")
    into = next(s for s in app.selectbox if s.label == "into")
    merge.set_value("us-pentagon")
    into.set_value("kr-nis")
    next(b for b in app.button if b.label == "Merge").click().run()
    assert not app.exception, app.exception
    assert any("Claimants updated" in s.value for s in app.success)
    assert metric(app, "Independent sources") == "1"
    assert {r["row"] for r in range_frame(app).to_pylist()} == {"NIS (South Korea)"}
    with open_store(_db(), read_only=True) as store:
        edits = store.query("select action, claimant, target from store.claimant_edits")
    assert edits.rows() == [("merge", "us-pentagon", "kr-nis")]


def test_a_reviewer_splits_a_name_out_of_a_claimant(app: AppTest) -> None:
    open_tab(app, "Review")
    next(s for s in app.selectbox if s.label == "Split from claimant").set_value(
        "us-pentagon").run()
    next(s for s in app.selectbox if s.label == "the name (as written)").set_value(
        "Das Pentagon")
    next(b for b in app.button if b.label == "Split").click().run()
    assert not app.exception, app.exception
    assert metric(app, "Independent sources") == "3"
    assert "Das Pentagon" in {r["row"] for r in range_frame(app).to_pylist()}


def _db() -> Path:
    import os

    return Path(os.environ["TRACKER_DB"])
