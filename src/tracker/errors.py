"""Errors a user can cause. The CLI prints them as one line; anything else is a bug."""

from __future__ import annotations


class TrackerError(Exception):
    """Base class: ``str(err)`` is a complete one-line message for the user."""


class InputError(TrackerError):
    """An input (file, URL, row) could not be read. ``source`` names it."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Crosses process boundaries (ingest's process pool, Dask workers) inside FileResults.
        return (type(self), (self.source, self.reason))


class StoreError(TrackerError):
    """The database cannot be used: not DuckDB, newer schema, locked by another process."""


class QueryError(TrackerError):
    """A SQL query was refused (not read-only) or failed."""


class ConfigError(TrackerError):
    """A configuration or language data file is invalid."""
