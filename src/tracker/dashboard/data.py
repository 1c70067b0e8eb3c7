"""Data loaders for the dashboard: short read-only DuckDB sessions, filtering in SQL.

Every loader opens the database read-only, runs parameterised SQL and closes it again, so the
dashboard never holds the file while idle and ``tracker ingest`` can write in between.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from tracker.aggregate import compare as comparison
from tracker.aggregate.compare import (
    CLAIM_COLUMNS,
    CLAIMANT_LABELS,
    NO_FILTERS,
    Filters,
    Hedged,
    claim_texts,
    claims_relation,
    filter_sql,
    quantity_claims,
)
from tracker.aggregate.quantities import QuantityConfig, load_quantities
from tracker.aggregate.suggest import Group, discover, load_untracked
from tracker.aggregate.summary import (
    OVERVIEW,
    OVERVIEW_ORDER,
    OVERVIEW_SQL,
    stored_overview_is_fresh,
)
from tracker.errors import StoreError
from tracker.store import StoreBusyError, open_store

LOCK_TIMEOUT = 1.0  # seconds a page waits for a writer before asking to refresh
SUGGEST_ROWS = 50_000  # untracked claims sampled for suggestions (the groups stay the same)


def db_signature(db: Path) -> tuple[str, int, int, int] | None:
    """Identifies a database version for caching: path, size and mtime (with its WAL), or None."""
    if not db.is_file():
        return None
    wal = db.with_name(db.name + ".wal")
    stats = [p.stat() for p in (db, wal) if p.exists()]
    size = sum(s.st_size for s in stats)
    return (str(db.resolve()), size, max(s.st_mtime_ns for s in stats), len(stats))


@contextmanager
def read_only(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection through ``open_store`` (its retry policy and schema-version check),
    waiting at most LOCK_TIMEOUT seconds for a writer: a page asks to refresh rather than hang."""
    try:
        store = open_store(db, read_only=True, lock_timeout=LOCK_TIMEOUT)
    except StoreBusyError:
        raise StoreError(
            f"{db}: another process (tracker ingest?) is writing; refresh in a moment"
        ) from None
    with store:
        yield store.con


def has_claims_view(con: duckdb.DuckDBPyConnection) -> bool:
    # fetchall, not fetchone: DuckDB 2 keeps a half-read result open and blocks the connection.
    [(found,)] = con.execute(
        "SELECT count(*) FROM duckdb_views() WHERE view_name = 'claims' AND schema_name = 'main'"
    ).fetchall()
    return bool(found)


def load_overview(db: Path) -> pl.DataFrame:
    """Per quantity: claims, independent voices (source, else outlet), outlets; empty if none."""
    with read_only(db) as con:
        return overview_of(con)


def overview_of(con: duckdb.DuckDBPyConnection, relation: str | None = None) -> pl.DataFrame:
    """``load_overview`` on an open connection (``relation``: its ``claims_relation``)."""
    if not has_claims_view(con):
        return pl.DataFrame()
    if stored_overview_is_fresh(con):  # made by the last assignment
        return con.sql(f"SELECT * FROM {OVERVIEW} {OVERVIEW_ORDER}").pl()
    overview = OVERVIEW_SQL.format(relation=relation or claims_relation(con))
    return con.sql(f"{overview} {OVERVIEW_ORDER}").pl()


@dataclass(frozen=True)
class StoreFacts:
    """What every page needs of one database version, read in one session: the tracked
    quantities, the overview and where claims are read from (``claims_relation``: the summary
    while it is fresh), so that later loads skip the freshness checks."""

    config: QuantityConfig
    overview: pl.DataFrame
    relation: str
    state: tuple | None = None  # ``version_state`` they were read at


def load_store(db: Path) -> StoreFacts:
    """``StoreFacts`` of ``db`` (one read-only session instead of one per fact)."""
    from tracker.aggregate.tracking import database_config

    with read_only(db) as con:
        relation = claims_relation(con) if has_claims_view(con) else "claims"
        return StoreFacts(database_config(con), overview_of(con, relation), relation,
                          version_state(con, relation))


