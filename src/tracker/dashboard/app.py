"""The Streamlit app: compare estimates across outlets (``tracker dashboard``, or
``streamlit run dashboard.py`` in a checkout).

Layout only: loaders live in ``tracker.dashboard.data``, caches in ``cache``, the comparison in
``tracker.aggregate.compare``, charts in ``tracker.dashboard.charts``, each tab in
``tracker.dashboard.panels``. The database comes from ``$TRACKER_DB`` (else data/tracker.duckdb);
it is opened read-only for each load and closed again. The quantity, the filters, the settings,
the tab and the selected claim live in the URL's query string, so a view can be shared.

``main()`` draws the page; Streamlit runs it on every interaction. ``tracker dashboard`` runs this
file itself (``streamlit run .../tracker/dashboard/app.py``), so it works from an installed wheel.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import polars as pl
import streamlit as st

from tracker.aggregate.compare import Filters, Grouping, Hedged
from tracker.aggregate.consensus import RULES
from tracker.aggregate.formatting import LOCALES, default_locale
from tracker.aggregate.quantities import QuantityConfig
from tracker.config import resolve_db_path
from tracker.dashboard import cache, data
from tracker.dashboard.panels import add, claims, compare, curate, detail, entity, method
from tracker.dashboard.panels.select import selected
from tracker.errors import TrackerError

Q = "query-params"  # widgets bound to the URL
HEDGED = {Hedged.ANY.value: "all claims", Hedged.ONLY.value: "hedged only",
          Hedged.EXCLUDE.value: "firm only"}
ROWS = {Grouping.OUTLET.value: "per outlet", Grouping.SOURCE.value: "per source"}
NUMBER_FORMATS = {"en": "English (11,000.5)", "de": "German (11.000,5)"}
TABS = ["Compare", "Timeline", "Claims", "Claimants & outlets", "Add an article", "Review",
        "Untracked claims", "Method"]


def explain_empty(db: Path, missing: bool) -> None:
    what = "does not exist yet" if missing else "holds no claims assigned to a tracked quantity"
    st.info(
        f"The database `{db}` {what}.\n\n"
        "Ingest articles, then refresh this page:\n\n"
        f"```\ntracker ingest data/articles --db {db}\n```\n\n"
        "If claims are stored but none belongs to a quantity, check `data/quantities.toml` "
        "and run `tracker assign`; `tracker suggest` lists groups of untracked claims."
    )


def pick_quantity(overview: pl.DataFrame, config: QuantityConfig) -> str:
    """The quantity picker. Its options are labels, so the URL reads ?quantity=<label>."""
    ids = overview["quantity"].to_list()  # most independent voices first: the default
    labels = [config.label(q) for q in ids]
    by_label = {
        (label if labels.count(label) == 1 else f"{label} [{qid}]"): qid
        for label, qid in zip(labels, ids, strict=True)
    }
    choice = st.sidebar.selectbox("Quantity", list(by_label), key="quantity", bind=Q)
    return by_label[choice]


def sidebar_filters(options: dict) -> Filters:
    side = st.sidebar
    side.subheader("Filters")
    date_from = side.date_input("Published from", value=None, key="from", bind=Q,
                                help="Undated claims have no date to compare: a date filter "
                                     "leaves them out (the page says how many).")
    date_to = side.date_input("Published until", value=None, key="until", bind=Q)
    langs = side.multiselect("Language", options["langs"], key="lang", bind=Q)
    outlets = side.multiselect("Outlet", options["outlets"], key="outlet", bind=Q)
    hedged = side.radio("Hedged claims", list(HEDGED), format_func=HEDGED.get, key="hedged",
                        bind=Q)
    return Filters(date_from, date_to, tuple(langs), tuple(outlets), hedged)


def sidebar_settings(options: dict) -> tuple[str, bool, bool]:
    """Number format (default: the data's language), outliers on the axis, narrow layout
    (default: a phone's browser)."""
    side = st.sidebar
    side.subheader("Settings")
    locale = default_locale([options.get("commonest_lang") or "en"])
    chosen = side.radio("Number format", list(LOCALES), format_func=NUMBER_FORMATS.get,
                        index=list(LOCALES).index(locale), key="numbers", bind=Q,
                        horizontal=True)
    with_outliers = side.toggle("Show outliers on the axis", key="outliers", bind=Q,
                                help="By default the x axis leaves flagged outliers out so "
                                     "that the agreeing estimates are readable.")
    mobile = "Mobile" in (st.context.headers.get("User-Agent") or "")
    narrow = side.toggle("Narrow layout (legends below the plot)", value=mobile,
                         key="narrow", bind=Q,
                         help="For screens under 700 px: legends go below the plot.")
    return chosen or locale, with_outliers, narrow


def main() -> None:
    st.set_page_config(page_title="tracker: compare estimates", layout="wide")
    cache.show_flash()
    db = resolve_db_path()
    try:
        signature = data.db_signature(db)
        config = cache.config(str(db), signature)
        overview = cache.overview(str(db), signature) if signature else pl.DataFrame()
    except TrackerError as err:
        st.error(str(err))
        return
    if overview.is_empty():
        explain_empty(db, missing=signature is None)
        with st.expander("Add an article"):
            add.show_add_article(db, {}, "en")
        if signature:  # claims but no quantity yet: track one from the suggestions
            st.subheader("Untracked claims")
            curate.show_suggestions(db, signature, config)
        return
    try:
        render(db, signature, config, overview)
    except TrackerError as err:  # e.g. `tracker ingest` holds the file: one line, no traceback
        st.error(str(err))


def render(db: Path, signature: tuple, config: QuantityConfig, overview: pl.DataFrame) -> None:
    if not selected():  # the code of the detail panel's buttons, loaded while the view is read
        with st.sidebar:
            detail.preload_code()
    quantity = pick_quantity(overview, config)
    by = st.sidebar.radio("Rows", list(ROWS), format_func=ROWS.get, key="by", bind=Q,
                          horizontal=True)
    rule = st.sidebar.selectbox("Consensus rule", RULES, key="rule", bind=Q,
                                help="See the Method tab.")
    options = cache.options(str(db), signature, quantity)
    filters = sidebar_filters(options)
    locale, with_outliers, narrow = sidebar_settings(options)
    unfiltered_key = cache.ViewKey(str(db), signature, str(config.path or ""), quantity, filters,
                                   rule, by, locale=locale)
    unfiltered = cache.view(unfiltered_key)
    known_sources = sorted(unfiltered.prepared["source_key"].unique().to_list()) \
        if unfiltered.prepared.height else []
    sources = st.sidebar.multiselect("Source", known_sources, key="source", bind=Q)
    view_key = replace(unfiltered_key, sources=tuple(sources))
    view = unfiltered if not sources else cache.view(view_key)
    labels = {q: config.label(q) for q in overview["quantity"].to_list()}
    found = config.get(quantity)
    left_out = cache.undated_left_out(str(db), signature, quantity, filters)
    compare.show_summary(view, config.label(quantity),
                         f"Unit: {found.unit}. {found.description}" if found else "", left_out)
    # always there (empty while no claim is selected): opening or closing a claim does not move
    # the tabs and charts below, so the browser keeps the charts it has drawn
    slot = st.container()
    claim_id = selected()
    if claim_id:
        with slot:
            detail.show_detail(db, signature, claim_id, labels, locale,
                               role=view.role(claim_id))
    if view.empty:
        st.warning("No claims match these filters."
                   + (f" They leave out {left_out} undated claims." if left_out else ""))
        return
    claims.follow_view((quantity, filters, tuple(sources), rule, by))
    # Only the open tab runs (the tabs are bound to the URL, so Streamlit knows which one is
    # open): the browser gets what it shows, not every tab's tables and charts.
    tabs = dict(zip(TABS, st.tabs(TABS, key="tab", bind=Q), strict=True))
    if tabs["Compare"].open:
        with tabs["Compare"]:
            compare.show_compare(view, view_key, config.label(quantity),
                                 with_outliers=with_outliers, narrow=narrow)
    if tabs["Timeline"].open:
        with tabs["Timeline"]:
            compare.show_timeline(view, view_key, config.label(quantity),
                                  with_outliers=with_outliers, narrow=narrow)
    if tabs["Claims"].open:
        with tabs["Claims"]:
            claims.show_claims(view, quantity, str(db), signature)
    if tabs["Claimants & outlets"].open:
        with tabs["Claimants & outlets"]:
            entity.show_entity(db, signature, labels, locale, narrow)
    if tabs["Add an article"].open:
        with tabs["Add an article"]:
            add.show_add_article(db, labels, locale)
    if tabs["Review"].open:
        with tabs["Review"]:
            page = claims.page_table(view, str(db), signature)
            curate.show_review(db, page, overview["quantity"].to_list(), labels)
            curate.show_article_corrections(db, page)
            curate.show_claimant_edits(db, signature)
    if tabs["Untracked claims"].open:
        with tabs["Untracked claims"]:
            curate.show_suggestions(db, signature, config)
    if tabs["Method"].open:
        with tabs["Method"]:
            method.show_method()
    st.caption(f"Database: {db} · newest article {view.as_of or '–'}")


if __name__ == "__main__":  # run as a script by `streamlit run` (tracker dashboard)
    main()
