"""What the dashboard shows for one quantity, computed from its claim rows (no Streamlit here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from tracker.aggregate.consensus import Consensus, consensus_over_time, source_table, spread
from tracker.aggregate.estimates import history, independent_latest, prepare
from tracker.dashboard.charts import chart_rows
from tracker.dashboard.text import bracket_quote, safe_url

GROUPINGS = {"outlet": "outlet", "source": "source_key"}


@dataclass(frozen=True)
class QuantityView:
    prepared: pl.DataFrame  # every claim kept, with source names, values and relay marks
    latest: pl.DataFrame  # latest estimate per outlet or source, with outlier and staleness
    range_rows: pl.DataFrame  # chart rows for the range comparison
    timeline_rows: pl.DataFrame  # chart rows for the timeline (every estimate)
    over_time: pl.DataFrame  # consensus after each date
    agreed: Consensus
    spread: float | None
    table: pl.DataFrame  # the claims table (also what Export writes)

    @property
    def empty(self) -> bool:
        return self.prepared.is_empty()


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
    timeline = history(prepared, "source_key")
    return QuantityView(
        prepared=prepared,
        latest=latest,
        range_rows=chart_rows(latest, group),
        timeline_rows=chart_rows(timeline, "source_key"),
        over_time=consensus_over_time(prepared, rule),
        agreed=agreed,
        spread=spread(independent_latest(prepared)) if prepared.height else None,
        table=claims_table(prepared),
    )


def claims_table(prepared: pl.DataFrame) -> pl.DataFrame:
    """Outlet, date, source, value, the quote in its sentence with the number marked, a link."""
    if prepared.is_empty():
        return pl.DataFrame()
    marked = [
        bracket_quote(sentence or "", quote or "")
        for sentence, quote in prepared.select("sentence", "quote").iter_rows()
    ]
    links = [safe_url(u) for u in prepared["url"].to_list()]
    return (
        prepared.with_columns(
            quote_in_context=pl.Series(marked, dtype=pl.String),
            link=pl.Series(links, dtype=pl.String),
        )
        .select(
            "outlet",
            "published",
            pl.col("source_key").alias("source"),
            "low",
            "high",
            "best",
            "kind",
            "open_bound",
            "hedged",
            "is_relay",
            "relays",
            "quote",
            "quote_in_context",
            "lang",
            "link",
            "title",
            "claim_id",
            "review",
        )
        .sort(["published", "outlet"], descending=[True, False], nulls_last=True)
    )