def count_claims(db: Path) -> int:
    with read_only(db) as con:
        if not has_claims_view(con):
            return 0
        [(count,)] = con.execute("SELECT count(*) FROM claims").fetchall()
        return int(count)


def load_filter_options(db: Path, quantity: str) -> dict[str, Any]:
    """Outlets, languages, the date range and the commonest language (the default number
    format) of one quantity, from one scan of its claims."""
    with read_only(db) as con:
        [(outlets, langs, first, last, commonest)] = con.execute(
            "WITH x AS MATERIALIZED (SELECT outlet, lang, published"
            f" FROM {claims_relation(con)} WHERE quantity = ?)"
            " SELECT (SELECT list_sort(list(DISTINCT outlet) FILTER (outlet IS NOT NULL))"
            " FROM x), (SELECT list_sort(list(DISTINCT lang)) FROM x),"
            " (SELECT min(published) FROM x), (SELECT max(published) FROM x),"
            " (SELECT lang FROM x GROUP BY lang ORDER BY count(*) DESC, lang LIMIT 1)",
            [quantity],
        ).fetchall()
    return {"outlets": outlets or [], "langs": langs or [], "first": first, "last": last,
            "commonest_lang": commonest}


def is_complete(claims: pl.DataFrame) -> bool:
    """True when ``claims`` (``load_quantity_claims`` without filters) holds every claim of its
    quantity: fewer than ``MAX_ROWS``, so nothing was cut and a filter may run on it."""
    return claims.height < comparison.MAX_ROWS


def filter_claims(claims: pl.DataFrame, filters: Filters) -> pl.DataFrame:
    """``filters`` applied to a quantity's complete claims in polars: the same rows, in the same
    order, as ``load_quantity_claims`` with them (``filter_sql``: a NULL never matches), without
    reading the database again."""
    kept = []
    if filters.date_from:
        kept.append(pl.col("published") >= filters.date_from)
    if filters.date_to:
        kept.append(pl.col("published") <= filters.date_to)
    if filters.langs:
        kept.append(pl.col("lang").is_in(list(filters.langs)))
    if filters.outlets:
        kept.append(pl.col("outlet").is_in(list(filters.outlets)))
    if filters.hedged == Hedged.ONLY:
        kept.append(pl.col("hedged"))
    elif filters.hedged == Hedged.EXCLUDE:
        kept.append(~pl.col("hedged"))
    # a NULL condition drops the row, as a NULL in SQL's WHERE does
    return claims.filter(pl.all_horizontal(kept).fill_null(False)) if kept else claims


def filter_options(claims: pl.DataFrame) -> dict[str, Any]:
    """``load_filter_options`` from a quantity's complete claims (``is_complete``), in polars."""
    if claims.is_empty():
        return {"outlets": [], "langs": [], "first": None, "last": None,
                "commonest_lang": None}
    commonest = (claims.group_by("lang").agg(n=pl.len())
                 .sort(["n", "lang"], descending=[True, False], nulls_last=True))
    return {
        "outlets": claims["outlet"].drop_nulls().unique().sort().to_list(),
        "langs": claims["lang"].unique().sort(nulls_last=True).to_list(),
        "first": claims["published"].min(), "last": claims["published"].max(),
        "commonest_lang": commonest["lang"][0],
    }


def undated_left_out(claims: pl.DataFrame, filters: Filters) -> int:
    """``count_undated_left_out`` from a quantity's complete claims."""
    if not (filters.date_from or filters.date_to):
        return 0
    undated = Filters(None, None, filters.langs, filters.outlets, filters.hedged)
    return filter_claims(claims, undated)["published"].null_count()


def load_quantity_claims(db: Path, quantity: str, filters: Filters = NO_FILTERS, *,
                         texts: bool = True, relation: str | None = None) -> pl.DataFrame:
    """One quantity's claims under the SQL-side filters (see ``tracker.aggregate.compare``);
    ``texts=False`` without the long text columns (the page reads them per shown row);
    ``relation``: the database version's ``claims_relation`` if known (``StoreFacts``)."""
    with read_only(db) as con:
        return quantity_claims(con, quantity, filters, texts=texts, relation=relation)


