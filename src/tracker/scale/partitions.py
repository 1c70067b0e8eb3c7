"""One partition of an ingest: a list of files read and extracted together, on any machine.

``process_partition`` is what a Dask worker runs. It calls the same ``process_file`` as the
single-machine ingest and turns the articles into the exact storage rows
(``tracker.store.article_frames``). It either returns the frames (to be written to DuckDB by the
client) or writes them as Parquet partitions under ``out`` and returns only counts.

Parquet layout (``out`` is one folder per ingest)::

    out/articles/part-000000.parquet   the columns of the ``articles`` view
    out/claims/part-000000.parquet     the columns of the ``claims`` view, plus ``ordinal`` and
                                       ``sentence_start`` (so ``tracker load`` rebuilds the store)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import polars as pl

from tracker.ingest.records import Overrides
from tracker.models import Article
from tracker.store.frames import CLAIM_SCHEMA

ARTICLE_COLUMNS = (
    "article_id", "outlet", "url", "title", "published", "lang", "text", "ingested_at", "path",
)
# The claims view's columns (store.claims joined with its article: the base columns, the further
# stored claim fields such as attribution and meaning, the assignment's reason), then what only
# the store has.
_BASE_VIEW_COLUMNS = (
    "claim_id", "article_id", "outlet", "url", "title", "published", "lang", "low", "high",
    "kind", "approximate", "unit", "entity", "source", "hedged", "quote", "sentence", "start",
    "end", "quantity", "review", "extractor_version",
)
_STORE_ONLY = ("ordinal", "sentence_start")
CLAIM_COLUMNS = (
    _BASE_VIEW_COLUMNS
    + tuple(n for n in CLAIM_SCHEMA if n not in _BASE_VIEW_COLUMNS and n not in _STORE_ONLY)
    + ("reason",)
    + _STORE_ONLY
)
ARTICLE_METADATA = ("article_id", "outlet", "url", "title", "published", "lang")


@dataclass(slots=True)
class PartitionResult:
    """What a worker sends back. Errors travel as (source, reason): exceptions pickle badly."""

    index: int
    files: int = 0
    bytes: int = 0
    articles: pl.DataFrame | None = None
    claims: pl.DataFrame | None = None
    article_count: int = 0
    claim_count: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    repeats: int = 0  # copies of a text already seen earlier in this partition (dropped)


def partition_paths(paths: Iterable[Path | str], size: int) -> Iterator[list[str]]:
    """Consecutive chunks of ``size`` paths, in input order (the order decides which copy wins)."""
    iterator = iter(paths)
    while chunk := [str(p) for p in islice(iterator, size)]:
        yield chunk


def part_name(index: int) -> str:
    return f"part-{index:06d}.parquet"


def view_shaped_claims(articles: pl.DataFrame, claims: pl.DataFrame) -> pl.DataFrame:
    """Storage claim rows joined with their article's metadata, in the claims view's columns."""
    joined = claims.join(articles.select(ARTICLE_METADATA), on="article_id", how="left")
    return joined.with_columns(
        pl.lit(None, dtype=pl.String).alias("quantity"),
        pl.lit(None, dtype=pl.String).alias("review"),
        pl.lit(None, dtype=pl.String).alias("reason"),
    ).select(CLAIM_COLUMNS)


def write_parquet_partition(
    out: Path, index: int, articles: pl.DataFrame, claims: pl.DataFrame
) -> None:
    """Write atomically (temp name, then rename) so a crashed worker leaves no half file."""
    for table, frame in (
        ("articles", articles.select(ARTICLE_COLUMNS)),
        ("claims", view_shaped_claims(articles, claims)),
    ):
        folder = out / table
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / part_name(index)
        temp = folder / f".{part_name(index)}.{os.getpid()}.tmp"
        frame.write_parquet(temp, compression="zstd", statistics=True)
        os.replace(temp, final)


def _first_copy_only(articles: list[Article]) -> list[Article]:
    """Within a partition the first file with a given text wins, as in a sequential ingest."""
    seen: set[str] = set()
    unique = []
    for article in articles:
        if article.article_id not in seen:
            seen.add(article.article_id)
            unique.append(article)
    return unique


def process_partition(
    index: int, paths: list[str], overrides: Overrides | None = None, out: str | None = None
) -> PartitionResult:
    """Read and extract ``paths``; return frames, or write them to Parquet under ``out``."""
    from tracker.ingest import process_file
    from tracker.store import article_frames

    result = PartitionResult(index=index, files=len(paths))
    articles = []
    for path in paths:
        file_result = process_file(path, overrides or Overrides())
        result.bytes += _size(path)
        articles.extend(file_result.articles)
        result.errors.extend((err.source, err.reason) for err in file_result.errors)
    unique = _first_copy_only(articles)
    result.repeats = len(articles) - len(unique)
    articles = unique
    result.article_count = len(articles)
    result.claim_count = sum(len(a.claims) for a in articles)
    if not articles:
        return result
    article_df, claim_df = article_frames(articles)
    if out is None:
        result.articles, result.claims = article_df, claim_df
    else:
        write_parquet_partition(Path(out), index, article_df, claim_df)
    return result


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
