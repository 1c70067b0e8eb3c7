"""The dashboard: pure chart builders and view model, then AppTest on dashboard.py itself."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest
from test_aggregate_fixtures import QUANTITIES, REPO, build_db, open_tab, tab_open

from tracker.aggregate.compare import build_view
from tracker.aggregate.quantities import load_quantities
from tracker.dashboard import data
from tracker.dashboard.charts import (
    default_domain,
    range_chart,
    timeline_chart,
    vega_lite_spec,
    with_arrow_tips,
)
from tracker.dashboard.text import (
    bracket_quote,
    claims_phrase,
    escape_markdown,
    highlight,
    highlight_markdown,
    highlight_spans,
    safe_url,
)
from tracker.errors import StoreError

ALIASES = load_quantities(QUANTITIES).sources
SCRIPT = str(REPO / "dashboard.py")


@pytest.fixture()
def fixture_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = build_db(tmp_path / "dash.duckdb")
    monkeypatch.setenv("TRACKER_DB", str(db))
    monkeypatch.setenv("TRACKER_QUANTITIES", str(QUANTITIES))
    return db


def troops_view(db: Path, **kwargs):
    claims = data.load_quantity_claims(db, "nk_troops_russia", data.Filters())
    return build_view(claims, ALIASES, as_of=date(2025, 6, 1), **kwargs)


# --- text safety ----------------------------------------------------------------------------


def test_links_only_for_http_addresses() -> None:
    assert safe_url("https://www.bbc.co.uk/x") == "https://www.bbc.co.uk/x"
    assert safe_url("http://spiegel.de/a") == "http://spiegel.de/a"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "//x", "", None):
        assert safe_url(bad) is None


def test_highlighting_escapes_everything_but_the_mark() -> None:
    marked = highlight("<b>About</b> 3,000 <script>x</script>", "3,000")
    assert marked == "&lt;b&gt;About&lt;/b&gt; <mark>3,000</mark> &lt;script&gt;x&lt;/script&gt;"
    text = "a <i>10</i> b 20"
    assert highlight_spans(text, [(5, 7), (14, 16)]) == (
        "a &lt;i&gt;<mark>10</mark>&lt;/i&gt; b <mark>20</mark>"
    )
    assert bracket_quote("rund 11.000 Soldaten", "rund 11.000") == "⟦rund 11.000⟧ Soldaten"


# --- view model and chart builders (no Streamlit) ---------------------------------------------


def test_view_per_outlet_and_per_source(fixture_db: Path) -> None:
    per_outlet = troops_view(fixture_db)
    assert sorted(per_outlet.range_rows["row"].to_list()) == [
        "bbc.co.uk",
        "defense.gov",
        "reuters.com",
        "rp-online.de",
        "spiegel.de",
        "tagesschau.de",
        "zeit.de",
    ]
    per_source = troops_view(fixture_db, by="source")
    assert set(per_source.range_rows["row"]) == {
        "NIS (South Korea)",
        "Pentagon",
        "rp-online.de (own figure)",
        "zeit.de (own figure)",
    }
    # the consensus counts independent sources, whatever the rows are
    assert per_outlet.agreed == per_source.agreed
    assert per_outlet.agreed.sources == 4


def test_range_chart_draws_band_bars_points_and_marks_bounds(fixture_db: Path) -> None:
    view = troops_view(fixture_db)
    spec = range_chart(view.range_rows, view.agreed, "Range comparison: troops").to_dict()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["rect", "rule", "rule", "rule", "point"]  # band, best, bars, arrows, points
    assert spec["title"] == "Range comparison: troops"
    rows = {r["row"]: r for r in view.range_rows.iter_rows(named=True)}
    assert rows["spiegel.de"]["marker"] == "at least"  # "Mehr als 10.000": an open bound
    assert rows["spiegel.de"]["style"] == "hedged"
    tips = dict(with_arrow_tips(view.range_rows).select("row", "tip").iter_rows())
    assert tips["spiegel.de"] > 10000 and tips["defense.gov"] == 3000  # arrow only for bounds
    assert rows["rp-online.de"]["value_text"] == "10,000–12,000"
    # one tooltip object per claim, empty fields undefined (left out), the article link in it
    assert spec["layer"][4]["encoding"]["tooltip"]["field"] == "info"
    [calculate] = [t["calculate"] for t in spec["layer"][4].get("transform", [])
                   if t.get("as") == "info"] or [
        t["calculate"] for t in spec.get("transform", []) if t.get("as") == "info"]
    for field in ("quote", "source_label", "outlet", "date", "link", "outlier_text"):
        assert f"datum.{field} ? datum.{field} : datum.__absent" in calculate
    params = [*spec.get("params", []), *spec["layer"][4].get("params", [])]
    assert [p["name"] for p in params] == ["pick"]  # a click on a point selects its claim


def test_timeline_chart_has_revisions_and_consensus(fixture_db: Path) -> None:
    view = troops_view(fixture_db)
    spec = timeline_chart(view.timeline_rows, view.over_time, "Timeline: troops").to_dict()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["area", "line", "rule", "line", "point"]
    assert spec["layer"][3]["mark"]["interpolate"] == "step-after"  # a step line per source
    nis = view.timeline_rows.filter(view.timeline_rows["source_label"] == "NIS (South Korea)")
    assert nis["best"].to_list() == [1500, 10900, 12000]  # the bbc.co.uk relay drawn once


def test_timeline_leaves_an_outlier_out_of_its_default_axis(fixture_db: Path) -> None:
    """An outlier stays in the data but must not flatten every other estimate: with a domain the
    y axis is fixed to it and marks outside are clipped (the range chart does the same)."""
    view = troops_view(fixture_db)
    rows = view.timeline_rows
    far = rows.head(1).with_columns(best=pl.lit(1e6), low_value=pl.lit(1e6),
                                    high_value=pl.lit(1e6), outlier=pl.lit(True),
                                    claim_id=pl.lit("far-0"))
    rows = pl.concat([rows, far], how="diagonal_relaxed")
    domain = default_domain(rows, view.agreed)
    assert domain is not None and domain[1] < 1e6
    spec = timeline_chart(rows, view.over_time, "Timeline", domain=domain).to_dict()
    for layer in spec["layer"]:
        assert layer["mark"]["clip"] is True
        assert layer["encoding"]["y"]["scale"]["domain"] == domain
    plain = timeline_chart(rows, view.over_time, "Timeline").to_dict()
    assert all("scale" not in layer["encoding"]["y"] for layer in plain["layer"])


def test_every_chart_of_the_page_is_a_valid_vega_lite_spec(fixture_db: Path) -> None:
    """The page builds specs without Altair's validation (most of their cost); the tests
    validate every kind of chart it draws instead."""
    from tracker.aggregate.compare import chart_rows
    from tracker.dashboard.charts import entity_chart, finish, undated_chart

    view = troops_view(fixture_db)
    undated = view.timeline_rows.head(2).with_columns(date=pl.lit("undated"))
    entity = chart_rows(view.prepared, "source_key").with_columns(
        quantity_label=pl.lit("troops"), date_or_first=pl.col("date"))
    for chart in (range_chart(view.range_rows, view.agreed, "Range",
                              domain=default_domain(view.range_rows, view.agreed)),
                  timeline_chart(view.timeline_rows, view.over_time, "Timeline"),
                  undated_chart(undated, "Undated"), entity_chart(entity, "Claimant")):
        spec = vega_lite_spec(finish(chart, "de", narrow=True), validate=True)
        fast = vega_lite_spec(finish(chart, "de", narrow=True))  # what the page draws
        assert spec["datasets"].keys() == fast["datasets"].keys()
        assert {k: v for k, v in spec.items() if k != "datasets"} == {
            k: v for k, v in fast.items() if k != "datasets"}


def test_an_outlier_beyond_the_axis_is_an_arrow_at_its_edge(fixture_db: Path) -> None:
    """A clipped outlier stays reachable: its point is drawn at the axis edge as an arrow
    pointing where it lies, with its claim id, tooltip and click selection."""
    view = troops_view(fixture_db)
    for rows, chart, field in ((view.range_rows, range_chart, "x"),
                               (view.timeline_rows, timeline_chart, "y")):
        far = rows.head(1).with_columns(best=pl.lit(1e6), low_value=pl.lit(1e6),
                                        high_value=pl.lit(1e6), outlier=pl.lit(True),
                                        claim_id=pl.lit("far-0"), row=pl.lit("far.org"))
        rows = pl.concat([rows, far], how="diagonal_relaxed")
        domain = default_domain(rows, view.agreed)
        args = (view.agreed, "Range") if chart is range_chart else (view.over_time, "Timeline")
        spec = vega_lite_spec(chart(rows, *args, domain=domain), validate=True)
        frame = next(f for f in spec["datasets"].values() if "drawn" in f.columns)
        drawn = frame.filter(pl.col("claim_id") == "far-0").row(0, named=True)
        assert drawn["drawn"] == domain[1] and drawn["shape_key"] == "beyond the axis"
        assert drawn["angle"] in (0.0, 90.0)  # pointing up (timeline) or right (range)
        points = next(layer for layer in spec["layer"] if "shape" in layer["encoding"])
        assert points["encoding"][field]["field"] == "drawn"
        assert points["encoding"]["shape"]["field"] == "shape_key"
        assert points.get("name") in json.dumps(spec["params"])  # the click selection


def test_the_page_reads_texts_for_the_rows_it_shows_and_export_has_them_all(
        fixture_db: Path) -> None:
    """The view is read without sentences and titles; a table page and Export read them for
    their rows and give the same table as a view read with them."""
    from tracker.aggregate.compare import TABLE_PAGE
    from tracker.dashboard.panels.claims import full_table

    slim = build_view(data.load_quantity_claims(fixture_db, "nk_troops_russia", texts=False),
                      ALIASES, as_of=date(2025, 6, 1))
    assert "sentence" not in slim.prepared.columns and "title" not in slim.prepared.columns
    full = troops_view(fixture_db).table
    exported = full_table(slim, fixture_db)
    assert exported.select(full.columns).sort("claim_id").equals(full.sort("claim_id"))
    ids = slim.table_order.head(TABLE_PAGE)["claim_id"].to_list()
    page = slim.table_page(0, data.load_claim_texts(fixture_db, ids))
    assert page.select(full.columns).equals(full.head(TABLE_PAGE))


def test_claims_table_marks_the_number_and_keeps_only_safe_links(fixture_db: Path) -> None:
    table = troops_view(fixture_db).table
    zeit = table.filter(table["outlet"] == "zeit.de").row(0, named=True)
    assert zeit["link"] is None  # its url is javascript:
    assert "⟦rund 11.000⟧" in zeit["quote_in_context"]
    assert table.filter(table["is_relay"]).height == 1  # the NIS 10,900 relayed by bbc.co.uk


# --- loaders -------------------------------------------------------------------------------


def test_filters_run_in_sql_with_parameters(fixture_db: Path) -> None:
    only_de = data.Filters(langs=("de",), hedged="exclude", date_from=date(2024, 12, 1))
    rows = data.load_quantity_claims(fixture_db, "nk_troops_russia", only_de)
    assert rows["outlet"].to_list() == ["zeit.de", "tagesschau.de"]
    evil = data.Filters(outlets=("x' OR 1=1 --",))
    assert data.load_quantity_claims(fixture_db, "nk_troops_russia", evil).is_empty()


def test_loader_errors_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database here yet"):
        data.load_overview(tmp_path / "absent.duckdb")
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError) as err:
        data.load_overview(junk)
    assert "\n" not in str(err.value)


def test_the_database_is_not_held_between_loads(fixture_db: Path) -> None:
    data.load_overview(fixture_db)
    writer = duckdb.connect(str(fixture_db))  # would fail if a reader still held the file
    writer.close()


@contextmanager
def another_process_writing(db: Path) -> Iterator[None]:
    """Another process holds ``db`` open read-write (DuckDB's write lock) while the block runs."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ok', flush=True);"
            " time.sleep(30)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout and holder.stdout.readline().strip() == "ok"
        yield
    finally:
        holder.kill()
        holder.wait()


