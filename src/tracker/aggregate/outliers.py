"""Robust outliers: estimates far from what the independent claimants agree on (pure polars).

The reference is the median of the independent claimants' latest estimates of the total (relays,
changes, plans and parts left out). An estimate is an outlier when both hold:

- its value is more than ``OUTLIER_RATIO`` times the median, or less than the median divided
  by it (a ratio, since counts spread multiplicatively), and
- its robust z-score on a log scale, ``|log10(best) - median| / (1.4826 * MAD)``, is above
  ``OUTLIER_Z`` (MAD = median absolute deviation of the log values; with a MAD of 0 the ratio
  alone decides).

With fewer than ``MIN_SOURCES`` independent claimants nothing is flagged: a median and a MAD of
three or four figures cannot say which of them is odd.

A figure that at least ``MIN_CORROBORATING`` independent claimants give as a current figure
(their latest estimate, or an undated one; within a factor of ``CORROBORATION``) is never an
outlier (``corroborated``): it is an estimate several voices share, not a misread or
misassigned number. This matters most when many claims are undated: an undated figure cannot
be placed before or after the latest estimates, so undated earlier figures that several
claimants repeat ("3,000" before "11,000") are not flagged, only an isolated one. Nor is a
figure whose recency is unknown (undated, or the latest dated figure of a claimant who also has
undated ones, which may be newer) that several claimants gave at any time. A dated figure of
a claimant with dated figures only, that every other claimant has since revised, stays
flaggable: no one's current figure is near it.

Outliers stay in the data and the tables; they are left out of the consensus, the spread and the
chart's default axis range.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

OUTLIER_RATIO = 2.0
OUTLIER_Z = 3.5
MIN_SOURCES = 5
CORROBORATION = 1.25  # figures within this factor of each other are the same figure
MIN_CORROBORATING = 2  # independent claimants giving a figure that make it no outlier
MAD_SCALE = 1.4826  # makes the MAD of normal data its standard deviation


@dataclass(frozen=True)
class Reference:
    """What estimates are compared with: the median of ``sources`` independent latest
    estimates and the MAD of their log10 values."""

    median: float
    log_mad: float
    sources: int


def reference_of(independent: pl.DataFrame) -> Reference | None:
    """The reference over one row per independent claimant (``best``), or None when there are
    fewer than ``MIN_SOURCES`` positive values."""
    if independent.is_empty():
        return None
    values = independent.filter(pl.col("best") > 0)["best"]
    if values.len() < MIN_SOURCES:
        return None
    logs = values.log10()
    centre = float(logs.median())
    mad = float((logs - centre).abs().median())
    return Reference(float(values.median()), mad, values.len())


def flag_outliers(
    df: pl.DataFrame,
    ref: Reference | None,
    fmt: Callable[[float | None], str] | None = None,
) -> pl.DataFrame:
    """Add ``outlier`` (bool) and ``outlier_reason`` (text, null when not an outlier) to every
    row of ``df`` by its ``best`` value; ``fmt`` formats numbers in the reason."""
    if ref is None or df.is_empty():
        return df.with_columns(outlier=pl.lit(False),
                               outlier_reason=pl.lit(None, dtype=pl.String))
    fmt = fmt or (lambda v: "?" if v is None else f"{v:,.0f}")
    best = pl.col("best")
    ratio = best / ref.median
    off = (ratio > OUTLIER_RATIO) | (ratio < 1 / OUTLIER_RATIO)
    if ref.log_mad > 0:
        z = (best.log10() - math.log10(ref.median)).abs() / (MAD_SCALE * ref.log_mad)
        off = off & (z > OUTLIER_Z)
    off = (best > 0) & off.fill_null(False)
    flagged = df.with_columns(outlier=off.fill_null(False), _ratio=ratio)
    texts = {
        r: _reason(r, ref, fmt) for r in flagged.filter(pl.col("outlier"))["_ratio"].unique()
    }
    reason = pl.col("_ratio").replace_strict(texts, default=None, return_dtype=pl.String)
    return flagged.with_columns(
        outlier_reason=pl.when(pl.col("outlier")).then(reason).otherwise(None)
    ).drop("_ratio")


def corroborated(values: pl.Series, estimates: pl.DataFrame) -> pl.Series:
    """For each value, whether at least ``MIN_CORROBORATING`` independent claimants
    (``source_key`` of ``estimates``: their current figures, see the module docstring) gave a
    figure (``best``) within a factor of ``CORROBORATION`` of it."""
    wanted = pl.DataFrame({"value": values.unique()}).filter(pl.col("value") > 0)
    given = estimates.filter(pl.col("best") > 0).select("source_key", "best").unique()
    if wanted.is_empty() or given.is_empty():
        return pl.Series(values.name, [False] * values.len(), dtype=pl.Boolean)
    near = wanted.join(given, how="cross").filter(
        (pl.col("best") <= pl.col("value") * CORROBORATION)
        & (pl.col("best") >= pl.col("value") / CORROBORATION))
    shared = near.group_by("value").agg(n=pl.col("source_key").n_unique()).filter(
        pl.col("n") >= MIN_CORROBORATING)["value"]
    return values.is_in(shared.implode()).fill_null(False)


def _reason(ratio: float, ref: Reference, fmt: Callable[[float | None], str]) -> str:
    times = f"{ratio:.1f}×" if ratio >= 1 else f"1/{1 / ratio:.0f}"
    return (f"{times} the median ({fmt(ref.median)}) of {ref.sources} independent claimants' "
            "latest estimates; no other independent claimant's current figure is near it")
