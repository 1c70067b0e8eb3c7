"""Every write to the store's tables. Other packages compute rows (polars frames, SELECT text) and
hand them to these functions; no other module holds INSERT/DELETE/CREATE TABLE.

Articles and claims go through ONE insert path (``_insert_new``): an article is stored once
(dedup by ``article_id`` against the table and within the input, the first copy in input order
wins), its claims come with it, in one transaction, and ``WriteCounts`` says what was stored.
Python rows (``write_frames``: ingest, the Dask writer) and Parquet partitions
(``load_parquet``: ``tracker load``) differ only in how they name their input relation.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from tracker.errors import InputError, StoreError
from tracker.store.connection import scalar
from tracker.store.frames import ARTICLE_SCHEMA, CLAIM_SCHEMA, review_frame


@dataclass(frozen=True, slots=True)
class WriteCounts:
    """What one write stored: new articles, articles already present (in the database or
    repeated in the input), new claims."""

    new: int = 0
    unchanged: int = 0
    claims: int = 0


def _columns(names: Any, alias: str) -> str:
    return ", ".join(f'{alias}."{name}"' for name in names)


def _insert_new(con: duckdb.DuckDBPyConnection, articles: str, claims: str,
                new_ids: str | None = None) -> tuple[int, int]:
    """Insert the articles of relation ``articles`` not stored yet and the rows of ``claims`` that
    belong to them; (new articles, new claims). ``articles`` has one row per article_id and
    ``claims`` one per claim_id. ``new_ids``: a table of the article_ids known to be new (the
    caller anti-joined them already), else worked out here. Runs inside the caller's
    transaction."""
    # Decided against store.articles before this batch lands.
    table = new_ids or "tracker_new_articles"
    if new_ids is None:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE tracker_new_articles AS SELECT article_id "
            f"FROM {articles} ANTI JOIN store.articles USING (article_id)"
        )
    new_claims = scalar(
        con,
        f"INSERT INTO store.claims BY NAME SELECT {_columns(CLAIM_SCHEMA, 'c')} "
        f"FROM {claims} c SEMI JOIN {table} USING (article_id)",
    )
    new_articles = scalar(
        con,
        f"INSERT INTO store.articles BY NAME SELECT {_columns(ARTICLE_SCHEMA, 'a')} "
        f"FROM {articles} a SEMI JOIN {table} USING (article_id)",
    )
    if new_ids is None:
        con.execute("DROP TABLE tracker_new_articles")
    return int(new_articles or 0), int(new_claims or 0)


def write_frames(
    con: duckdb.DuckDBPyConnection,
    articles: pl.DataFrame,
    claims: pl.DataFrame,
    *,
    path: Path | str = "the database",
) -> WriteCounts:
    """Store storage-shaped frames (``article_frames`` output) in ONE transaction: the articles
    not yet present and their claims. A failure stores nothing and raises a one-line
    ``StoreError`` naming ``path``."""
    offered = articles.height
    if not offered:
        return WriteCounts()
    # The same text twice in one batch is one article (claim ids derive from its id).
    articles = articles.unique("article_id", keep="first", maintain_order=True)
    claims = claims.unique("claim_id", keep="first", maintain_order=True)
    # Registered under their own names: a replacement scan of "claims" would find the view.
    con.register("tracker_incoming_articles", articles.to_arrow())
    con.register("tracker_incoming_claims", claims.to_arrow())
    try:
        with _transaction(con):
            new, new_claims = _insert_new(con, "tracker_incoming_articles",
                                          "tracker_incoming_claims")
    except duckdb.Error as err:  # disk full, read-only file, a broken row
        raise StoreError(f"{path}: writing a batch failed, nothing of it was stored "
                         f"({_first_line(err)})") from err
    finally:
        con.unregister("tracker_incoming_articles")
        con.unregister("tracker_incoming_claims")
    return WriteCounts(new=new, unchanged=offered - new, claims=new_claims)


def load_parquet(
    con: duckdb.DuckDBPyConnection, folder: Path | str, articles_glob: str, claims_glob: str
) -> WriteCounts:
    """Load Parquet partitions (``articles_glob``, ``claims_glob``: read_parquet globs) through
    the same insert path, in one transaction. An article in several partitions is taken from the
    first partition (by file name, i.e. input order), and its claims from that same partition.
    A partition DuckDB cannot read raises a one-line ``InputError`` naming ``folder``."""
    try:
        with _bulk_settings(con), _transaction(con):
            return _load_parquet(con, articles_glob, claims_glob)
    except duckdb.Error as err:
        raise InputError(str(folder), "cannot load the Parquet partitions: "
                                      f"{_first_line(err)}") from err


def _load_parquet(con: duckdb.DuckDBPyConnection, articles_glob: str, claims_glob: str
                  ) -> WriteCounts:
    # One pass over the article ids of every partition (a few MB): everything else about which
    # rows to take is worked out from it.
    con.execute(
        "CREATE OR REPLACE TEMP TABLE tracker_load_ids AS "
        "SELECT article_id, parse_filename(filename) AS part, file_row_number AS row "
        f"FROM read_parquet('{articles_glob}', filename = true, file_row_number = true)"
    )
    # The first copy of each new article, by (partition file name, row): input order.
    con.execute(
        "CREATE OR REPLACE TEMP TABLE tracker_load_pick AS SELECT article_id, part, row "
        "FROM tracker_load_ids ANTI JOIN store.articles USING (article_id) "
        "QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY part, row) = 1"
    )
    total, picked, repeated = con.execute(
        "SELECT count(*), (SELECT count(*) FROM tracker_load_pick), "
        "count(*) - count(DISTINCT (article_id, part)) FROM tracker_load_ids"
    ).fetchall()[0]
    if picked == total:
        # Every row is new and comes once (a fresh load of `ingest --out` partitions): the
        # rows go in as they are, without joining a million claims against the pick.
        new, new_claims = _insert_all(con, articles_glob, claims_glob)
    else:
        new, new_claims = _insert_picked(con, articles_glob, claims_glob, bool(repeated))
    con.execute("DROP TABLE tracker_load_pick")
    con.execute("DROP TABLE tracker_load_ids")
    return WriteCounts(new=new, unchanged=int(total) - new, claims=new_claims)


def _insert_all(con: duckdb.DuckDBPyConnection, articles_glob: str, claims_glob: str
                ) -> tuple[int, int]:
    new_claims = scalar(
        con, f"INSERT INTO store.claims BY NAME SELECT {_columns(CLAIM_SCHEMA, 'c')} "
             f"FROM read_parquet('{claims_glob}') c")
    new = scalar(
        con, f"INSERT INTO store.articles BY NAME SELECT {_columns(ARTICLE_SCHEMA, 'a')} "
             f"FROM read_parquet('{articles_glob}') a")
    return int(new or 0), int(new_claims or 0)


def _insert_picked(con: duckdb.DuckDBPyConnection, articles_glob: str, claims_glob: str,
                   repeated: bool) -> tuple[int, int]:
    articles = (
        f"(SELECT {_columns(ARTICLE_SCHEMA, 'a')} "
        f"FROM read_parquet('{articles_glob}', filename = true, file_row_number = true) a "
        "SEMI JOIN tracker_load_pick p ON a.article_id = p.article_id "
        "AND parse_filename(a.filename) = p.part AND a.file_row_number = p.row)"
    )
    # A partition from `ingest --dask --out` holds each text once; one written otherwise may
    # repeat an article (and so its claims) inside a partition. Checking the article ids is
    # cheap; deduplicating claim rows (a window over every column) doubles the load: only then.
    once = " QUALIFY row_number() OVER (PARTITION BY c.claim_id) = 1" if repeated else ""
    claims = (
        f"(SELECT {_columns(CLAIM_SCHEMA, 'c')} "
        f"FROM read_parquet('{claims_glob}', filename = true) c "
        "SEMI JOIN tracker_load_pick p ON c.article_id = p.article_id "
        f"AND parse_filename(c.filename) = p.part{once})"
    )
    # tracker_load_pick holds only articles not stored yet: no second anti-join.
    return _insert_new(con, articles, claims, new_ids="tracker_load_pick")


@contextmanager
def _bulk_settings(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Row order in the tables is not part of the interface: letting DuckDB insert in parallel
    halves the time of a million-row load. No progress bar: the CLI owns the terminal."""
    settings = {"preserve_insertion_order": "false", "enable_progress_bar": "false"}
    before = {name: scalar(con, f"SELECT current_setting('{name}')") for name in settings}
    for name, value in settings.items():
        con.execute(f"SET {name} = {value}")
    try:
        yield
    finally:
        for name, value in before.items():
            con.execute(f"SET {name} = {bool(value)}")


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.begin()
    try:
        yield
        con.commit()
    except BaseException:
        con.rollback()
        raise


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def write_reviews(con: duckdb.DuckDBPyConnection, reviews: Sequence[dict[str, Any]]) -> int:
    """Append reviews (dicts by column of store.reviews; a missing column is NULL) in one
    statement; returns how many were stored. A review never changes a claim."""
    if not reviews:
        return 0
    con.register("tracker_incoming_reviews", review_frame(list(reviews)).to_arrow())
    try:
        return int(scalar(con, "INSERT INTO store.reviews BY NAME "
                               "SELECT * FROM tracker_incoming_reviews") or 0)
    finally:
        con.unregister("tracker_incoming_reviews")


