"""The Compare tab (headline figures with how they are computed, the range chart, outliers and
staleness, chart downloads) and the Timeline tab (the timeline, undated estimates apart)."""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl
import streamlit as st

from tracker.aggregate.compare import QuantityView
from tracker.aggregate.formatting import number_formatter
from tracker.aggregate.outliers import MIN_SOURCES, OUTLIER_RATIO, OUTLIER_Z
from tracker.dashboard.cache import ViewKey
from tracker.dashboard.charts import (
    default_domain,
    finish,
    range_chart,
    render_png,
    render_svg,
    timeline_chart,
    undated_chart,
    vega_lite_spec,
)
from tracker.dashboard.panels.select import pick_from_chart, select
from tracker.dashboard.text import claims_phrase

ROWS = {"outlet": "per outlet", "source": "per source"}
RULE_HELP = {
    "median": "the median of the latest estimates; the band is their interquartile range",
    "envelope": "the median; the band runs from the lowest low to the highest high",
    "conservative": "the lowest estimate (as ACLED does)",
}


def show_summary(view: QuantityView, title: str, description: str, left_out: int) -> None:
    """The headline figures, each with a help text saying how it is computed."""
    st.title(title)
    fmt = number_formatter(view.locale)
    agreed = view.agreed
    relays = int(view.prepared["is_relay"].sum()) if view.prepared.height else 0
    cols = st.columns(5)
    band = "IQR" if agreed.rule == "median" else "range"
    independent = ("the latest estimate of the total of each independent claimant (name "
                   "variants merged; relays, changes, plans, parts and outliers left out)")
    cols[0].metric(
        f"Consensus ({agreed.rule})", fmt(agreed.best) if agreed.best is not None else "–",
        delta=f"{band} {fmt(agreed.low)} – {fmt(agreed.high)}"
        if agreed.best is not None else None,
        delta_color="off", delta_arrow="off",
        help=f"Over {independent}: {RULE_HELP.get(agreed.rule, '')}.",
    )
    cols[1].metric("Independent sources", agreed.sources, help=(
        "Claimants whose latest estimate of the total goes into the consensus: one per "
        "canonical claimant (NIS, 'South Korea's spy agency' and 'der Geheimdienst NIS' are "
        "one), the outlet itself for a figure without a source; relayed copies count once."))
    cols[2].metric("Spread (highest / lowest)", f"{view.spread:.1f}×" if view.spread else "–",
                   help=f"Highest divided by lowest of {independent}.")
    outliers = view.outliers.height
    cols[3].metric("Outliers", outliers, help=(
        f"Current claims more than {OUTLIER_RATIO:g}× off the median of the independent "
        f"claimants' latest estimates, with a robust z-score above {OUTLIER_Z:g} (log scale, "
        f"MAD), that no other independent claimant gives as a current figure (with at least "
        f"{MIN_SOURCES} claimants); "
        "flagged in orange, left out of consensus, spread and the default axis, kept in the "
        "data and the table."))
    undated = view.undated.height
    cols[4].metric("Claims (relays)", f"{view.prepared.height} ({relays})", help=(
        "Claims of this quantity under the filters (a review 'wrong' drops one); relays are "
        "copies of an earlier claim's figure (same source and value within 3 days, or the "
        "same sentence)."))
    notes = []
    if undated:
        notes.append(f"{claims_phrase(undated)} no date (kept in the range chart and the table, "
                     "shown apart from the timeline)")
    if left_out:
        notes.append(f"the date filters leave out {left_out} undated "
                     f"claim{'' if left_out == 1 else 's'}")
    if view.not_totals:
        notes.append(f"{view.not_totals} claims are changes, plans or parts, not estimates of "
                     "the total (in the table, not in the figures)")
    if notes:
        st.caption("; ".join(notes).capitalize() + ".")
    if description:
        st.caption(description)