def test_a_writer_holding_the_file_gives_a_friendly_error(fixture_db: Path) -> None:
    with another_process_writing(fixture_db), pytest.raises(StoreError, match="another process"):
        data.load_overview(fixture_db)


# --- AppTest on dashboard.py ------------------------------------------------------------------


def run_app(query: dict[str, str | list[str]] | None = None) -> AppTest:
    app = AppTest.from_file(SCRIPT, default_timeout=60)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, app.exception
    return app


def chart_frames(app: AppTest, index: int) -> list[pa.Table]:
    chart = app.get("vega_lite_chart")[index]
    return [pa.ipc.open_stream(d.data.data).read_all() for d in chart.proto.datasets]


def chart_title(app: AppTest, index: int) -> str:
    return json.loads(app.get("vega_lite_chart")[index].proto.spec)["title"]


def claims_frame(app: AppTest):
    """The claims table (the dataframe with the quotes), on the Claims tab."""
    open_tab(app, "Claims")
    return next(f.value for f in app.dataframe if "quote_in_context" in f.value.columns)


def range_rows(app: AppTest) -> list[str]:
    if tab_open(app) != "Compare":
        open_tab(app, "Compare")
    tables = chart_frames(app, 0)
    rows = next(t for t in tables if "row" in t.column_names)
    return sorted(rows.column("row").to_pylist())