@dataclass(frozen=True, slots=True)
class SummaryQueries:
    """The SELECTs (computed in tracker.aggregate.summary) whose rows make the summary tables,
    run in this order: ``claims`` -> store.quantity_claims, then ``meta`` (one row) ->
    store.quantity_claims_meta, then ``overview`` -> store.quantity_overview (it may read the
    new store.quantity_claims)."""

    claims: str
    meta: str
    overview: str


def replace_assignments(
    con: duckdb.DuckDBPyConnection,
    rows_sql: str | None,
    params: Sequence[Any] = (),
    *,
    summary: SummaryQueries | None = None,
) -> int:
    """Rewrite store.assignments with the (claim_id, quantity) rows of ``rows_sql`` (None: no
    assignments) and then the summary tables, in one transaction; returns how many claims
    have a quantity."""
    with _transaction(con):
        con.execute("DELETE FROM store.assignments")
        if rows_sql:
            con.execute(f"INSERT INTO store.assignments BY NAME {rows_sql}", list(params))
        count = scalar(con, "SELECT count(*) FROM store.assignments")
        if summary is not None:
            _replace_summaries(con, summary)
    return int(count)


def replace_summaries(con: duckdb.DuckDBPyConnection, summary: SummaryQueries) -> None:
    """Rewrite the summary tables from ``summary``, in one transaction."""
    with _transaction(con):
        _replace_summaries(con, summary)


