"""The dashboard in a real browser at scale (issue #14 point 3): time to the first chart, a quantity
switch, a filter change, and the bytes over the websocket, with the server already warm.

    .venv/bin/python benchmarks/bench_dashboard_browser.py [--db FILE] [--articles 140000]
                                                            [--repeat 3]

The database: ``--db FILE`` if given; else ``benchmarks/out/load-<articles>.duckdb`` (what
``make bench-scale`` loads from Parquet) if it exists; else ``tracker synth --articles N`` plus
``tracker ingest`` into ``benchmarks/out/browser-<N>.duckdb`` (built once, reused; 140,000
articles give about 1,000,000 claims, 14,000 about 100,000).

Method: ``streamlit run dashboard.py`` on a free port on 127.0.0.1; Debian's Chromium driven by
Playwright (``launch_persistent_context(executable_path=/usr/bin/chromium)``; never ``playwright
install``). The page is opened once to warm the server (imports, caches), then ``--repeat`` times
in a new tab each (a new Streamlit session), on the default quantity (most voices):

- first chart: from ``page.goto`` until an ``svg`` is drawn inside
  ``[data-testid="stVegaLiteChart"]``;
- quantity switch: the sidebar's quantity picker, the next quantity; from the click on the
  option until the charts show it (their text changed) and the websocket has been quiet for
  0.5 s (the time of its last message counts);
- filter change: "firm only" in the sidebar's "Hedged claims"; measured the same way;
- bytes: payload bytes the page received over the websocket, per step;
- CPU seconds per step (user + system, all threads, from ``/proc``) of the Streamlit server and
  of the browser (Chromium's processes and Playwright's driver), each step until its
  websocket has been quiet for 0.5 s: unlike the times, these hardly depend on the machine's
  load, and they say which side a step's time is spent on.

Then, in a new tab on the default quantity, the interactions of issue #13 (``--no-review`` leaves
them out):

- point click: a point of the range chart (rows per source, ``?by=source``) clicked; from the
  click until the claim's detail panel (``.st-key-claim_detail``) shows its review buttons
  (``detail_link``: whether its "Open the article" link shows); the first click of the session
  (the page draws its first detail panel: Streamlit loads and compiles the code of its
  elements), and apart the median of the session's later clicks (another point, the panel
  open);
- review: "✗ Wrong" in the detail panel, on the first point (of at most 40 opened) whose
  panel says it is in the consensus with no relayed copies, else the first in the consensus
  with copies; from the click until the headline consensus metric (value and band) changed,
  or, when it cannot change (a copy keeps the figure in: ``review_moved_consensus`` false),
  until the page shows "Marked wrong";
- undo: "↶ Undo the last review"; until the consensus is back to its value before the review
  (or "Review undone" shows); redo: "↷ Redo"; until the reviewed consensus is back (or
  "Review applied again" shows).
- the floor: the browser CPU of the benchmark's own waiting with no click (polling the open
  panel for 0.3 s, then the quiet time), which every step's browser figure includes.

A review and its undo are new rows in ``store.reviews``, so the server runs on a copy of the
database in a temporary folder and the given file is never written.

Prints each figure (median of the repeats) against its target: first chart <= 1.5 s,
interactions <= 0.3 s; raw numbers in ``benchmarks/out/dashboard_browser.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from dashboard_server import CHART, CHROMIUM, CHROMIUM_ARGS, served_dashboard  # noqa: E402

OUT = REPO / "benchmarks" / "out"
TRACKER = [sys.executable, "-m", "tracker"]
TARGET_FIRST_S = 1.5
TARGET_INTERACTION_S = 0.3
QUIET_S = 0.5  # the websocket silent this long after an interaction: the rerun is over
TIMEOUT_S = 120.0


def database(args: argparse.Namespace) -> Path:
    if args.db:
        return Path(args.db)
    loaded = OUT / f"load-{args.articles}.duckdb"
    if loaded.exists():
        return loaded
    db = OUT / f"browser-{args.articles}.duckdb"
    if db.exists():
        return db
    corpus = OUT / f"corpus-{args.articles}"
    if not corpus.exists():
        subprocess.run([*TRACKER, "synth", "--articles", str(args.articles), "--out",
                        str(corpus)], check=True)
    subprocess.run([*TRACKER, "ingest", str(corpus), "--db", str(db), "--no-progress"],
                   check=True, cwd=REPO)
    return db


def db_facts(db: Path) -> dict[str, Any]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        claims = con.execute("select count(*) from store.claims").fetchone()[0]
        # the picker's default: the quantity with the most independent voices
        top = con.execute("select quantity, claims from store.quantity_overview "
                          "order by voices desc, claims desc limit 1").fetchall()
    return {"claims": int(claims), "quantity": top[0][0] if top else None,
            "quantity_claims": int(top[0][1]) if top else 0}


class Wire:
    """Timestamps and payload bytes of what the page receives over Streamlit's websocket."""

    def __init__(self, page: Any) -> None:
        self.frames: list[tuple[float, int]] = []
        page.on("websocket", self._socket)

    def _socket(self, ws: Any) -> None:
        ws.on("framereceived", lambda payload: self.frames.append(
            (time.perf_counter(), len(payload) if payload else 0)))

    def mark(self) -> int:
        return len(self.frames)

    def since(self, mark: int) -> tuple[int, float | None]:
        frames = self.frames[mark:]
        return sum(n for _, n in frames), (frames[-1][0] if frames else None)


