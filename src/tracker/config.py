"""Settings in one place: where the database lives."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = Path("data") / "tracker.duckdb"
DB_ENV = "TRACKER_DB"


def resolve_db_path(db: str | os.PathLike[str] | None = None) -> Path:
    """``db`` if given, else ``$TRACKER_DB``, else ``data/tracker.duckdb``."""
    if db:
        return Path(db)
    env = os.environ.get(DB_ENV)
    return Path(env) if env else DEFAULT_DB
