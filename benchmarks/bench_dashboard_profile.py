"""Where the dashboard's server time goes: one AppTest session under cProfile, step by step.

    .venv/bin/python benchmarks/bench_dashboard_profile.py --db FILE [--top 25] [--steps ...]

Runs ``dashboard.py`` with Streamlit's test runner (server only, no browser) on a copy of ``--db``
in a temporary folder (the review step writes a row; the given file is never opened for writing)
and times each step in CPU seconds of the whole process (all threads, DuckDB's included:
``time.process_time``), which unlike wall time hardly depends on what else runs on a shared
machine:

- ``first``: the first render in a new process (imports included);
- ``warm``: a first render with warm imports and Streamlit's caches emptied (the file is the
  same, so each quantity's last read is reused: ``cache.forget_reads`` is not called);
- ``rerun``: the same page again (every cache hit);
- ``filter``: "Hedged claims: firm only";
- ``quantity``: the next quantity in the picker;
- ``detail``: a claim of the shown quantity selected (as a click on a chart point does);
- ``review``: "✗ Wrong" in the detail panel (a write in the button's callback, then the page
  on the new database version, patched from the review's reads, the detail panel open);
- ``undo``, ``redo``: "↶ Undo the last review", then "↷ Redo" there;
- ``claims``: the Claims tab opened.

The script thread is profiled with cProfile (AppTest runs the page in a thread of its own); the
top functions by cumulative time are printed per step (``--top``; 0 prints none), then a table of
the CPU seconds per step. ``--no-profile`` runs without cProfile (whose overhead inflates the
Python-heavy steps, e.g. Altair's and Streamlit's deep copies): CPU seconds only.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STEPS = ("first", "warm", "rerun", "filter", "quantity", "detail", "review", "undo", "redo",
         "claims")

# AppTest runs a script file; this one profiles the page's own thread into PROFILER.
PAGE = """
import sys
profiler = sys.modules["__dashboard_profiler__"].PROFILER
profiler.enable()
try:
    from tracker.dashboard.app import main
    main()
finally:
    profiler.disable()
"""


class Holder:
    PROFILER: cProfile.Profile | NoProfile = cProfile.Profile()


class NoProfile:
    """Stands in for the profiler with ``--no-profile``."""

    def enable(self) -> None:
        pass

    def disable(self) -> None:
        pass


def report(profiler: cProfile.Profile, top: int, sort: str) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats(sort).print_stats(top)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the database (opened read-only)")
    parser.add_argument("--top", type=int, default=25, help="profile rows per step (0: none)")
    parser.add_argument("--sort", default="cumulative", help="pstats sort key")
    parser.add_argument("--steps", default=",".join(STEPS), help="steps to print profiles of")
    parser.add_argument("--no-profile", action="store_true",
                        help="no cProfile (its overhead inflates Python-heavy steps): CPU only")
    args = parser.parse_args()
    printed = set(args.steps.split(","))
    sys.modules["__dashboard_profiler__"] = Holder  # type: ignore[assignment]

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    results: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.py"
        page.write_text(PAGE)
        copy = Path(tmp) / "copy.duckdb"
        shutil.copyfile(args.db, copy)
        os.environ["TRACKER_DB"] = str(copy)

        def step(name: str, app: AppTest) -> None:
            Holder.PROFILER = NoProfile() if args.no_profile else cProfile.Profile()
            wall, cpu = time.perf_counter(), time.process_time()
            app.run()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            if app.exception:
                raise SystemExit(f"{name}: the dashboard failed: {app.exception}")
            results.append((name, cpu, wall))
            if args.top and name in printed and not args.no_profile:
                print(f"\n=== {name}: {cpu:.3f} s CPU, {wall:.3f} s wall ===")
                print(report(Holder.PROFILER, args.top, args.sort))

        app = AppTest.from_file(str(page), default_timeout=600)
        step("first", app)
        st.cache_data.clear()
        st.cache_resource.clear()
        app = AppTest.from_file(str(page), default_timeout=600)
        step("warm", app)
        step("rerun", app)
        app.radio(key="hedged").set_value("exclude")
        step("filter", app)
        quantity = app.selectbox(key="quantity")
        other = [option for option in quantity.options if option != quantity.value][0]
        quantity.set_value(other)
        step("quantity", app)
        claim = first_claim(app)
        if claim:
            app.session_state["claim"] = claim
            step("detail", app)
            app.button(key="detail_wrong").click()
            step("review", app)
            app.button(key="detail_undo").click()
            step("undo", app)
            app.button(key="detail_redo").click()
            step("redo", app)
        app.session_state["tab"] = "Claims"
        if "tab" in app.query_params:  # the URL's value wins over the state in AppTest
            app.query_params["tab"] = "Claims"
        step("claims", app)

    print("\n| step | CPU s | wall s |\n|---|---|---|")
    for name, cpu, wall in results:
        print(f"| {name} | {cpu:.3f} | {wall:.3f} |")


def first_claim(app: object) -> str | None:
    """The newest claim of the shown quantity (what a click on the range chart would select)."""
    from tracker.dashboard import data

    db = Path(os.environ["TRACKER_DB"])
    overview = data.load_overview(db)
    if overview.is_empty():
        return None
    config = data.load_config(db)
    shown = app.selectbox(key="quantity").value  # type: ignore[attr-defined]
    quantity = next((q for q in overview["quantity"] if config.label(q) == shown),
                    overview["quantity"][0])
    claims = data.load_quantity_claims(db, quantity, texts=False)
    return claims["claim_id"][0] if claims.height else None


if __name__ == "__main__":
    main()
