"""End to end in a real browser: `streamlit run dashboard.py` on the ingested bundled corpus,
driven by Playwright in Debian's Chromium (never `playwright install`; see ../shared/RECIPES.md).

Needs /usr/bin/chromium (`make browser` installs it). Leaves a screenshot in tests/artifacts/.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_aggregate_fixtures import QUANTITIES, REPO

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHART = '[data-testid="stVegaLiteChart"]'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"streamlit exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError("streamlit did not become healthy")


@pytest.fixture(scope="module")
def dashboard_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (run `make browser`)")
    pytest.importorskip("playwright.sync_api")
    from tracker.cli import cli

    db = tmp_path_factory.mktemp("browser") / "corpus.duckdb"
    env = {**os.environ, "TRACKER_DB": str(db), "TRACKER_QUANTITIES": str(QUANTITIES)}
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
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(REPO / "dashboard.py"),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


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
            expect(page.locator(CHART).filter(has_text="Timeline")).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "dashboard-troops.png"), full_page=True)

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
