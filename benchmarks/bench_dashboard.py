"""Dashboard server time at 1,000,000 claims (issue #6): AppTest runs and the data functions.

    .venv/bin/python benchmarks/bench_dashboard.py [--db FILE] [--articles 140000] [--repeat 3]

The database is ``tracker synth`` output (seed 0; 140,000 articles give about 1,000,000 claims)
ingested with ``tracker ingest``; it is built once under ``benchmarks/out/`` (git-ignored) and
reused. ``--db`` points at an existing database instead. Before timing, the per-quantity summary
table is checked and, if missing or stale, rebuilt with ``tracker assign`` (as every ingest does).

Two measurements, each as wall and CPU seconds (the machine is shared: wall time includes waiting
for a core, CPU time is what the dashboard itself spent, all threads):

- AppTest: ``dashboard.py`` run by Streamlit's test runner (server time, no browser): a first
  render (new process: imports included; and again with warm imports and empty caches, what a
  user sees after an ingest), a cached rerun, a filter change (language), a quantity switch.
- The data functions called directly, without Streamlit's cache.

Prints a markdown table against the 1 s target; the median of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "benchmarks" / "out"
TRACKER = [str(REPO / ".venv" / "bin" / "tracker")]
TARGET_S = 1.0


def build_database(articles: int) -> Path:
    """The synthetic database (made once): synth corpus, then a real ``tracker ingest``."""
    db = OUT / f"dashboard-{articles}.duckdb"
    if db.exists():
        return db
    corpus = OUT / f"corpus-{articles}"
    if not corpus.exists():
        subprocess.run([*TRACKER, "synth", "--articles", str(articles), "--out", str(corpus)],
                       check=True)
    subprocess.run([*TRACKER, "ingest", str(corpus), "--db", str(db), "--no-progress"],
                   check=True, cwd=REPO)
    return db


def ensure_summary(db: Path) -> None:
    import duckdb

    from tracker.aggregate.summary import summary_is_fresh

    with duckdb.connect(str(db), read_only=True) as con:
        fresh = summary_is_fresh(con)
    if not fresh:
        print(f"{db}: summary table missing or stale; running tracker assign", flush=True)
        subprocess.run([*TRACKER, "assign", "--db", str(db)], check=True, cwd=REPO)


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, value


def database_facts(db: Path) -> dict[str, Any]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        [(claims, articles, tracked)] = con.execute(
            "SELECT (SELECT count(*) FROM store.claims), (SELECT count(*) FROM store.articles),"
            " (SELECT count(*) FROM store.assignments)"
        ).fetchall()
    return {"claims": claims, "articles": articles, "tracked": tracked}


def data_function_runs(db: Path) -> dict[str, tuple[float, float]]:
    """Each loader and the view builder, called directly (no cache): wall and CPU seconds."""
    from tracker.aggregate.compare import build_view
    from tracker.aggregate.quantities import load_quantities
    from tracker.dashboard import data

    aliases = load_quantities(REPO / "data" / "quantities.toml").sources
    steps: dict[str, tuple[float, float]] = {}

    def step(name: str, fn: Callable[[], Any]) -> Any:
        wall, cpu, value = timed(fn)
        steps[name] = (wall, cpu)
        return value

    def first_connection() -> None:
        with data.read_only(db) as con:
            con.sql("SELECT 1 AS one").pl()  # the first Arrow hand-over loads its modules

    # one-off costs of the process (DuckDB's first connection, lazy imports), kept apart
    step("first connection in the process (one-off)", first_connection)
    overview = step("load_overview", lambda: data.load_overview(db))
    first, second = overview["quantity"][0], overview["quantity"][-1]
    step("load_filter_options", lambda: data.load_filter_options(db, first))
    claims = step("load_quantity_claims (all)", lambda: data.load_quantity_claims(db, first))
    step(f"build_view ({claims.height:,} claims)", lambda: build_view(claims, aliases))
    german = data.Filters(langs=("de",))
    claims = step("load_quantity_claims (lang=de)",
                  lambda: data.load_quantity_claims(db, first, german))
    step(f"build_view ({claims.height:,} claims, de)", lambda: build_view(claims, aliases))
    claims = step("load_quantity_claims (other quantity)",
                  lambda: data.load_quantity_claims(db, second))
    step(f"build_view ({claims.height:,} claims, other)", lambda: build_view(claims, aliases))
    return steps


def apptest_runs(db: Path) -> dict[str, tuple[float, float]]:
    """dashboard.py under AppTest: first render (cold, warm), cached rerun, filter, quantity."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from tracker.dashboard import cache as dashboard_cache

    os.environ["TRACKER_DB"] = str(db)
    steps: dict[str, tuple[float, float]] = {}

    def step(name: str, app: AppTest) -> None:
        wall, cpu, _ = timed(app.run)
        if app.exception:
            raise SystemExit(f"{name}: the dashboard failed: {app.exception}")
        steps[name] = (wall, cpu)

    cold = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=300)
    step("first render (new process, imports included)", cold)
    st.cache_data.clear()
    st.cache_resource.clear()
    dashboard_cache.forget_reads()  # else the quantity's last read is reused (same file)
    app = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=300)
    step("first render (warm imports, empty caches)", app)
    step("cached rerun", app)
    app.multiselect(key="lang").set_value(["de"])
    step("filter change (language = de)", app)
    quantity = app.selectbox(key="quantity")
    other = [option for option in quantity.options if option != quantity.value][0]
    quantity.set_value(other)
    step("quantity switch", app)
    return steps