# Everything a quantity's claims depend on besides the reviews (claims and articles are only
# ever added; assignments, claimant groups, corrections and definitions are summed up): while it
# holds, two versions of the file differ in the reviewed claims' rows only.
_BASIS = """
    SELECT (SELECT max(version) FROM store.schema_version),
           (SELECT count(*) FROM store.claims), (SELECT count(*) FROM store.articles),
           (SELECT count(*) || ':' || coalesce(sum(hash(claim_id, quantity, reason)), 0)
            FROM store.assignments),
           (SELECT count(*) || ':' || coalesce(sum(hash(claimant, canonical, label)), 0)
            FROM store.claimant_groups),
           (SELECT count(*) || ':' || coalesce(max(corrected_at)::VARCHAR, '')
            FROM store.article_corrections),
           (SELECT count(*) || ':' || coalesce(max(defined_at)::VARCHAR, '')
            FROM store.quantity_defs)
"""


def _basis(con: duckdb.DuckDBPyConnection, relation: str) -> tuple | None:
    try:
        [row] = con.execute(_BASIS).fetchall()
    except duckdb.Error:  # an older file without some of these tables: never patched
        return None
    return (relation, *row)


@dataclass(frozen=True)
class QuantityRead:
    """A quantity's claims (``load_quantity_claims`` without filters and texts) and the basis
    they were read on (``_BASIS``), so that after a review they can be patched instead of
    read again (``patch_reviewed``)."""

    claims: pl.DataFrame
    basis: tuple | None
    reviews: tuple | None = None  # count and newest time of the reviews read with them

    @property
    def state(self) -> tuple | None:
        """``version_state`` the claims were read at."""
        return None if self.basis is None else (self.basis, self.reviews)


def _reviews(con: duckdb.DuckDBPyConnection) -> tuple | None:
    try:
        [row] = con.execute("SELECT count(*), max(reviewed_at) FROM store.reviews").fetchall()
    except duckdb.Error:
        return None
    return tuple(row)


def version_state(con: duckdb.DuckDBPyConnection, relation: str) -> tuple | None:
    """What a quantity's claims depend on, reviews included (``_BASIS`` and the reviews'
    count and newest time): two reads at one state are the same. None for an older file."""
    basis = _basis(con, relation)
    return None if basis is None else (basis, _reviews(con))


def read_quantity(db: Path, quantity: str, relation: str | None = None) -> QuantityRead:
    """``load_quantity_claims(texts=False)`` and its basis, in one session."""
    with read_only(db) as con:
        relation = relation or claims_relation(con)
        claims = quantity_claims(con, quantity, texts=False, relation=relation)
        return QuantityRead(claims, _basis(con, relation), _reviews(con))


def patch_reviewed(db: Path, quantity: str, earlier: QuantityRead,
                   relation: str | None = None) -> QuantityRead | None:
    """``earlier`` brought up to date when only reviews were added since it was read: every
    reviewed claim's row read again (a review may change its values or move it to another
    quantity), the others kept; the same rows and order as ``read_quantity``. None when
    anything else changed (then read it all again), or when ``earlier`` was cut at
    ``MAX_ROWS``."""
    if earlier.basis is None or not is_complete(earlier.claims):
        return None
    with read_only(db) as con:
        relation = relation or claims_relation(con)
        basis = _basis(con, relation)
        if basis != earlier.basis:
            return None
        reviewed = con.sql(
            f"SELECT x.*, l.claimant_label FROM (SELECT {comparison._columns(False, relation)}"
            f" FROM {relation} WHERE quantity = ? AND claim_id IN"
            " (SELECT claim_id FROM store.reviews)) x"
            f" LEFT JOIN ({CLAIMANT_LABELS}) l USING (claimant)", params=[quantity]).pl()
        ids = con.sql("SELECT DISTINCT claim_id FROM store.reviews").pl()["claim_id"]
        reviews = _reviews(con)
    kept = earlier.claims.filter(~pl.col("claim_id").is_in(ids.implode()))
    try:
        claims = pl.concat([kept, reviewed.select(kept.columns)])
    except (pl.exceptions.PolarsError, pl.exceptions.ColumnNotFoundError):
        return None  # a column read with another type: read it all again
    claims = claims.sort(["published", "claim_id"], descending=[True, False], nulls_last=True)
    return QuantityRead(claims, basis, reviews) if is_complete(claims) else None