def process_cpu() -> dict[int, tuple[bool, float]]:
    """CPU seconds (user + system, all threads) so far of each of this benchmark's descendant
    processes, and whether it is the Streamlit server (else: the browser, i.e. Chromium's
    processes and Playwright's driver). Unlike wall time this hardly depends on what else runs
    on a shared machine."""
    ticks = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    seconds: dict[int, tuple[bool, float]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            command = Path(entry.path, "cmdline").read_bytes()
        except OSError:  # ended meanwhile
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        seconds[pid] = (b"streamlit" in command, (int(fields[11]) + int(fields[12])) / ticks)
    mine, ours = os.getpid(), set()
    for pid in parents:
        seen, up = [], pid
        while up in parents and up not in (mine, 0, 1) and up not in ours:
            seen.append(up)
            up = parents[up]
        if up == mine or up in ours:
            ours.update(seen)
    return {pid: seconds[pid] for pid in ours}


def cpu_since(before: dict[int, tuple[bool, float]], key: str) -> dict[str, float]:
    """``{key}_server_cpu`` and ``{key}_browser_cpu``: CPU seconds since ``before`` of the
    processes alive now (a process started meanwhile counts whole; one that ended is left
    out, e.g. the renderer of a closed tab)."""
    totals = {True: 0.0, False: 0.0}
    for pid, (server, now) in process_cpu().items():
        totals[server] += now - before.get(pid, (server, 0.0))[1]
    return {f"{key}_server_cpu": totals[True], f"{key}_browser_cpu": totals[False]}


def charts_text(page: Any) -> str:
    return page.evaluate(
        "sel => Array.from(document.querySelectorAll(sel + ' svg'))"
        ".map(s => s.textContent).join('|')", CHART)


def settle(page: Any, wire: Wire, mark: int, started: float, before: str) -> dict[str, Any]:
    """Wait until the charts changed (or the timeout) and the websocket has been quiet for
    QUIET_S; the step's time is the later of the two moments."""
    changed_at = None
    deadline = started + TIMEOUT_S
    while time.perf_counter() < deadline:
        now = time.perf_counter()
        if changed_at is None and (text := charts_text(page)) and text != before:
            changed_at = now
        _, last = wire.since(mark)
        if changed_at is not None and (last is None or now - last >= QUIET_S):
            break
        page.wait_for_timeout(20)
    received, last = wire.since(mark)
    ends = [t for t in (changed_at, last) if t is not None]
    return {"seconds": (max(ends) - started) if ends else None, "bytes": received,
            "chart_changed": changed_at is not None,
            "chart_s": None if changed_at is None else changed_at - started}


def one_session(context: Any, url: str) -> dict[str, Any]:
    page = context.new_page()
    wire = Wire(page)
    result: dict[str, Any] = {}
    try:
        mark, cpu = wire.mark(), process_cpu()
        started = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(f"{CHART} svg", timeout=TIMEOUT_S * 1000)
        result["first_chart_s"] = time.perf_counter() - started
        page.wait_for_timeout(QUIET_S * 1000)
        result["open_bytes"] = wire.since(mark)[0]
        result.update(cpu_since(cpu, "open"))

        picker = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first
        picker.click()
        options = page.get_by_role("option")
        target = options.nth(1) if options.count() > 1 else None
        if target is not None:
            result["switched_to"] = target.inner_text()
            before, mark, cpu = charts_text(page), wire.mark(), process_cpu()
            started = time.perf_counter()
            target.click()
            switch = settle(page, wire, mark, started, before)
            result.update(cpu_since(cpu, "switch"))
            result["switch_s"], result["switch_bytes"] = switch["seconds"], switch["bytes"]
            result["switch_chart_changed"] = switch["chart_changed"]
        else:
            page.keyboard.press("Escape")

        firm = page.locator('[data-testid="stSidebar"]').get_by_text("firm only", exact=True)
        if firm.count():
            before, mark, cpu = charts_text(page), wire.mark(), process_cpu()
            started = time.perf_counter()
            firm.first.click()
            change = settle(page, wire, mark, started, before)
            result.update(cpu_since(cpu, "filter"))
            result["filter_s"], result["filter_bytes"] = change["seconds"], change["bytes"]
            result["filter_chart_changed"] = change["chart_changed"]
    finally:
        page.close()
    return result


DETAIL = ".st-key-claim_detail"


def consensus_text(page: Any) -> str:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text="Consensus")
    return metric.first.inner_text() if metric.count() else ""


