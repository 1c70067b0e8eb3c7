"""A per-quantity summary table so that the dashboard never joins a million claims per click.

``store.quantity_claims`` holds the claims view's columns for every claim that has a tracked
quantity or a review (a review can move a claim into a quantity), articles already joined,
plus each sentence's relay key. ``assign_all`` rebuilds it after every assignment, i.e. at the
end of every ingest and load. The tables are declared in store/schema.sql; this module computes
their rows (SQL text) and ``tracker.store`` writes them (``replace_assignments``,
``add_summary_rows``). Reviews are *not* baked in: readers apply the latest review at query
time (``summary_claims_sql``), exactly as the ``claims`` view does, so a review shows at once.

``store.quantity_claims_meta`` records the row counts the table was built from. A reader uses
the table only while those counts still hold and every reviewed claim is in it
(``summary_is_fresh``); otherwise it falls back to the ``claims`` view (correct, slower).
``store.quantity_overview`` holds the per-quantity counts as of the build's reviews.
"""

from __future__ import annotations

import duckdb

from tracker.store import (
    LATEST_CORRECTIONS,
    SummaryQueries,
    add_summary_rows,
    replace_quantity_overview,
)

SUMMARY = "store.quantity_claims"
META = "store.quantity_claims_meta"
OVERVIEW = "store.quantity_overview"
# Per quantity: claims, independent voices (claimant, else the source as written, else the
# outlet), outlets; over a relation with the claims view's columns.
OVERVIEW_SQL = """
    SELECT quantity, count(*) AS claims,
           count(DISTINCT coalesce(claimant, source, outlet || ' (own figure)')) AS voices,
           count(DISTINCT outlet) AS outlets
    FROM {relation}
    WHERE quantity IS NOT NULL AND coalesce(review, '') <> 'wrong'
    GROUP BY quantity
"""
OVERVIEW_ORDER = "ORDER BY voices DESC, claims DESC, quantity"
_REVIEWS = "SELECT count(*), max(reviewed_at) FROM store.reviews"
MOVED = "moved"  # a review verdict: the claim moves to the review's quantity (NULL = none)
MOVED_REASON = "moved by a reviewer"  # as in the claims view (store/schema.sql)

def sentence_key_sql(column: str) -> str:
    """``tracker.aggregate.estimates.sentence_key`` in SQL (RE2 and polars' regex engine agree
    on these patterns; tested): computed once per build instead of on every filter change."""
    return (
        rf"trim(regexp_replace(regexp_replace(lower({column}), '[^\pL\pN]+', ' ', 'g'),"
        r" '(^| )[\pL\pN]{1,3}( [\pL\pN]{1,3})*( |$)', ' ', 'g'))"
    )


# The stored columns; low/high/kind/unit/source/quantity are the extracted (unreviewed) values.
_BASE_COLUMNS = (
    "c.claim_id, c.article_id, a.outlet, a.url, a.title, a.published, a.lang, c.low, c.high,"
    ' c.kind, c.approximate, c.unit, c.entity, c.source, c.hedged, c.quote, c.sentence, c."start",'
    ' c."end", c.extractor_version, q.quantity AS assigned, c.source_start, c.source_end,'
    " c.via_source, c.claimant, c.via, c.concept, c.actor, c.state, q.reason"
)


def _summary_rows_sql(where: str) -> str:
    """The summary's rows (claims with a quantity or a review) that ``where`` keeps; the sentence
    key is computed once per distinct sentence (copies and repeated sentences are common)."""
    return f"""
        WITH base AS (
            SELECT {_BASE_COLUMNS}
            FROM store.assignments q
            JOIN store.claims c USING (claim_id)
            JOIN store.articles a USING (article_id)
            WHERE {where}
            UNION ALL  -- reviewed claims without a quantity: a review may give them one
            SELECT {_BASE_COLUMNS}
            FROM (SELECT * FROM store.claims
                  WHERE claim_id IN (SELECT claim_id FROM store.reviews)) c
            JOIN store.articles a USING (article_id)
            LEFT JOIN store.assignments q USING (claim_id)
            WHERE q.claim_id IS NULL AND {where}
        ), keys AS (
            SELECT sentence, {sentence_key_sql("sentence")} AS sentence_key
            FROM (SELECT DISTINCT sentence FROM base)
        )
        SELECT base.*, keys.sentence_key FROM base LEFT JOIN keys USING (sentence)
    """


_COUNTS = (
    "(SELECT count(*) FROM store.claims) AS claims,"
    " (SELECT count(*) FROM store.articles) AS articles,"
    " (SELECT count(*) FROM store.assignments) AS assignments"
)


def summary_queries() -> SummaryQueries:
    """The rows of the three summary tables, as of the store's current claims, assignments and
    reviews (written by ``tracker.store.replace_assignments`` in the assignment's transaction)."""
    return SummaryQueries(
        claims=_summary_rows_sql("true"),
        meta=f"SELECT {_COUNTS}, r.* FROM ({_REVIEWS}) r(reviews, last_review)",
        # the overview as of these reviews (a new review makes readers compute it again)
        overview=OVERVIEW_SQL.format(relation=f"({summary_claims_sql()})"),
    )