class ReviewRead:
    """One review's reads in its write session (``curate.ReviewWatch``): the version state
    before and after, the claim's quantity before, its row after (every column, as
    ``claim_row``) and its reviews after. What a page kept at the state before is patched with them
    (``patch_claim``, ``patch_overview``) instead of read again; the detail panel shows
    ``detail``."""

    def __init__(self, claim_id: str, relation: str) -> None:
        self.claim_id = claim_id
        self.relation = relation  # the page's ``claims_relation``
        self.state_before: tuple | None = None
        self.state_after: tuple | None = None
        self.quantity_before: str | None = None
        self.row = pl.DataFrame()
        self.reviews = pl.DataFrame()
        self.usable = False  # the row found in ``relation``, both states known

    def before(self, con: duckdb.DuckDBPyConnection) -> None:
        # The page's relation holds while the state is the one the page read at: the basis
        # counts what the summary's freshness depends on, and no review came since.
        self.state_before = version_state(con, self.relation)
        rows = con.execute(f"SELECT quantity FROM {self.relation} WHERE claim_id = ?",
                           [self.claim_id]).fetchall()
        self.quantity_before = rows[0][0] if rows else None
        self.usable = self.state_before is not None

    def after(self, con: duckdb.DuckDBPyConnection) -> None:
        from tracker.aggregate.review import review_history

        if self.state_before is None:
            return
        # a review adds a review row and keeps the claim in the summary: the basis holds
        self.state_after = (self.state_before[0], _reviews(con))
        self.row, found = claim_frame(con, self.claim_id, self.relation)
        self.reviews = review_history(con, self.claim_id)
        self.usable = self.usable and found == self.relation

    @property
    def detail(self) -> tuple[dict[str, Any] | None, pl.DataFrame]:
        """What ``load_claim_detail`` gives after the review."""
        return (self.row.row(0, named=True) if self.row.height else None), self.reviews

    def quantities(self) -> set[str]:
        """The claim's quantity before and after (the overview rows it may change)."""
        after = self.row["quantity"].to_list() if self.row.height else []
        return {q for q in (self.quantity_before, *after) if q is not None}


def patch_claim(earlier: QuantityRead, quantity: str, review: ReviewRead
                ) -> QuantityRead | None:
    """``earlier`` (read at the review's state before) with the reviewed claim's row replaced:
    the same rows and order as ``read_quantity`` after the review, without reading. ``earlier``
    itself when it was read after the review; None when it was read at another state or cut
    at ``MAX_ROWS``."""
    if not review.usable or earlier.state is None or not is_complete(earlier.claims):
        return None
    if earlier.state == review.state_after:
        return earlier
    if earlier.state != review.state_before:
        return None
    claims = earlier.claims
    row = review.row.filter(pl.col("quantity") == quantity)
    try:
        row = row.select(claims.columns)
        if row.schema != claims.schema:
            return None
    except pl.exceptions.PolarsError:
        return None
    at = claims.get_column("claim_id").eq(review.claim_id).arg_true()
    if at.len() == 1 and row.height:  # in place: a review keeps the date and the id
        i = at[0]
        claims = pl.concat([claims.slice(0, i), row, claims.slice(i + 1)])
    else:
        claims = pl.concat([claims.filter(pl.col("claim_id") != review.claim_id), row])
        claims = claims.sort(["published", "claim_id"], descending=[True, False],
                             nulls_last=True)
    basis, reviews = review.state_after
    read = QuantityRead(claims, basis, reviews)
    return read if is_complete(claims) else None


