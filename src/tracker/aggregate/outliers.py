"""Robust outliers: estimates far from what the independent claimants agree on (pure polars).

The reference is the median of the independent claimants' latest estimates of the total (relays,
changes, plans and parts left out). An estimate is an outlier when both hold:

- its value is more than ``OUTLIER_RATIO`` times the median, or less than the median divided
  by it (a ratio, since counts spread multiplicatively), and
- its robust z-score on a log scale, ``|log10(best) - median| / (1.4826 * MAD)``, is above
  ``OUTLIER_Z`` (MAD = median absolute deviation of the log values; with a MAD of 0 the ratio
  alone decides).

With fewer than ``MIN_SOURCES`` independent claimants nothing is flagged: two figures cannot say
which of them is odd. Outliers stay in the data and the tables; they are left out of the
consensus, the spread and the chart's default axis range.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

OUTLIER_RATIO = 2.0
OUTLIER_Z = 3.5
MIN_SOURCES = 3
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


def _reason(ratio: float, ref: Reference, fmt: Callable[[float | None], str]) -> str:
    times = f"{ratio:.1f}×" if ratio >= 1 else f"1/{1 / ratio:.0f}"
    return (f"{times} the median ({fmt(ref.median)}) of {ref.sources} independent claimants' "
            "latest estimates")