def refresh_overview(con: duckdb.DuckDBPyConnection) -> None:
    """Recount the independent voices of ``store.quantity_overview`` from the summary (after the
    claimants were merged or split); nothing to do while the summary is not fresh."""
    if summary_is_fresh(con):
        replace_quantity_overview(con, OVERVIEW_SQL.format(relation=f"({summary_claims_sql()})"))


def add_reviewed_claim(con: duckdb.DuckDBPyConnection, claim_id: str) -> None:
    """Put a newly reviewed claim into the summary (a review may give it a quantity)."""
    if not has_summary(con):
        return
    where = f"c.claim_id = $1 AND c.claim_id NOT IN (SELECT claim_id FROM {SUMMARY})"
    add_summary_rows(con, _summary_rows_sql(where), [claim_id])


def has_summary(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the summary tables exist in this shape (schema version 3; an older file
    opened read-only may lack them or their claimant columns) and have been built."""
    [(found,)] = con.execute(
        "SELECT (SELECT count(*) FROM duckdb_columns() WHERE schema_name = 'store'"
        " AND table_name = 'quantity_claims' AND column_name = 'claimant')"
        " + (SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'store'"
        " AND table_name IN ('quantity_claims_meta', 'quantity_overview'))"
    ).fetchall()
    if found != 3:
        return False
    [(built,)] = con.execute(f"SELECT count(*) FROM {META}").fetchall()
    return built == 1


def summary_is_fresh(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the summary matches the store: same counts, every reviewed claim inside."""
    if not has_summary(con):
        return False
    [now] = con.execute(f"SELECT {_COUNTS}").fetchall()
    built = con.execute(f"SELECT claims, articles, assignments FROM {META}").fetchall()
    if built != [now]:
        return False
    [(missing,)] = con.execute(
        f"SELECT count(*) FROM store.reviews r ANTI JOIN {SUMMARY} s USING (claim_id)"
    ).fetchall()
    return missing == 0


def stored_overview_is_fresh(con: duckdb.DuckDBPyConnection) -> bool:
    """True when ``store.quantity_overview`` still holds: summary fresh, no review since."""
    if not summary_is_fresh(con):
        return False
    built = con.execute(f"SELECT reviews, last_review FROM {META}").fetchall()
    return built == con.execute(_REVIEWS).fetchall()


def summary_claims_sql(corrections: bool = True) -> str:
    """A SELECT with the ``claims`` view's columns over the summary, latest reviews and article
    corrections applied (``corrections=False`` for a file older than schema version 4), plus
    ``sentence_key`` (see ``tracker.aggregate.estimates.sentence_key``).

    Only valid while ``summary_is_fresh``; its ``quantity`` is never NULL for a claim in a
    tracked quantity, exactly as in the view.
    """
    article = ("CASE WHEN k.article_id IS NULL THEN s.{0} ELSE k.{0} END AS {0}" if corrections
               else "s.{0}")
    outlet, title, published = (article.format(c) for c in ("outlet", "title", "published"))
    joined = (f"LEFT JOIN ({LATEST_CORRECTIONS}) k ON k.article_id = s.article_id"
              if corrections else "")
    return f"""
        SELECT s.claim_id, s.article_id, {outlet}, s.url, {title}, {published}, s.lang,
               coalesce(r.low, s.low) AS low, coalesce(r.high, s.high) AS high,
               coalesce(r.kind, s.kind) AS kind, s.approximate,
               coalesce(r.unit, s.unit) AS unit, s.entity,
               coalesce(r.source, s.source) AS source, s.hedged, s.quote, s.sentence,
               s."start", s."end",
               CASE WHEN r.verdict = '{MOVED}' THEN r.quantity
                    ELSE coalesce(r.quantity, s.assigned) END AS quantity,
               nullif(r.verdict, 'undone') AS review, s.extractor_version, s.source_start,
               s.source_end,
               s.via_source, coalesce(gn.canonical, g.canonical, s.claimant) AS claimant,
               coalesce(gv.canonical, s.via) AS via, s.concept, s.actor, s.state,
               CASE WHEN r.verdict = '{MOVED}' THEN '{MOVED_REASON}' ELSE s.reason END AS reason,
               s.sentence_key
        FROM {SUMMARY} s
        -- claimants as the claims view has them: the stored keys, merged at read time, so a
        -- reviewer's merge or split shows without a rebuild
        LEFT JOIN store.claimant_groups g ON g.claimant = s.claimant
        LEFT JOIN store.claimant_groups gn
               ON gn.claimant = coalesce(s.claimant, '') || '|' || s.source
        LEFT JOIN store.claimant_groups gv ON gv.claimant = s.via
        {joined}
        LEFT JOIN (
            SELECT * FROM store.reviews
            QUALIFY row_number() OVER (PARTITION BY claim_id
                                       ORDER BY reviewed_at DESC, review_id DESC) = 1
        ) r USING (claim_id)
    """