def overview_rows(claims: pl.DataFrame) -> pl.DataFrame:
    """``OVERVIEW_SQL`` over one quantity's complete claims, in polars (no row without
    claims)."""
    live = claims.filter(pl.col("quantity").is_not_null()
                         & (pl.col("review").fill_null("") != "wrong"))
    voice = pl.coalesce("claimant", "source", pl.col("outlet") + " (own figure)")
    return live.group_by("quantity").agg(
        claims=pl.len().cast(pl.Int64),
        voices=voice.drop_nulls().n_unique().cast(pl.Int64),
        outlets=pl.col("outlet").drop_nulls().n_unique().cast(pl.Int64),
    )


def patch_overview(overview: pl.DataFrame, claims: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """``overview`` with the rows of the quantities in ``claims`` (their complete claims)
    counted again, in the overview's order."""
    kept = overview.filter(~pl.col("quantity").is_in(list(claims)))
    counted = [overview_rows(c).select(overview.columns) for c in claims.values()]
    return pl.concat([kept, *counted]).sort(["voices", "claims", "quantity"],
                                            descending=[True, True, False])


def load_claim_texts(db: Path, claim_ids: list[str], relation: str | None = None
                     ) -> pl.DataFrame:
    """Sentence, title and entity of some claims (the rows a page shows, or an export)."""
    with read_only(db) as con:
        return claim_texts(con, claim_ids, relation=relation)


def load_suggestions(db: Path, min_claims: int = 3) -> list[Group]:
    """Groups of claims no quantity takes, by meaning (see ``tracker.aggregate.suggest``)."""
    with read_only(db) as con:
        if not has_claims_view(con):
            return []
        untracked = load_untracked(con, limit=SUGGEST_ROWS)
    return discover(untracked, min_claims)


def load_config(db: Path) -> QuantityConfig:
    """The tracked quantities: the database's (``store.quantity_defs``), else the file's."""
    from tracker.aggregate.tracking import database_config

    if not db.is_file():
        return load_quantities()
    with read_only(db) as con:
        return database_config(con)


def load_claimants(db: Path) -> pl.DataFrame:
    """The ``claimants`` view, most claims first (empty for a file without it)."""
    from tracker.aggregate.claimants import claimant_table

    with read_only(db) as con:
        [(found,)] = con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = "
                                 "'claimants' AND schema_name = 'main'").fetchall()
        return claimant_table(con) if found else pl.DataFrame()


ENTITY_ROWS = 5000  # claims drawn on a claimant's or outlet's page, newest first


def count_undated_left_out(db: Path, quantity: str, filters: Filters) -> int:
    """How many undated claims of ``quantity`` the date filters leave out (0 without them)."""
    if not (filters.date_from or filters.date_to):
        return 0
    undated = Filters(None, None, filters.langs, filters.outlets, filters.hedged)
    where, params = filter_sql(quantity, undated)
    with read_only(db) as con:
        [(count,)] = con.execute(
            f"SELECT count(*) FROM {claims_relation(con)} WHERE {where} AND published IS NULL",
            params,
        ).fetchall()
    return int(count)


def load_claim(db: Path, claim_id: str) -> dict[str, Any] | None:
    """One claim with its claimant's label, or None (see ``claim_row``)."""
    with read_only(db) as con:
        return claim_row(con, claim_id)


def claim_row(con: duckdb.DuckDBPyConnection, claim_id: str,
              relation: str | None = None) -> dict[str, Any] | None:
    """One claim with its claimant's label, or None: from the per-quantity summary while it is
    fresh (a click's detail at 1M claims: milliseconds, where the ``claims`` view joins every
    claim for a second), else, or for a claim outside it (no quantity), the ``claims`` view.
    ``relation``: the database version's ``claims_relation`` if known."""
    rows, _ = claim_frame(con, claim_id, relation)
    return rows.row(0, named=True) if rows.height else None


def claim_frame(con: duckdb.DuckDBPyConnection, claim_id: str,
                relation: str | None = None) -> tuple[pl.DataFrame, str]:
    """``claim_row`` as a frame of one row (none when there is no such claim) and the relation
    it was found in."""
    rows = pl.DataFrame()
    for tried in dict.fromkeys((relation or claims_relation(con), "claims")):
        rows = con.sql(
            f"SELECT c.*, l.claimant_label FROM (SELECT * FROM {tried}"
            f" WHERE claim_id = ?) c LEFT JOIN ({CLAIMANT_LABELS}) l USING (claimant)",
            params=[claim_id],
        ).pl()
        if rows.height:
            return rows, tried
    return rows, "claims"


