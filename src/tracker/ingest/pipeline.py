"""The ingest run: find files, read and extract them in a process pool, write batches to DuckDB.

Writing: the database is opened for each batch (a few hundred articles, one transaction) and closed
right after, so a dashboard or ``tracker sql`` can read between batches, and a second ingest waits
for the lock (``open_store`` retries with backoff) instead of failing. A killed run loses at most
the batch in flight; running it again stores exactly what is missing (articles are keyed by text).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from os import PathLike
from pathlib import Path
from typing import Any

from tracker.config import settings
from tracker.errors import InputError, TrackerError
from tracker.ingest.readers import READERS
from tracker.ingest.records import NO_OVERRIDES, FileResult, IngestSummary, Overrides
from tracker.models import Article

# Files larger than this are read as a stream here, their parts extracted and written one by one.
LARGE_FILE_BYTES = 8 << 20
BATCH_ARTICLES = 300  # articles per transaction: the default of $TRACKER_BATCH_SIZE
# Characters per batch, counting each claim's sentence too (it is stored with the claim): bounds
# the memory of a batch's frames whatever the article sizes.
BATCH_CHARS = 3_000_000
TASKS_PER_WORKER = 4  # files in flight per worker: keeps the pool busy, memory bounded


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def discover(
    paths: Iterable[str | PathLike[str]], errors: list[InputError] | None = None
) -> Iterator[Path]:
    """Files to read: given files as they are, folders searched recursively (supported types;
    hidden entries and README/LICENSE-like files skipped), in sorted order. A missing path
    raises InputError, or is appended to ``errors`` (and skipped) when that list is given."""
    for given in paths:
        path = Path(given)
        problem = _path_problem(path)
        if problem is not None:
            if errors is None:
                raise problem
            errors.append(problem)
        elif path.is_dir():
            yield from sorted(p for p in path.rglob("*") if _is_article_file(p, path))
        else:
            yield path


# Documentation that sits next to articles in a folder; still read when named explicitly.
NOT_ARTICLES = ("readme", "license", "licence", "changelog", "contributing")


def _is_article_file(path: Path, root: Path) -> bool:
    return (
        path.is_file()
        and supported(path)
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
        and path.stem.lower() not in NOT_ARTICLES
    )


def _unsupported(path: Path) -> InputError:
    kinds = ", ".join(sorted(READERS))
    return InputError(str(path), f"unsupported file type {path.suffix or '(none)'!r} "
                                 f"(supported: {kinds})")


def _path_problem(path: Path) -> InputError | None:
    if not path.exists():
        return InputError(str(path), "no such file or folder")
    if path.is_file() and not supported(path):
        return _unsupported(path)
    return None


def read_path(
    path: str | PathLike[str], overrides: Overrides = NO_OVERRIDES
) -> Iterator[Article | InputError]:
    """Articles of one file (claims not yet extracted); problems come out as InputErrors."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield _unsupported(path)
        return
    try:
        yield from reader(path, overrides)
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError(str(path), f"cannot read ({err.strerror or err})")


def with_claims(article: Article) -> Article:
    """Fill ``article.claims`` from its stored text (offsets point into ``article.text``)."""
    from tracker.extract import extract

    article.claims = list(extract(article.text, article.lang))
    return article


def _extracted(item: Article | InputError) -> Article | InputError:
    if isinstance(item, InputError):
        return item
    try:
        return with_claims(item)
    except Exception as err:  # an extractor bug must not lose the rest of the folder
        reason = f"claim extraction failed ({type(err).__name__}: {err})"
        return InputError(item.path or "?", reason)


def process_file(path: str | PathLike[str], overrides: Overrides = NO_OVERRIDES) -> FileResult:
    """Read, normalise, add metadata and extract claims for one file. Never raises for bad input;
    picklable in and out, so process pools and Dask workers can call it."""
    result = FileResult(str(path))
    for item in map(_extracted, read_path(path, overrides)):
        (result.errors if isinstance(item, InputError) else result.articles).append(item)
    return result