def wait_for(page: Any, wire: Wire, mark: int, started: float, done: Any) -> dict[str, Any]:
    """Poll ``done()`` until true (its moment is the step's time); else, at the timeout or once
    the websocket has been quiet for QUIET_S after at least one frame and ``done`` still fails
    for another 5 s, the time of the last frame, with ``reached`` False."""
    deadline = started + TIMEOUT_S
    while time.perf_counter() < deadline:
        now = time.perf_counter()
        if done():
            return {"seconds": now - started, "reached": True,
                    "bytes": wire.since(mark)[0]}
        _, last = wire.since(mark)
        if last is not None and now - last >= QUIET_S + 5.0:
            break
        page.wait_for_timeout(20)
    received, last = wire.since(mark)
    return {"seconds": None if last is None else last - started, "reached": False,
            "bytes": received}


def visible(locator: Any) -> bool:
    try:
        return locator.count() > 0 and locator.first.is_visible()
    except Exception:  # noqa: BLE001 - the page is rerendering
        return False


IN_CONSENSUS = "In the consensus: the latest estimate of"
POINTS_TRIED = 40  # points opened at most while looking for one in the consensus


def open_point(page: Any, wire: Wire, index: int) -> dict[str, Any]:
    """Click point ``index`` of the range chart; time until the detail panel shows a claim
    other than the one it showed (its review buttons visible)."""
    detail = page.locator(DETAIL)
    shown = detail.inner_text() if visible(detail) else ""
    points = page.locator(CHART).filter(has_text="Range comparison").first.locator(
        "g.mark-symbol path")
    mark, cpu = wire.mark(), process_cpu()
    started = time.perf_counter()
    points.nth(index).click(force=True)
    opened = wait_for(page, wire, mark, started, lambda: visible(
        detail.get_by_role("button", name="✗ Wrong")) and detail.inner_text() != shown)
    page.wait_for_timeout(QUIET_S * 1000)  # the rerun over before the next click
    opened.update(cpu_since(cpu, "detail"))
    opened["role"] = detail.inner_text() if opened["reached"] else ""
    return opened


def waiting_floor(page: Any) -> dict[str, float]:
    """The browser CPU of this benchmark's own waiting, with no click: ``open_point``'s polling
    of an open panel for 0.3 s, then the quiet time. Part of every step's browser figure
    (Playwright's driver and its checks in the page count as the browser)."""
    detail, cpu = page.locator(DETAIL), process_cpu()
    end = time.perf_counter() + 0.3
    while time.perf_counter() < end:
        visible(detail.get_by_role("button", name="✗ Wrong"))
        detail.inner_text()
        page.wait_for_timeout(20)
    page.wait_for_timeout(QUIET_S * 1000)
    return cpu_since(cpu, "floor")


