"""Settings in one place: every environment variable tracker reads, with its default.

``SETTINGS`` is the record (name, default, meaning); the README's settings table is checked
against it by a test. Code reads a setting through ``settings()`` (or the helpers below), never
through ``os.environ`` directly, so a bad value fails with one line naming the variable.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import ConfigError

DEFAULT_DB = Path("data") / "tracker.duckdb"
DEFAULT_QUANTITIES = Path("data") / "quantities.toml"
DB_ENV = "TRACKER_DB"
QUANTITIES_ENV = "TRACKER_QUANTITIES"
LOCK_TIMEOUT_ENV = "TRACKER_LOCK_TIMEOUT"
BATCH_SIZE_ENV = "TRACKER_BATCH_SIZE"
DASK_WORKERS_ENV = "TRACKER_DASK_WORKERS"
DASK_TIMEOUT_ENV = "TRACKER_DASK_TIMEOUT"
READ_MEMORY_ENV = "TRACKER_READ_MEMORY_LIMIT"
READ_THREADS_ENV = "TRACKER_READ_THREADS"
WRITE_MEMORY_ENV = "TRACKER_WRITE_MEMORY_LIMIT"
CACHE_ENV = "TRACKER_CACHE_DIR"
DICTIONARIES_ENV = "TRACKER_DICTIONARIES"
DEFAULT_DICTIONARIES = Path("/usr/share/dictd")
DEFAULT_READ_MEMORY = "1GB"
DEFAULT_READ_THREADS = 2
DEFAULT_WRITE_MEMORY = "4GB"
_SIZE = re.compile(r"\d+(\.\d+)?\s*([kmgt]i?b|b)?", re.IGNORECASE)


@dataclass(frozen=True)
class Setting:
    """One environment variable: its name, its default as documented, what it sets."""

    name: str
    default: str
    meaning: str


SETTINGS: tuple[Setting, ...] = (
    Setting(DB_ENV, str(DEFAULT_DB), "the database file (`--db` wins)"),
    Setting(QUANTITIES_ENV, str(DEFAULT_QUANTITIES),
            "the tracked quantities (`--quantities` wins; no file means no quantities)"),
    Setting(LOCK_TIMEOUT_ENV, "30",
            "seconds a command retries a database another process holds"),
    Setting(BATCH_SIZE_ENV, "300", "articles per write transaction of `tracker ingest`"),
    Setting(DASK_WORKERS_ENV, "all cores",
            "worker processes of `tracker ingest --dask local` (`--workers` wins)"),
    Setting(DASK_TIMEOUT_ENV, "10", "seconds to wait for a remote Dask scheduler"),
    Setting(READ_MEMORY_ENV, DEFAULT_READ_MEMORY,
            "memory one read-only connection may use (`tracker sql`, the dashboard); a query "
            "that needs more stops with one line"),
    Setting(READ_THREADS_ENV, str(DEFAULT_READ_THREADS),
            "threads one read-only connection may use"),
    Setting(WRITE_MEMORY_ENV, DEFAULT_WRITE_MEMORY,
            "memory the writing connection may use (ingest, load, assign)"),
    Setting(CACHE_ENV, "$XDG_CACHE_HOME/tracker or ~/.cache/tracker",
            "where derived data is cached (the lemma dictionaries, mapped from the installed "
            "simplemma; safe to delete)"),
    Setting(DICTIONARIES_ENV, str(DEFAULT_DICTIONARIES),
            "where the FreeDict dictionaries are (Debian's dict-freedict-deu-eng and "
            "dict-freedict-eng-deu): a definition's words that no table knows are looked up in "
            "them across languages; none there, no such bridge"),
)


@dataclass(frozen=True)
class Settings:
    """The values in effect (read from the environment when ``settings()`` is called)."""

    db: Path = DEFAULT_DB
    quantities: Path | None = None  # None: no quantities file given and none in data/
    lock_timeout: float = 30.0
    batch_size: int = 300
    dask_workers: int | None = None  # None: all cores
    dask_timeout: float = 10.0
    read_memory_limit: str = DEFAULT_READ_MEMORY
    read_threads: int = DEFAULT_READ_THREADS
    write_memory_limit: str = DEFAULT_WRITE_MEMORY
    cache_dir: Path | None = None  # None: $XDG_CACHE_HOME/tracker or ~/.cache/tracker
    dictionaries: Path = DEFAULT_DICTIONARIES


def settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read every setting from ``environ`` (default: the process environment) and check it.

    An unset or empty variable means its default; a bad value raises ConfigError."""
    env = os.environ if environ is None else environ
    quantities = env.get(QUANTITIES_ENV)
    return Settings(
        db=Path(env.get(DB_ENV) or DEFAULT_DB),
        quantities=Path(quantities) if quantities else (
            DEFAULT_QUANTITIES if DEFAULT_QUANTITIES.is_file() else None),
        lock_timeout=max(0.0, _seconds(env, LOCK_TIMEOUT_ENV, 30.0)),
        batch_size=_count(env, BATCH_SIZE_ENV) or 300,
        dask_workers=_count(env, DASK_WORKERS_ENV, zero_ok=True),
        dask_timeout=_seconds(env, DASK_TIMEOUT_ENV, 10.0),
        read_memory_limit=_size(env, READ_MEMORY_ENV, DEFAULT_READ_MEMORY),
        read_threads=_count(env, READ_THREADS_ENV) or DEFAULT_READ_THREADS,
        write_memory_limit=_size(env, WRITE_MEMORY_ENV, DEFAULT_WRITE_MEMORY),
        cache_dir=Path(env[CACHE_ENV]) if env.get(CACHE_ENV) else None,
        dictionaries=Path(env.get(DICTIONARIES_ENV) or DEFAULT_DICTIONARIES),
    )


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$TRACKER_CACHE_DIR``, else ``$XDG_CACHE_HOME/tracker``, else ``~/.cache/tracker``."""
    env = os.environ if environ is None else environ
    given = settings(env).cache_dir
    if given is not None:
        return given
    return Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tracker"


def _size(env: Mapping[str, str], name: str, default: str) -> str:
    """A memory size as DuckDB reads it ("512MB", "2GB", "1.5GiB"; a bare number is bytes)."""
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    if not _SIZE.fullmatch(raw):
        raise ConfigError(f"{name}={raw!r} is not a memory size such as 512MB or 2GB")
    return raw if not raw.isdigit() else f"{raw}B"


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a number of seconds") from None


def _count(env: Mapping[str, str], name: str, *, zero_ok: bool = False) -> int | None:
    """A positive whole number, or None when unset (or 0, where 0 means "the default")."""
    raw = env.get(name, "")
    if not raw or (zero_ok and raw == "0"):
        return None
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigError(f"{name}={raw!r} is not a positive whole number")
    return int(raw)


def resolve_db_path(db: str | os.PathLike[str] | None = None) -> Path:
    """``db`` if given, else ``$TRACKER_DB``, else ``data/tracker.duckdb``."""
    if db:
        return Path(db)
    return settings().db
