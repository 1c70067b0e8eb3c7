"""DuckDB store: storage tables in schema ``store``, documented views in ``main``.

``open_store`` is the one way in: it resolves the path, waits out a lock held by another process,
creates or migrates the schema when writable and refuses files it cannot use, each with one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import polars as pl

from tracker.config import resolve_db_path
from tracker.errors import StoreError
from tracker.models import Article
from tracker.store.connection import (
    SCHEMA_VERSION,
    check_version,
    connect,
    ensure_schema,
    scalar,
)
from tracker.store.export import export_table
from tracker.store.frames import article_frames
from tracker.store.guard import run_readonly_sql


@dataclass(frozen=True)
class WriteCounts:
    """What one ``write_articles`` call stored: new articles, already-present ones, new claims."""

    new: int = 0
    unchanged: int = 0
    claims: int = 0


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
        incoming_articles, incoming_claims = article_frames(articles)
        # The same text twice in one batch is one article (claim ids derive from its id).
        incoming_articles = incoming_articles.unique("article_id", keep="first")
        incoming_claims = incoming_claims.unique("claim_id", keep="first")
        self.con.register("incoming_articles", incoming_articles.to_arrow())
        self.con.register("incoming_claims", incoming_claims.to_arrow())
        try:
            return self._insert_new(len(articles))
        finally:
            self.con.unregister("incoming_articles")
            self.con.unregister("incoming_claims")

    def _insert_new(self, offered: int) -> WriteCounts:
        con = self.con
        con.begin()
        try:
            # Claims first: "new" is decided against store.articles before this batch lands.
            claims = scalar(
                con,
                "INSERT INTO store.claims BY NAME SELECT c.* FROM incoming_claims c "
                "WHERE c.article_id IN (SELECT article_id FROM incoming_articles "
                "ANTI JOIN store.articles USING (article_id))",
            )
            new = scalar(
                con,
                "INSERT INTO store.articles BY NAME SELECT i.* FROM incoming_articles i "
                "ANTI JOIN store.articles USING (article_id)",
            )
            con.commit()
        except BaseException as err:
            con.rollback()
            if isinstance(err, duckdb.Error):  # disk full, read-only file, a broken row
                reason = str(err).strip().splitlines()[0]
                raise StoreError(f"{self.path}: writing a batch failed, nothing of it was "
                                 f"stored ({reason})") from err
            raise
        return WriteCounts(new=int(new or 0), unchanged=offered - int(new or 0),
                           claims=int(claims or 0))


_SCHEMA_APPLIED: set[str] = set()


def open_store(db: str | PathLike[str] | None = None, *, read_only: bool = False) -> Store:
    """Open the tracker database (``--db``, else $TRACKER_DB, else data/tracker.duckdb)."""
    path = resolve_db_path(db)
    con = connect(path, read_only=read_only)
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
    "SCHEMA_VERSION",
    "Store",
    "WriteCounts",
    "article_frames",
    "export_table",
    "open_store",
    "run_readonly_sql",
]
