"""The dashboard on the bundled corpus, ingested with the real `tracker ingest`.

The issue's "done when": for North Korean troops in Russia at least 5 outlets side by side with
their ranges and the consensus, and a timeline that shows revisions.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest
from test_aggregate_fixtures import QUANTITIES, REPO, open_tab

from tracker.cli import cli

ARTICLES = REPO / "data" / "articles"


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not ARTICLES.is_dir():
        pytest.skip("data/articles is not present")
    db = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TRACKER_QUANTITIES", str(QUANTITIES))
        result = CliRunner().invoke(
            cli, ["ingest", str(ARTICLES), "--db", str(db), "--workers", "1", "--no-progress"]
        )
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture()
def app(corpus_db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("TRACKER_DB", str(corpus_db))
    monkeypatch.setenv("TRACKER_QUANTITIES", str(QUANTITIES))
    test = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60)
    test.query_params["quantity"] = "North Korean troops in Russia"
    test.run()
    assert not test.exception, test.exception
    return test


def frames(app: AppTest, index: int) -> list[pa.Table]:
    chart = app.get("vega_lite_chart")[index]
    return [pa.ipc.open_stream(d.data.data).read_all() for d in chart.proto.datasets]


def test_ingest_assigns_the_three_issue_quantities(corpus_db: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["quantities", "--db", str(corpus_db), "--quantities", str(QUANTITIES), "--format", "json"],
    )
    counts = {row["id"]: row for row in json.loads(result.output)}
    for quantity in ("nk_troops_russia", "nk_casualties", "nk_deaths"):
        assert counts[quantity]["claims"] >= 5, counts[quantity]


def test_troops_range_chart_has_at_least_five_outlets_and_the_consensus(app: AppTest) -> None:
    band, rows = frames(app, 0)[:2]
    outlets = set(rows.column("row").to_pylist())
    assert len(outlets) >= 5, outlets
    best = band.column("best").to_pylist()[0]
    assert 9000 <= best <= 13000  # the public estimates cluster at 10,000-12,000
    assert band.column("low").to_pylist()[0] <= best <= band.column("high").to_pylist()[0]


def test_timeline_shows_a_source_revising_its_estimate(app: AppTest) -> None:
    open_tab(app, "Timeline")
    points = next(t for t in frames(app, 0) if "source_label" in t.column_names).to_pylist()
    values: dict[str, set[float]] = {}
    for point in points:
        values.setdefault(point["source_label"], set()).add(point["best"])
    revised = {source for source, seen in values.items() if len(seen) > 1}
    assert "NIS (South Korea)" in revised, values.get("NIS (South Korea)")
