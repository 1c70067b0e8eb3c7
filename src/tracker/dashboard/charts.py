"""Pure Altair chart builders: polars frames in, ``alt.Chart`` out (no Streamlit here).

The frames are a ``tracker.aggregate.compare.QuantityView``'s chart rows (``row``, ``best``,
``low_value``, ``high_value``, ``marker``, ``style``, tooltip texts) and consensus rows.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import altair as alt
import polars as pl

from tracker.aggregate.consensus import Consensus
from tracker.aggregate.formatting import number_formatter

MARKERS = ("estimate", "at least", "at most", "beyond the axis")
MARKER_SHAPES = ("circle", "triangle-right", "triangle-left", "arrow")
BEYOND = "beyond the axis"  # an outlier outside the default axis: an arrow at its edge
STYLES = ("firm", "hedged")
FLAGS = ("within range", "outlier")
FLAG_COLORS = ("#d62728", "#ff7f0e")
ROW_HEIGHT = 28
UNDATED_GREY = "#7f7f7f"
ARROW_SHARE = 0.05  # length of an open bound's arrow, as a share of the largest value
PICK = "pick"  # the click selection: its rows (claim_id) come back to Python
NARROW_WIDTH = 700  # below this many pixels legends go under the plot
LEGEND_ROW_PX = 28  # height of one legend entry, as Streamlit's theme draws it
TIMELINE_OTHER_LEGEND_ROWS = 9  # the value and claim legends with their titles and gaps
# A claim's tooltip: one object, its empty fields undefined so that the tooltip leaves them
# out (``datum.__absent`` is undefined in a Vega expression); numbers and dates come as text.
_TOOLTIP_FIELDS = (
    ("quote", "quote"), ("value", "value_text"), ("claimant", "source_label"),
    ("written as", "names_text"), ("outlet", "outlet"), ("date", "date"),
    ("article", "link"), ("why this quantity", "reason_text"), ("relayed by", "relay_text"),
    ("outlier", "outlier_text"), ("drawn for", "period_text"),
)
TOOLTIP_EXPR = "{" + ", ".join(
    f"'{title}': (datum.{field} ? datum.{field} : datum.__absent)"
    for title, field in _TOOLTIP_FIELDS
) + "}"
TOOLTIP = alt.Tooltip("info:N", title="claim")
# Number and date formats of the axes per locale (Vega's d3 locale objects)
LOCALES: dict[str, dict[str, Any]] = {
    "en": {"number": {"decimal": ".", "thousands": ",", "grouping": [3],
                      "currency": ["$", ""]}},
    "de": {"number": {"decimal": ",", "thousands": ".", "grouping": [3],
                      "currency": ["", "\u00a0€"]}},
}


def finish(chart: alt.TopLevelMixin, locale: str = "en", narrow: bool = False) -> Any:
    """The chart with its axes in the reader's number format and, in a narrow layout, its
    legends below the plot (they would take half of a phone's width)."""
    chart = chart.configure(locale=LOCALES.get(locale, LOCALES["en"]))
    if narrow:
        chart = chart.configure_legend(orient="bottom", direction="horizontal", columns=2)
    return chart


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


def _consensus_frame(agreed: Consensus, fmt: Callable[[float | None], str]) -> pl.DataFrame:
    tip = (f"{agreed.rule}: {fmt(agreed.best)} ({fmt(agreed.low)}–{fmt(agreed.high)}), "
           f"{agreed.sources} independent claimants")
    return pl.DataFrame(
        [{"low": agreed.low, "best": agreed.best, "high": agreed.high, "rule": agreed.rule,
          "info": tip}],
        schema={"low": pl.Float64, "best": pl.Float64, "high": pl.Float64, "rule": pl.String,
                "info": pl.String},
    )


def _marker_scales() -> dict[str, alt.Scale]:
    return {
        "shape": alt.Scale(domain=list(MARKERS), range=list(MARKER_SHAPES)),
        "dash": alt.Scale(domain=list(STYLES), range=[[1, 0], [5, 3]]),
        "opacity": alt.Scale(domain=list(STYLES), range=[1.0, 0.5]),
        "flag": alt.Scale(domain=list(FLAGS), range=list(FLAG_COLORS)),
    }


def pin_to_domain(rows: pl.DataFrame, field: str, domain: list[float] | None,
                  vertical: bool = False) -> pl.DataFrame:
    """Add ``drawn`` (where the point goes), ``shape_key`` and ``angle``: a value outside
    ``domain`` is drawn at the axis edge as an arrow pointing where it lies ("beyond the
    axis"), so a clipped outlier can still be seen, hovered and clicked."""
    if rows.is_empty():
        return rows.with_columns(drawn=pl.lit(None, dtype=pl.Float64),
                                 shape_key=pl.lit(None, dtype=pl.String),
                                 angle=pl.lit(0.0))
    value = pl.col(field)
    if not domain:
        return rows.with_columns(drawn=value, shape_key=pl.col("marker"), angle=pl.lit(0.0))
    low, high = domain
    below, above = value < low, value > high
    # the arrow shape points up: turned to the left/right edge, or down on a vertical axis
    below_angle, above_angle = (180.0, 0.0) if vertical else (270.0, 90.0)
    return rows.with_columns(
        drawn=pl.when(below).then(pl.lit(low)).when(above).then(pl.lit(high)).otherwise(value),
        shape_key=pl.when(below | above).then(pl.lit(BEYOND)).otherwise(pl.col("marker")),
        angle=pl.when(below).then(pl.lit(below_angle)).when(above).then(pl.lit(above_angle))
        .otherwise(pl.lit(0.0)),
    )


def _picked_stroke(pick: Any) -> alt.StrokeWidthValue:
    """A clicked point's outline."""
    return alt.StrokeWidthValue(**alt.condition(pick, alt.value(3), alt.value(0), empty=False))


def _beyond_size(size: int) -> Any:
    """Point size: an arrow at the axis edge (a clipped outlier) drawn larger, to be seen."""
    return alt.SizeValue(**alt.condition(f"datum.shape_key == '{BEYOND}'", alt.value(size * 3),
                                         alt.value(size)))


def default_domain(rows: pl.DataFrame, agreed: Consensus) -> list[float] | None:
    """The x range that leaves outliers out (with a margin), or None when none is flagged."""
    if rows.is_empty() or "outlier" not in rows.columns or not rows["outlier"].any():
        return None
    kept = with_arrow_tips(rows.filter(~pl.col("outlier")))
    if kept.is_empty():
        return None
    values = [v for v in (*kept["low_value"], *kept["high_value"], *kept["tip"], agreed.low,
                          agreed.high) if v is not None]
    low, high = min(values), max(values)
    margin = (high - low) * 0.05 or abs(high) * 0.05 or 1.0
    return [max(0.0, low - margin) if low >= 0 else low - margin, high + margin]


def range_chart(
    rows: pl.DataFrame,
    agreed: Consensus,
    title: str,
    *,
    domain: list[float] | None = None,
    fmt: Callable[[float | None], str] | None = None,
) -> alt.LayerChart:
    """One row per outlet or source: a bar from low to high, a point at the best value.

    Open bounds are drawn as arrow heads, hedged claims dashed and faded, outliers in orange,
    the consensus band (and its best value) behind all rows. ``domain`` fixes the x range
    (bars outside it are clipped; an outlier's point becomes an arrow at the edge, see
    ``pin_to_domain``). A click on a point selects its claim (the selection ``PICK``, fields
    ``claim_id``).
    """
    fmt = fmt or number_formatter("en")
    scales = _marker_scales()
    order = rows.sort("best")["row"].to_list() if rows.height else []
    y = alt.Y("row:N", sort=order, title=None, axis=alt.Axis(labelLimit=260))
    x_title = "estimate (consensus: " + agreed.rule + ")"
    scale = alt.Scale(domain=domain) if domain else alt.Undefined
    band_data = _consensus_frame(agreed, fmt)
    band = alt.Chart(band_data).mark_rect(color="#9ecae1", opacity=0.35, clip=True).encode(
        x=alt.X("low:Q", title=x_title, scale=scale),
        x2=alt.X2("high:Q"),
        tooltip=alt.Tooltip("info:N", title="consensus"),
    )
    center = alt.Chart(band_data).mark_rule(color="#3182bd", strokeDash=[6, 3], clip=True
                                            ).encode(x=alt.X("best:Q"))
    rows = pin_to_domain(with_arrow_tips(rows), "tip", domain)
    base = alt.Chart(rows).transform_calculate(
        info=TOOLTIP_EXPR, flag="datum.outlier ? 'outlier' : 'within range'"
    ).encode(y=y, tooltip=TOOLTIP)
    bars = base.mark_rule(strokeWidth=4, color="#636363", clip=True).encode(
        x=alt.X("low_value:Q"),
        x2=alt.X2("high_value:Q"),
        strokeDash=alt.StrokeDash("style:N", scale=scales["dash"], title="claim"),
        opacity=alt.Opacity("style:N", scale=scales["opacity"], legend=None),
    )
    # an open bound is an arrow: a line from the bound, a head pointing where it is open
    arrows = base.mark_rule(strokeWidth=2, color="#d62728", clip=True).encode(
        x=alt.X("best:Q"),
        x2=alt.X2("tip:Q"),
        opacity=alt.Opacity("style:N", scale=scales["opacity"], legend=None),
    )
    pick = alt.selection_point(name=PICK, fields=["claim_id"], on="click")
    points = base.mark_point(filled=True, clip=True, cursor="pointer").encode(
        x=alt.X("drawn:Q"),
        size=_beyond_size(160),
        shape=alt.Shape("shape_key:N", scale=scales["shape"], title="value"),
        angle=alt.Angle("angle:Q", scale=None),
        color=alt.Color("flag:N", scale=scales["flag"], title="flag"),
        opacity=alt.Opacity("style:N", scale=scales["opacity"], legend=None),
        strokeWidth=_picked_stroke(pick),
        stroke=alt.StrokeValue("black"),
    ).add_params(pick)
    return alt.layer(band, center, bars, arrows, points).properties(
        title=title, height=alt.Step(ROW_HEIGHT), width="container"
    )


def timeline_chart(
    history: pl.DataFrame,
    over_time: pl.DataFrame,
    title: str,
    fmt: Callable[[float | None], str] | None = None,
    domain: list[float] | None = None,
) -> alt.LayerChart:
    """Estimates over publication date: error bars low–high, colour by source, a step line per
    source for its revisions, and the consensus over time as a dashed line with its band.
    Undated estimates are left to ``undated_chart``; a click on a point selects its claim.
    ``domain`` fixes the y range as ``default_domain`` does for the range chart, so an outlier
    does not flatten every other estimate (marks outside it are clipped)."""
    scales = _marker_scales()
    y_scale = alt.Scale(domain=domain) if domain else alt.Undefined
    dated = history.filter(pl.col("date") != "undated") if history.height else history
    dated = pin_to_domain(dated, "best", domain, vertical=True)
    x = alt.X("date:T", title="published", axis=alt.Axis(format="%Y-%m-%d"))
    # twenty colours: the timeline draws up to MAX_TIMELINE_SOURCES (12) sources, more than ten
    color = alt.Color("source_label:N", title="source", legend=alt.Legend(labelLimit=220),
                      scale=alt.Scale(scheme="tableau20"))
    base = alt.Chart(dated).transform_calculate(info=TOOLTIP_EXPR).encode(
        x=x, color=color, tooltip=TOOLTIP)
    clip = bool(domain)
    errors = base.mark_rule(strokeWidth=2, clip=clip).encode(
        y=alt.Y("low_value:Q", scale=y_scale), y2=alt.Y2("high_value:Q"))
    steps = base.mark_line(interpolate="step-after", strokeWidth=1.5, opacity=0.7,
                           clip=clip).encode(
        y=alt.Y("best:Q", title="estimate", scale=y_scale), detail=alt.Detail("source_label:N")
    )
    pick = alt.selection_point(name=PICK, fields=["claim_id"], on="click")
    points = base.mark_point(filled=True, cursor="pointer", clip=clip).encode(
        y=alt.Y("drawn:Q", scale=y_scale),
        size=_beyond_size(90),
        shape=alt.Shape("shape_key:N", scale=scales["shape"], title="value"),
        angle=alt.Angle("angle:Q", scale=None),
        opacity=alt.Opacity("style:N", scale=scales["opacity"], title="claim"),
        strokeWidth=_picked_stroke(pick),
        stroke=alt.StrokeValue("black"),
    ).add_params(pick)
    # the consensus moves on few dates: each value is formatted once, not three times per date
    fmt = functools.lru_cache(maxsize=None)(fmt or number_formatter("en"))
    trend = over_time.with_columns(date=pl.col("published").dt.to_string("%Y-%m-%d"))
    trend = trend.with_columns(info=pl.Series([
        f"{row['date']}, {row['rule']}: {fmt(row['best'])} ({fmt(row['low'])}–"
        f"{fmt(row['high'])}), {row['sources']} claimants" for row in trend.iter_rows(named=True)
    ], dtype=pl.String))
    trend_base = alt.Chart(trend).encode(x=alt.X("date:T"))
    band = trend_base.mark_area(interpolate="step-after", color="#9ecae1", opacity=0.3,
                                clip=clip).encode(y=alt.Y("low:Q", scale=y_scale),
                                                  y2=alt.Y2("high:Q"))
    line = trend_base.mark_line(interpolate="step-after", color="black", strokeDash=[6, 3],
                                clip=clip).encode(
        y=alt.Y("best:Q", scale=y_scale), tooltip=alt.Tooltip("info:N", title="consensus")
    )
    # tall enough for its legends (sources, value, claim): a legend longer than the plot is cut
    sources = dated["source_label"].n_unique() if dated.height else 0
    height = max(360, LEGEND_ROW_PX * (sources + TIMELINE_OTHER_LEGEND_ROWS))
    return alt.layer(band, line, errors, steps, points).properties(
        title=title, height=height, width="container"
    )


def undated_chart(rows: pl.DataFrame, title: str) -> alt.LayerChart:
    """Undated estimates apart from the timeline: one row per source, a point at the value."""
    scales = _marker_scales()
    base = alt.Chart(rows).transform_calculate(info=TOOLTIP_EXPR).encode(
        y=alt.Y("source_label:N", title=None, axis=alt.Axis(labelLimit=220)), tooltip=TOOLTIP)
    bars = base.mark_rule(strokeWidth=3, color="#636363").encode(
        x=alt.X("low_value:Q", title="estimate"), x2=alt.X2("high_value:Q"))
    pick = alt.selection_point(name=PICK, fields=["claim_id"], on="click")
    points = base.mark_point(size=120, filled=True, color=UNDATED_GREY, cursor="pointer").encode(
        x=alt.X("best:Q"),
        shape=alt.Shape("marker:N", scale=scales["shape"], title="value"),
        strokeWidth=_picked_stroke(pick),
        stroke=alt.StrokeValue("black"),
    ).add_params(pick)
    return alt.layer(bars, points).properties(
        title=title, height=alt.Step(ROW_HEIGHT), width="container")


def entity_chart(rows: pl.DataFrame, title: str) -> alt.Chart:
    """All claims of one claimant or outlet over time, coloured by quantity (log scale: the
    quantities differ by orders of magnitude); undated claims at the left edge, grey."""
    pick = alt.selection_point(name=PICK, fields=["claim_id"], on="click")
    return alt.Chart(rows).transform_calculate(info=TOOLTIP_EXPR).mark_point(
        size=90, filled=True, cursor="pointer"
    ).encode(
        x=alt.X("date_or_first:T", title="published (undated: at the left, grey)",
                axis=alt.Axis(format="%Y-%m-%d")),
        y=alt.Y("best:Q", title="value", scale=alt.Scale(type="symlog")),
        # undated claims grey (a colour of their own, not a paler quantity colour)
        color=alt.condition("datum.date == 'undated'", alt.value(UNDATED_GREY),
                            alt.Color("quantity_label:N", title="quantity",
                                      legend=alt.Legend(labelLimit=220))),
        tooltip=TOOLTIP,
    ).add_params(pick).properties(title=title, height=320, width="container")


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


def vega_lite_spec(chart: alt.TopLevelMixin, validate: bool = False) -> dict[str, Any]:
    """The chart's Vega-Lite spec, its data as frames under ``datasets`` (what
    ``st.vega_lite_chart`` sends to the page as Arrow), without Altair's default theme.

    Building the spec is the slow part of drawing a chart, and Altair's schema validation is
    most of it (~0.12 of 0.14 s per chart at 1M claims): the builders are validated by the
    tests (``to_dict()``), so the page skips it (``validate=False``) unless asked. The spec of
    a view never changes, so the app makes it once per view and keeps it.
    """
    datasets: dict[str, Any] = {}
    alt.data_transformers.register(TRANSFORMER, _named_frame)
    with _CONVERTING, alt.data_transformers.enable(TRANSFORMER, datasets=datasets):
        if alt.theme.active == "default":  # its width/height defaults fight the page layout
            with alt.theme.enable("none"):
                spec = chart.to_dict(validate=validate)
        else:
            spec = chart.to_dict(validate=validate)
    spec["datasets"] = {**spec.get("datasets", {}), **datasets}
    return spec



def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def static_spec(spec: dict[str, Any], caption: list[str], width: int = 760) -> dict[str, Any]:
    """A copy of ``spec`` to render outside the page (vl-convert): data inlined as JSON rows,
    a fixed width, the selection left out, and ``caption`` as the title's subtitle."""
    out = {k: v for k, v in spec.items() if k != "datasets"}
    out["datasets"] = {
        name: [{k: _json_value(v) for k, v in row.items()} for row in frame.iter_rows(named=True)]
        if isinstance(frame, pl.DataFrame) else frame
        for name, frame in spec.get("datasets", {}).items()
    }
    out["width"] = width
    title = spec.get("title")
    out["title"] = {"text": title if isinstance(title, str) else str(title), "subtitle": caption,
                    "subtitleFontSize": 10, "anchor": "start"}
    out["background"] = "white"
    return out


def render_png(spec: dict[str, Any], caption: list[str]) -> bytes:
    """The chart as PNG (vl-convert, offline), with ``caption`` under its title."""
    import vl_convert

    return vl_convert.vegalite_to_png(static_spec(spec, caption), scale=2)


def render_svg(spec: dict[str, Any], caption: list[str]) -> str:
    """The chart as SVG (vl-convert, offline), with ``caption`` under its title."""
    import vl_convert

    return vl_convert.vegalite_to_svg(static_spec(spec, caption))
