"""Parts of the scale benchmark: Parquet partitions from a database, dashboard timings, table."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import duckdb

from tracker.scale.partitions import write_parquet_partition
from tracker.store.frames import ARTICLE_SCHEMA, CLAIM_SCHEMA

REPO = Path(__file__).resolve().parent.parent
ARTICLES_PER_PART = 10_000


def export_partitions(db: Path, out: Path) -> int:
    """Write the database's rows as Parquet partitions (the layout of ``ingest --dask --out``),
    with the product's own partition writer; returns the number of claims written."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        ids = con.sql("SELECT article_id FROM store.articles ORDER BY article_id").pl()
        claims_written = 0
        for index, start in enumerate(range(0, ids.height, ARTICLES_PER_PART)):
            chunk = ids.slice(start, ARTICLES_PER_PART)  # noqa: F841 - read by DuckDB by name
            articles = con.sql(
                f"SELECT {', '.join(ARTICLE_SCHEMA)} FROM store.articles SEMI JOIN chunk "
                "USING (article_id)"
            ).pl()
            columns = ", ".join(f'"{c}"' for c in CLAIM_SCHEMA)
            claims = con.sql(
                f"SELECT {columns} FROM store.claims SEMI JOIN chunk USING (article_id)"
            ).pl()
            write_parquet_partition(out, index, articles, claims)
            claims_written += claims.height
    finally:
        con.close()
    return claims_written


def _timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    value = fn(*args, **kwargs)
    return time.perf_counter() - started, value


def data_function_timings(db: Path) -> dict[str, Any]:
    """The dashboard's loaders and view builder, called directly (no Streamlit cache)."""
    from tracker.dashboard import data
    from tracker.dashboard.view import build_view

    aliases: dict[str, tuple[str, ...]] = {}
    try:
        from tracker.aggregate.quantities import load_aliases  # type: ignore[attr-defined]

        aliases = load_aliases()
    except (ImportError, TypeError, OSError):
        pass
    result: dict[str, Any] = {}
    result["count_claims_s"], result["claims"] = _timed(data.count_claims, db)
    result["overview_s"], overview = _timed(data.load_overview, db)
    if overview.is_empty():
        result["note"] = "no claim is assigned to a tracked quantity"
        return result
    quantity = overview["quantity"][0]
    result["quantity"] = quantity
    result["quantity_claims"] = int(overview["claims"][0])
    result["options_s"], options = _timed(data.load_filter_options, db, quantity)
    first_s, claims = _timed(data.load_quantity_claims, db, quantity)
    view_s, _ = _timed(build_view, claims, aliases)
    result["first_render_s"] = result["overview_s"] + result["options_s"] + first_s + view_s
    lang = (options["langs"] or ["de"])[0]
    filt = data.Filters(langs=(lang,), hedged="exclude")
    filter_s, filtered = _timed(data.load_quantity_claims, db, quantity, filt)
    view2_s, _ = _timed(build_view, filtered, aliases)
    result["filter_change_s"] = filter_s + view2_s
    result["rows_first"], result["rows_filtered"] = claims.height, filtered.height
    return result


def apptest_timings(db: Path) -> dict[str, Any]:
    """Server time of the real dashboard.py under Streamlit's AppTest: first run, filter changes."""
    from streamlit.testing.v1 import AppTest

    os.environ["TRACKER_DB"] = str(db)
    app = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)
    result: dict[str, Any] = {}
    result["first_render_s"], _ = _timed(app.run)
    result["exceptions"] = [str(e.value)[:200] for e in app.exception]
    lang = next((w for w in app.multiselect if w.key == "lang"), None)
    if lang is not None and lang.options:
        result["filter_lang_s"], _ = _timed(lang.set_value([lang.options[0]]).run)
    hedged = next((w for w in app.radio if w.key == "hedged"), None)
    if hedged is not None and len(hedged.options) > 1:
        result["filter_hedged_s"], _ = _timed(hedged.set_value(hedged.options[-1]).run)
    rerun_s, _ = _timed(app.run)
    result["cached_rerun_s"] = rerun_s
    return result


def dashboard_timings(db: Path) -> dict[str, Any]:
    out: dict[str, Any] = {"db": str(db)}
    try:
        out["data_functions"] = data_function_timings(db)
    except Exception as err:  # noqa: BLE001 - the report says what failed instead of stopping
        out["data_functions"] = {"error": f"{type(err).__name__}: {err}"}
    try:
        out["apptest"] = apptest_timings(db)
    except Exception as err:  # noqa: BLE001
        out["apptest"] = {"error": f"{type(err).__name__}: {err}"}
    print(f"dashboard: {out}", flush=True)
    return out


