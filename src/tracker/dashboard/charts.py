"""Pure Altair chart builders: polars frames in, ``alt.Chart`` out (no Streamlit here).

The frames come from ``tracker.aggregate``: prepared claims (``best``, ``low_value``,
``high_value``, ``open_bound``, ``source_key``, ...) and consensus rows.
"""

from __future__ import annotations

import altair as alt
import polars as pl

from tracker.aggregate.consensus import Consensus

MARKERS = ("estimate", "at least", "at most")
MARKER_SHAPES = ("circle", "triangle-right", "triangle-left")
STYLES = ("firm", "hedged")
ROW_HEIGHT = 28
ARROW_SHARE = 0.05  # length of an open bound's arrow, as a share of the largest value
TOOLTIP = [
    alt.Tooltip("quote:N", title="quote"),
    alt.Tooltip("value_text:N", title="value"),
    alt.Tooltip("source_label:N", title="source"),
    alt.Tooltip("outlet:N", title="outlet"),
    alt.Tooltip("date:N", title="date"),
    alt.Tooltip("relay_text:N", title="relayed by"),
]


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def chart_rows(prepared: pl.DataFrame, row_label: str) -> pl.DataFrame:
    """Columns the charts draw: ``row`` (the y label), marker, style, texts for tooltips."""
    if prepared.is_empty():
        return pl.DataFrame()
    marker = (
        pl.when(pl.col("open_bound") == "lower")
        .then(pl.lit("at least"))
        .when(pl.col("open_bound") == "upper")
        .then(pl.lit("at most"))
        .otherwise(pl.lit("estimate"))
    )
    rows = prepared.with_columns(
        row=pl.col(row_label).fill_null("unknown"),
        marker=marker,
        style=pl.when(pl.col("hedged")).then(pl.lit("hedged")).otherwise(pl.lit("firm")),
        source_label=pl.col("source_key"),
        date=pl.col("published").dt.to_string("%Y-%m-%d").fill_null("undated"),
        relay_text=pl.when(pl.col("relays") > 0)
        .then(pl.col("relays").cast(pl.String) + pl.lit(" other outlet(s)"))
        .otherwise(pl.lit("")),
    )
    # formatted once per distinct value: many claims repeat a figure
    values = rows.select("low", "high", "open_bound").unique()
    texts = values.with_columns(value_text=pl.Series(
        [_value_text(low, high, bound) for low, high, bound in values.iter_rows()],
        dtype=pl.String,
    ))
    keys = ["low", "high", "open_bound"]
    return rows.join(texts, on=keys, how="left", nulls_equal=True, maintain_order="left").select(
        "row", "claim_id", "best", "low_value", "high_value", "marker", "style", "quote",
        "value_text", "source_label", "outlet", "date", "relay_text",
    )


def _value_text(low: float | None, high: float | None, bound: str | None) -> str:
    if bound == "lower":
        return f"at least {_fmt(low)}"
    if bound == "upper":
        return f"at most {_fmt(high)}"
    if low is not None and high is not None and low != high:
        return f"{_fmt(low)}–{_fmt(high)}"
    return _fmt(low)


def with_arrow_tips(rows: pl.DataFrame, share: float = ARROW_SHARE) -> pl.DataFrame:
    """Add ``tip``: where a point is drawn. Open bounds point ``share`` of the axis beyond."""
    if rows.is_empty():
        return rows.with_columns(tip=pl.lit(None, dtype=pl.Float64))
    length = (rows["high_value"].max() or 0) * share
    marker = pl.col("marker")
    return rows.with_columns(
        tip=pl.when(marker == "at least")
        .then(pl.col("best") + length)
        .when(marker == "at most")
        .then(pl.col("best") - length)
        .otherwise(pl.col("best"))
    )


def _consensus_frame(agreed: Consensus) -> pl.DataFrame:
    return pl.DataFrame(
        [{"low": agreed.low, "best": agreed.best, "high": agreed.high, "rule": agreed.rule}],
        schema={"low": pl.Float64, "best": pl.Float64, "high": pl.Float64, "rule": pl.String},
    )


