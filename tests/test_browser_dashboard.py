"""End to end in a real browser: `streamlit run dashboard.py` on the ingested bundled corpus,
driven by Playwright in Debian's Chromium (never `playwright install`; see ../shared/RECIPES.md).

Needs /usr/bin/chromium (`make browser` installs it). Leaves a screenshot in tests/artifacts/.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from dashboard_server import CHART, CHROMIUM, CHROMIUM_ARGS, served_dashboard
from test_aggregate_fixtures import QUANTITIES, REPO

pytestmark = pytest.mark.browser

ARTIFACTS = REPO / "tests" / "artifacts"


@pytest.fixture(scope="module")
def dashboard_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (run `make browser`)")
    pytest.importorskip("playwright.sync_api")
    from tracker.cli import cli

    db = tmp_path_factory.mktemp("browser") / "corpus.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TRACKER_QUANTITIES", str(QUANTITIES))
        ingested = CliRunner().invoke(
            cli,
            [
                "ingest",
                str(REPO / "data" / "articles"),
                "--db",
                str(db),
                "--workers",
                "1",
                "--no-progress",
            ],
        )
    assert ingested.exit_code == 0, ingested.output
    with served_dashboard(db, {"TRACKER_QUANTITIES": str(QUANTITIES)}) as url:
        yield url


def range_chart_labels(page) -> list[str]:
    """The row labels of the range chart (one per outlet): its axis labels that are no numbers."""
    texts = (
        page.locator(CHART)
        .first.locator("g.role-axis-label text")
        .evaluate_all("nodes => nodes.map(n => n.textContent)")
    )
    return [t for t in texts if t and not re.fullmatch(r"[\d,.\s]+", t)]


def test_dashboard_in_chromium(dashboard_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as play:
        browser = play.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1600},
        )
        try:
            page = browser.new_page()
            page.goto(f"{dashboard_url}/?quantity=North+Korean+troops+in+Russia")
            troops_chart = page.locator(CHART).filter(
                has_text="Range comparison: North Korean troops in Russia"
            )
            expect(troops_chart).to_be_visible(timeout=60_000)
            troops_outlets = range_chart_labels(page)
            assert len(set(troops_outlets)) >= 5, troops_outlets
            page.screenshot(path=str(ARTIFACTS / "dashboard-troops.png"), full_page=True)
            page.get_by_role("tab", name="Timeline", exact=True).click()  # drawn when opened
            expect(page.locator(CHART).filter(has_text="Timeline")).to_be_visible(timeout=30_000)
            page.screenshot(path=str(ARTIFACTS / "dashboard-timeline.png"), full_page=True)
            page.get_by_role("tab", name="Compare", exact=True).click()
            expect(troops_chart).to_be_visible(timeout=30_000)

            # change the quantity the way a user does: open the picker, choose another one
            page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
            page.get_by_role("option", name="North Korean soldiers killed").click()
            deaths_chart = page.locator(CHART).filter(
                has_text="Range comparison: North Korean soldiers killed"
            )
            expect(deaths_chart).to_be_visible(timeout=30_000)
            assert range_chart_labels(page) != troops_outlets
            assert "quantity=North+Korean+soldiers+killed" in page.url.replace("%20", "+")
            page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
        finally:
            browser.close()


def consensus_text(page) -> str:
    """The consensus metric: its value and its band (IQR)."""
    metric = page.locator('[data-testid="stMetric"]').filter(has_text="Consensus").first
    return metric.inner_text()


def settled_consensus(page, differs_from: str | None = None, equals: str | None = None,
                      timeout: float = 20) -> str:
    """The consensus once the rerun has drawn it (the flash message shows before the metrics):
    wait until it differs from / equals the given text, or until it stops changing."""
    deadline, last = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        page.wait_for_timeout(500)
        text = consensus_text(page)
        if (differs_from is not None and text != differs_from) or text == equals:
            return text
        if differs_from is None and equals is None and text == last:
            return text
        last = text
    return consensus_text(page)


def click_when_drawn(page, index: int, tries: int = 3) -> bool:
    """Click the index-th mark of the range chart. A Streamlit rerun can replace the chart
    between finding a mark and clicking it; then find it again in the redrawn chart."""
    from playwright.sync_api import Error

    for _ in range(tries):
        mark = page.locator(CHART).filter(has_text="Range comparison").locator(
            "g.mark-symbol path").nth(index)
        try:
            mark.click(force=True, timeout=5_000)
            return True
        except Error:
            page.wait_for_timeout(1_000)
    return False


def points_inside_the_axis(page) -> list[int]:
    """Indexes of the range chart's marks drawn inside the chart (an outlier can be clipped
    outside the default axis, where a click reaches nothing)."""
    chart = page.locator(CHART).filter(has_text="Range comparison")
    points, area = chart.locator("g.mark-symbol path"), chart.bounding_box()
    inside = []
    for index in range(points.count()):
        box = points.nth(index).bounding_box()
        if box and area and area["x"] <= box["x"] <= area["x"] + area["width"]:
            inside.append(index)
    return inside


def drawn_after_select(page, url: str, timeout: float = 15) -> bool:
    """After a click on a mark: wait until the URL names the newly selected claim (the click's
    run has started), then until that run is over (Streamlit's own test attribute), so that
    the detail panel is the new claim's. Before, the panel of the earlier claim was still on
    screen and "✗ Wrong" was clicked on it (the dashboard now writes nothing then)."""
    deadline = time.monotonic() + timeout
    while page.url == url:
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(100)
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(
        timeout=60_000)
    return True


def open_chromium(play, tmp_path: Path, width: int = 1400, height: int = 1600):
    return play.chromium.launch_persistent_context(
        str(tmp_path / f"profile-{width}"), executable_path=str(CHROMIUM), headless=True,
        args=CHROMIUM_ARGS, viewport={"width": width, "height": height})


def test_click_a_mark_review_it_undo_and_track_a_suggestion(dashboard_url: str,
                                                            tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as play:
        browser = open_chromium(play, tmp_path)
        try:
            page = browser.new_page()
            page.goto(f"{dashboard_url}/?quantity=North+Korean+troops+in+Russia")
            chart = page.locator(CHART).filter(has_text="Range comparison")
            expect(chart).to_be_visible(timeout=60_000)
            before = consensus_text(page)
            detail = page.locator(".st-key-claim_detail")
            changed = None
            for index in points_inside_the_axis(page):  # a point whose review moves the consensus
                shown = page.url
                if not click_when_drawn(page, index):
                    continue  # the mark was gone after a rerun redrew the chart
                if not drawn_after_select(page, shown):
                    continue  # the click was lost in a rerun: the URL names no new claim
                expect(detail).to_be_visible(timeout=30_000)
                if changed is None and not (ARTIFACTS / "dashboard-detail.png").exists():
                    expect(detail.get_by_text("Open the article")).to_be_visible()
                    page.screenshot(path=str(ARTIFACTS / "dashboard-detail.png"), full_page=True)
                detail.get_by_role("button", name="✗ Wrong").click()
                expect(page.get_by_text("Marked wrong: the figures")).to_be_visible(timeout=30_000)
                after = settled_consensus(page, differs_from=before, timeout=8)
                if after != before:
                    changed = after
                    break
                detail.get_by_role("button", name="↶ Undo the last review").click()
                expect(page.get_by_text("Review undone")).to_be_visible(timeout=30_000)
                settled_consensus(page, equals=before)  # the rerun has drawn the chart again
            assert changed is not None, "no review moved the consensus"
            expect(detail.get_by_text("wrong").first).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "dashboard-reviewed.png"), full_page=True)
            detail.get_by_role("button", name="↶ Undo the last review").click()
            expect(page.get_by_text("Review undone")).to_be_visible(timeout=30_000)
            assert settled_consensus(page, equals=before) == before  # the undo restores it
            expect(detail.get_by_text("undone").first).to_be_visible()
            detail.get_by_role("button", name="↷ Redo").click()  # the review again
            expect(page.get_by_text("Review applied again")).to_be_visible(timeout=30_000)
            assert settled_consensus(page, equals=changed) == changed
            detail.get_by_role("button", name="↶ Undo the last review").click()
            expect(page.get_by_text("Review undone")).to_be_visible(timeout=30_000)
            assert settled_consensus(page, equals=before) == before

            page.get_by_role("tab", name="Claims", exact=True).click()  # a page of the table
            table = page.locator('[data-testid="stDataFrame"]').first
            expect(table).to_be_visible(timeout=60_000)
            expect(page.get_by_text("Newest first, undated last")).to_be_visible()

            page.get_by_role("tab", name="Untracked claims").click()
            toggle = page.get_by_label("Find groups of untracked claims")
            expect(toggle).to_be_visible(timeout=60_000)
            if not toggle.is_checked():  # a click during a rerun can be lost: check it took
                page.get_by_text("Find groups of untracked claims").click()
            expect(toggle).to_be_checked(timeout=30_000)
            track = page.get_by_role("button", name="Track")
            group = page.locator('[data-testid="stExpander"] summary').filter(
                has_text="claims,").first
            expect(group).to_be_visible(timeout=60_000)
            group.click()
            expect(track.first).to_be_visible(timeout=60_000)
            track.first.click()
            tracking = page.get_by_text("Tracking")
            try:
                expect(tracking).to_be_visible(timeout=20_000)
            except AssertionError:  # a click during a rerun can be lost: click again
                track.first.click()
                expect(tracking).to_be_visible(timeout=60_000)
            page.screenshot(path=str(ARTIFACTS / "dashboard-tracked.png"), full_page=True)
        finally:
            browser.close()


def test_narrow_viewport_puts_legends_below(dashboard_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as play:
        browser = open_chromium(play, tmp_path, width=400, height=1400)
        try:
            page = browser.new_page()
            page.goto(f"{dashboard_url}/?quantity=North+Korean+troops+in+Russia&narrow=true")
            chart = page.locator(CHART).filter(has_text="Range comparison")
            expect(chart).to_be_visible(timeout=60_000)
            page.wait_for_timeout(1500)
            plot = chart.locator("g.mark-symbol").first.bounding_box()
            legend = chart.locator("g.role-legend").first.bounding_box()
            assert legend["y"] > plot["y"], (plot, legend)  # below the plot, not beside it
            page.screenshot(path=str(ARTIFACTS / "dashboard-narrow.png"), full_page=True)
        finally:
            browser.close()


def test_close_hides_the_detail_panel_and_another_point_opens_it_again(
        dashboard_url: str, tmp_path: Path) -> None:
    """Close takes the panel and ``?claim=`` away; a click on another
    point opens the panel again. (The point still selected in the chart does not: the chart
    reports no new selection.)"""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as play:
        browser = open_chromium(play, tmp_path)
        try:
            page = browser.new_page()
            page.goto(f"{dashboard_url}/?quantity=North+Korean+troops+in+Russia")
            expect(page.locator(CHART).filter(has_text="Range comparison")).to_be_visible(
                timeout=60_000)
            detail = page.locator(".st-key-claim_detail")
            first, second = points_inside_the_axis(page)[:2]
            assert click_when_drawn(page, first)
            expect(detail.get_by_role("button", name="✗ Wrong")).to_be_visible(timeout=30_000)
            assert "claim=" in page.url
            detail.get_by_role("button", name="Close").click()
            expect(detail).to_have_count(0, timeout=30_000)
            page.wait_for_timeout(500)
            assert "claim=" not in page.url
            assert click_when_drawn(page, second)
            expect(detail.get_by_role("button", name="✗ Wrong")).to_be_visible(timeout=30_000)
        finally:
            browser.close()
