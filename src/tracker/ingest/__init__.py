"""Ingest: files and folders -> normalised Articles with metadata and claims -> the DuckDB store.

Public API (the CLI, the dashboard and the Dask path call only these)::

    discover(paths) -> Iterator[Path]
    read_path(path, overrides) -> Iterator[Article | InputError]
    process_file(path, overrides) -> FileResult
    process_bytes(data, name, overrides) -> FileResult   # a download or an upload, read by name
    ingest(paths, db, overrides=..., workers=..., progress=...) -> IngestSummary
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike

from tracker.ingest.buffers import process_bytes
from tracker.ingest.fetch import is_url
from tracker.ingest.pipeline import (
    BatchWriter,
    default_workers,
    discover,
    iter_results,
    process_file,
    progress_bar,
    read_path,
)
from tracker.ingest.records import NO_OVERRIDES, FileResult, IngestSummary, Overrides

# Progress is shown from this many files on.
PROGRESS_MIN_FILES = 20


def ingest(
    paths: Iterable[str | PathLike[str]],
    db: str | PathLike[str] | None = None,
    *,
    overrides: Overrides = NO_OVERRIDES,
    workers: int | None = None,
    progress: bool = True,
) -> IngestSummary:
    """Store the articles in ``paths`` (files, folders, or http(s) addresses to download) and
    their claims in ``db``.

    Bad inputs are counted and listed in the summary, never raised; a database that cannot be
    used raises StoreError before anything is read.
    """
    from tracker.store import open_store

    with open_store(db):  # fail fast: not DuckDB, newer schema, locked for too long
        pass
    summary = IngestSummary()
    paths = list(paths)
    urls = [str(p) for p in paths if is_url(p)]
    files = list(discover([p for p in paths if not is_url(p)], summary.errors))
    summary.failed = len(summary.errors)
    summary.files = len(files) + len(urls)
    writer = BatchWriter(db, summary)
    show = progress and summary.files >= PROGRESS_MIN_FILES
    results = iter_results(files, overrides, workers or default_workers(), urls)
    try:
        with progress_bar(summary.files, show) as advance:
            for result, file_done in results:
                writer.add(result)
                if file_done:
                    advance()
    finally:
        writer.flush()  # also on Ctrl-C or a dead worker: keep what was read
    if summary.read:
        assign_quantities(db)
    return summary


def assign_quantities(db: str | PathLike[str] | None) -> None:
    """Let the aggregation layer merge claimants across the corpus (``tracker claimants
    --resolve``), then (re)assign the stored claims to tracked quantities."""
    from tracker.aggregate.claimants import resolve_corpus, user_aliases
    from tracker.aggregate.quantities import assign_all
    from tracker.store import open_store

    with open_store(db) as store:
        resolve_corpus(store.con, user_aliases())  # first: the summary counts claimants
        assign_all(store.con)


__all__ = [
    "FileResult",
    "IngestSummary",
    "Overrides",
    "discover",
    "ingest",
    "process_bytes",
    "process_file",
    "read_path",
]
