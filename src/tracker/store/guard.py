"""Read-only SQL for users (``tracker sql``; any future SQL entry box must use it too).

Three layers, so one slip does not open a hole: the statement must parse as a single SELECT/WITH
(or EXPLAIN of one); the file is opened read-only; and the connection has file and network access,
extension loading and further configuration changes switched off before the query runs.
"""

from __future__ import annotations

import threading
from os import PathLike
from typing import Any

import duckdb

from tracker.config import resolve_db_path
from tracker.errors import QueryError
from tracker.store.connection import check_version, connect

_ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
# Applied in this order; the last one freezes the rest for the life of the connection.
_LOCKDOWN = (
    "SET enable_external_access = false",
    "SET autoinstall_known_extensions = false",
    "SET autoload_known_extensions = false",
    "SET lock_configuration = true",
)
DEFAULT_QUERY_TIMEOUT = 60.0


def check_readonly_sql(sql: str) -> None:
    """Raise QueryError unless ``sql`` is exactly one read-only statement."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as err:
        raise QueryError(f"not valid SQL: {_first_line(err)}") from None
    if not statements:
        raise QueryError("no SQL statement given")
    if len(statements) > 1:
        raise QueryError(f"refused: {len(statements)} statements given; run one SELECT at a time")
    kind = statements[0].type
    if kind not in _ALLOWED:
        raise QueryError(
            f"refused: {kind.name} statements are not allowed; only read-only SELECT/WITH queries"
        )


def run_readonly_sql(
    db: str | PathLike[str] | None,
    sql: str,
    params: Any = None,
    *,
    timeout: float | None = DEFAULT_QUERY_TIMEOUT,
    max_rows: int | None = None,
) -> tuple[list[str], list[tuple]]:
    """Run one guarded read-only query; return column names and rows (at most ``max_rows``
    + 1 of them when given, so the caller can tell that rows were cut)."""
    check_readonly_sql(sql)
    path = resolve_db_path(db)
    con = connect(path, read_only=True)
    timer = threading.Timer(timeout, con.interrupt) if timeout else None
    try:
        check_version(con, path, read_only=True)
        for setting in _LOCKDOWN:
            con.execute(setting)
        if timer:
            timer.start()
        cursor = con.execute(sql, params)
        columns = [d[0] for d in cursor.description or []]
        rows = cursor.fetchall() if max_rows is None else cursor.fetchmany(max_rows + 1)
        return columns, rows
    except duckdb.Error as err:
        raise _query_error(err, timeout) from None
    finally:
        if timer:
            timer.cancel()
        con.close()


def _query_error(err: duckdb.Error, timeout: float | None) -> QueryError:
    message = _first_line(err)
    if isinstance(err, duckdb.InterruptException):
        return QueryError(f"query stopped after {timeout:g} s (time limit)")
    if isinstance(err, duckdb.PermissionException) or "external access" in message.lower():
        return QueryError(f"refused: queries may not read files or the network ({message})")
    return QueryError(f"query failed: {message}")


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__
