"""Opening the DuckDB file: lock retries with backoff, clear errors, schema and its versions."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from tracker.errors import StoreError

# Version of the storage layout this code writes. Bump it (and add a step to MIGRATIONS) when a
# storage table changes shape; views are recreated from schema.sql on every writable open.
# 1: articles, claims, reviews, assignments (the summary tables were made outside schema.sql).
# 2: the summary tables (store.quantity_*) declared in schema.sql, with extractor_version.
SCHEMA_VERSION = 4

LOCK_TIMEOUT_ENV = "TRACKER_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT = 30.0
_FIRST_BACKOFF = 0.05
_MAX_BACKOFF = 1.0

_LOCK_MARKERS = ("Could not set lock", "Conflicting lock")
# In one process DuckDB shares one instance per file: while a connection with other settings
# (a read-only one, or a write one) is open in another thread, such as a dashboard rerun still
# reading, a new one is refused. That ends when the other closes: wait for it like for a lock.
_SAME_PROCESS_MARKER = "different configuration than existing connections"
_NOT_DUCKDB = "not a valid DuckDB database"
_PID = re.compile(r"PID (\d+)")


class StoreBusyError(StoreError):
    """Another process held the database's lock for longer than the caller would wait."""


def lock_timeout() -> float:
    """Seconds to keep retrying a database locked by another process ($TRACKER_LOCK_TIMEOUT)."""
    from tracker.config import settings

    return settings().lock_timeout


def connect(
    path: Path, *, read_only: bool, timeout: float | None = None
) -> duckdb.DuckDBPyConnection:
    """Open ``path``; retry with backoff while another process holds its lock, for ``timeout``
    seconds (default: $TRACKER_LOCK_TIMEOUT), then fail with a ``StoreBusyError``.

    A read-only connection never installs or loads DuckDB extensions. Every connection is bounded
    in memory (and a read-only one in threads) by the settings, so a runaway query stops with
    an out-of-memory error instead of taking the machine."""
    from tracker.config import settings

    limits = settings()
    timeout = limits.lock_timeout if timeout is None else max(0.0, timeout)
    config: dict[str, Any] = {"autoinstall_known_extensions": False,
                              "autoload_known_extensions": False,
                              "memory_limit": limits.read_memory_limit,
                              "threads": limits.read_threads}
    write_config = {"memory_limit": limits.write_memory_limit}
    if read_only and not path.exists():
        raise StoreError(f"{path}: no database here yet; run `tracker ingest` first")
    if not read_only and path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    # A file that did not exist when we started and is "not valid" now is being created by
    # another process (its header is not written yet): wait for it like for a lock.
    creating = not path.exists()
    deadline = time.monotonic() + timeout
    delay = _FIRST_BACKOFF
    while True:
        try:
            if read_only:
                return duckdb.connect(str(path), read_only=True, config=config)
            return duckdb.connect(str(path), config=write_config)
        except duckdb.Error as err:
            message = str(err)
            busy = any(marker in message for marker in (*_LOCK_MARKERS, _SAME_PROCESS_MARKER))
            half_made = _NOT_DUCKDB in message and (creating or _header_not_written(path))
            if not busy and not half_made:
                raise _open_error(path, message) from None
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _lock_error(path, message, timeout) from None
        time.sleep(min(delay, remaining))  # the last try lands on the deadline
        delay = min(delay * 2, _MAX_BACKOFF)


def _header_not_written(path: Path) -> bool:
    """An empty file, or one of zero bytes so far: another process has created it and not yet
    written DuckDB's header (a process that saw it already there would otherwise take it for a
    file that is not a database). A file with any other content is left to fail at once."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return not head.strip(b"\0")


def _lock_error(path: Path, message: str, timeout: float) -> StoreBusyError:
    pid = _PID.search(message)
    holder = f"process {pid.group(1)}" if pid else "another process"
    return StoreBusyError(
        f"{path}: the database is in use by {holder}; gave up after {timeout:g} s "
        f"(wait for it to finish or raise {LOCK_TIMEOUT_ENV})"
    )


def _open_error(path: Path, message: str) -> StoreError:
    if _NOT_DUCKDB in message:
        return StoreError(f"{path}: not a DuckDB database file")
    if "version number" in message or "storage version" in message.lower():
        return StoreError(f"{path}: written by a different DuckDB version ({_first_line(message)})")
    return StoreError(f"{path}: cannot open the database ({_first_line(message)})")


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else "unknown error"


def stored_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version recorded in the file, or None when it is not (yet) a tracker database."""
    has_table = scalar(con, "SELECT count(*) FROM duckdb_tables() "
                       "WHERE schema_name = 'store' AND table_name = 'schema_version'")
    if not has_table:
        return None
    version = scalar(con, "SELECT max(version) FROM store.schema_version")
    return None if version is None else int(version)


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: Any = None) -> Any:
    """The single value a statement returns (fetched completely: DuckDB 2 refuses further work on
    a connection with a half-read result)."""
    rows = con.execute(sql, params).fetchall()
    return rows[0][0] if rows else None