def _fmt(value: Any, spec: str) -> str:
    return "n/a" if value is None else format(value, spec)


def render_table(results: dict[str, Any]) -> str:
    """The markdown table of measured numbers against the issue's targets."""
    m = results.get("machine", {})
    ing = results.get("ingest", {})
    w1, wall = ing.get("workers_1", {}), ing.get("workers_all", {})
    d1, d2 = ing.get("dask_1", {}), ing.get("dask_2", {})
    small, big = results.get("memory_small", {}), results.get("memory_big", {})
    load = results.get("load", {})
    dash = results.get("dashboard", {})
    app, funcs = dash.get("apptest", {}), dash.get("data_functions", {})

    def ratio(a: dict, b: dict) -> float | None:
        return a["articles_per_s"] / b["articles_per_s"] if a and b else None

    rows = [
        ("Ingest, 1 worker (`--workers 1`)", "—",
         f"{_fmt(w1.get('articles_per_s'), ',.0f')} articles/s, "
         f"{_fmt(w1.get('mb_per_s'), '.2f')} MB/s"),
        (f"Ingest, all cores (`--workers {ing.get('cores', '?')}`)", "≥ 1,000 articles/s",
         f"{_fmt(wall.get('articles_per_s'), ',.0f')} articles/s, "
         f"{_fmt(wall.get('mb_per_s'), '.2f')} MB/s"),
        ("Ingest, `--dask local`, 1 worker", "—",
         f"{_fmt(d1.get('articles_per_s'), ',.0f')} articles/s"),
        ("Ingest, `--dask local`, 2 workers", "—",
         f"{_fmt(d2.get('articles_per_s'), ',.0f')} articles/s, "
         f"{_fmt(d2.get('mb_per_s'), '.2f')} MB/s"),
        ("Speed-up, 2 pool workers over 1", "≥ 1.7×", f"{_fmt(ratio(wall, w1), '.2f')}×"),
        ("Speed-up, Dask 2 workers over `--workers 1`", "≥ 1.7×",
         f"{_fmt(ratio(d2, w1), '.2f')}×"),
        ("Speed-up, Dask 2 workers over Dask 1 worker", "≥ 1.7×",
         f"{_fmt(ratio(d2, d1), '.2f')}×"),
        (f"Bulk load of {_fmt(load.get('claims'), ',')} claims from Parquet", "< 5 s",
         f"{_fmt(load.get('load_seconds'), '.2f')} s "
         f"({_fmt(load.get('rows_per_s'), ',.0f')} rows/s)"),
        (f"Peak memory, ingest of {_fmt(small.get('articles'), ',')} articles", "flat",
         f"{_fmt(small.get('peak_rss_mb'), ',.0f')} MB"),
        (f"Peak memory, ingest of {_fmt(big.get('articles'), ',')} articles", "flat",
         f"{_fmt(big.get('peak_rss_mb'), ',.0f')} MB "
         f"({_fmt(big.get('articles_per_s'), ',.0f')} articles/s)"),
        (f"Dashboard first render, {_fmt(funcs.get('claims'), ',')} claims (AppTest)", "< 1 s",
         f"{_fmt(app.get('first_render_s'), '.2f')} s"),
        ("Dashboard filter change: language (AppTest)", "< 1 s",
         f"{_fmt(app.get('filter_lang_s'), '.2f')} s"),
        ("Dashboard filter change: hedged (AppTest)", "< 1 s",
         f"{_fmt(app.get('filter_hedged_s'), '.2f')} s"),
        ("Dashboard data functions: first render / filter change", "< 1 s",
         f"{_fmt(funcs.get('first_render_s'), '.2f')} s / "
         f"{_fmt(funcs.get('filter_change_s'), '.2f')} s"),
    ]
    lines = [
        f"Machine: {m.get('cores')} cores ({m.get('cpu')}), {m.get('memory_gb')} GB RAM, "
        f"Python {m.get('python')}, {m.get('os')}; load average before the run "
        f"{_fmt(m.get('load_before'), '.2f')}.",
        "",
        "| measure | target | measured |",
        "|---|---|---|",
        *[f"| {a} | {b} | {c} |" for a, b, c in rows],
        "",
    ]
    return "\n".join(lines)

