"""The dashboard served by a real Streamlit process for a real browser: one way to start it,
wait until it is healthy and stop it, shared by the browser test, the dashboard benchmark
(benchmarks/bench_dashboard_browser.py) and the screenshots (benchmarks/screenshots.py)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
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
        return int(sock.getsockname()[1])


@contextmanager
def served_dashboard(db: Path, env: Mapping[str, str] | None = None,
                     timeout: float = 60) -> Iterator[str]:
    """Run `streamlit run dashboard.py` on ``db`` (plus ``env``) on a free local port; yield its
    URL once /_stcore/health answers; stop the process afterwards."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(REPO / "dashboard.py"),
         "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port",
         str(port), "--browser.gatherUsageStats", "false"],
        cwd=REPO, env={**os.environ, "TRACKER_DB": str(db), **(env or {})},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, server, timeout)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _wait_healthy(url: str, server: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"streamlit did not become healthy within {timeout:.0f} s")
