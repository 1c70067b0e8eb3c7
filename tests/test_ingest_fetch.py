"""`tracker ingest URL`: the one place tracker downloads, tested against a loopback server."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.store import run_readonly_sql

PAGE = ("<html><head><title>Troops</title></head><body><article><h1>Kim sends troops</h1>"
        "<p>The Pentagon said on Tuesday that about 10,000 North Korean troops had been sent to "
        "Russia and that some were moving toward the Kursk region, where fighting continues."
        "</p></article></body></html>")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # the CLI's stderr is what the tests read


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "2024-10-29-story.html").write_text(PAGE, encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_ingest_a_url(server: str, db_path: Path) -> None:
    url = f"{server}/news/2024-10-29-story.html"
    result = CliRunner().invoke(cli, ["ingest", url, "--db", str(db_path), "--outlet", "example"])
    assert result.exit_code == 0, result.stderr
    [(stored_url, outlet, published, path, lang)] = run_readonly_sql(
        db_path, "select url, outlet, published::varchar, path, lang from articles")[1]
    assert (stored_url, outlet, published, path, lang) == (url, "example", "2024-10-29", url, "en")
    assert run_readonly_sql(db_path, "select count(*) from claims where low = 10000")[1] == [(1,)]


def test_unreachable_url_is_one_failed_input(server: str, db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", f"{server}/missing.html", "--db", str(db_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {server}/missing.html: cannot fetch (HTTP 404")
