"""The ingest run: find files, read and extract them in a process pool, write batches to DuckDB.

Writing: the database is opened for each batch (a few hundred articles, one transaction) and closed
right after, so a dashboard or ``tracker sql`` can read between batches, and a second ingest waits
for the lock (``open_store`` retries with backoff) instead of failing. A killed run loses at most
the batch in flight; running it again stores exactly what is missing (articles are keyed by text).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from os import PathLike
from pathlib import Path

from tracker.errors import InputError
from tracker.ingest.readers import READERS
from tracker.ingest.records import NO_OVERRIDES, FileResult, IngestSummary, Overrides
from tracker.models import Article

# Files larger than this are read as a stream in this process and written part by part.
LARGE_FILE_BYTES = 8 << 20
BATCH_ARTICLES = 300
BATCH_CHARS = 16_000_000
TASKS_PER_WORKER = 4  # files in flight per worker: keeps the pool busy, memory bounded


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def discover(
    paths: Iterable[str | PathLike[str]], errors: list[InputError] | None = None
) -> Iterator[Path]:
    """Files to read: given files as they are, folders searched recursively (supported types,
    hidden entries skipped), in sorted order. A missing path raises InputError, or is appended
    to ``errors`` (and skipped) when that list is given."""
    for given in paths:
        path = Path(given)
        problem = _path_problem(path)
        if problem is not None:
            if errors is None:
                raise problem
            errors.append(problem)
        elif path.is_dir():
            yield from sorted(
                p for p in path.rglob("*")
                if p.is_file() and supported(p)
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            yield path


def _path_problem(path: Path) -> InputError | None:
    if not path.exists():
        return InputError(str(path), "no such file or folder")
    if path.is_file() and not supported(path):
        kinds = ", ".join(sorted(READERS))
        return InputError(str(path), f"unsupported file type {path.suffix or '(none)'!r} "
                                     f"(supported: {kinds})")
    return None


def read_path(
    path: str | PathLike[str], overrides: Overrides = NO_OVERRIDES
) -> Iterator[Article | InputError]:
    """Articles of one file (claims not yet extracted); problems come out as InputErrors."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield InputError(str(path), f"unsupported file type {path.suffix or '(none)'!r}")
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


def _processed(path: Path, overrides: Overrides) -> Iterator[Article | InputError]:
    for item in read_path(path, overrides):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield with_claims(item)
        except Exception as err:  # an extractor bug must not lose the rest of the folder
            yield InputError(str(path), f"claim extraction failed ({type(err).__name__}: {err})")


def process_file(path: str | PathLike[str], overrides: Overrides = NO_OVERRIDES) -> FileResult:
    """Read, normalise, add metadata and extract claims for one file. Never raises for bad input;
    picklable in and out, so process pools and Dask workers can call it."""
    result = FileResult(str(path))
    for item in _processed(Path(path), overrides):
        (result.errors if isinstance(item, InputError) else result.articles).append(item)
    return result


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def iter_results(
    files: list[Path], overrides: Overrides, workers: int
) -> Iterator[tuple[FileResult, bool]]:
    """(result, file_done) pairs. Large files come as a stream of one-article results."""
    large = [p for p in files if _file_size(p) > LARGE_FILE_BYTES]
    small = [p for p in files if _file_size(p) <= LARGE_FILE_BYTES]
    if workers <= 1 or len(small) <= 1:
        yield from ((process_file(p, overrides), True) for p in small)
    else:
        yield from ((r, True) for r in _pooled(small, overrides, workers))
    for path in large:
        for item in _processed(path, overrides):
            part = FileResult(str(path))
            (part.errors if isinstance(item, InputError) else part.articles).append(item)
            yield part, False
        yield FileResult(str(path)), True


def _pooled(files: list[Path], overrides: Overrides, workers: int) -> Iterator[FileResult]:
    # forkserver: workers do not inherit this process's threads (progress bar) or open files.
    context = multiprocessing.get_context("forkserver")
    queue = iter(files)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: set[Future[FileResult]] = set()

        def refill() -> None:
            while len(pending) < workers * TASKS_PER_WORKER:
                path = next(queue, None)
                if path is None:
                    return
                pending.add(pool.submit(process_file, path, overrides))

        refill()
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
            refill()


class BatchWriter:
    """Collects articles and writes them in batches, each in one transaction."""

    def __init__(self, db: str | PathLike[str] | None, summary: IngestSummary) -> None:
        self.db = db
        self.summary = summary
        self.batch: list[Article] = []
        self.chars = 0

    def add(self, result: FileResult) -> None:
        self.summary.errors.extend(result.errors)
        self.summary.failed += len(result.errors)
        for article in result.articles:
            self.batch.append(article)
            self.chars += len(article.text)
        if len(self.batch) >= BATCH_ARTICLES or self.chars >= BATCH_CHARS:
            self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        from tracker.store import open_store

        with open_store(self.db) as store:
            counts = store.write_articles(self.batch)
        self.summary.new += counts.new
        self.summary.unchanged += counts.unchanged
        self.summary.claims += counts.claims
        self.batch, self.chars = [], 0


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
