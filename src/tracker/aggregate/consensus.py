"""Consensus, spread, outliers and staleness over independent estimates (pure polars).

Rules (over the latest estimate of each independent source):

- ``median`` (default): best = median of best values, low/high = the interquartile range.
- ``envelope``: lowest low, highest high, best = median.
- ``conservative``: the lowest estimate (lowest low, lowest best, lowest high), as ACLED does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import polars as pl

from tracker.aggregate.estimates import latest_by, totals, trusted_latest
from tracker.errors import ConfigError


class Rule(StrEnum):
    """The consensus rules (see the module docstring)."""

    MEDIAN = "median"
    ENVELOPE = "envelope"
    CONSERVATIVE = "conservative"


RULES: tuple[str, ...] = tuple(rule.value for rule in Rule)
MAX_TIMELINE_POINTS = 200


@dataclass(frozen=True)
class Consensus:
    rule: str
    low: float | None
    best: float | None
    high: float | None
    sources: int  # independent sources that went into it

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "sources": self.sources,
        }


def _check_rule(rule: str) -> None:
    if rule not in RULES:
        raise ConfigError(f"consensus rule {rule!r}: unknown (choose one of {', '.join(RULES)})")


def consensus_of(latest: pl.DataFrame, rule: str = "median") -> Consensus:
    """Consensus over one row per independent source (``best``, ``low_value``, ``high_value``)."""
    _check_rule(rule)
    if latest.is_empty():
        return Consensus(rule, None, None, None, 0)
    low, mid, high = latest.select(*_rule_exprs(rule)).row(0)
    return Consensus(rule, low, mid, high, latest.height)


def consensus(prepared: pl.DataFrame, rule: str = "median") -> Consensus:
    """Consensus of a quantity's prepared claims (see ``estimates.prepare``): over the latest
    estimate of the total of each independent source, outliers left out."""
    return consensus_of(trusted_latest(prepared), rule)


def consensus_over_time(prepared: pl.DataFrame, rule: str = "median") -> pl.DataFrame:
    """The consensus as it stood after each publication date (at most ~200 points).

    Vectorised: each source's latest estimate as of every picked date comes from one as-of join,
    then one group-by computes the rule per date (the same values as ``consensus`` on the claims
    published up to that date, without re-sorting the claims 200 times).
    """
    _check_rule(rule)
    dated = totals(prepared).filter(pl.col("published").is_not_null() & ~pl.col("is_relay"))
    if "outlier" in dated.columns:
        dated = dated.filter(~pl.col("outlier"))
    dates = dated["published"].unique().sort()
    if len(dates) > MAX_TIMELINE_POINTS:  # keep the chart and the cost bounded on big corpora
        step = len(dates) / MAX_TIMELINE_POINTS
        picks = sorted({int(i * step) for i in range(MAX_TIMELINE_POINTS)} | {len(dates) - 1})
        dates = dates.gather(picks)
    if dated.is_empty():
        return pl.DataFrame(schema=_OVER_TIME_SCHEMA)
    # Per source and day, the estimate ``latest_by`` would pick on that day; as of a later day
    # a source's latest is its last such day.
    daily = _daily_latest(dated)
    grid = pl.DataFrame({"as_of": dates}).join(
        daily.select("source_key").unique(), how="cross"
    ).sort("as_of")
    state = grid.join_asof(
        daily.sort("published"), left_on="as_of", right_on="published", by="source_key",
        strategy="backward", check_sortedness=False,  # both sorted just above
    ).filter(pl.col("published").is_not_null())
    return (
        state.group_by("as_of")
        .agg(*_rule_exprs(rule), sources=pl.len().cast(pl.Int64))
        .sort("as_of")
        .select(pl.col("as_of").alias("published"), rule=pl.lit(rule), low="low", best="best",
                high="high", sources="sources")
        .cast(_OVER_TIME_SCHEMA)
    )


_OVER_TIME_SCHEMA = {
    "published": pl.Date,
    "rule": pl.String,
    "low": pl.Float64,
    "best": pl.Float64,
    "high": pl.Float64,
    "sources": pl.Int64,
}


def _rule_exprs(rule: str) -> list[pl.Expr]:
    """low, best, high of one rule as aggregations (the same as ``consensus_of``)."""
    best = pl.col("best")
    if rule == "median":
        exprs = [best.quantile(0.25, "linear"), best.median(), best.quantile(0.75, "linear")]
    elif rule == "envelope":
        exprs = [pl.col("low_value").min(), best.median(), pl.col("high_value").max()]
    else:
        exprs = [pl.col("low_value").min(), best.min(), pl.col("high_value").min()]
    return [e.alias(name) for e, name in zip(exprs, ("low", "best", "high"), strict=True)]


def _daily_latest(dated: pl.DataFrame) -> pl.DataFrame:
    """For each source and publication day, the row ``latest_by`` ranks last on that day."""
    keys, descending = ["published"], [False]
    if "start" in dated.columns:
        keys, descending = [*keys, "start"], [*descending, True]
    ranked = dated.select(
        "source_key", *keys, "claim_id", "best", "low_value", "high_value"
    ).sort([*keys, "claim_id"], descending=[*descending, True], nulls_last=False)
    return ranked.group_by(["source_key", "published"], maintain_order=True).last()


def spread(latest: pl.DataFrame) -> float | None:
    """Highest best estimate divided by the lowest (None when undefined); pass
    ``trusted_latest`` rows (independent claimants, outliers left out)."""
    if latest.is_empty():
        return None
    lowest, highest = latest.select(lo=pl.col("best").min(), hi=pl.col("best").max()).row(0)
    if not lowest or lowest <= 0:
        return None
    return float(highest / lowest)


def newest_date(prepared: pl.DataFrame) -> date | None:
    """The newest publication date in the data: what staleness counts from (not today, so an
    archive does not look stale as a whole)."""
    if prepared.is_empty() or "published" not in prepared.columns:
        return None
    return prepared["published"].max()


def add_staleness(latest: pl.DataFrame, as_of: date | None = None) -> pl.DataFrame:
    """Add ``days_since``: days from a row's latest estimate to ``as_of`` (default: the newest
    date in ``latest``)."""
    as_of = as_of or newest_date(latest)
    if as_of is None:
        return latest.with_columns(days_since=pl.lit(None, dtype=pl.Int64))
    return latest.with_columns(
        days_since=(pl.lit(as_of) - pl.col("published")).dt.total_days().cast(pl.Int64)
    )


def source_table(
    prepared: pl.DataFrame,
    rule: str = "median",
    as_of: date | None = None,
    by: str = "source_key",
) -> tuple[pl.DataFrame, Consensus]:
    """Latest estimate of the total per source (or outlet), with the claims' outlier flags and
    staleness (from ``as_of``, default the newest date in ``prepared``), and the consensus.

    The consensus always counts independent sources once, whatever ``by`` groups the rows.
    """
    agreed = consensus(prepared, rule)
    latest = latest_by(totals(prepared), by)
    return add_staleness(latest, as_of or newest_date(prepared)), agreed
