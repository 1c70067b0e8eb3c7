"""Bulk writes that bypass Python rows: result frames of Dask partitions, and Parquet partitions.

Both keep the store's contract: an article is stored once (dedup by ``article_id`` against the
table and within the input, the first copy in input order wins) and its claims come with it, in
one transaction. Loading is idempotent: loading the same folder twice adds nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from tracker.errors import InputError

STORE_ARTICLE_COLUMNS = (
    "article_id", "outlet", "url", "title", "published", "lang", "text", "path", "ingested_at",
)
STORE_CLAIM_COLUMNS = (
    "claim_id", "article_id", "ordinal", "quote", "start", "end", "low", "high", "kind",
    "approximate", "unit", "entity", "source", "hedged", "sentence", "sentence_start",
    "extractor_version",
)


@dataclass(frozen=True, slots=True)
class LoadCounts:
    articles: int  # new articles stored
    claims: int  # new claims stored
    unchanged: int  # articles already in the database (or repeated in the input)


def _columns(names: tuple[str, ...], alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return ", ".join(f'{prefix}"{name}"' for name in names)


def insert_frames(
    con: duckdb.DuckDBPyConnection, articles: pl.DataFrame, claims: pl.DataFrame
) -> LoadCounts:
    """Insert storage-shaped frames (``article_frames`` output) in one transaction."""
    offered = articles.height
    articles = articles.unique("article_id", keep="first", maintain_order=True)
    claims = claims.unique("claim_id", keep="first", maintain_order=True)
    # Registered under their own names: a replacement scan of "claims" would find the view.
    con.register("scale_incoming_articles", articles.to_arrow())
    con.register("scale_incoming_claims", claims.to_arrow())
    con.begin()
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE scale_new_ids AS SELECT article_id "
            "FROM scale_incoming_articles ANTI JOIN store.articles USING (article_id)"
        )
        new_articles = con.execute(
            f"INSERT INTO store.articles BY NAME SELECT {_columns(STORE_ARTICLE_COLUMNS, 'a')} "
            "FROM scale_incoming_articles a SEMI JOIN scale_new_ids USING (article_id)"
        ).fetchone()[0]
        new_claims = con.execute(
            f"INSERT INTO store.claims BY NAME SELECT {_columns(STORE_CLAIM_COLUMNS, 'c')} "
            "FROM scale_incoming_claims c SEMI JOIN scale_new_ids USING (article_id)"
        ).fetchone()[0]
        con.execute("DROP TABLE scale_new_ids")
        con.commit()
    except BaseException:
        con.rollback()
        raise
    finally:
        con.unregister("scale_incoming_articles")
        con.unregister("scale_incoming_claims")
    return LoadCounts(new_articles, new_claims, offered - new_articles)


def partition_globs(folder: str | Path) -> tuple[str, str]:
    """The read_parquet globs of ``folder``'s articles and claims; InputError if there are none."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(str(folder), "is not a folder of Parquet partitions")
    return _parquet_glob(folder, "articles"), _parquet_glob(folder, "claims")


def _parquet_glob(folder: Path, table: str) -> str:
    files = sorted((folder / table).glob("*.parquet"))
    if not files:
        raise InputError(
            str(folder), f"no Parquet partitions in {table}/ (expected {table}/part-*.parquet)"
        )
    return str(folder / table / "*.parquet").replace("'", "''")


def load_parquet(con: duckdb.DuckDBPyConnection, folder: str | Path) -> LoadCounts:
    """Load ``folder/articles/*.parquet`` and ``folder/claims/*.parquet`` into the store.

    Articles already stored are skipped; an article in several partitions is taken from the
    first partition (by file name, i.e. input order), and its claims from that same partition.
    """
    folder = Path(folder)
    articles_glob, claims_glob = partition_globs(folder)
    with _bulk_settings(con):
        return _load(con, folder, articles_glob, claims_glob)


