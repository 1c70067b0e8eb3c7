"""The ingest run: find files (streamed), read and extract them in a process pool, write batches.

The main process does almost nothing per article: it walks the folders lazily, cuts the inputs
into chunks (CHUNK_FILES), and the workers read, extract and build each chunk's storage rows
(polars frames, ``article_frames``) themselves; the main process receives whole frame batches in
input order (Arrow IPC over the pipe) and hands them to a writer thread.

Writing: one transaction per batch (``$TRACKER_BATCH_SIZE`` articles, default 300); the store
stays open across batches for at most HOLD_SECONDS and is then closed, so a dashboard or ``tracker
sql`` can read in between, and a second ingest waits for the lock (``open_store`` retries with
backoff) instead of failing. A killed run loses at most the batches not yet committed; running it
again stores exactly what is missing (articles are keyed by text).
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from itertools import chain, islice
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.config import settings
from tracker.errors import InputError, TrackerError
from tracker.ingest.readers import READERS
from tracker.ingest.records import NO_OVERRIDES, FileResult, IngestSummary, Overrides
from tracker.models import Article

if TYPE_CHECKING:
    import polars as pl

# Files larger than this are read as a stream here, their parts extracted and written one by one.
LARGE_FILE_BYTES = 8 << 20
BATCH_ARTICLES = 300  # articles per transaction: the default of $TRACKER_BATCH_SIZE
# Characters per batch, counting each claim's sentence too (it is stored with the claim): bounds
# the memory of a batch's frames whatever the article sizes.
BATCH_CHARS = 3_000_000
TASKS_PER_WORKER = 4  # chunks in flight per worker: keeps the pool busy, memory bounded
CHUNK_FILES = 64  # inputs per worker task: the main process handles one frame batch per chunk
CHUNK_BYTES = 1 << 20  # ... or this many bytes of files
HOLD_SECONDS = 1.0  # the writer closes the store after a write once it has been open this long


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def discover(
    paths: Iterable[str | PathLike[str]], errors: list[InputError] | None = None
) -> Iterator[Path]:
    """Files to read: given files as they are, folders searched recursively (supported types;
    hidden entries and README/LICENSE-like files skipped), in sorted order (the order of
    ``sorted(paths)``), streamed: a folder is walked lazily, one directory listing at a time, so
    100,000 files never make a list. A missing path raises InputError, or is appended to
    ``errors`` (and skipped) when that list is given."""
    for given in paths:
        path = Path(given)
        problem = _path_problem(path)
        if problem is not None:
            if errors is None:
                raise problem
            errors.append(problem)
        elif path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(folder: Path) -> Iterator[Path]:
    """Article files under ``folder``, depth first with each listing sorted by name: the order
    of sorting the full paths by their parts. Hidden entries are skipped; symlinked folders are
    not followed (as ``Path.rglob``)."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue
        path = folder / entry.name
        if is_dir:
            yield from _walk(path)
        elif _is_article_entry(entry):
            yield path


# Documentation that sits next to articles in a folder; still read when named explicitly.
NOT_ARTICLES = ("readme", "license", "licence", "changelog", "contributing")


def _is_article_entry(entry: os.DirEntry[str]) -> bool:
    stem, dot, suffix = entry.name.rpartition(".")
    if not dot or not stem:
        return False
    try:
        return (
            f".{suffix.lower()}" in READERS
            and stem.lower() not in NOT_ARTICLES
            and entry.is_file()
        )
    except OSError:
        return False


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


# A call: (function, arguments); the function returns a FileResult.
Call = tuple[Callable[..., FileResult], tuple[Any, ...]]


@dataclass(slots=True)
class FrameBatch:
    """What a worker hands back for one chunk of inputs: the storage rows of its articles as
    polars frames (``article_frames``: exactly the columns of store.articles/claims; they cross
    the process boundary as Arrow IPC, not as Python objects), and the inputs that failed."""

    articles: pl.DataFrame | None = None
    claims: pl.DataFrame | None = None
    article_count: int = 0
    chars: int = 0  # text + claim sentences: what the batch costs in memory
    errors: list[InputError] = field(default_factory=list)
    files_done: int = 0


def run_chunk(calls: list[Call], files_done: int) -> FrameBatch:
    """Run a chunk of calls (in a worker, or here with one worker) and build its storage rows."""
    from tracker.store import article_frames

    batch = FrameBatch(files_done=files_done)
    articles: list[Article] = []
    for function, args in calls:
        result = function(*args)
        articles.extend(result.articles)
        batch.errors.extend(result.errors)
    if articles:
        batch.articles, batch.claims = article_frames(articles)
        batch.article_count = len(articles)
        batch.chars = sum(len(a.text) + sum(len(c.sentence) for c in a.claims)
                          for a in articles)
    return batch


