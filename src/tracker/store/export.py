"""Export a public view (claims or articles) to CSV or Parquet, streamed by DuckDB."""

from __future__ import annotations

from os import PathLike
from pathlib import Path

import duckdb

from tracker.config import resolve_db_path
from tracker.errors import QueryError, StoreError
from tracker.store.connection import check_version, connect, scalar

EXPORT_TABLES = ("claims", "articles", "claim_reviews")
EXPORT_FORMATS = ("csv", "parquet")


def export_table(
    db: str | PathLike[str] | None, out: str | PathLike[str], *, fmt: str, table: str = "claims"
) -> int:
    """Write the view ``table`` to ``out``; return the number of rows written."""
    if table not in EXPORT_TABLES:
        raise QueryError(f"cannot export {table!r}: choose one of {', '.join(EXPORT_TABLES)}")
    if fmt not in EXPORT_FORMATS:
        raise QueryError(f"unknown export format {fmt!r}: choose csv or parquet")
    out_path = Path(out)
    if not out_path.parent.is_dir():
        raise StoreError(f"{out_path}: folder {out_path.parent} does not exist")
    path = resolve_db_path(db)
    con = connect(path, read_only=True)
    try:
        check_version(con, path, read_only=True)
        # The view name comes from the fixed list above, never from free text.
        relation = con.sql(f"SELECT * FROM {table} ORDER BY 1")
        if fmt == "csv":
            relation.write_csv(str(out_path), header=True)
        else:
            relation.write_parquet(str(out_path))
        count = scalar(con, f"SELECT count(*) FROM {table}")
    except duckdb.Error as err:
        raise StoreError(f"{out_path}: export failed ({str(err).splitlines()[0]})") from None
    finally:
        con.close()
    return int(count or 0)
