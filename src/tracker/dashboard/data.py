"""Data loaders for the dashboard: short read-only DuckDB sessions, filtering in SQL.

Every loader opens the database read-only, runs parameterised SQL and closes it again, so the
dashboard never holds the file while idle and ``tracker ingest`` can write in between.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from tracker.aggregate.compare import (
    NO_FILTERS,
    Filters,
    claims_relation,
    quantity_claims,
)
from tracker.aggregate.quantities import QuantityConfig, load_quantities
from tracker.aggregate.suggest import Group, discover, load_untracked
from tracker.aggregate.summary import (
    OVERVIEW,
    OVERVIEW_ORDER,
    OVERVIEW_SQL,
    stored_overview_is_fresh,
)
from tracker.errors import StoreError
from tracker.store import StoreBusyError, open_store

LOCK_TIMEOUT = 1.0  # seconds a page waits for a writer before asking to refresh
SUGGEST_ROWS = 50_000  # untracked claims sampled for suggestions (the groups stay the same)


def db_signature(db: Path) -> tuple[str, int, int, int] | None:
    """Identifies a database version for caching: path, size and mtime (with its WAL), or None."""
    if not db.is_file():
        return None
    wal = db.with_name(db.name + ".wal")
    stats = [p.stat() for p in (db, wal) if p.exists()]
    size = sum(s.st_size for s in stats)
    return (str(db.resolve()), size, max(s.st_mtime_ns for s in stats), len(stats))


@contextmanager
def read_only(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection through ``open_store`` (its retry policy and schema-version check),
    waiting at most LOCK_TIMEOUT seconds for a writer: a page asks to refresh rather than hang."""
    try:
        store = open_store(db, read_only=True, lock_timeout=LOCK_TIMEOUT)
    except StoreBusyError:
        raise StoreError(
            f"{db}: another process (tracker ingest?) is writing; refresh in a moment"
        ) from None
    with store:
        yield store.con


def has_claims_view(con: duckdb.DuckDBPyConnection) -> bool:
    # fetchall, not fetchone: DuckDB 2 keeps a half-read result open and blocks the connection.
    [(found,)] = con.execute(
        "SELECT count(*) FROM duckdb_views() WHERE view_name = 'claims' AND schema_name = 'main'"
    ).fetchall()
    return bool(found)


def load_overview(db: Path) -> pl.DataFrame:
    """Per quantity: claims, independent voices (source, else outlet), outlets; empty if none."""
    with read_only(db) as con:
        if not has_claims_view(con):
            return pl.DataFrame()
        if stored_overview_is_fresh(con):  # made by the last assignment
            return con.sql(f"SELECT * FROM {OVERVIEW} {OVERVIEW_ORDER}").pl()
        overview = OVERVIEW_SQL.format(relation=claims_relation(con))
        return con.sql(f"{overview} {OVERVIEW_ORDER}").pl()


def count_claims(db: Path) -> int:
    with read_only(db) as con:
        if not has_claims_view(con):
            return 0
        [(count,)] = con.execute("SELECT count(*) FROM claims").fetchall()
        return int(count)


def load_filter_options(db: Path, quantity: str) -> dict[str, Any]:
    """Outlets, languages and the date range present for one quantity (one scan)."""
    with read_only(db) as con:
        [(outlets, langs, first, last)] = con.execute(
            "SELECT list_sort(list(DISTINCT outlet) FILTER (outlet IS NOT NULL)),"
            " list_sort(list(DISTINCT lang)), min(published), max(published)"
            f" FROM {claims_relation(con)} WHERE quantity = ?",
            [quantity],
        ).fetchall()
    return {"outlets": outlets or [], "langs": langs or [], "first": first, "last": last}


def load_quantity_claims(db: Path, quantity: str, filters: Filters = NO_FILTERS) -> pl.DataFrame:
    """One quantity's claims under the SQL-side filters (see ``tracker.aggregate.compare``)."""
    with read_only(db) as con:
        return quantity_claims(con, quantity, filters)


def load_suggestions(db: Path, min_claims: int = 3) -> list[Group]:
    """Groups of claims no quantity takes, by meaning (see ``tracker.aggregate.suggest``)."""
    with read_only(db) as con:
        if not has_claims_view(con):
            return []
        untracked = load_untracked(con, limit=SUGGEST_ROWS)
    return discover(untracked, min_claims)


def load_config(db: Path) -> QuantityConfig:
    """The tracked quantities: the database's (``store.quantity_defs``), else the file's."""
    from tracker.aggregate.tracking import database_config

    if not db.is_file():
        return load_quantities()
    with read_only(db) as con:
        return database_config(con)


def load_claimants(db: Path) -> pl.DataFrame:
    """The ``claimants`` view, most claims first (empty for a file without it)."""
    from tracker.aggregate.claimants import claimant_table

    with read_only(db) as con:
        [(found,)] = con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = "
                                 "'claimants' AND schema_name = 'main'").fetchall()
        return claimant_table(con) if found else pl.DataFrame()