def _part_result(item: Article | InputError, path: str) -> FileResult:
    """One part of a large file, extracted (runs in a worker)."""
    item = _extracted(item)
    if isinstance(item, InputError):
        return FileResult(path, errors=[item])
    return FileResult(path, articles=[item])


# A chunk: the calls of up to CHUNK_FILES inputs, and how many inputs it finishes.
Chunk = tuple[list[Call], int]


def _chunks(files: Iterable[Path], overrides: Overrides, urls: list[str], size: int
            ) -> Iterator[Chunk]:
    """Small files and web addresses are one call each, ``size`` calls (or CHUNK_BYTES of files)
    to a chunk, in input order; a large file is read here as a stream, one call per part."""
    from tracker.ingest.fetch import process_url

    calls: list[Call] = []
    done = nbytes = 0

    def cut() -> Iterator[Chunk]:
        nonlocal calls, done, nbytes
        if calls or done:
            yield calls, done
        calls, done, nbytes = [], 0, 0

    for url in urls:
        calls.append((process_url, (url, overrides)))
        done += 1
        if len(calls) >= size:
            yield from cut()
    for path in files:
        file_size = _file_size(path)
        if file_size <= LARGE_FILE_BYTES:
            calls.append((process_file, (path, overrides)))
            done += 1
            nbytes += file_size
            if len(calls) >= size or nbytes >= CHUNK_BYTES:
                yield from cut()
            continue
        for item in read_path(path, overrides):
            calls.append((_part_result, (item, str(path))))
            nbytes += len(item.text) if isinstance(item, Article) else 0
            if len(calls) >= size or nbytes >= CHUNK_BYTES:
                yield from cut()
        done += 1
    yield from cut()


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def iter_batches(
    files: Iterable[Path], overrides: Overrides, workers: int, urls: list[str] | None = None,
    chunk_files: int = 0,
) -> Generator[FrameBatch, None, None]:
    """Frame batches in input order, built in this process or in a pool of ``workers``
    processes. ``chunk_files``: inputs per chunk (default CHUNK_FILES, at most a write batch)."""
    urls = urls or []
    files = iter(files)
    head = list(islice(files, 2))
    one_small_input = not may_use_pool(head, urls)
    size = chunk_files or min(CHUNK_FILES, batch_size())
    chunks = _chunks(chain(head, files), overrides, urls, size)
    if workers <= 1 or one_small_input:
        return (run_chunk(calls, done) for calls, done in chunks)
    return _pooled(chunks, workers)


def may_use_pool(paths: list[Path] | list[str | PathLike[str]], urls: list[str]) -> bool:
    """False for one small file (or one address): read here, a pool would only cost start-up.
    A folder counts as many inputs."""
    if len(paths) + len(urls) > 1:
        return True
    return any(Path(p).is_dir() or _file_size(Path(p)) > LARGE_FILE_BYTES for p in paths)


WORKER_DIED = ("a worker process died (killed, or out of memory?); what was stored is kept: "
               "run the same command again to finish")


def _forkserver() -> Any:
    # forkserver: workers do not inherit this process's threads (progress bar, writer) or open
    # files. The extractor (and its language data) is imported in the forkserver once, so every
    # worker starts with it loaded.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tracker.ingest.warm"])
    return context


def start_workers_early() -> None:
    """Start the pool's forkserver now, before anything is read: it loads the language data
    (~0.7 s) while this process opens the store and walks the folders, instead of after."""
    from multiprocessing import forkserver

    _forkserver()
    forkserver.ensure_running()


def stop_forkserver() -> None:
    """End the forkserver (and the language data it holds, ~200 MB) once the pool is gone, so
    the end-of-run corpus pass does not run beside it. Its workers are gone already, and it has
    nothing to save: it is killed rather than left to free its heap on the way out (a second of
    the end of the run under load). Python has no public call for this; the next pool starts a
    new forkserver."""
    from multiprocessing import forkserver

    server = forkserver._forkserver  # noqa: SLF001 - see docstring
    pid = getattr(server, "_forkserver_pid", None)
    if pid is not None:
        with suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    stop = getattr(server, "_stop", None)
    if stop is not None:
        stop()  # reaps it and closes its pipe


def _pooled(chunks: Iterator[Chunk], workers: int) -> Iterator[FrameBatch]:
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_forkserver()) as pool:
            # In input order (the first copy of a repeated text wins, as with one worker), with
            # a bounded window of chunks in flight: memory stays flat on any number of files.
            pending: deque[Future[FrameBatch]] = deque()
            for calls, done in chunks:
                pending.append(_submit(pool, calls, done))
                if len(pending) >= workers * TASKS_PER_WORKER:
                    yield _batch(pending.popleft())
            while pending:
                yield _batch(pending.popleft())
    finally:
        stop_forkserver()