@st.cache_resource(show_spinner=False, max_entries=32)
def range_spec(_view: QuantityView, key: ViewKey, label: str, with_outliers: bool,
               narrow: bool) -> dict[str, Any]:
    """The range chart's spec, built once per view and setting (building costs ~0.1 s); the
    same view object in a new database version (a review of another quantity) keeps it."""
    settings = (key.by, label, with_outliers, narrow)
    kept = _LAST_SPEC.get(settings)
    if kept is not None and kept[0] is _view:
        return kept[1]
    fmt = number_formatter(_view.locale)
    domain = None if with_outliers else default_domain(_view.range_rows, _view.agreed)
    spec = vega_lite_spec(finish(range_chart(
        _view.range_rows, _view.agreed, f"Range comparison: {label} ({ROWS[key.by]})",
        domain=domain, fmt=fmt), _view.locale, narrow))
    _LAST_SPEC.clear()  # one kept: the page's current chart
    _LAST_SPEC[settings] = (_view, spec)
    return spec


_LAST_SPEC: dict[tuple, tuple[QuantityView, dict[str, Any]]] = {}


@st.cache_resource(show_spinner=False, max_entries=32)
def timeline_specs(_view: QuantityView, key: ViewKey, label: str, with_outliers: bool,
                   narrow: bool) -> dict[str, dict[str, Any]]:
    """The timeline's spec and the undated chart's (each only when it has rows), built once
    per view and setting, and only when the Timeline tab is open."""
    fmt = number_formatter(_view.locale)
    rows = _view.timeline_rows
    dated = rows.filter(pl.col("date") != "undated") if rows.height else rows
    undated = rows.filter(pl.col("date") == "undated") if rows.height else rows
    specs = {}
    if dated.height:
        y_domain = None if with_outliers else default_domain(dated, _view.agreed)
        specs["timeline"] = vega_lite_spec(finish(timeline_chart(
            rows, _view.over_time, f"Timeline: {label}", fmt, domain=y_domain), _view.locale,
            narrow))
    if undated.height:
        specs["undated"] = vega_lite_spec(finish(undated_chart(
            undated, f"Undated estimates: {label}"), _view.locale, narrow))
    return specs


def _fresh(spec: dict) -> dict:
    """A copy to hand over: Streamlit moves the datasets out of the spec it is given."""
    return {**spec, "datasets": dict(spec.get("datasets", {}))}


def caption(view: QuantityView, key: ViewKey, label: str) -> list[str]:
    """What a downloaded chart says under its title: quantity, filters, rule, data date."""
    f = key.filters
    filters = [f"from {f.date_from}" if f.date_from else "", f"until {f.date_to}" if f.date_to
               else "", f"languages {', '.join(f.langs)}" if f.langs else "",
               f"outlets {', '.join(f.outlets)}" if f.outlets else "",
               f"hedged: {f.hedged}" if f.hedged != "any" else "",
               f"sources {', '.join(key.sources)}" if key.sources else ""]
    shown = "; ".join(x for x in filters if x) or "none"
    return [f"{label}. Filters: {shown}. Consensus rule: {key.rule}, over "
            f"{view.agreed.sources} independent claimants, outliers left out.",
            f"Data as of {view.as_of or 'no date'} (newest article); made {date.today()} "
            "with tracker."]


def show_compare(view: QuantityView, key: ViewKey, label: str, *, with_outliers: bool,
                 narrow: bool) -> None:
    """The range chart, its notes, the outliers, the latest estimates and the downloads. The
    timeline has a tab of its own (``show_timeline``): the page draws the chart it opens on
    first, and a quantity switch or a filter redraws one chart, not three."""
    spec = range_spec(view, key, label, with_outliers, narrow)
    st.vega_lite_chart(spec=_fresh(spec), width="stretch", key="range_chart",
                       on_select=lambda: pick_from_chart("range_chart"),
                       selection_mode="pick")
    st.caption("Click a point to open its claim. Hedged claims are faded and dashed, open "
               "bounds ('at least') arrows, outliers orange" + (
                   "; an outlier beyond the axis is an orange arrow at its edge (Settings: "
                   "show outliers brings it in)"
                   if not with_outliers and view.outliers.height else "") + ". How the "
               "estimates moved over time: the Timeline tab.")
    for note in view.range_notes:
        st.caption(note)
    show_outliers(view)
    show_latest(view, key.by)
    show_downloads(spec, caption(view, key, label), key.quantity)