def test_app_defaults_to_the_quantity_with_most_sources(fixture_db: Path) -> None:
    app = run_app()
    assert app.title[0].value == "North Korean troops in Russia"
    assert chart_title(app, 0).startswith("Range comparison: North Korean troops in Russia")
    assert len(range_rows(app)) == 7  # one row per outlet
    metrics = {m.label: m.value for m in app.metric}
    # numbers in the data's language by default: most of the fixture's troop claims are German
    assert metrics["Consensus (median)"] == "11.000"
    assert metrics["Independent sources"] == "4"
    # only the open tab runs: nothing of the Claims, Review or claimant tabs is sent
    assert not any("quote_in_context" in f.value.columns for f in app.dataframe)
    assert not any(s.label in ("Claim", "Article") for s in app.selectbox)
    # the range chart only: the timeline is drawn when its tab is opened
    assert len(app.get("vega_lite_chart")) == 1
    open_tab(app, "Timeline")
    assert [chart_title(app, 0).split(":")[0]] == ["Timeline"]  # no undated claims


def test_app_switch_quantity_and_rows_per_source(fixture_db: Path) -> None:
    app = run_app()
    app.sidebar.selectbox(key="quantity").set_value(
        "North Korean casualties (killed and wounded)"
    ).run()
    assert app.title[0].value == "North Korean casualties (killed and wounded)"
    assert range_rows(app) == ["bbc.co.uk"]
    app.sidebar.selectbox(key="quantity").set_value("North Korean troops in Russia").run()
    app.sidebar.radio(key="by").set_value("source").run()
    assert range_rows(app) == [
        "NIS (South Korea)",
        "Pentagon",
        "rp-online.de (own figure)",
        "zeit.de (own figure)",
    ]