def _submit(pool: ProcessPoolExecutor, calls: list[Call], done: int) -> Future[FrameBatch]:
    try:
        return pool.submit(run_chunk, calls, done)
    except BrokenProcessPool:  # a worker died while the chunks before were still in flight
        raise TrackerError(WORKER_DIED) from None


def _batch(future: Future[FrameBatch]) -> FrameBatch:
    try:
        return future.result()
    except BrokenProcessPool:
        raise TrackerError(WORKER_DIED) from None


def batch_size() -> int:
    """Articles per write transaction: $TRACKER_BATCH_SIZE, else BATCH_ARTICLES."""
    return settings().batch_size


class BatchWriter:
    """Appends frame batches to the store, ``batch_size()`` articles (or BATCH_CHARS) per
    transaction, in the order they were added. With ``background`` the transactions run in one
    writer thread (DuckDB works outside the GIL), so the caller goes on receiving batches and
    feeding the workers while a batch is written; at most one full batch waits for the writer.
    The store stays open across transactions for up to HOLD_SECONDS, then is closed after the
    next write so readers get a turn (open + close cost ~0.1 s: paying it per batch of 300 was
    a third of the main process's work). A failed write is raised (once) by the next ``add``,
    ``flush`` or ``close``; nothing after it is written."""

    def __init__(self, db: str | PathLike[str] | None, summary: IngestSummary,
                 background: bool = False) -> None:
        self.db = db
        self.summary = summary
        self.frames: list[tuple[pl.DataFrame, pl.DataFrame]] = []
        self.articles = 0
        self.chars = 0
        self.max_articles = batch_size()
        self.store: Any = None
        self.opened = 0.0
        self.background = background
        self._queue: queue.Queue[list[tuple[pl.DataFrame, pl.DataFrame]] | None] = (
            queue.Queue(maxsize=1))
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._failed = False

    def add(self, batch: FrameBatch) -> None:
        self._raise()
        self.summary.errors.extend(batch.errors)
        self.summary.failed += len(batch.errors)
        if batch.articles is not None and batch.claims is not None:
            self.frames.append((batch.articles, batch.claims))
            self.articles += batch.article_count
            self.chars += batch.chars
        if self.articles >= self.max_articles or self.chars >= BATCH_CHARS:
            self.flush()

    def flush(self) -> None:
        """Hand the collected frames to the writer (and, without a thread, write them now)."""
        self._raise()
        if not self.frames:
            return
        frames, self.frames, self.articles, self.chars = self.frames, [], 0, 0
        if not self.background:
            self._write(frames)
            return
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="tracker-writer",
                                            daemon=True)
            self._thread.start()
        self._queue.put(frames)  # waits while a batch is already waiting: memory stays bounded

    def close(self) -> None:
        """Write what was handed over, close the store, raise a write's failure."""
        if self._thread is not None:
            thread, self._thread = self._thread, None
            self._queue.put(None)
            thread.join()
        else:
            self._close_store()
        self._raise()

    def _run(self) -> None:
        try:
            while (frames := self._queue.get()) is not None:
                if not self._failed:
                    try:
                        self._write(frames)
                    except BaseException as err:  # noqa: BLE001 - raised in the caller's thread
                        self._error, self._failed = err, True
        finally:
            try:
                self._close_store()
            except BaseException as err:  # noqa: BLE001
                self._error = self._error or err

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _write(self, frames: list[tuple[pl.DataFrame, pl.DataFrame]]) -> None:
        import polars as pl

        from tracker.store import open_store

        articles = pl.concat([a for a, _ in frames], rechunk=False)
        claims = pl.concat([c for _, c in frames], rechunk=False)
        if self.store is None:
            self.store = open_store(self.db)
            # No row-group merging ("vacuum") in the checkpoint of each close: it rewrites the
            # small row groups written since in ever larger steps (up to a whole row group of
            # 122,880 articles), so the writer's memory and its close times grew with the
            # corpus (+200 MB and 4 s at ~96,000 articles). The row groups are merged once, by
            # the checkpoint after the corpus pass (``assign_quantities``).
            self.store.con.execute("SET max_vacuum_tasks = 0")
            self.opened = time.monotonic()
        try:
            counts = self.store.write_frames(articles, claims)  # a failed write is not retried
        finally:
            if time.monotonic() - self.opened >= HOLD_SECONDS:
                self._close_store()
        self.summary.new += counts.new
        self.summary.unchanged += counts.unchanged
        self.summary.claims += counts.claims

    def _close_store(self) -> None:
        if self.store is not None:
            store, self.store = self.store, None
            store.close()


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
