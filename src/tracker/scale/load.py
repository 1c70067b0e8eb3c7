"""Bulk loads that bypass Python rows: Parquet partitions (``tracker load``).

The rows go through the store's one insert path, which keeps its contract: an article is stored
once (dedup by ``article_id`` against the table and within the input, the first copy in input
order wins) and its claims come with it, in one transaction. Loading is idempotent: loading the
same folder twice adds nothing.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from tracker.errors import InputError
from tracker.store import WriteCounts
from tracker.store import load_parquet as store_load_parquet


def partition_globs(folder: str | Path) -> tuple[str, str]:
    """The read_parquet globs of ``folder``'s articles and claims; InputError if there are none."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(str(folder), "is not a folder of Parquet partitions")
    return _parquet_glob(folder, "articles"), _parquet_glob(folder, "claims")


def _parquet_glob(folder: Path, table: str) -> str:
    files = sorted((folder / table).glob("*.parquet"))
    if not files:
        raise InputError(
            str(folder), f"no Parquet partitions in {table}/ (expected {table}/part-*.parquet)"
        )
    return str(folder / table / "*.parquet").replace("'", "''")


def load_parquet(con: duckdb.DuckDBPyConnection, folder: str | Path) -> WriteCounts:
    """Load ``folder/articles/*.parquet`` and ``folder/claims/*.parquet`` into the store.

    Articles already stored are skipped; an article in several partitions is taken from the
    first partition (by file name, i.e. input order), and its claims from that same partition.
    The rows go through the store's one insert path (``tracker.store.load_parquet``).
    """
    articles_glob, claims_glob = partition_globs(folder)
    return store_load_parquet(con, folder, articles_glob, claims_glob)


def load_partitions(folder: str | Path, db: str | Path | None = None) -> WriteCounts:
    """Open the database (``--db``/$TRACKER_DB/default) and load ``folder`` into it; then, when
    anything new was stored, the corpus pass of ``tracker ingest`` (claimants merged across the
    corpus, claims assigned to tracked quantities) under the same memory cap."""
    from tracker.ingest import assign_quantities
    from tracker.store import open_store

    partition_globs(folder)  # refuse a wrong folder before creating a database
    with open_store(db) as store:
        counts = load_parquet(store.con, folder)
    if counts.new:
        assign_quantities(db)
    return counts
