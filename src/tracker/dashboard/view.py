"""What the dashboard shows for one quantity, computed from its claim rows (no Streamlit here)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

import polars as pl

from tracker.aggregate.consensus import Consensus, consensus_over_time, source_table, spread
from tracker.aggregate.estimates import history, independent_latest, prepare
from tracker.dashboard.charts import chart_rows
from tracker.dashboard.text import bracket_quote_expr, safe_url_expr

GROUPINGS = {"outlet": "outlet", "source": "source_key"}
MAX_RANGE_ROWS = 40  # rows of the range chart: the outlets (or sources) with most claims
MAX_TIMELINE_SOURCES = 12  # sources drawn on the timeline: those with most estimates
TABLE_ROWS = 1000  # claims shown in the table; Export writes every claim of the view


@dataclass(frozen=True)
class QuantityView:
    prepared: pl.DataFrame  # every claim kept, with source names, values and relay marks
    latest: pl.DataFrame  # latest estimate per outlet or source, with outlier and staleness
    range_rows: pl.DataFrame  # chart rows for the range comparison
    timeline_rows: pl.DataFrame  # chart rows for the timeline (every estimate)
    over_time: pl.DataFrame  # consensus after each date
    agreed: Consensus
    notes: tuple[str, ...]  # what the charts leave out, said under them
    spread: float | None

    @property
    def empty(self) -> bool:
        return self.prepared.is_empty()

    @functools.cached_property
    def table(self) -> pl.DataFrame:
        """The claims table, every claim (what Export writes): built on first use only."""
        return claims_table(self.prepared)

    @functools.cached_property
    def table_shown(self) -> pl.DataFrame:
        """The table's first ``TABLE_ROWS`` rows, without building the rest (what the page
        shows; the Claims and Review tabs share it)."""
        return claims_table(self.prepared, limit=TABLE_ROWS)


def build_view(
    claims: pl.DataFrame,
    aliases: dict[str, tuple[str, ...]],
    *,
    rule: str = "median",
    by: str = "outlet",
    sources: tuple[str, ...] = (),
    as_of: date | None = None,
) -> QuantityView:
    """Aggregate one quantity's (already SQL-filtered) claims for the charts and the table.

    ``sources`` narrows to canonical source names (known only after normalisation, hence here).
    """
    prepared = prepare(claims, aliases)
    if sources:
        prepared = prepared.filter(pl.col("source_key").is_in(list(sources)))
    group = GROUPINGS.get(by, "outlet")
    latest, agreed = source_table(prepared, rule, as_of, by=group)
    shown, range_note = _most_claims(latest, prepared, group, MAX_RANGE_ROWS, by + "s")
    timeline, timeline_note = _timeline_estimates(prepared)
    return QuantityView(
        prepared=prepared,
        latest=latest,
        range_rows=chart_rows(shown, group),
        timeline_rows=chart_rows(timeline, "source_key"),
        over_time=consensus_over_time(prepared, rule),
        agreed=agreed,
        spread=spread(independent_latest(prepared)) if prepared.height else None,
        notes=tuple(n for n in (range_note, timeline_note) if n),
    )


def _most_claims(
    rows: pl.DataFrame, prepared: pl.DataFrame, group: str, limit: int, what: str
) -> tuple[pl.DataFrame, str]:
    """The ``limit`` rows whose group has most claims, and a note when some were left out."""
    if rows.height <= limit:
        return rows, ""
    counts = prepared.group_by(group).agg(claims=pl.len())
    top = counts.sort(["claims", group], descending=[True, False]).head(limit)[group]
    note = f"Range chart: the {limit} {what} with most claims of {rows.height}; filter for others."
    return rows.filter(pl.col(group).is_in(top.implode())), note


def _timeline_estimates(prepared: pl.DataFrame) -> tuple[pl.DataFrame, str]:
    """Each source's estimates (relays and same-day repeats once) for its busiest sources."""
    estimates = prepared.filter(~pl.col("is_relay")).unique(
        ["source_key", "published", "best"], keep="first", maintain_order=True
    )
    sources = estimates["source_key"].n_unique()
    if sources <= MAX_TIMELINE_SOURCES:
        return history(estimates, "source_key"), ""
    counts = estimates.group_by("source_key").agg(n=pl.len())
    top = counts.sort(["n", "source_key"], descending=[True, False]).head(MAX_TIMELINE_SOURCES)
    note = (
        f"Timeline: the {MAX_TIMELINE_SOURCES} sources with most estimates of {sources}; "
        "the consensus line uses all."
    )
    kept = estimates.filter(pl.col("source_key").is_in(top["source_key"].implode()))
    return history(kept, "source_key"), note


def claims_table(prepared: pl.DataFrame, limit: int | None = None) -> pl.DataFrame:
    """Outlet, date, source, value, the quote in its sentence with the number marked, a link.

    Newest first; ``limit`` keeps the first rows before the text columns are built.
    """
    if prepared.is_empty():
        return pl.DataFrame()
    columns = ["outlet", "published", "source_key", "low", "high", "best", "kind", "open_bound",
               "hedged", "is_relay", "relays", "quote", "lang", "title", "claim_id", "review",
               "sentence", "url"]
    ordered = prepared.select(columns).sort(
        ["published", "outlet"], descending=[True, False], nulls_last=True
    )
    if limit is not None:
        ordered = ordered.head(limit)
    return ordered.with_columns(
        quote_in_context=bracket_quote_expr(pl.col("sentence"), pl.col("quote")),
        link=safe_url_expr(pl.col("url")),
    ).select(
        "outlet", "published", pl.col("source_key").alias("source"), "low", "high", "best",
        "kind", "open_bound", "hedged", "is_relay", "relays", "quote", "quote_in_context", "lang",
        "link", "title", "claim_id", "review",
    )
