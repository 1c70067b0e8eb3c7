"""Screenshots of the dashboard in Chromium for issue #13 (points 2, 5 and 6), to look at by eye.

    .venv/bin/python benchmarks/screenshots.py [--db FILE] [--undated-db FILE] [--out DIR]

The databases (made when not given, in a temporary folder, both with ``tracker ingest``):

- ``--db``: the bundled corpus, ``tracker ingest data/``;
- ``--undated-db``: a copy of ``data/articles/*.txt`` where most articles lost their
  ``published:`` line (every fourth and the first two keep it), so most claims are undated. A
  copy cannot join the first database: an article's id is its text, so an undated copy of an
  ingested article is "unchanged".

Shots, in ``tests/artifacts/`` (git-ignored) unless ``--out``:

- ``dashboard-undated.png`` (point 2): the troops on the undated database; left its Timeline
  tab (the "N claims have no date" note, the timeline and the "Undated estimates" chart
  apart; the range chart that keeps them is on the Compare tab), right the top of the page
  with "Published from" set (the note says how many undated claims the filter leaves out).
  Both halves are kept as ``dashboard-undated-open.png`` and ``dashboard-undated-filtered.png``;
- ``dashboard-table.png`` (point 5): the Claims tab on the bundled corpus (date, outlet,
  claimant, value, quote with the number, link first), and ``dashboard-tooltip.png``: a point of
  the range chart hovered (the claim's tooltip);
- ``dashboard-add.png`` and ``dashboard-added.png`` (point 4): a pasted article's preview, then
  the tab after saving it (this shot writes the article into ``--db``);
- ``dashboard-method.png`` (point 7): the Method tab;
- ``dashboard-claimant.png`` (point 6): the Claimants & outlets tab on the undated database,
  its first claimant: all its claims across quantities, undated ones grey at the left edge.

Debian's Chromium via Playwright (``launch_persistent_context(executable_path=/usr/bin/chromium)``;
never ``playwright install``), ``streamlit run dashboard.py`` on a free port (see
``bench_dashboard_browser.py``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_dashboard_browser import (  # noqa: E402
    CHART,
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    TRACKER,
    served_dashboard,
)

TROOPS = "/?quantity=North+Korean+troops+in+Russia"
DATE_FROM = "2024-11-01"
WAIT_MS = 60_000


def ingest(folder: Path, db: Path) -> None:
    subprocess.run([*TRACKER, "ingest", str(folder), "--db", str(db), "--workers", "1",
                    "--no-progress"], check=True, cwd=REPO)


def undated_copy(folder: Path) -> Path:
    """data/articles/*.txt with the ``published:`` line dropped from most of them."""
    folder.mkdir(parents=True, exist_ok=True)
    for index, path in enumerate(sorted((REPO / "data" / "articles").glob("*.txt")), start=1):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        if index > 2 and index % 4:
            head_end = lines.index("---\n") if "---\n" in lines else 0
            lines = [line for i, line in enumerate(lines)
                     if not (i < head_end and line.startswith("published:"))]
        (folder / path.name).write_text("".join(lines), encoding="utf-8")
    return folder


def settle(page: Any, ms: int = 1500) -> None:
    page.wait_for_timeout(ms)


def open_page(context: Any, url: str, chart: str = "Range comparison") -> Any:
    """``url`` in a new page, once the chart whose title holds ``chart`` is drawn."""
    page = context.new_page()
    page.goto(url)
    page.locator(CHART).filter(has_text=chart).first.wait_for(timeout=WAIT_MS)
    settle(page)
    return page


def stitch(left: Path, right: Path, out: Path) -> None:
    from PIL import Image

    one, two = Image.open(left), Image.open(right)
    both = Image.new("RGB", (one.width + two.width + 20, max(one.height, two.height)), "white")
    both.paste(one, (0, 0))
    both.paste(two, (one.width + 20, 0))
    both.save(out)


def shoot_undated(context: Any, url: str, out: Path) -> None:
    # the timeline has its own tab, which holds the undated chart too
    page = open_page(context, url + TROOPS + "&tab=Timeline", chart="Undated estimates")
    page.screenshot(path=str(out / "dashboard-undated-open.png"), full_page=True)
    page.close()
    page = open_page(context, f"{url}{TROOPS}&from={DATE_FROM}")
    page.get_by_text("leave out").first.wait_for(timeout=WAIT_MS)
    page.screenshot(path=str(out / "dashboard-undated-filtered.png"), clip={
        "x": 0, "y": 0, "width": 1400, "height": 1100})
    page.close()
    stitch(out / "dashboard-undated-open.png", out / "dashboard-undated-filtered.png",
           out / "dashboard-undated.png")


def shoot_table(context: Any, url: str, out: Path) -> None:
    page = open_page(context, url + TROOPS)
    chart = page.locator(CHART).filter(has_text="Range comparison").first
    chart.scroll_into_view_if_needed()
    area, points = chart.bounding_box(), chart.locator("g.mark-symbol path")
    for index in range(points.count()):  # a point inside the axis (outliers may be clipped)
        box = points.nth(index).bounding_box()
        if box and area and area["x"] <= box["x"] <= area["x"] + area["width"] - 20:
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            break
    page.locator("#vg-tooltip-element").wait_for(timeout=10_000)
    settle(page, 500)
    page.screenshot(path=str(out / "dashboard-tooltip.png"))
    page.get_by_role("tab", name="Claims", exact=True).click()
    page.locator('[data-testid="stDataFrame"]:visible').first.wait_for(timeout=WAIT_MS)
    settle(page)
    page.screenshot(path=str(out / "dashboard-table.png"), full_page=True)
    page.close()


def shoot_tab(context: Any, url: str, tab: str, ready: Any, shot: Path) -> None:
    """The troops page with ``tab`` opened, once ``ready(page)`` (a locator) shows, whole."""
    page = open_page(context, url + TROOPS)
    page.get_by_role("tab", name=tab).click()
    ready(page).first.wait_for(timeout=WAIT_MS)
    settle(page)
    page.screenshot(path=str(shot), full_page=True)
    page.close()


def shoot_claimant(context: Any, url: str, out: Path) -> None:
    shoot_tab(context, url, "Claimants & outlets",
              lambda page: page.locator(CHART).filter(has_text="Claimant "),
              out / "dashboard-claimant.png")


# an article written for this screenshot (point 4): a new figure from a named source
ADD_TEXT = ("Nordkorea hat nach Angaben des ukrainischen Militärgeheimdienstes inzwischen rund "
            "12.500 Soldaten nach Russland geschickt. Das teilte die Behörde am Dienstag mit.")


def shoot_add(context: Any, url: str, out: Path) -> None:
    """Point 4: the preview of a pasted article (value, source, claimant, quantity per claim),
    then the page after saving (it stays on the tab and lists the claims added)."""
    page = open_page(context, url + TROOPS)
    page.get_by_role("tab", name="Add an article").click()
    page.get_by_label("Article text").fill(ADD_TEXT)
    page.get_by_label("Outlet (optional)").fill("example.org")
    page.get_by_role("button", name="Extract claims").click()
    page.get_by_role("button", name="Save to the store").wait_for(timeout=WAIT_MS)
    settle(page)
    page.screenshot(path=str(out / "dashboard-add.png"), full_page=True)
    page.get_by_role("button", name="Save to the store").click()
    page.get_by_text("Claims added").first.wait_for(timeout=WAIT_MS)
    settle(page)
    page.screenshot(path=str(out / "dashboard-added.png"), full_page=True)
    page.close()


def shoot_method(context: Any, url: str, out: Path) -> None:
    """Point 7: the Method tab (rules, independence, relays, outliers, staleness)."""
    shoot_tab(context, url, "Method",
              lambda page: page.get_by_text("independent", exact=False),
              out / "dashboard-method.png")


def with_server(db: Path, shots: list[Any], out: Path, profile: Path,
                height: int = 1100) -> None:
    from playwright.sync_api import sync_playwright

    with served_dashboard(db) as url, sync_playwright() as play:
        context = play.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1400, "height": height})
        try:
            context.new_page().goto(url)  # the first load warms the server
            for shoot in shots:
                shoot(context, url, out)
        finally:
            context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="the bundled corpus ingested (else made)")
    parser.add_argument("--undated-db", help="the mostly undated copy ingested (else made)")
    parser.add_argument("--out", default=str(REPO / "tests" / "artifacts"))
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit("needs Debian's chromium at /usr/bin/chromium (`make browser`)")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = Path(args.db) if args.db else work / "corpus.duckdb"
        if not args.db:
            ingest(REPO / "data", db)
        undated = Path(args.undated_db) if args.undated_db else work / "undated.duckdb"
        if not args.undated_db:
            ingest(undated_copy(work / "undated"), undated)
        # Streamlit scrolls inside its own container, so a full-page shot is the viewport:
        # tall enough for the range chart, the timeline and the undated chart
        with_server(undated, [shoot_undated], out, work / "profile-1", height=2600)
        with_server(undated, [shoot_claimant], out, work / "profile-3")
        with_server(db, [shoot_table, shoot_method], out, work / "profile-2")
        with_server(db, [shoot_add], out, work / "profile-4", height=1600)  # writes to db
    for name in ("undated", "table", "tooltip", "claimant", "method", "add", "added"):
        print(out / f"dashboard-{name}.png")


if __name__ == "__main__":
    main()