def _part_result(item: Article | InputError, path: str) -> FileResult:
    """One part of a large file, extracted (runs in a worker)."""
    item = _extracted(item)
    if isinstance(item, InputError):
        return FileResult(path, errors=[item])
    return FileResult(path, articles=[item])


def _file_done(path: str) -> FileResult:
    return FileResult(path)


# A task: (function, arguments, whether the file is finished when it is).
Task = tuple[Callable[..., FileResult], tuple[Any, ...], bool]


def _tasks(files: list[Path], overrides: Overrides, urls: list[str]) -> Iterator[Task]:
    """Small files and web addresses are one task each; a large file is read here as a stream,
    one task per part."""
    from tracker.ingest.fetch import process_url

    for url in urls:
        yield process_url, (url, overrides), True
    for path in files:
        if _file_size(path) <= LARGE_FILE_BYTES:
            yield process_file, (path, overrides), True
            continue
        for item in read_path(path, overrides):
            yield _part_result, (item, str(path)), False
        yield _file_done, (str(path),), True


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def iter_results(
    files: list[Path], overrides: Overrides, workers: int, urls: list[str] | None = None
) -> Iterator[tuple[FileResult, bool]]:
    """(result, input_done) pairs, in this process or a pool of ``workers`` processes."""
    urls = urls or []
    tasks = _tasks(files, overrides, urls)
    one_small_input = len(files) + len(urls) <= 1 and not any(
        _file_size(path) > LARGE_FILE_BYTES for path in files)
    if workers <= 1 or one_small_input:
        return ((function(*args), done) for function, args, done in tasks)
    return _pooled(tasks, workers)


WORKER_DIED = ("a worker process died (killed, or out of memory?); what was stored is kept: "
               "run the same command again to finish")


def _pooled(tasks: Iterator[Task], workers: int) -> Iterator[tuple[FileResult, bool]]:
    # forkserver: workers do not inherit this process's threads (progress bar) or open files.
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: dict[Future[FileResult], bool] = {}

        def refill() -> None:
            # A bounded window of tasks in flight keeps memory flat on any number of files.
            for function, args, done in tasks:
                pending[pool.submit(function, *args)] = done
                if len(pending) >= workers * TASKS_PER_WORKER:
                    return

        refill()
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                try:
                    result = future.result()
                except BrokenProcessPool:
                    raise TrackerError(WORKER_DIED) from None
                yield result, pending.pop(future)
            refill()


def batch_size() -> int:
    """Articles per write transaction: $TRACKER_BATCH_SIZE, else BATCH_ARTICLES."""
    return settings().batch_size


class BatchWriter:
    """Collects articles and writes them in batches, each in one transaction."""

    def __init__(self, db: str | PathLike[str] | None, summary: IngestSummary) -> None:
        self.db = db
        self.summary = summary
        self.batch: list[Article] = []
        self.chars = 0
        self.max_articles = batch_size()

    def add(self, result: FileResult) -> None:
        self.summary.errors.extend(result.errors)
        self.summary.failed += len(result.errors)
        for article in result.articles:
            self.batch.append(article)
            self.chars += len(article.text) + sum(len(c.sentence) for c in article.claims)
        if len(self.batch) >= self.max_articles or self.chars >= BATCH_CHARS:
            self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        from tracker.store import open_store

        batch, self.batch, self.chars = self.batch, [], 0  # a failed write is not retried
        with open_store(self.db) as store:
            counts = store.write_articles(batch)
        self.summary.new += counts.new
        self.summary.unchanged += counts.unchanged
        self.summary.claims += counts.claims


@contextmanager
def progress_bar(total: int, enabled: bool) -> Iterator[object]:
    """A rich progress bar on stderr; yields a function to call once per finished file."""
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Ingesting", total=total)
        yield lambda: bar.advance(task)


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)
