"""Parts of the scale benchmark: dashboard timings and the results table."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def _timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    value = fn(*args, **kwargs)
    return time.perf_counter() - started, value


def data_function_timings(db: Path) -> dict[str, Any]:
    """The dashboard's loaders and view builder, called directly (no Streamlit cache)."""
    from tracker.aggregate.compare import build_view
    from tracker.dashboard import data

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
    if hedged is not None:
        # the radio's values are tracker.aggregate.compare.Filters.hedged values, shown formatted
        result["filter_hedged_s"], _ = _timed(hedged.set_value("exclude").run)
    rerun_s, _ = _timed(app.run)
    result["cached_rerun_s"] = rerun_s
    return result


# Runs `tracker ingest` under cProfile in this one process (the pool's workers are not profiled)
# and prints a JSON summary: wall, the main process's CPU (all its threads: the pool's result
# thread unpickles there), and where its main thread spent time.
PROFILE_SNIPPET = r"""
import cProfile, json, pstats, resource, sys, time
folder, db, workers, out = sys.argv[1:5]
sys.argv = ["tracker", "ingest", folder, "--db", db, "--workers", workers, "--no-progress"]
started = time.perf_counter()
profile = cProfile.Profile()
profile.enable()
try:
    from tracker.cli import main
    main()
except SystemExit:
    pass
profile.disable()
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_SELF)
profile.dump_stats(out)
stats = pstats.Stats(out).stats
def cum(part):
    return sum(v[3] for k, v in stats.items() if part in f"{k[0]}:{k[2]}")
def own(part):
    return sum(v[2] for k, v in stats.items() if part in f"{k[0]}:{k[2]}")
top = sorted(((v[2], f"{k[0].split('/site-packages/')[-1].split('/src/')[-1]}:{k[2]}")
              for k, v in stats.items()), reverse=True)[:12]
print(json.dumps({
    "wall_s": wall, "main_cpu_s": usage.ru_utime + usage.ru_stime,
    "main_max_rss_mb": usage.ru_maxrss / 1024,
    "waiting_s": own("acquire") + own("posix.read") + own("select"),
    "imports_s": cum("_find_and_load"),
    "per_result_s": cum("pipeline.py:add"),
    "writes_s": cum("pipeline.py:flush"), "store_close_s": cum("__init__.py:close"),
    "store_open_s": cum("connection.py:connect"), "frames_s": cum("frames.py:article_frames"),
    "final_pass_s": cum("ingest/__init__.py:assign_quantities"),
    "top_own": top,
}))
"""