def _marker_scales() -> dict[str, alt.Scale]:
    return {
        "shape": alt.Scale(domain=list(MARKERS), range=list(MARKER_SHAPES)),
        "dash": alt.Scale(domain=list(STYLES), range=[[1, 0], [5, 3]]),
        "opacity": alt.Scale(domain=list(STYLES), range=[1.0, 0.5]),
    }


def range_chart(rows: pl.DataFrame, agreed: Consensus, title: str) -> alt.LayerChart:
    """One row per outlet or source: a bar from low to high, a point at the best value.

    Open bounds are drawn as arrow heads, hedged claims dashed and faded, the consensus band
    (and its best value) behind all rows.
    """
    scales = _marker_scales()
    order = rows.sort("best")["row"].to_list() if rows.height else []
    y = alt.Y("row:N", sort=order, title=None, axis=alt.Axis(labelLimit=260))
    x_title = "estimate (consensus: " + agreed.rule + ")"
    band_data = _consensus_frame(agreed)
    band = alt.Chart(band_data).mark_rect(color="#9ecae1", opacity=0.35).encode(
        x=alt.X("low:Q", title=x_title),
        x2="high:Q",
        tooltip=["rule:N", "low:Q", "best:Q", "high:Q"],
    )
    center = alt.Chart(band_data).mark_rule(color="#3182bd", strokeDash=[6, 3]).encode(x="best:Q")
    rows = with_arrow_tips(rows)
    base = alt.Chart(rows).encode(y=y, tooltip=TOOLTIP)
    bars = base.mark_rule(strokeWidth=4, color="#636363").encode(
        x="low_value:Q",
        x2="high_value:Q",
        strokeDash=alt.StrokeDash("style:N", scale=scales["dash"], title="claim"),
        opacity=alt.Opacity("style:N", scale=scales["opacity"], legend=None),
    )
    # an open bound is an arrow: a line from the bound, a head pointing where it is open
    arrows = base.mark_rule(strokeWidth=2, color="#d62728").encode(
        x="best:Q",
        x2="tip:Q",
        opacity=alt.Opacity("style:N", scale=scales["opacity"], legend=None),
    )
    points = base.mark_point(size=140, filled=True, color="#d62728").encode(
        x="tip:Q",
        shape=alt.Shape("marker:N", scale=scales["shape"], title="value"),
        opacity=alt.Opacity("style:N", scale=scales["opacity"], legend=None),
    )
    return alt.layer(band, center, bars, arrows, points).properties(
        title=title, height=alt.Step(ROW_HEIGHT), width="container"
    )


def timeline_chart(
    history: pl.DataFrame, over_time: pl.DataFrame, title: str
) -> alt.LayerChart:
    """Estimates over publication date: error bars low–high, colour by source, a step line per
    source for its revisions, and the consensus over time as a dashed line with its band."""
    scales = _marker_scales()
    dated = history.filter(pl.col("date") != "undated") if history.height else history
    x = alt.X("date:T", title="published")
    color = alt.Color("source_label:N", title="source", legend=alt.Legend(labelLimit=220))
    base = alt.Chart(dated).encode(x=x, color=color, tooltip=TOOLTIP)
    errors = base.mark_rule(strokeWidth=2).encode(y="low_value:Q", y2="high_value:Q")
    steps = base.mark_line(interpolate="step-after", strokeWidth=1.5, opacity=0.7).encode(
        y=alt.Y("best:Q", title="estimate"), detail="source_label:N"
    )
    points = base.mark_point(size=70, filled=True).encode(
        y="best:Q",
        shape=alt.Shape("marker:N", scale=scales["shape"], title="value"),
        opacity=alt.Opacity("style:N", scale=scales["opacity"], title="claim"),
    )
    trend = over_time.with_columns(date=pl.col("published").dt.to_string("%Y-%m-%d"))
    trend_base = alt.Chart(trend).encode(x="date:T")
    band = trend_base.mark_area(interpolate="step-after", color="#9ecae1", opacity=0.3).encode(
        y="low:Q", y2="high:Q"
    )
    line = trend_base.mark_line(interpolate="step-after", color="black", strokeDash=[6, 3]).encode(
        y="best:Q", tooltip=["date:N", "rule:N", "low:Q", "best:Q", "high:Q", "sources:Q"]
    )
    return alt.layer(band, line, errors, steps, points).properties(
        title=title, height=360, width="container"
    )