PARTS = ("apptest_runs", "data_function_runs")


def measure_in_subprocess(db: Path, part: str) -> dict[str, tuple[float, float]]:
    """One part in a fresh interpreter, so 'first render' really starts cold."""
    done = subprocess.run([sys.executable, __file__, "--db", str(db), "--part", part],
                          check=True, capture_output=True, text=True, cwd=REPO)
    last_line = done.stdout.strip().splitlines()[-1]
    return {name: (wall, cpu) for name, (wall, cpu) in json.loads(last_line).items()}


def median_runs(runs: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    return {
        name: (statistics.median(r[name][0] for r in runs),
               statistics.median(r[name][1] for r in runs))
        for name in runs[0]
    }


def table(title: str, steps: dict[str, tuple[float, float]], target: bool) -> str:
    lines = [f"| {title} | wall s | CPU s |" + (" < 1 s? |" if target else ""),
             "|---|---:|---:|" + ("---|" if target else "")]
    for name, (wall, cpu) in steps.items():
        verdict = ""
        if target:
            verdict = " yes |" if wall < TARGET_S else f" no (CPU {'<' if cpu < 1 else '>='} 1 s) |"
        lines.append(f"| {name} | {wall:.2f} | {cpu:.2f} |{verdict}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing tracker database (else synth)")
    parser.add_argument("--articles", type=int, default=140_000,
                        help="synthetic articles when building (~7 claims each)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--part", choices=PARTS, help=argparse.SUPPRESS)  # one run, as JSON
    args = parser.parse_args()
    if args.part:
        print(json.dumps(globals()[args.part](args.db)))
        return
    OUT.mkdir(parents=True, exist_ok=True)
    db = args.db or build_database(args.articles)
    ensure_summary(db)
    facts = database_facts(db)
    apptest = median_runs([measure_in_subprocess(db, "apptest_runs")
                           for _ in range(args.repeat)])
    functions = median_runs([measure_in_subprocess(db, "data_function_runs")
                             for _ in range(args.repeat)])
    load = os.getloadavg()[0]
    print(f"\nDatabase: {db} — {facts['claims']:,} claims in {facts['articles']:,} articles, "
          f"{facts['tracked']:,} in tracked quantities. {os.cpu_count()} cores, load average "
          f"{load:.1f} at the end; median of {args.repeat} runs.\n")
    print(table("AppTest (dashboard.py server time)", apptest, target=True))
    print()
    print(table("Data functions, called directly (no cache)", functions, target=False))


if __name__ == "__main__":
    main()