def load_reviews(db: Path, claim_id: str) -> pl.DataFrame:
    """Every review of one claim, newest first."""
    from tracker.aggregate.review import review_history

    with read_only(db) as con:
        return review_history(con, claim_id)


def load_claim_detail(db: Path, claim_id: str, relation: str | None = None
                      ) -> tuple[dict[str, Any] | None, pl.DataFrame]:
    """A claim (``claim_row``) and its reviews, newest first, in one read-only session (each
    opening costs 65-100 ms on a loaded machine: a click opens one)."""
    from tracker.aggregate.review import review_history

    with read_only(db) as con:
        return claim_row(con, claim_id, relation), review_history(con, claim_id)


def load_entities(db: Path) -> dict[str, list[tuple[str, str, int]]]:
    """Claimants and outlets with claims in a tracked quantity: (key, label, claims), most
    claims first."""
    with read_only(db) as con:
        relation = claims_relation(con)
        claimants = con.execute(
            f"SELECT c.claimant, coalesce(any_value(l.claimant_label), c.claimant), count(*)"
            f" FROM {relation} c LEFT JOIN ({CLAIMANT_LABELS}) l USING (claimant)"
            " WHERE c.quantity IS NOT NULL AND c.claimant IS NOT NULL GROUP BY 1 ORDER BY 3 DESC, 1"
        ).fetchall()
        outlets = con.execute(
            f"SELECT outlet, outlet, count(*) FROM {relation} WHERE quantity IS NOT NULL"
            " AND outlet IS NOT NULL GROUP BY 1 ORDER BY 3 DESC, 1"
        ).fetchall()
    return {"claimant": claimants, "outlet": outlets}


def load_entity_claims(db: Path, kind: str, key: str) -> pl.DataFrame:
    """Every claim in a tracked quantity of one claimant (``kind`` "claimant") or outlet,
    undated included, newest first (at most ``ENTITY_ROWS``)."""
    column = "claimant" if kind == "claimant" else "outlet"
    with read_only(db) as con:
        return con.sql(
            f"SELECT x.*, l.claimant_label FROM (SELECT {CLAIM_COLUMNS}"
            f" FROM {claims_relation(con)} WHERE {column} = ? AND quantity IS NOT NULL"
            " ORDER BY published DESC NULLS LAST, claim_id LIMIT ?) x"
            f" LEFT JOIN ({CLAIMANT_LABELS}) l USING (claimant)"
            " ORDER BY x.published DESC NULLS LAST, x.claim_id",
            params=[key, ENTITY_ROWS],
        ).pl()


def load_article(db: Path, article_id: str) -> dict[str, Any] | None:
    """An article's outlet, title, date, link and correction time (``articles`` view)."""
    with read_only(db) as con:
        rows = con.sql(
            "SELECT article_id, outlet, title, published, url, lang, corrected_at"
            " FROM articles WHERE article_id = ?", params=[article_id]).pl()
    return rows.row(0, named=True) if rows.height else None


def load_undated_articles(db: Path, limit: int = 200) -> pl.DataFrame:
    """Articles without a date (the ones a reviewer may want to date), most claims first."""
    with read_only(db) as con:
        return con.sql(
            "SELECT a.article_id, a.outlet, a.title, a.url, count(c.claim_id) AS claims"
            " FROM articles a LEFT JOIN store.claims c USING (article_id)"
            " WHERE a.published IS NULL GROUP BY ALL ORDER BY claims DESC, a.article_id LIMIT ?",
            params=[limit]).pl()


def load_article_claims(db: Path, article_ids: list[str]) -> pl.DataFrame:
    """The claims of some articles (just added), in article order, with their quantity."""
    with read_only(db) as con:
        return con.sql(
            "SELECT claim_id, article_id, quote, source, claimant, quantity, reason"
            " FROM claims WHERE list_contains(?, article_id) ORDER BY article_id, \"start\"",
            params=[article_ids]).pl()