def profile_ingest(folder: Path, db: Path, workers: int, out: Path,
                   pythonpath: str | None = None) -> dict[str, Any]:
    """cProfile of ``tracker ingest FOLDER --workers N`` (main process only); ``pythonpath``
    runs another copy of the package (the code before a change) for comparison."""
    for leftover in db.parent.glob(db.name + "*"):
        leftover.unlink()
    env = {**os.environ, **({"PYTHONPATH": pythonpath} if pythonpath else {})}
    load = os.getloadavg()[0]
    proc = subprocess.run([sys.executable, "-c", PROFILE_SNIPPET, str(folder), str(db),
                           str(workers), str(out)], env=env, capture_output=True, text=True,
                          check=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["load_before"] = load
    result["summary_line"] = proc.stderr.strip().splitlines()[-1] if proc.stderr else ""
    return result


def timed_parquet_load(parts: Path, db: Path) -> dict[str, Any]:
    """The bulk insert alone (``load_parquet``, one transaction) into a new database, in-process,
    then the quantity assignment that ``tracker load`` runs after it."""
    from tracker.ingest import assign_quantities
    from tracker.scale import load_parquet
    from tracker.store import open_store

    db.unlink(missing_ok=True)
    with open_store(db) as store:
        insert_s, counts = _timed(load_parquet, store.con, parts)
    assign_s, _ = _timed(assign_quantities, db)
    return {"insert_s": insert_s, "claims": counts.claims, "articles": counts.new,
            "assign_s": assign_s, "rows_per_s": counts.claims / insert_s}


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
    produce = load.get("produce", {})
    dash = results.get("dashboard", {})
    app, funcs = dash.get("apptest", {}), dash.get("data_functions", {})

    def ratio(a: dict, b: dict) -> float | None:
        return a["articles_per_s"] / b["articles_per_s"] if a and b else None

    def speed(run: dict, cores: int = 2) -> str:
        cpu_ms = run.get("cpu_ms_per_article")
        text = (f"{_fmt(run.get('articles_per_s'), ',.0f')} articles/s, "
                f"{_fmt(run.get('mb_per_s'), '.2f')} MB/s; {_fmt(cpu_ms, '.2f')} CPU ms/article")
        if cpu_ms and cores:
            plural = "s" if cores > 1 else ""
            text += f", so at most {1000 * cores / cpu_ms:,.0f}/s on {cores} idle core{plural}"
        return text

    def memory(run: dict) -> str:
        return (f"{_fmt(run.get('peak_rss_mb'), ',.0f')} MB peak, "
                f"{_fmt(run.get('steady_rss_mb'), ',.0f')} MB while streaming")

    rows = [
        ("Ingest, 1 worker (`--workers 1`)", "—", speed(w1, 1)),
        (f"Ingest, all cores (`--workers {ing.get('cores', '?')}`)", "≥ 1,000 articles/s",
         speed(wall)),
        ("Ingest, `--dask local`, 1 worker", "—", speed(d1, 0)),
        ("Ingest, `--dask local`, 2 workers", "—", speed(d2)),
        ("Speed-up, 2 pool workers over 1", "≥ 1.7×", f"{_fmt(ratio(wall, w1), '.2f')}×"),
        ("Speed-up, Dask 2 workers over `--workers 1`", "≥ 1.7×",
         f"{_fmt(ratio(d2, w1), '.2f')}×"),
        ("Speed-up, Dask 2 workers over Dask 1 worker", "≥ 1.7×",
         f"{_fmt(ratio(d2, d1), '.2f')}×"),
        (f"`--dask local --out`, {_fmt(produce.get('articles'), ',')} articles to Parquet",
         "—", f"{speed(produce)}; {memory(produce)}"),
        (f"Bulk load of {_fmt(load.get('claims'), ',')} claims from Parquet: insert "
         "(`load_parquet`, one transaction)", "< 5 s",
         f"{_fmt(load.get('insert_s'), '.2f')} s "
         f"({_fmt(load.get('insert_rows_per_s'), ',.0f')} rows/s)"),
        ("… the whole `tracker load` command (start-up, insert, quantity assignment)", "—",
         f"{_fmt(load.get('command_seconds'), '.2f')} s (assignment alone "
         f"{_fmt(load.get('assign_s'), '.2f')} s)"),
        (f"Memory, ingest of {_fmt(small.get('articles'), ',')} articles (all cores)", "flat",
         memory(small)),
        (f"Memory, ingest of {_fmt(big.get('articles'), ',')} articles (all cores)", "flat",
         f"{memory(big)}; {_fmt(big.get('articles_per_s'), ',.0f')} articles/s"),
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



def extract_ratio(path: Path) -> float | None:
    """The tracker/quantulum3 ratio printed by benchmarks/bench_extract.py (saved by `make
    bench` in benchmarks/out/extract.txt)."""
    import re

    if not path.exists():
        return None
    found = re.search(r"ratio tracker/quantulum3 on English: ([\d.]+)x", path.read_text())
    return float(found.group(1)) if found else None


def render_targets(results: dict[str, Any], browser: dict[str, Any] | None,
                   ratio: float | None) -> str:
    """Every target of issue #14 against its measured figure, with met / not met."""
    import statistics

    ing = results.get("ingest", {})
    w1, wall = ing.get("workers_1", {}), ing.get("workers_all", {})
    small, big = results.get("memory_small", {}), results.get("memory_big", {})
    load = results.get("load", {})
    runs = (browser or {}).get("runs", [])

    def med(key: str) -> float | None:
        values = [r[key] for r in runs if r.get(key) is not None]
        return statistics.median(values) if values else None

    def verdict(value: float | None, ok: bool) -> str:
        return "n/a" if value is None else ("met" if ok else "not met")

    rows: list[tuple[str, str, str, str]] = []
    rate = wall.get("articles_per_s")
    rows.append((f"ingest, all cores (`--workers {ing.get('cores', '?')}`), "
                 f"{_fmt(wall.get('articles'), ',')} articles", "≥ 1,000 articles/s",
                 f"{_fmt(rate, ',.0f')} articles/s (1 worker: "
                 f"{_fmt(w1.get('articles_per_s'), ',.0f')}/s)",
                 verdict(rate, (rate or 0) >= 1000)))
    speedup = rate / w1["articles_per_s"] if rate and w1.get("articles_per_s") else None
    rows.append(("all cores over one worker", "≥ 1.7×", f"{_fmt(speedup, '.2f')}×",
                 verdict(speedup, (speedup or 0) >= 1.7)))
    def grew(key: str) -> float | None:
        return big[key] / small[key] if big.get(key) and small.get(key) else None

    growth, rss_growth = grew("peak_pss_mb"), grew("peak_rss_mb")
    rows.append((f"peak memory (PSS of the process tree), {_fmt(big.get('articles'), ',')} vs "
                 f"{_fmt(small.get('articles'), ',')} articles", "≤ 1.2×",
                 f"{_fmt(big.get('peak_pss_mb'), ',.0f')} MB vs "
                 f"{_fmt(small.get('peak_pss_mb'), ',.0f')} MB: {_fmt(growth, '.2f')}× "
                 f"(sum of RSS: {_fmt(big.get('peak_rss_mb'), ',.0f')} vs "
                 f"{_fmt(small.get('peak_rss_mb'), ',.0f')} MB, {_fmt(rss_growth, '.2f')}×)",
                 verdict(growth, (growth or 9) <= 1.2)))
    rows.append(("extraction vs quantulum3, same English sentences (`make bench`)",
                 "≥ 30× (stretch 60×)", f"{_fmt(ratio, '.1f')}×",
                 verdict(ratio, (ratio or 0) >= 30)))
    claims = (browser or {}).get("claims")
    for name, key, target in (("first chart", "first_chart_s", 1.5),
                              ("quantity switch", "switch_s", 0.3),
                              ("filter change", "filter_s", 0.3)):
        value = med(key)
        rows.append((f"dashboard in Chromium at {_fmt(claims, ',')} claims: {name}",
                     f"≤ {target} s", f"{_fmt(value, '.2f')} s",
                     verdict(value, (value or 99) <= target)))
    insert = load.get("insert_s")
    rows.append((f"bulk load of {_fmt(load.get('claims'), ',')} claims from Parquet",
                 "< 5 s", f"{_fmt(insert, '.2f')} s (whole `tracker load`: "
                 f"{_fmt(load.get('command_seconds'), '.2f')} s)",
                 verdict(insert, (insert or 99) < 5)))
    loads = [results.get("machine", {}).get("load_before"), (browser or {}).get("load_before")]
    note = ", ".join(_fmt(x, ".2f") for x in loads if x is not None)
    return "\n".join([
        f"Issue #14 targets (load average before the runs: {note or 'n/a'}; n/a: not run)",
        "",
        "| figure | target | measured | |",
        "|---|---|---|---|",
        *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows],
        "",
    ])