def test_app_filters_change_the_charts_and_the_table(fixture_db: Path) -> None:
    app = run_app()
    app.sidebar.multiselect(key="outlet").set_value(["reuters.com", "bbc.co.uk"]).run()
    assert range_rows(app) == ["bbc.co.uk", "reuters.com"]
    table = claims_frame(app)
    assert sorted(set(table["outlet"])) == ["bbc.co.uk", "reuters.com"]
    app.sidebar.multiselect(key="outlet").set_value([]).run()
    app.sidebar.radio(key="hedged").set_value("exclude").run()
    assert "spiegel.de" not in range_rows(app) and "rp-online.de" not in range_rows(app)
    app.sidebar.radio(key="hedged").set_value("any").run()
    app.sidebar.multiselect(key="source").set_value(["Pentagon"]).run()
    assert range_rows(app) == ["defense.gov", "spiegel.de"]


def test_app_restores_the_view_from_the_url(fixture_db: Path) -> None:
    app = run_app({"quantity": "North Korean soldiers killed", "lang": ["en"]})
    assert app.title[0].value == "North Korean soldiers killed"
    assert app.sidebar.multiselect(key="lang").value == ["en"]


def test_app_claims_table_and_quotes_are_escaped(fixture_db: Path) -> None:
    app = run_app()
    table = claims_frame(app)
    assert list(table.columns[:5]) == ["link", "date", "outlet", "claimant", "value"]
    assert "quote_in_context" in table.columns
    assert len(table) == 8
    quotes = " ".join(m.value for m in app.markdown if "<mark>" in m.value)
    assert "<mark>rund 11.000</mark>" in quotes
    assert "<b>" not in quotes  # titles and text never reach the page unescaped


