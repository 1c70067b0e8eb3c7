"""Pure Altair chart builders: polars frames in, ``alt.Chart`` out (no Streamlit here).

The frames are a ``tracker.aggregate.compare.QuantityView``'s chart rows (``row``, ``best``,
``low_value``, ``high_value``, ``marker``, ``style``, tooltip texts) and consensus rows.
"""

from __future__ import annotations

import hashlib
import threading
from typing import Any

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
    alt.Tooltip("names_text:N", title="written as"),
    alt.Tooltip("outlet:N", title="outlet"),
    alt.Tooltip("date:N", title="date"),
    alt.Tooltip("reason_text:N", title="why this quantity"),
    alt.Tooltip("relay_text:N", title="relayed by"),
]


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


# Altair's data transformer and theme are process-wide settings: one conversion at a time.
_CONVERTING = threading.Lock()
TRANSFORMER = "tracker_named_frames"


def _named_frame(data: Any, datasets: dict[str, Any]) -> dict[str, str]:
    """An Altair data transformer: keep the frame as it is, under a name derived from its content,
    instead of inlining every row as JSON values."""
    frame = data if isinstance(data, pl.DataFrame) else pl.DataFrame(data)
    digest = hashlib.sha1(
        repr((frame.schema, frame.height, int(frame.hash_rows(seed=0).sum()))).encode()
    ).hexdigest()[:16]
    name = f"data-{digest}"
    datasets[name] = frame
    return {"name": name}


def vega_lite_spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The chart's Vega-Lite spec, its data as frames under ``datasets`` (what
    ``st.vega_lite_chart`` sends to the page as Arrow), without Altair's default theme.

    Building the spec (schema validation included) is the slow part of drawing a chart; the
    spec of a view never changes, so the app makes it once per view and keeps it.
    """
    datasets: dict[str, Any] = {}
    alt.data_transformers.register(TRANSFORMER, _named_frame)
    with _CONVERTING, alt.data_transformers.enable(TRANSFORMER, datasets=datasets):
        if alt.theme.active == "default":  # its width/height defaults fight the page layout
            with alt.theme.enable("none"):
                spec = chart.to_dict()
        else:
            spec = chart.to_dict()
    spec["datasets"] = {**spec.get("datasets", {}), **datasets}
    return spec