@contextmanager
def _bulk_settings(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Row order in the tables is not part of the interface: letting DuckDB insert in parallel
    halves the time of a million-row load. No progress bar: the CLI owns the terminal."""
    settings = {"preserve_insertion_order": "false", "enable_progress_bar": "false"}
    before = {
        name: con.execute(f"SELECT current_setting('{name}')").fetchall()[0][0]
        for name in settings
    }
    for name, value in settings.items():
        con.execute(f"SET {name} = {value}")
    try:
        yield
    finally:
        for name, value in before.items():
            con.execute(f"SET {name} = {bool(value)}")


def _load(
    con: duckdb.DuckDBPyConnection, folder: Path, articles_glob: str, claims_glob: str
) -> LoadCounts:
    con.begin()
    try:
        counts = _load_in_transaction(con, articles_glob, claims_glob)
        con.commit()
    except duckdb.Error as err:
        con.rollback()
        reason = str(err).splitlines()[0]
        raise InputError(str(folder), f"cannot load the Parquet partitions: {reason}") from err
    except BaseException:
        con.rollback()
        raise
    return counts


def _load_in_transaction(
    con: duckdb.DuckDBPyConnection, articles_glob: str, claims_glob: str
) -> LoadCounts:
    # The first copy of each new article, by (partition file name, row): input order.
    con.execute(
        "CREATE OR REPLACE TEMP TABLE load_pick AS "
        "SELECT article_id, parse_filename(filename) AS part, file_row_number AS row "
        f"FROM read_parquet('{articles_glob}', filename = true, file_row_number = true) "
        "ANTI JOIN store.articles USING (article_id) "
        "QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY filename, file_row_number) = 1"
    )
    total = con.execute(f"SELECT count(*) FROM read_parquet('{articles_glob}')").fetchone()[0]
    new_articles = con.execute(
        f"INSERT INTO store.articles BY NAME SELECT {_columns(STORE_ARTICLE_COLUMNS, 'a')} "
        f"FROM read_parquet('{articles_glob}', filename = true, file_row_number = true) a "
        "SEMI JOIN load_pick p ON a.article_id = p.article_id "
        "AND parse_filename(a.filename) = p.part AND a.file_row_number = p.row"
    ).fetchone()[0]
    picked_claims = (
        f"FROM read_parquet('{claims_glob}', filename = true) c "
        "SEMI JOIN load_pick p ON c.article_id = p.article_id "
        "AND parse_filename(c.filename) = p.part"
    )
    # A partition from `ingest --dask --out` holds each text once; one written otherwise may
    # repeat an article (and so its claims) inside a partition. Checking the article ids is
    # cheap; deduplicating claim rows (a window over every column) doubles the load: only then.
    [(repeated,)] = con.execute(
        "SELECT count(*) - count(DISTINCT (article_id, parse_filename(filename))) "
        f"FROM read_parquet('{articles_glob}', filename = true)"
    ).fetchall()
    once = " QUALIFY row_number() OVER (PARTITION BY c.claim_id) = 1" if repeated else ""
    new_claims = con.execute(
        f"INSERT INTO store.claims BY NAME SELECT {_columns(STORE_CLAIM_COLUMNS, 'c')} "
        f"{picked_claims}{once}"
    ).fetchone()[0]
    con.execute("DROP TABLE load_pick")
    return LoadCounts(new_articles, new_claims, total - new_articles)


def load_partitions(folder: str | Path, db: str | Path | None = None) -> LoadCounts:
    """Open the database (``--db``/$TRACKER_DB/default) and load ``folder`` into it."""
    from tracker.store import open_store

    partition_globs(folder)  # refuse a wrong folder before creating a database
    with open_store(db) as store:
        counts = load_parquet(store.con, folder)
        if counts.articles:
            assign_quantities(store.con)
    return counts


def assign_quantities(con: duckdb.DuckDBPyConnection) -> None:
    """As ``tracker ingest`` does: (re)assign claims to tracked quantities when available."""
    try:
        from tracker.aggregate.quantities import assign_all
    except ImportError:
        return
    assign_all(con)