def test_app_review_marks_a_claim_wrong_and_the_view_drops_it(fixture_db: Path) -> None:
    app = run_app({"tab": "Review"})
    form_select = next(s for s in app.selectbox if s.label == "Claim")
    assert any("defense.gov" in option for option in form_select.options)
    form_select.set_value("a000-0")  # the Pentagon's 3,000 at defense.gov
    next(r for r in app.radio if r.label == "Verdict").set_value("wrong")
    next(b for b in app.button if b.label == "Save review").click().run()
    assert not app.exception
    assert any("Review saved" in s.value for s in app.success)
    assert "defense.gov" not in range_rows(app)
    con = duckdb.connect(str(fixture_db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM store.claims").fetchall() == [(14,)]
        assert con.execute("SELECT verdict FROM store.reviews").fetchall() == [("wrong",)]
    finally:
        con.close()


def test_app_moves_a_claim_to_no_quantity_and_shows_the_reason(fixture_db: Path) -> None:
    app = run_app()
    assert "reason" in claims_frame(app).columns
    open_tab(app, "Review")
    next(s for s in app.selectbox if s.label == "Claim to move").set_value("a000-0")
    move_to = next(s for s in app.selectbox if s.label == "Move to")
    move_to.set_value(move_to.options[0])  # none: not about a tracked quantity
    next(b for b in app.button if b.label == "Move claim").click().run()
    assert not app.exception
    assert any("Claim moved" in s.value for s in app.success)
    assert "defense.gov" not in range_rows(app)
    con = duckdb.connect(str(fixture_db), read_only=True)
    try:
        assert con.execute("SELECT verdict, quantity FROM store.reviews").fetchall() == [
            ("moved", None)]
        assert con.execute("SELECT reason FROM claims WHERE claim_id = 'a000-0'").fetchall() == [
            ("moved by a reviewer",)]
    finally:
        con.close()


def test_app_explains_a_missing_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "none.duckdb"))
    app = run_app()
    assert "does not exist yet" in app.info[0].value
    assert "tracker ingest" in app.info[0].value
    assert not app.get("vega_lite_chart")


def test_app_explains_an_empty_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tracker.store import open_store

    empty = tmp_path / "empty.duckdb"
    open_store(empty).close()
    monkeypatch.setenv("TRACKER_DB", str(empty))
    app = run_app()
    assert "holds no claims" in app.info[0].value


def test_app_shows_new_claims_after_a_write(fixture_db: Path) -> None:
    app = run_app({"tab": "Claims"})
    before = len(app.dataframe[-1].value)
    con = duckdb.connect(str(fixture_db))
    try:
        con.execute(
            "INSERT INTO store.claims SELECT * REPLACE ("
            " claim_id || 'x' AS claim_id, 99 AS ordinal) FROM store.claims"
            " WHERE claim_id = 'a000-0'"
        )
        con.execute("INSERT INTO store.assignments (claim_id, quantity)"
                    " VALUES ('a000-0x', 'nk_troops_russia')")
    finally:
        con.close()
    app.run()
    assert len(app.dataframe[-1].value) == before + 1


