"""Tracked quantities in the database: ``store.quantity_defs`` rows are written here and only
here. Every create, rename or retire is a new row; the latest row per quantity holds. The rows
themselves (definitions as JSON) are computed by ``tracker.aggregate.tracking``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb
import polars as pl

from tracker.errors import StoreError
from tracker.store.connection import scalar

QUANTITY_DEF_COLUMNS = ("quantity", "label", "definition", "status", "origin", "defined_at")
QUANTITY_STATUSES = ("active", "retired")


def write_quantity_defs(con: duckdb.DuckDBPyConnection, rows: Sequence[dict[str, Any]]) -> int:
    """Append quantity definitions (dicts by column of store.quantity_defs) in one statement;
    returns how many were stored. A row is never changed: a later one supersedes it."""
    if not rows:
        return 0
    for row in rows:
        if row.get("status") not in QUANTITY_STATUSES or not row.get("quantity"):
            raise StoreError(f"quantity definition {row.get('quantity')!r}: needs a quantity id "
                             f"and a status in {QUANTITY_STATUSES} (nothing was stored)")
    schema = dict.fromkeys(QUANTITY_DEF_COLUMNS, pl.String) | {"defined_at": pl.Datetime("us")}
    frame = pl.DataFrame([{k: r.get(k) for k in QUANTITY_DEF_COLUMNS} for r in rows],
                         schema=schema)
    con.register("tracker_incoming_defs", frame.to_arrow())
    try:
        return int(scalar(con, "INSERT INTO store.quantity_defs BY NAME "
                               "SELECT * FROM tracker_incoming_defs") or 0)
    finally:
        con.unregister("tracker_incoming_defs")


# The latest row per quantity: by time, then by insertion order (rowid) within one instant.
LATEST_DEFS_SQL = """
    SELECT quantity, label, definition, status, origin, defined_at,
           min(defined_at) OVER (PARTITION BY quantity) AS first_defined
    FROM store.quantity_defs
    QUALIFY row_number() OVER (PARTITION BY quantity ORDER BY defined_at DESC, rowid DESC) = 1
    ORDER BY first_defined, quantity
"""


def latest_quantity_defs(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The holding definition of every quantity ever defined (active and retired), in the order
    they were first defined; empty when the table is missing (a file opened read-only before
    schema version 3) or has no rows."""
    [(exists,)] = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'store'"
        " AND table_name = 'quantity_defs'"
    ).fetchall()
    if not exists:
        return []
    cursor = con.execute(LATEST_DEFS_SQL)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