def show_timeline(view: QuantityView, key: ViewKey, label: str, *, with_outliers: bool,
                  narrow: bool) -> None:
    """The timeline (revisions per source, the consensus over time) and, apart, the undated
    estimates."""
    specs = timeline_specs(view, key, label, with_outliers, narrow)
    if "timeline" in specs:
        st.vega_lite_chart(spec=_fresh(specs["timeline"]), width="stretch",
                           key="timeline_chart", selection_mode="pick",
                           on_select=lambda: pick_from_chart("timeline_chart"))
    else:
        st.info("No dated estimates: the timeline needs publication dates (set an article's "
                "date in Review › Correct an article).")
    for note in view.notes:
        if note.startswith("Timeline"):
            st.caption(note)
    if "undated" in specs:
        st.vega_lite_chart(spec=_fresh(specs["undated"]), width="stretch", key="undated_chart",
                           selection_mode="pick",
                           on_select=lambda: pick_from_chart("undated_chart"))


OUTLIERS_LISTED = 30


def show_outliers(view: QuantityView) -> None:
    """The flagged claims with their reasons, each with a button that opens it (also when
    it lies beyond the chart's axis). Not a fragment: its buttons open a claim in the detail
    panel above the tabs, which needs the whole page to rerun."""
    outliers = view.outliers
    if outliers.is_empty():
        return
    fmt = number_formatter(view.locale)
    # drawn only when opened (a rerun): 30 rows of text and buttons cost the browser ~0.4 s
    listing = st.expander(f"{outliers.height} outliers, and why", key="outliers_list",
                          on_change="rerun")
    if not listing.open:
        return
    with listing:
        for row in outliers.sort("best").head(OUTLIERS_LISTED).iter_rows(named=True):
            text, button = st.columns([8, 1])
            text.markdown(f"**{fmt(row['best'])}** · {row['source_key']} · {row['outlet']}: "
                          f"{row['outlier_reason']}")
            button.button("Open", key=f"outlier_{row['claim_id']}", on_click=select,
                          args=(row["claim_id"],))
        if outliers.height > OUTLIERS_LISTED:
            st.caption(f"The {OUTLIERS_LISTED} lowest of {outliers.height}; the Claims tab "
                       "lists every claim with its outlier reason.")


@st.fragment
def show_latest(view: QuantityView, by: str) -> None:
    """The latest estimate per row with staleness, drawn when its expander is opened (a
    fragment: that reruns this part only)."""
    fmt = number_formatter(view.locale)
    group = by if by == "outlet" else "source_key"
    latest = view.latest
    if latest.is_empty():
        return
    table = st.expander(f"Latest estimate of the total per {by}: outliers and staleness",
                        key="latest_table", on_change="rerun")
    if not table.open:  # a closed expander's table would still be sent and drawn
        return
    shown = latest.select(
        pl.col(group).alias(by), pl.col("published").dt.to_string("%Y-%m-%d").alias("date"),
        pl.col("best").map_elements(fmt, return_dtype=pl.String).alias("latest estimate"),
        "open_bound", "hedged", "outlier_reason", "days_since",
    )
    with table:
        st.caption(f"Days since: counted from the newest article in the data ({view.as_of}), "
                   "not from today.")
        st.dataframe(shown, hide_index=True)


def show_downloads(spec: dict[str, Any], lines: list[str], quantity: str) -> None:
    """PNG and SVG of the range chart, rendered on click (vl-convert), with a caption."""
    left, right = st.columns(2)
    left.download_button("Chart as PNG", lambda: render_png(spec, lines),
                         f"{quantity}.png", "image/png", key="png")
    right.download_button("Chart as SVG", lambda: render_svg(spec, lines),
                          f"{quantity}.svg", "image/svg+xml", key="svg")
