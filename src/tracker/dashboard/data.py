"""Data loaders for the dashboard: short read-only DuckDB sessions, filtering in SQL.

Every loader opens the database read-only, runs parameterised SQL and closes it again, so the
dashboard never holds the file while idle and ``tracker ingest`` can write in between.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from tracker.aggregate.suggest import Suggestion, load_unassigned, suggest_groups
from tracker.aggregate.summary import (
    OVERVIEW,
    OVERVIEW_ORDER,
    OVERVIEW_SQL,
    stored_overview_is_fresh,
    summary_claims_sql,
    summary_is_fresh,
)
from tracker.errors import StoreError

LOCK_RETRIES = 4
SUGGEST_ROWS = 50_000  # untracked claims sampled for suggestions (the groups stay the same)
MAX_ROWS = 200_000  # rows of one quantity handed to polars; more is cut, newest first
CLAIM_COLUMNS = (
    "claim_id, article_id, outlet, url, title, published, lang, low, high, kind, approximate,"
    ' unit, entity, source, hedged, quote, sentence, "start", "end", quantity, review'
)


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the view to; empty tuples mean "all"."""

    date_from: date | None = None
    date_to: date | None = None
    langs: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    hedged: str = "any"  # "any" | "only" | "exclude"
    sources: tuple[str, ...] = field(default=())  # canonical names, applied after aggregation prep


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
    """A read-only connection, retried briefly while another process holds the write lock."""
    if not db.is_file():
        raise StoreError(f"{db}: no database here yet; run `tracker ingest` first")
    config = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    for attempt in range(LOCK_RETRIES):
        try:
            con = duckdb.connect(str(db), read_only=True, config=config)
            break
        except duckdb.IOException as err:
            if "lock" not in str(err).lower():
                raise StoreError(f"{db}: cannot open the database ({err})") from None
            if attempt == LOCK_RETRIES - 1:
                raise StoreError(
                    f"{db}: another process (tracker ingest?) is writing; refresh in a moment"
                ) from None
            time.sleep(0.15 * 2**attempt)
        except duckdb.Error as err:
            raise StoreError(f"{db}: not a tracker database ({err})") from None
    try:
        yield con
    finally:
        con.close()


def has_claims_view(con: duckdb.DuckDBPyConnection) -> bool:
    # fetchall, not fetchone: DuckDB 2 keeps a half-read result open and blocks the connection.
    [(found,)] = con.execute(
        "SELECT count(*) FROM duckdb_views() WHERE view_name = 'claims' AND schema_name = 'main'"
    ).fetchall()
    return bool(found)


def claims_relation(con: duckdb.DuckDBPyConnection) -> str:
    """What to read claims from: the per-quantity summary while it is up to date (a scan of the
    tracked claims only), else the ``claims`` view (a join over every claim)."""
    return f"({summary_claims_sql()})" if summary_is_fresh(con) else "claims"


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


def filter_sql(quantity: str, filters: Filters) -> tuple[str, list[Any]]:
    """WHERE clause and parameters for one quantity under ``filters`` (values never inlined)."""
    clauses, params = ["quantity = ?"], [quantity]
    if filters.date_from:
        clauses.append("published >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        clauses.append("published <= ?")
        params.append(filters.date_to)
    if filters.langs:
        clauses.append("list_contains(?, lang)")
        params.append(list(filters.langs))
    if filters.outlets:
        clauses.append("list_contains(?, outlet)")
        params.append(list(filters.outlets))
    if filters.hedged == "only":
        clauses.append("hedged")
    elif filters.hedged == "exclude":
        clauses.append("NOT hedged")
    return " AND ".join(clauses), params


def load_quantity_claims(db: Path, quantity: str, filters: Filters = Filters()) -> pl.DataFrame:
    """One quantity's claims under the SQL-side filters (review 'wrong' rows included)."""
    where, params = filter_sql(quantity, filters)
    with read_only(db) as con:
        relation = claims_relation(con)
        extra = ", sentence_key" if relation != "claims" else ""  # precomputed for relays
        return con.sql(
            f"SELECT {CLAIM_COLUMNS}{extra} FROM {relation} WHERE {where}"
            " ORDER BY published DESC NULLS LAST, claim_id LIMIT ?",
            params=[*params, MAX_ROWS],
        ).pl()


def load_article(db: Path, article_id: str) -> dict[str, Any] | None:
    with read_only(db) as con:
        rows = con.sql(
            "SELECT article_id, outlet, url, title, published, lang, text FROM articles"
            " WHERE article_id = ?",
            params=[article_id],
        ).pl()
    return rows.row(0, named=True) if rows.height else None


def load_suggestions(db: Path, ignore: frozenset[str], min_claims: int = 3) -> list[Suggestion]:
    """Groups of claims no quantity takes (see ``tracker.aggregate.suggest``)."""
    with read_only(db) as con:
        if not has_claims_view(con):
            return []
        unassigned = load_unassigned(con, limit=SUGGEST_ROWS)
    return suggest_groups(unassigned, ignore, min_claims)