def _replace_summaries(con: duckdb.DuckDBPyConnection, summary: SummaryQueries) -> None:
    for table, sql in (("quantity_claims", summary.claims),
                       ("quantity_claims_meta", summary.meta),
                       ("quantity_overview", summary.overview)):
        con.execute(f"DELETE FROM store.{table}")
        con.execute(f"INSERT INTO store.{table} BY NAME {sql}")


def add_summary_rows(con: duckdb.DuckDBPyConnection, rows_sql: str, params: Sequence[Any] = ()
                     ) -> None:
    """Append the rows of ``rows_sql`` to store.quantity_claims (a newly reviewed claim)."""
    con.execute(f"INSERT INTO store.quantity_claims BY NAME {rows_sql}", list(params))


CLAIMANT_GROUP_COLUMNS = ("claimant", "canonical", "label")
CLAIMANT_EDIT_COLUMNS = ("edit_id", "action", "claimant", "target", "name", "note", "edited_at")


def replace_claimant_groups(con: duckdb.DuckDBPyConnection, rows: pl.DataFrame) -> int:
    """Rewrite store.claimant_groups with ``rows`` (columns claimant, canonical, label; one row
    per claimant key) in one transaction; returns how many rows were stored. The rows are
    computed by tracker.aggregate.claimants (the corpus pass)."""
    frame = rows.select(
        [pl.col(name).cast(pl.String) for name in CLAIMANT_GROUP_COLUMNS]
    ) if rows.width else pl.DataFrame(schema=dict.fromkeys(CLAIMANT_GROUP_COLUMNS, pl.String))
    if frame["claimant"].is_duplicated().any():
        raise StoreError("claimant groups: a claimant key appears twice (nothing was stored)")
    con.register("tracker_incoming_groups", frame.to_arrow())
    try:
        with _transaction(con):
            con.execute("DELETE FROM store.claimant_groups")
            con.execute("INSERT INTO store.claimant_groups BY NAME "
                        "SELECT * FROM tracker_incoming_groups")
    finally:
        con.unregister("tracker_incoming_groups")
    return frame.height


def write_claimant_edits(
    con: duckdb.DuckDBPyConnection, edits: Sequence[dict[str, Any]]
) -> int:
    """Append reviewer edits of claimants (dicts by column of store.claimant_edits; a missing
    column is NULL) in one statement; returns how many were stored. Edits are never changed:
    a later row undoes or overrides an earlier one."""
    if not edits:
        return 0
    schema = {name: pl.String for name in CLAIMANT_EDIT_COLUMNS} | {"edited_at": pl.Datetime("us")}
    frame = pl.DataFrame([{k: e.get(k) for k in CLAIMANT_EDIT_COLUMNS} for e in edits],
                         schema=schema)
    con.register("tracker_incoming_edits", frame.to_arrow())
    try:
        return int(scalar(con, "INSERT INTO store.claimant_edits BY NAME "
                               "SELECT * FROM tracker_incoming_edits") or 0)
    finally:
        con.unregister("tracker_incoming_edits")


def replace_quantity_overview(con: duckdb.DuckDBPyConnection, rows_sql: str) -> None:
    """Rewrite store.quantity_overview from ``rows_sql`` in one transaction (after claimants
    were merged or split: the independent voices changed, the claims did not)."""
    with _transaction(con):
        con.execute("DELETE FROM store.quantity_overview")
        con.execute(f"INSERT INTO store.quantity_overview BY NAME {rows_sql}")