def review_session(context: Any, url: str) -> dict[str, Any]:
    """Click a point, review it as wrong from the detail panel, undo, redo (issue #13).

    Rows per source (``?by=source``): each point is a claimant's latest figure. The point
    reviewed is the first whose detail panel says it is in the consensus with no relayed
    copies, else the first in the consensus at all (with copies, marking one wrong leaves the
    figure in: the panel says so, and the review is timed until the page shows it)."""
    page = context.new_page()
    wire = Wire(page)
    result: dict[str, Any] = {}
    try:
        page.goto(url + "?by=source")
        page.locator(CHART).filter(has_text="Range comparison").first.locator("svg").wait_for(
            timeout=TIMEOUT_S * 1000)
        page.wait_for_timeout(QUIET_S * 1000)
        count = page.locator(CHART).filter(has_text="Range comparison").first.locator(
            "g.mark-symbol path").count()
        chosen, fallback, later = None, None, []
        for index in range(min(count, POINTS_TRIED)):
            opened = open_point(page, wire, index)
            if index:  # the page has drawn a detail panel before (its code loaded and compiled)
                later.append(opened)
            result.setdefault("detail_s", opened["seconds"])
            result.setdefault("detail_bytes", opened["bytes"])
            result.setdefault("detail_link", visible(
                page.locator(DETAIL).get_by_text("Open the article")))
            result.setdefault("detail_opened", opened["reached"])
            result.setdefault("detail_server_cpu", opened["detail_server_cpu"])
            result.setdefault("detail_browser_cpu", opened["detail_browser_cpu"])
            if IN_CONSENSUS in opened["role"]:
                if "relayed cop" not in opened["role"]:
                    chosen = index
                    break
                fallback = index if fallback is None else fallback
        result["points_opened"] = index + 1 if count else 0
        for key in ("seconds", "detail_server_cpu", "detail_browser_cpu"):
            values = [o[key] for o in later if o["reached"] and o[key] is not None]
            if values:
                result[f"later_{key}"] = statistics.median(values)
        if result.get("detail_opened"):
            result.update(waiting_floor(page))
        if chosen is None and fallback is not None:
            open_point(page, wire, fallback)
            chosen = fallback
        if chosen is None:
            return result
        result["review_point_has_copies"] = chosen == fallback
        result.update(review_steps(page, wire))
    finally:
        page.close()
    return result


def review_steps(page: Any, wire: Wire) -> dict[str, Any]:
    """Wrong, undo, redo in the open detail panel: each timed until the consensus metric shows
    its effect, or, when the review cannot move it, until the page shows the step's message."""
    detail, result = page.locator(DETAIL), {}
    before = consensus_text(page)
    mark, cpu, started = wire.mark(), process_cpu(), time.perf_counter()
    detail.get_by_role("button", name="✗ Wrong").click()
    # one wait for either end: the consensus moves, or (copies keep the figure) the page says
    # the review is stored; waiting for the first to time out timed the wait, not the page
    review = wait_for(page, wire, mark, started, lambda: (
        ((text := consensus_text(page)) != "" and text != before)
        or visible(page.get_by_text("Marked wrong: the figures"))))
    after = consensus_text(page)
    moved = after != "" and after != before
    result.update(review_s=review["seconds"], review_bytes=review["bytes"],
                  review_moved_consensus=moved)
    page.wait_for_timeout(QUIET_S * 1000)
    result.update(cpu_since(cpu, "review"))
    for name, key, message, target in (
            ("↶ Undo the last review", "undo", "Review undone", before),
            ("↷ Redo", "redo", "Review applied again", after)):
        mark, cpu, started = wire.mark(), process_cpu(), time.perf_counter()
        detail.get_by_role("button", name=name).click()
        step = wait_for(page, wire, mark, started, (
            (lambda t=target: consensus_text(page) == t) if moved else
            (lambda m=message: visible(page.get_by_text(m)))))
        result.update({f"{key}_s": step["seconds"], f"{key}_bytes": step["bytes"],
                       f"{key}_reached": step["reached"]})
        page.wait_for_timeout(QUIET_S * 1000)
        result.update(cpu_since(cpu, key))
    return result


def measure(url: str, repeat: int, reviews: bool = True) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    page_url = url + "/"  # the page as a user opens it: the default quantity
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as play:
        context = play.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1600})
        try:
            warm = one_session(context, page_url)  # the server's imports and caches
            runs = [one_session(context, page_url) for _ in range(repeat)]
            if reviews:
                for run in runs:
                    run.update(review_session(context, page_url))
        finally:
            context.close()
    return {"url": page_url, "warm_up": warm, "runs": runs}


def median(runs: list[dict[str, Any]], key: str) -> float | None:
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else None


