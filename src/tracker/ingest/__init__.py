"""Ingest: files and folders -> normalised Articles with metadata and claims -> the DuckDB store.

Public API (the CLI, the dashboard and the Dask path call only these)::

    discover(paths) -> Iterator[Path]                     # streamed, in sorted order
    read_path(path, overrides) -> Iterator[Article | InputError]
    process_file(path, overrides) -> FileResult
    process_bytes(data, name, overrides) -> FileResult   # a download or an upload, read by name
    ingest(paths, db, overrides=..., workers=..., progress=...) -> IngestSummary
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from os import PathLike
from pathlib import Path
from typing import Any

from tracker.errors import InputError
from tracker.ingest.buffers import process_bytes
from tracker.ingest.fetch import is_url
from tracker.ingest.pipeline import (
    BatchWriter,
    default_workers,
    discover,
    iter_batches,
    may_use_pool,
    process_file,
    progress_bar,
    read_path,
    start_workers_early,
    stop_forkserver,
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

    paths = list(paths)
    urls = [str(p) for p in paths if is_url(p)]
    local = [p for p in paths if not is_url(p)]
    workers = workers or default_workers()
    try:
        if workers > 1 and may_use_pool(local, urls):
            start_workers_early()  # loads the language data while we open and walk
        with open_store(db):  # fail fast: not DuckDB, newer schema, locked for too long
            pass
        summary = _stream(local, urls, db, overrides, workers, progress)
    finally:
        stop_forkserver()  # gone before the corpus pass: its memory is not needed there
    if summary.read:
        assign_quantities(db)
    return summary


def _stream(local: list[str | PathLike[str]], urls: list[str], db: str | PathLike[str] | None,
            overrides: Overrides, workers: int, progress: bool) -> IngestSummary:
    """Read, extract and write every input; the writer runs in its own thread."""
    summary = IngestSummary()
    missing: list[InputError] = []
    files = _counted(discover(local, missing), summary)  # streamed, never a list of paths
    total = len(urls) + sum(1 for _ in discover(local, [])) if progress else 0
    writer = BatchWriter(db, summary, background=True)
    show = progress and total >= PROGRESS_MIN_FILES
    summary.files = len(urls)
    batches = iter_batches(files, overrides, workers, urls)
    try:
        with progress_bar(total, show) as advance:
            for batch in batches:
                writer.add(batch)
                for _ in range(batch.files_done):
                    advance()
    finally:
        batches.close()  # the pool's workers end here, also on an error
        try:
            writer.flush()  # also on Ctrl-C or a dead worker: keep what was read
        finally:
            writer.close()
            summary.errors[:0] = missing
            summary.failed += len(missing)
    return summary


def _counted(files: Iterator[Path], summary: IngestSummary) -> Iterator[Path]:
    for path in files:
        summary.files += 1
        yield path


# DuckDB memory for the end-of-run corpus pass (and the checkpoint that merges the row groups
# the streaming writes left): DuckDB otherwise keeps every block it reads cached up to the write
# connection's limit ($TRACKER_WRITE_MEMORY_LIMIT, 4GB), so the pass grew with the corpus (peak
# 487 MB at ~100,000 articles, 655 MB at 1M claims; 235-339 MB with this cap). Joins and
# aggregates spill to disk beyond it; a pass that still runs out is run again with the full limit.
CORPUS_MEMORY_LIMIT = "256MB"
# Row-group merges the end-of-run checkpoint may schedule (DuckDB's default is 100).
VACUUM_TASKS = 1_000_000
_UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
          "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40}


def memory_bytes(size: str) -> int:
    """Bytes of a memory size as the settings hold it ("256MB", "4GB", "1.5GiB", "1000B")."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", size.lower())
    if match is None or match.group(2) not in _UNITS:
        raise ValueError(f"not a memory size: {size!r}")
    return int(float(match.group(1)) * _UNITS[match.group(2)])


def assign_quantities(db: str | PathLike[str] | None) -> None:
    """Let the aggregation layer merge claimants across the corpus (``tracker claimants
    --resolve``), then (re)assign the stored claims to tracked quantities; DuckDB's memory is
    capped at CORPUS_MEMORY_LIMIT for it (or the write limit, when that is lower)."""
    import duckdb

    from tracker.config import settings
    from tracker.store import open_store

    limit = settings().write_memory_limit
    with open_store(db) as store:
        if memory_bytes(CORPUS_MEMORY_LIMIT) < memory_bytes(limit):
            store.con.execute(f"SET memory_limit = '{CORPUS_MEMORY_LIMIT}'")
            try:
                _corpus_pass(store.con)
                return
            except duckdb.OutOfMemoryException:  # each step is one transaction: rolled back
                store.con.execute(f"SET memory_limit = '{limit}'")
        _corpus_pass(store.con)


def _corpus_pass(con: Any) -> None:
    from tracker.aggregate.claimants import resolve_corpus, user_aliases
    from tracker.aggregate.quantities import assign_all

    resolve_corpus(con, user_aliases())  # first: the summary counts claimants
    assign_all(con)
    # Here, under the cap, rather than when the store is closed: this checkpoint also merges
    # the small row groups of the streaming writes (see BatchWriter._write), all of them: DuckDB
    # schedules at most max_vacuum_tasks (100) merges per checkpoint, and at 1M claims the rest
    # was left to the next write, so the first review after an ingest took 2-4 s to close.
    con.execute(f"SET max_vacuum_tasks = {VACUUM_TASKS}")
    con.execute("CHECKPOINT")


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