def test_big_views_are_capped_and_say_so() -> None:
    import polars as pl

    from tracker.aggregate.compare import MAX_RANGE_ROWS, MAX_TIMELINE_SOURCES

    many = pl.DataFrame(
        {
            "claim_id": [f"c{i}" for i in range(120)],
            "outlet": [f"outlet{i % 60}.com" for i in range(120)],
            "published": [date(2025, 1, 1 + i % 28) for i in range(120)],
            "source": [f"Source {i % 30}" for i in range(120)],
            "low": [1000.0 + i for i in range(120)],
            "high": [1000.0 + i for i in range(120)],
            "kind": ["point"] * 120,
            "hedged": [False] * 120,
            "sentence": [f"Sentence {i}" for i in range(120)],
            "quote": [str(1000 + i) for i in range(120)],
            "url": ["https://example.com"] * 120,
            "title": ["t"] * 120,
            "lang": ["en"] * 120,
            "review": [None] * 120,
        },
        schema_overrides={"review": pl.String},
    )
    view = build_view(many, {})
    assert view.range_rows.height == MAX_RANGE_ROWS
    assert view.timeline_rows["source_label"].n_unique() == MAX_TIMELINE_SOURCES
    assert len(view.notes) == 2 and "of 60" in view.notes[0] and "of 30" in view.notes[1]
    assert view.agreed.sources == 30  # the consensus still uses every source
    assert view.table.height == 120
    # the table is paged: only a page's rows are formatted and sent; a page past the end
    # shows the last one
    assert view.pages == 2 and view.table_page(0).height == 100
    assert view.table_page(1)["claim_id"].to_list() == view.table_page(7)["claim_id"].to_list()
    assert view.table_page(1).height == 20
    assert view.table_page(0)["published"].is_sorted(descending=True)


def test_a_busy_source_is_drawn_with_its_last_estimate_per_period() -> None:
    """The timeline gets aggregated rows: at most MAX_TIMELINE_POINTS_PER_SOURCE dated points
    per source, each the last estimate of its period, saying how many it stands for."""
    import polars as pl

    from tracker.aggregate.compare import MAX_TIMELINE_POINTS_PER_SOURCE

    days = 700
    busy = pl.DataFrame({
        "claim_id": [f"c{i:04d}" for i in range(days)],
        "outlet": [f"o{i % 7}.com" for i in range(days)],
        "published": pl.date_range(date(2024, 1, 1), date(2024, 1, 1) + pl.duration(days=days - 1),
                                   eager=True),
        "source": ["NIS"] * days, "low": [1000.0 + i for i in range(days)],
        "high": [1000.0 + i for i in range(days)], "kind": ["point"] * days,
        "hedged": [False] * days, "sentence": [f"s{i}" for i in range(days)],
        "quote": ["x"] * days, "url": [None] * days, "title": [None] * days,
        "lang": ["en"] * days, "review": [None] * days,
    }, schema_overrides={"review": pl.String, "url": pl.String, "title": pl.String})
    view = build_view(busy, {})
    rows = view.timeline_rows
    assert 0 < rows.height <= MAX_TIMELINE_POINTS_PER_SOURCE + 1
    assert rows["best"].max() == 1000.0 + days - 1  # the latest estimate is always drawn
    assert rows["period_text"].drop_nulls().str.starts_with("the last of ").all()
    assert any("estimates drawn" in note for note in view.notes)
    assert view.agreed.best == 1000.0 + days - 1  # the figures use every claim