def table(facts: dict[str, Any], result: dict[str, Any]) -> str:
    runs = result["runs"]

    def row(name: str, key: str, target: float | None, unit: str = "s") -> str:
        value = median(runs, key)
        if value is None:
            return f"| {name} | {'—' if target is None else f'≤ {target} s'} | n/a | n/a |"
        if unit == "MB":
            return f"| {name} | — | {value / 1e6:.2f} MB | — |"
        if unit == "cpu":
            return f"| {name} | — | {value:.2f} s | — |"
        spread = ", ".join(f"{r[key]:.2f}" for r in runs if r.get(key) is not None)
        met = "yes" if value <= target else "no"
        return f"| {name} | ≤ {target} s | {value:.2f} s (runs: {spread}) | {met} |"

    def moved(key: str) -> str:
        flags = [r[key] for r in runs if key in r]
        if not flags or all(flags):
            return ""
        return (f" ({flags.count(False)} of {len(flags)} runs: the reviewed point had relayed "
                "copies, the consensus could not move: until the page showed the step)")

    return "\n".join([
        f"Dashboard in Chromium, {facts['claims']:,} claims; quantity "
        f"{facts['quantity']!r} ({facts['quantity_claims']:,} claims); load average "
        f"{result['load_before']:.2f} before, {result['load_after']:.2f} after; "
        f"median of {len(runs)} sessions, server warm.",
        "",
        "| measure | target | measured | met? |",
        "|---|---|---|---|",
        row("first chart after opening the page", "first_chart_s", TARGET_FIRST_S),
        row("quantity switch", "switch_s", TARGET_INTERACTION_S),
        row("filter change (Hedged claims: firm only)", "filter_s", TARGET_INTERACTION_S),
        row("click a point until its detail panel shows (with the article link)", "detail_s",
            TARGET_INTERACTION_S),
        row("click another point, the panel already open (median of the session's later "
            "clicks)", "later_seconds", TARGET_INTERACTION_S),
        row("review 'Wrong' in the detail panel until the consensus changes"
            + moved("review_moved_consensus"), "review_s", TARGET_INTERACTION_S),
        row("undo the review until the consensus is back" + moved("review_moved_consensus"),
            "undo_s", TARGET_INTERACTION_S),
        row("redo until the reviewed consensus is back" + moved("review_moved_consensus"),
            "redo_s", TARGET_INTERACTION_S),
        row("websocket bytes, click a point to its detail", "detail_bytes", None, "MB"),
        row("websocket bytes, review", "review_bytes", None, "MB"),
        row("websocket bytes, opening the page", "open_bytes", None, "MB"),
        row("websocket bytes, quantity switch", "switch_bytes", None, "MB"),
        row("websocket bytes, filter change", "filter_bytes", None, "MB"),
        *(row(f"CPU seconds of the {who}, {step}", f"{key}_{part}_cpu", None, "cpu")
          for who, part in (("server", "server"), ("browser", "browser"))
          for step, key in (("opening the page", "open"), ("quantity switch", "switch"),
                            ("filter change", "filter"), ("point to detail", "detail"),
                            ("review", "review"), ("undo", "undo"), ("redo", "redo"))),
        row("CPU seconds of the server / the browser, a later point to its detail (median "
            "of the session's later clicks): server", "later_detail_server_cpu", None, "cpu"),
        row("… browser", "later_detail_browser_cpu", None, "cpu"),
        row("CPU seconds of the browser, the benchmark's own waiting with no click (0.3 s of "
            "polling the panel, then the quiet time): part of each step's browser figure",
            "floor_browser_cpu", None, "cpu"),
        "",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing tracker database")
    parser.add_argument("--articles", type=int, default=140_000,
                        help="synthetic articles when the database is built (~7 claims each)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-review", action="store_true",
                        help="leave out the point click, review and undo (issue #13)")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit("needs Debian's chromium at /usr/bin/chromium (`make browser`)")
    OUT.mkdir(parents=True, exist_ok=True)
    db = database(args)
    facts = db_facts(db)
    copy_dir = None
    if not args.no_review:  # a review and its undo write rows: never into the given file
        copy_dir = tempfile.mkdtemp(prefix="bench-dashboard-")
        for part in (db, db.with_name(db.name + ".wal")):
            if part.exists():
                shutil.copy2(part, Path(copy_dir) / part.name)
        served = Path(copy_dir) / db.name
    else:
        served = db
    try:
        with served_dashboard(served) as url:
            load_before = os.getloadavg()[0]
            result = measure(url, args.repeat, reviews=not args.no_review)
            result.update(load_before=load_before, load_after=os.getloadavg()[0], db=str(db),
                          **facts)
    finally:
        if copy_dir:
            shutil.rmtree(copy_dir, ignore_errors=True)
    (OUT / "dashboard_browser.json").write_text(json.dumps(result, indent=2, default=str))
    print(table(facts, result))


if __name__ == "__main__":
    main()
