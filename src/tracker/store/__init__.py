"""DuckDB store: storage tables in schema ``store``, documented views in ``main``.

``open_store`` is the one way in: it resolves the path, waits out a lock held by another process,
creates or migrates the schema when writable and refuses files it cannot use, each with one line.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import polars as pl

from tracker.config import resolve_db_path
from tracker.models import Article
from tracker.store.connection import (
    SCHEMA_VERSION,
    StoreBusyError,
    check_version,
    connect,
    ensure_schema,
)
from tracker.store.corrections import (
    LATEST_CORRECTIONS,
    has_article_corrections,
    write_article_corrections,
)
from tracker.store.definitions import latest_quantity_defs, write_quantity_defs
from tracker.store.export import export_table
from tracker.store.frames import article_frames
from tracker.store.guard import run_readonly_sql
from tracker.store.writes import (
    SummaryQueries,
    WriteCounts,
    add_summary_rows,
    load_parquet,
    replace_assignments,
    replace_claimant_groups,
    replace_quantity_overview,
    replace_summaries,
    write_claimant_edits,
    write_frames,
    write_reviews,
)


class Store:
    """An open tracker database. Use as a context manager; ``con`` is the DuckDB connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def query(self, sql: str, params: Any = None) -> pl.DataFrame:
        """A plain read for internal callers (user SQL goes through ``run_readonly_sql``)."""
        return self.con.sql(sql, params=params).pl()

    def write_articles(self, articles: list[Article]) -> WriteCounts:
        """Store the articles not yet present and their claims, all in ONE transaction.

        An article already stored (same ``article_id``, i.e. same normalised text) is counted
        as unchanged and its claims are not written again.
        """
        if not articles:
            return WriteCounts()
        return self.write_frames(*article_frames(articles))

    def write_frames(self, articles: pl.DataFrame, claims: pl.DataFrame) -> WriteCounts:
        """As ``write_articles`` for storage-shaped frames (``article_frames`` output)."""
        return write_frames(self.con, articles, claims, path=self.path)


_SCHEMA_APPLIED: set[str] = set()


def open_store(
    db: str | PathLike[str] | None = None,
    *,
    read_only: bool = False,
    lock_timeout: float | None = None,
) -> Store:
    """Open the tracker database (``--db``, else $TRACKER_DB, else data/tracker.duckdb).

    The one way in, for the CLI, the dashboard and the scale-out alike: while another process
    holds the file's lock it retries with backoff for ``lock_timeout`` seconds (default
    $TRACKER_LOCK_TIMEOUT, 30 s) and then raises ``StoreBusyError``; it refuses a file of a newer
    schema version, and a writable open creates the schema or migrates an older one.
    """
    path = resolve_db_path(db)
    con = connect(path, read_only=read_only, timeout=lock_timeout)
    try:
        version = check_version(con, path, read_only=read_only)
        # Views and comments are rewritten once per process and file (ingest reopens per batch).
        key = str(path.resolve())
        if not read_only and (version != SCHEMA_VERSION or key not in _SCHEMA_APPLIED):
            ensure_schema(con, version)
            _SCHEMA_APPLIED.add(key)
    except BaseException:
        con.close()
        raise
    return Store(con, path, read_only)


__all__ = [
    "LATEST_CORRECTIONS",
    "SCHEMA_VERSION",
    "Store",
    "StoreBusyError",
    "SummaryQueries",
    "WriteCounts",
    "add_summary_rows",
    "article_frames",
    "export_table",
    "has_article_corrections",
    "latest_quantity_defs",
    "load_parquet",
    "open_store",
    "replace_assignments",
    "replace_claimant_groups",
    "replace_quantity_overview",
    "replace_summaries",
    "run_readonly_sql",
    "write_article_corrections",
    "write_claimant_edits",
    "write_frames",
    "write_quantity_defs",
    "write_reviews",
]