def test_app_add_an_article_shows_claims_and_saves_them(fixture_db: Path) -> None:
    app = run_app({"tab": "Add an article"})
    text = (
        "Nordkorea hat nach Angaben des Pentagons rund 12.000 Soldaten nach Russland geschickt.\n"
        "<script>alert(1)</script> Das berichtete die Zeitung am Montag."
    )
    app.text_area(key="add_text").input(text)
    app.text_input(key="add_outlet").input("example.org")
    app.button(key="add_extract").click().run()
    assert not app.exception and not app.error
    shown = " ".join(m.value for m in app.markdown if "<mark>" in m.value)
    assert "<mark>rund 12.000 Soldaten</mark>" in shown or "<mark>12.000</mark>" in shown
    assert "&lt;script&gt;" in shown and "<script>" not in shown
    # the preview names the quantity each claim will join, found without storing anything
    preview = app.dataframe[0].value  # AppTest gives a pandas frame
    rows = preview[preview["quote"].str.contains("12.000")]
    assert rows["quantity"].tolist() == ["North Korean troops in Russia"]
    con = duckdb.connect(str(fixture_db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles WHERE outlet = 'example.org'"
                           ).fetchall() == [(0,)]
    finally:
        con.close()
    app.button(key="add_save").click().run()
    assert any("Saved: 1 new article" in s.value for s in app.success)
    added = [m.value for m in app.markdown if "Nordkorea" in m.value or "12.000" in m.value]
    assert any("North Korean troops in Russia" in m for m in added)  # the claims added
    con = duckdb.connect(str(fixture_db), read_only=True)
    try:
        stored = con.execute(
            "SELECT count(*) FROM claims WHERE outlet = 'example.org'"
            " AND quantity = 'nk_troops_russia'"
        ).fetchall()
    finally:
        con.close()
    assert stored == [(1,)]


def test_app_export_buttons_are_there(fixture_db: Path) -> None:
    app = run_app()
    labels = [b.proto.label for b in app.get("download_button")]
    assert labels == ["Chart as PNG", "Chart as SVG"]
    labels = [b.proto.label for b in open_tab(app, "Claims").get("download_button")]
    assert labels == ["Export CSV", "Export Parquet"]


def test_app_suggests_a_quantity_for_untracked_claims(fixture_db: Path) -> None:
    app = run_app({"tab": "Untracked claims"})
    assert not any("building" in e.label for e in app.expander)  # only on request
    app.toggle(key="suggest").set_value(True).run()
    titles = [e.label for e in app.expander]
    # the fixture's claims have no meaning: grouped by unit, with a Track button each
    assert any(t.startswith("building (no meaning found): 3 claims") for t in titles)
    assert any(b.label == "Track" for b in app.button)


def test_app_says_so_in_one_line_while_a_writer_holds_the_file(fixture_db: Path) -> None:
    app = run_app()  # first load works and is cached; the other quantity is not read yet
    with another_process_writing(fixture_db):
        # a filter runs on the quantity's claims read once: nothing to read, no error
        app.sidebar.multiselect(key="lang").set_value(["de"]).run()
        assert not app.exception
        assert not app.error
        assert app.get("vega_lite_chart")
        quantity = app.sidebar.selectbox(key="quantity")
        quantity.set_value([q for q in quantity.options if q != quantity.value][0]).run()
        assert not app.exception
        assert "another process" in app.error[0].value


def test_uploaded_html_is_read_like_ingest_and_bad_types_are_refused() -> None:
    from tracker.dashboard.actions import read_article
    from tracker.errors import InputError

    page = (
        b"<html><head><title>Kursk</title></head><body><article><h1>Kursk</h1>"
        b"<p>North Korea has sent about 11,000 troops to Russia, the Pentagon said on Monday. "
        b"Officials in Washington repeated the figure later in the week.</p>"
        b"<p>The deployment began in October and continued through the winter months.</p>"
        b"</article></body></html>"
    )
    [article] = read_article("story.html", page, url="https://example.com/kursk")
    assert article.url == "https://example.com/kursk"
    assert any(c.low == 11000 for c in article.claims)
    with pytest.raises(InputError, match="unsupported file type"):
        read_article("virus.exe", b"MZ")


def test_notes_count_claims_in_the_singular_and_plural() -> None:
    assert claims_phrase(1) == "1 claim has"
    assert claims_phrase(18) == "18 claims have"


def test_markdown_highlight_shows_every_character_as_written() -> None:
    """The detail panel draws the sentence as Markdown (no HTML): rendered by a CommonMark
    renderer, escaped text gives back exactly the characters written, markup included."""
    from markdown_it import MarkdownIt

    render = MarkdownIt("commonmark")
    tricky = ("*Schätzungen* zufolge [10.000](javascript:x) <b>bis</b> 12.000 `Soldaten` "
              "# 1. - | $5 $ ~~a~~ :red[b] &amp; _c_ \\ \"q\" 'r' ! + = ^ {d}")
    text = html.unescape(re.sub(r"<[^>]+>", "", render.render(escape_markdown(tricky)))).strip()
    assert text == tricky
    marked = highlight_markdown("Rund 11.000 [Soldaten]", "11.000", start=5)
    assert marked == r"Rund :orange-background[11\.000] \[Soldaten\]"
    assert highlight_markdown("ohne Zahl", "11.000") == "ohne Zahl"
    assert escape_markdown("zwei\nZeilen") == "zwei Zeilen"