def check_version(con: duckdb.DuckDBPyConnection, path: Path, *, read_only: bool) -> int | None:
    """The file's schema version. Refuse a file written by a newer tracker; a read-only open
    also needs a tracker database."""
    version = stored_version(con)
    if version is not None and version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by schema version {version}; this tracker supports up to "
            f"{SCHEMA_VERSION} — upgrade tracker"
        )
    if version is None and (read_only or _has_other_objects(con)):
        raise StoreError(f"{path}: a DuckDB file but not a tracker database (no store schema)")
    return version


def _has_other_objects(con: duckdb.DuckDBPyConnection) -> bool:
    """Tables or views someone else made: tracker will not add its schema to their file."""
    return bool(scalar(con, "SELECT (SELECT count(*) FROM duckdb_tables() WHERE NOT internal) + "
                            "(SELECT count(*) FROM duckdb_views() WHERE NOT internal)"))


def table_exists(con: duckdb.DuckDBPyConnection, table: str, schema: str = "store") -> bool:
    return bool(scalar(con, "SELECT count(*) FROM duckdb_tables() "
                       "WHERE schema_name = ? AND table_name = ?", [schema, table]))


def _migrate_1_to_2(con: duckdb.DuckDBPyConnection) -> None:
    """Version 1 made the summary tables outside schema.sql (CREATE TABLE AS, when quantities were
    first assigned) and left out the claims' extractor_version: add it and fill it in, keeping
    every row; a file that never had them gets them from schema.sql."""
    if table_exists(con, "quantity_claims"):
        con.execute("ALTER TABLE store.quantity_claims "
                    "ADD COLUMN IF NOT EXISTS extractor_version VARCHAR")
        con.execute("UPDATE store.quantity_claims s SET extractor_version = c.extractor_version "
                    "FROM store.claims c WHERE s.claim_id = c.claim_id")


_V3_COLUMNS = {
    "claims": ["source_start INTEGER", "source_end INTEGER", "via_source VARCHAR",
               "claimant VARCHAR", "via VARCHAR", "concept VARCHAR", "actor VARCHAR",
               "state VARCHAR"],
    "assignments": ["reason VARCHAR"],
}


def _migrate_2_to_3(con: duckdb.DuckDBPyConnection) -> None:
    """Version 3 adds attribution (source offsets, relay, claimant) and meaning (concept, actor,
    state) to the claims, a reason to assignments and new tables (schema.sql creates those).
    Existing claims keep their rows with NULL in the new columns until re-extracted; the summary
    is dropped and rebuilt by the next assignment, since its columns follow the claims view."""
    for table, columns in _V3_COLUMNS.items():
        for column in columns:
            con.execute(f"ALTER TABLE store.{table} ADD COLUMN IF NOT EXISTS {column}")
    if table_exists(con, "quantity_claims"):
        con.execute("DROP TABLE store.quantity_claims")
        con.execute("DELETE FROM store.quantity_claims_meta")


def _migrate_3_to_4(con: duckdb.DuckDBPyConnection) -> None:
    """Version 4 adds ``store.article_corrections`` (a reviewer's date, outlet and title of an
    article, the original kept) and recreates the views that show it; every row is kept."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS store.article_corrections (correction_id VARCHAR NOT NULL,"
        " article_id VARCHAR NOT NULL, outlet VARCHAR, title VARCHAR, published DATE,"
        " note VARCHAR, corrected_at TIMESTAMP NOT NULL)"
    )


# version -> the step that lifts a database from that version to the next one (inside the
# transaction of ensure_schema, before schema.sql adds what is missing).
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
    3: _migrate_3_to_4,
}


def ensure_schema(con: duckdb.DuckDBPyConnection, version: int | None) -> None:
    """Create or migrate the tables from ``version``, recreate the views, record the version
    (one transaction)."""
    con.begin()
    try:
        for step in range(version or SCHEMA_VERSION, SCHEMA_VERSION):
            MIGRATIONS[step](con)
        con.execute(schema_sql())
        if version != SCHEMA_VERSION:
            con.execute("INSERT INTO store.schema_version (version) VALUES (?)", [SCHEMA_VERSION])
        con.commit()
    except BaseException:
        con.rollback()
        raise


_SCHEMA_CACHE: list[str] = []


def schema_sql() -> str:
    """The DDL in store/schema.sql (read once per process)."""
    if not _SCHEMA_CACHE:
        _SCHEMA_CACHE.append(resources.files("tracker.store").joinpath("schema.sql").read_text())
    return _SCHEMA_CACHE[0]
