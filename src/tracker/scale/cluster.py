"""Ingest on a Dask cluster: partitions of files are read and extracted on the workers.

The client discovers the files, cuts them into partitions (in input order), keeps a bounded
number of partitions in flight and writes finished ones in input order, so the database ends
with exactly the rows a single-machine ingest gives (the first copy of a text wins in both).
With ``out`` the workers write Parquet partitions themselves and only counts come back.

Workers need the ``tracker`` package installed and must be able to read the input paths (and
write ``out``): shared storage, the same mount point on every machine.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.config import settings
from tracker.errors import InputError, TrackerError
from tracker.ingest import IngestSummary, assign_quantities
from tracker.scale.partitions import PartitionResult, partition_paths, process_partition

if TYPE_CHECKING:
    from distributed import Client, Future

    from tracker.ingest import Overrides

LOCAL = "local"
# Files per Dask task, and so per Parquet part: fewer, larger parts load faster.
DEFAULT_PARTITION_FILES = 500
ARTICLES_PER_WRITE = 1000  # the client writes once this many articles have come back


class ClusterError(TrackerError):
    """The Dask scheduler cannot be reached or the cluster cannot start."""


@contextmanager
def dask_client(address: str, workers: int | None = None) -> Iterator[Client]:
    """A ``distributed.Client`` for ``address``; ``local`` starts a LocalCluster on 127.0.0.1."""
    from distributed import Client, LocalCluster

    if address == LOCAL:
        n_workers = workers or settings().dask_workers or os.cpu_count() or 1
        try:
            cluster = LocalCluster(
                n_workers=n_workers, threads_per_worker=1, processes=True,
                host="127.0.0.1", dashboard_address=":0",  # a free port: never clash on 8787
            )
        except Exception as err:  # noqa: BLE001 - any start failure is reported in one line
            raise ClusterError(f"local Dask cluster did not start: {err}") from err
        with cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(address, timeout=f"{_connect_timeout()}s")
    except (OSError, TimeoutError, ValueError) as err:
        raise ClusterError(f"{address}: cannot reach the Dask scheduler ({err})") from err
    with client:
        yield client


def _connect_timeout() -> float:
    return settings().dask_timeout


def _prepare_out(out: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError(str(out), "exists and is not an empty folder; choose a new --out")
    out.mkdir(parents=True, exist_ok=True)


def run_partitions(
    client: Client,
    partitions: Iterable[list[str]],
    *,
    overrides: Overrides | None = None,
    out: str | None = None,
    in_flight: int,
) -> Iterator[PartitionResult]:
    """Results in input order, with at most ``in_flight`` partitions submitted or waiting."""
    from distributed import as_completed

    numbered = enumerate(partitions)
    done: dict[int, PartitionResult] = {}
    next_index = 0

    def submit_next() -> Future | None:
        item = next(numbered, None)
        if item is None:
            return None
        index, paths = item
        return client.submit(process_partition, index, paths, overrides, out, pure=False)

    futures = as_completed([f for f in (submit_next() for _ in range(in_flight)) if f])
    for future in futures:
        result = _result(future)
        done[result.index] = result
        while next_index in done:
            yield done.pop(next_index)
            next_index += 1
            new_future = submit_next()
            if new_future is not None:
                futures.add(new_future)


def _result(future: Future) -> PartitionResult:
    """The partition's result; a cluster failure becomes one line (bugs keep their traceback)."""
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker as err:
        raise ClusterError(f"a partition killed its Dask workers repeatedly ({err})") from err
    except ModuleNotFoundError as err:
        raise ClusterError(
            f"a Dask worker cannot import {err.name!r}: install tracker on every worker"
        ) from err
    except OSError as err:
        raise ClusterError(f"lost the connection to the Dask cluster ({err})") from err


def dask_ingest(
    paths: Iterable[str | Path],
    address: str,
    *,
    db: str | os.PathLike[str] | None = None,
    out: str | os.PathLike[str] | None = None,
    overrides: Overrides | None = None,
    partition_files: int = DEFAULT_PARTITION_FILES,
    workers: int | None = None,
    progress: bool = False,
) -> IngestSummary:
    """Ingest ``paths`` on the Dask cluster at ``address`` into ``db`` (or Parquet in ``out``).

    ``workers`` sets the size of a ``local`` cluster (default: all cores). Bad inputs are
    counted and listed in the summary, as in ``tracker.ingest.ingest``.
    """
    from tracker.ingest import discover
    from tracker.ingest.pipeline import progress_bar

    summary = IngestSummary()
    paths = list(paths)
    missing: list[InputError] = []
    files = discover(paths, missing)  # streamed: no list of 100,000 paths
    first = next(files, None)
    out_dir = Path(out).resolve() if out else None
    if out_dir:
        _prepare_out(out_dir)
    else:
        _check_store(db)
    if first is None:  # nothing to read: no cluster to start
        summary.errors, summary.failed = missing, len(missing)
        return summary
    total = sum(1 for _ in discover(paths, [])) if progress else 0
    with dask_client(address, workers) as client, progress_bar(total, progress) as advance:
        in_flight = 2 * max(1, len(client.scheduler_info().get("workers", {})))
        results = run_partitions(
            client, partition_paths(_counted(chain([first], files), summary), partition_files),
            overrides=overrides,
            out=str(out_dir) if out_dir else None, in_flight=in_flight,
        )
        writer = None if out_dir else _StoreWriter(db, summary)
        for result in results:
            _record(summary, result, writer)
            for _ in range(result.files):
                advance()
        if writer:
            writer.flush()
    summary.errors[:0] = missing
    summary.failed += len(missing)
    if summary.new and out_dir is None:
        assign_quantities(db)
    return summary


def _counted(files: Iterator[Path], summary: IngestSummary) -> Iterator[Path]:
    for path in files:
        summary.files += 1
        yield path


def _check_store(db: str | os.PathLike[str] | None) -> None:
    """Fail before the cluster starts when the database cannot be used."""
    from tracker.store import open_store

    with open_store(db):
        pass


class _StoreWriter:
    """Writes partition frames to the store in input order, a few partitions per transaction:
    opening the store costs ~0.1 s, too much to pay for every partition of 100 files. The file
    is closed between writes, as in the single-machine ingest, so readers get a turn."""

    def __init__(self, db: str | os.PathLike[str] | None, summary: IngestSummary) -> None:
        self.db = db
        self.summary = summary
        self.waiting: list[PartitionResult] = []

    def add(self, result: PartitionResult) -> None:
        if result.articles is not None and result.claims is not None:
            self.waiting.append(result)
        if sum(r.article_count for r in self.waiting) >= ARTICLES_PER_WRITE:
            self.flush()

    def flush(self) -> None:
        if not self.waiting:
            return
        import polars as pl

        from tracker.store import open_store

        articles = pl.concat([r.articles for r in self.waiting])
        claims = pl.concat([r.claims for r in self.waiting])
        self.waiting = []
        with open_store(self.db) as store:
            counts = store.write_frames(articles, claims)
        self.summary.new += counts.new
        self.summary.unchanged += counts.unchanged
        self.summary.claims += counts.claims


def _record(summary: IngestSummary, result: PartitionResult, writer: _StoreWriter | None) -> None:
    """Add one partition to the summary; hand its rows to the writer when they came back."""
    summary.errors.extend(InputError(source, reason) for source, reason in result.errors)
    summary.failed += len(result.errors)
    summary.unchanged += result.repeats
    if writer is None:
        summary.new += result.article_count
        summary.claims += result.claim_count
    else:
        writer.add(result)
