"""A reviewer's corrections of an article's date, outlet and title: rows of
``store.article_corrections``, never edits (the original stays in ``store.articles``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb
import polars as pl

from tracker.store.connection import table_exists

CORRECTION_COLUMNS = ("correction_id", "article_id", "outlet", "title", "published", "note",
                      "corrected_at")
# The latest correction of each article (what the ``articles`` view shows).
LATEST_CORRECTIONS = (
    "SELECT * FROM store.article_corrections QUALIFY row_number() OVER (PARTITION BY article_id"
    " ORDER BY corrected_at DESC, correction_id DESC) = 1"
)


def write_article_corrections(
    con: duckdb.DuckDBPyConnection, rows: Sequence[dict[str, Any]]
) -> int:
    """Append corrections (dicts by column; each holds the article's outlet, title and
    published as they should read) in one statement. Returns the rows written."""
    if not rows:
        return 0
    frame = pl.DataFrame(
        [{c: row.get(c) for c in CORRECTION_COLUMNS} for row in rows],
        schema={"correction_id": pl.String, "article_id": pl.String, "outlet": pl.String,
                "title": pl.String, "published": pl.Date, "note": pl.String,
                "corrected_at": pl.Datetime("us")},
    )
    con.register("tracker_incoming_corrections", frame.to_arrow())
    try:
        con.execute("INSERT INTO store.article_corrections BY NAME "
                    "SELECT * FROM tracker_incoming_corrections")
    finally:
        con.unregister("tracker_incoming_corrections")
    return frame.height


def has_article_corrections(con: duckdb.DuckDBPyConnection) -> bool:
    """True for a file of schema version 4 or later (an older one opened read-only lacks it)."""
    return table_exists(con, "article_corrections")
