"""The Streamlit app: compare estimates across outlets (``tracker dashboard``, or
``streamlit run dashboard.py`` in a checkout).

Layout only: loaders live in ``tracker.dashboard.data``, the comparison in
``tracker.aggregate.compare``, charts in ``tracker.dashboard.charts``. The database comes from
``$TRACKER_DB`` (else data/tracker.duckdb); it is opened read-only for each load and closed again.
The quantity and the filters live in the URL's query string, so a view can be shared as a link.

``main()`` draws the page; Streamlit runs it on every interaction. ``tracker dashboard`` runs this
file itself (``streamlit run .../tracker/dashboard/app.py``), so it works from an installed wheel.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import polars as pl
import streamlit as st

from tracker.aggregate.compare import (
    TABLE_ROWS,
    Filters,
    Grouping,
    Hedged,
    QuantityView,
    build_view,
)
from tracker.aggregate.consensus import RULES
from tracker.aggregate.quantities import QuantityConfig, load_quantities
from tracker.aggregate.review import VERDICTS
from tracker.config import resolve_db_path
from tracker.dashboard import actions, data
from tracker.dashboard.charts import range_chart, timeline_chart, vega_lite_spec
from tracker.dashboard.text import highlight, highlight_spans
from tracker.errors import TrackerError

Q = "query-params"  # widgets bound to the URL
HEDGED = {Hedged.ANY.value: "all claims", Hedged.ONLY.value: "hedged only",
          Hedged.EXCLUDE.value: "firm only"}
ROWS = {Grouping.OUTLET.value: "per outlet", Grouping.SOURCE.value: "per source"}
QUOTES_SHOWN = 50
SUGGESTIONS_SHOWN = 20


@st.cache_data(show_spinner=False, max_entries=8)
def cached_overview(db: str, signature: tuple) -> pl.DataFrame:
    return data.load_overview(Path(db))


@st.cache_data(show_spinner=False, max_entries=4)
def cached_suggestions(db: str, signature: tuple) -> list:
    return data.load_suggestions(Path(db))


@st.cache_data(show_spinner=False, max_entries=32)
def cached_options(db: str, signature: tuple, quantity: str) -> dict:
    return data.load_filter_options(Path(db), quantity)


@dataclass(frozen=True)
class ViewKey:
    """Everything one view depends on: the database version, the quantities file, the quantity,
    the SQL-side filters, the rule, the rows and the sources picked (known only after the
    aggregation has named them). Hashable, so it keys the caches."""

    db: str
    signature: tuple
    quantities_file: str
    quantity: str
    filters: Filters
    rule: str
    by: str
    sources: tuple[str, ...] = ()


# cache_resource, not cache_data: the view holds frames of up to 200,000 rows, and cache_data
# would unpickle a copy on every rerun. Views are never modified after they are built.
@st.cache_resource(show_spinner=False, max_entries=16)
def cached_view(key: ViewKey) -> QuantityView:
    claims = data.load_quantity_claims(Path(key.db), key.quantity, key.filters)
    aliases = load_quantities(key.quantities_file or None).sources
    return build_view(claims, aliases, rule=key.rule, by=key.by, sources=key.sources)


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
    date_from = side.date_input("Published from", value=None, key="from", bind=Q)
    date_to = side.date_input("Published until", value=None, key="until", bind=Q)
    langs = side.multiselect("Language", options["langs"], key="lang", bind=Q)
    outlets = side.multiselect("Outlet", options["outlets"], key="outlet", bind=Q)
    hedged = side.radio("Hedged claims", list(HEDGED), format_func=HEDGED.get, key="hedged",
                        bind=Q)
    return Filters(date_from, date_to, tuple(langs), tuple(outlets), hedged)


def show_summary(view: QuantityView, config: QuantityConfig, quantity: str) -> None:
    found = config.get(quantity)
    st.title(config.label(quantity))
    agreed = view.agreed
    relays = int(view.prepared["is_relay"].sum()) if view.prepared.height else 0
    cols = st.columns(4)
    band = "IQR" if agreed.rule == "median" else "range"
    cols[0].metric(
        f"Consensus ({agreed.rule})", _num(agreed.best),
        delta=f"{band} {_num(agreed.low)} – {_num(agreed.high)}", delta_color="off",
        delta_arrow="off",
    )
    cols[1].metric("Independent sources", agreed.sources)
    cols[2].metric("Spread (highest / lowest)", f"{view.spread:.1f}×" if view.spread else "–")
    cols[3].metric("Claims (relays)", f"{view.prepared.height} ({relays})")
    if found:
        st.caption(f"Unit: {found.unit}. {found.description}")


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"


# Building an Altair chart and turning it into a Vega-Lite spec costs ~0.2 s per rerun (schema
# validation); a view's specs never change, so they are made once per view. The data stays as
# frames in the spec's datasets, which st.vega_lite_chart sends to the page as Arrow.
@st.cache_resource(show_spinner=False, max_entries=16)
def cached_chart_specs(_view: QuantityView, view_key: ViewKey, label: str) -> tuple:
    range_title = f"Range comparison: {label} ({ROWS[view_key.by]})"
    return (
        vega_lite_spec(range_chart(_view.range_rows, _view.agreed, range_title)),
        vega_lite_spec(timeline_chart(_view.timeline_rows, _view.over_time, f"Timeline: {label}")),
    )


def _fresh(spec: dict) -> dict:
    """A copy to hand over: Streamlit moves the datasets out of the spec it is given."""
    return {**spec, "datasets": dict(spec.get("datasets", {}))}


def show_compare(view: QuantityView, view_key: ViewKey, label: str) -> None:
    range_spec, timeline_spec = cached_chart_specs(view, view_key, label)
    by = view_key.by
    st.vega_lite_chart(spec=_fresh(range_spec), width="stretch")
    for note in view.notes:
        if note.startswith("Range"):
            st.caption(note)
    latest = view.latest.select(
        pl.col(by if by == "outlet" else "source_key").alias(by), "published", "best",
        "open_bound", "hedged", "outlier", "days_since",
    )
    with st.expander("Latest estimates: outliers and staleness"):
        st.dataframe(latest, hide_index=True)
    st.vega_lite_chart(spec=_fresh(timeline_spec), width="stretch")
    for note in view.notes:
        if note.startswith("Timeline"):
            st.caption(note)


def show_claims(view: QuantityView, quantity: str) -> None:
    total = view.prepared.height  # the table has a row per prepared claim
    if total > TABLE_ROWS:
        st.caption(f"The newest {TABLE_ROWS:,} of {total:,} claims; Export has them all.")
    st.dataframe(
        view.table_shown.drop("title"),
        hide_index=True,
        column_config={"link": st.column_config.LinkColumn("article"),
                       "quote_in_context": st.column_config.TextColumn("quote in context")},
    )
    with st.expander(f"Quotes with the number marked (first {QUOTES_SHOWN})"):
        for row in view.prepared.head(QUOTES_SHOWN).iter_rows(named=True):
            who = html.escape(f"{row['outlet']} · {row['published']} · {row['source_key']}")
            marked = highlight(row["sentence"] or "", row["quote"] or "")
            st.markdown(f"<p><small>{who}</small><br>{marked}</p>", unsafe_allow_html=True)
    show_export(view, quantity)


def show_export(view: QuantityView, quantity: str) -> None:
    def csv() -> str:
        return view.table.write_csv()

    def parquet() -> bytes:
        buffer = io.BytesIO()
        view.table.write_parquet(buffer)
        return buffer.getvalue()

    # Callables: the table and the files are only built when a button is clicked, not on
    # every rerun (the full table of 100,000+ claims costs more than the rest of the page).
    left, right = st.columns(2)
    left.download_button("Export CSV", csv, f"{quantity}.csv", "text/csv")
    right.download_button("Export Parquet", parquet, f"{quantity}.parquet",
                          "application/octet-stream")


def flash(message: str) -> None:
    """After a write: drop cached loads and draw the page again, then show ``message``."""
    st.cache_data.clear()
    cached_view.clear()
    cached_chart_specs.clear()
    st.session_state["flash"] = message
    st.rerun()


def show_flash() -> None:
    message = st.session_state.pop("flash", None)
    if message:
        st.success(message)


def show_add_article(db: Path) -> None:
    st.write("Paste an article or upload a .txt, .html or .pdf file to see the claims found.")
    pasted = st.text_area("Article text", height=160, key="add_text")
    upload = st.file_uploader("…or a file", type=list(actions.UPLOAD_TYPES), key="add_file")
    url = st.text_input("URL (optional)", key="add_url")
    outlet = st.text_input("Outlet (optional)", key="add_outlet")
    published = st.date_input("Published (optional)", value=None, key="add_date")
    if st.button("Extract claims", key="add_extract"):
        name, raw = (upload.name, upload.getvalue()) if upload else ("pasted.txt",
                                                                     pasted.encode("utf-8"))
        try:
            st.session_state["add_articles"] = actions.read_article(
                name, raw, url=url, outlet=outlet, published=published
            )
        except TrackerError as err:
            st.error(str(err))
    for article in st.session_state.get("add_articles", []):
        spans = [(c.start, c.end) for c in article.claims]
        st.caption(html.escape(f"{article.title or 'untitled'} · {article.outlet or ''} · "
                               f"{article.published or 'no date'} · {len(spans)} claims"))
        st.markdown(f"<div>{highlight_spans(article.text, spans)}</div>", unsafe_allow_html=True)
    if st.session_state.get("add_articles") and st.button("Save to the store", key="add_save"):
        try:
            counts = actions.save_articles(db, st.session_state.pop("add_articles"))
        except TrackerError as err:
            st.error(str(err))
        else:
            flash(f"Saved: {counts['new']} new article(s), {counts['claims']} claims.")


def show_suggestions(db: Path, signature: tuple, config: QuantityConfig) -> None:
    st.write(
        "Claims no quantity takes, grouped by what they count (concept, actor, state; the unit "
        "when the extractor found no meaning). **Track** makes a group a quantity at once."
    )
    show_tracked(db, config)
    # on request only: grouping the untracked claims of a big database takes seconds
    if not st.toggle("Find groups of untracked claims", key="suggest"):
        return
    groups = cached_suggestions(str(db), signature)
    if not groups:
        st.write("No groups of untracked claims.")
    for group in groups[:SUGGESTIONS_SHOWN]:
        title = (f"{group.label}: {group.claims} claims, {group.claimants} claimants, "
                 f"{group.outlets} outlets (unit: {group.unit or '–'})")
        with st.expander(title):
            st.caption(f"For example: {group.example}")
            label = st.text_input("Label", value=group.label, key=f"label_{group.id}")
            if st.button("Track", key=f"track_{group.id}"):
                run_action(lambda g=group, t=label: actions.track_suggestion(db, g.id, t),
                           f"Tracking {label!r}.")


def show_tracked(db: Path, config: QuantityConfig) -> None:
    """Rename or retire a tracked quantity (a new definition row; claims reassigned at once)."""
    if not config.quantities:
        return
    with st.expander("Tracked quantities: rename or retire"):
        ids = [q.id for q in config.quantities]
        chosen = st.selectbox("Quantity", ids, format_func=config.label, key="manage_quantity")
        new_label = st.text_input("New label", key="manage_label")
        left, right = st.columns(2)
        if left.button("Rename", key="manage_rename") and new_label.strip():
            run_action(lambda: actions.rename_quantity(db, chosen, new_label), "Renamed.")
        if right.button("Retire", key="manage_retire"):
            run_action(lambda: actions.retire_quantity(db, chosen),
                       f"{config.label(chosen)!r} is no longer tracked.")


def run_action(action: Callable[[], object], message: str) -> None:
    try:
        action()
    except TrackerError as err:
        st.error(str(err))
    else:
        flash(message)


def show_review(db: Path, view: QuantityView, quantity_ids: list[str]) -> None:
    if view.empty:
        st.write("No claims in this view.")
        return
    shown = view.table_shown.select("claim_id", "outlet", "published", "quote")
    labels = {cid: f"{outlet} · {published} · {quote}" for cid, outlet, published, quote
              in shown.iter_rows()}
    with st.form("review"):
        claim_id = st.selectbox("Claim", list(labels), format_func=labels.get)
        verdict = st.radio("Verdict", VERDICTS, horizontal=True)
        st.caption("For 'corrected', fill in the fields that change; the original stays stored.")
        low = st.number_input("Low", value=None, step=1.0)
        high = st.number_input("High", value=None, step=1.0)
        unit = st.text_input("Unit")
        source = st.text_input("Source")
        quantity = st.selectbox("Quantity", ["", *quantity_ids])
        note = st.text_input("Note")
        if st.form_submit_button("Save review"):
            try:
                actions.save_review(db, claim_id, verdict, low=low, high=high, unit=unit or None,
                                    source=source or None, quantity=quantity or None, note=note)
            except TrackerError as err:
                st.error(str(err))
            else:
                flash("Review saved; the view now uses it.")
    show_move(db, labels, quantity_ids)


NO_QUANTITY = "(none: not about a tracked quantity)"


def show_move(db: Path, labels: dict[str, str], quantity_ids: list[str]) -> None:
    """Move one claim to another tracked quantity or to none (a 'moved' review row, as
    `tracker move`); the claims table's `reason` then says "moved by a reviewer"."""
    with st.form("move"):
        st.caption("Move a claim the assignment got wrong; it keeps the move until undone.")
        claim_id = st.selectbox("Claim to move", list(labels), format_func=labels.get,
                                key="move_claim")
        target = st.selectbox("Move to", [NO_QUANTITY, *quantity_ids], key="move_target")
        note = st.text_input("Note", key="move_note")
        if st.form_submit_button("Move claim"):
            quantity = None if target == NO_QUANTITY else target
            run_action(lambda: actions.move_claim(db, claim_id, quantity, note or None),
                       f"Claim moved to {target}.")


@st.cache_data(show_spinner=False, max_entries=4)
def cached_claimants(db: str, signature: tuple) -> pl.DataFrame:
    return data.load_claimants(Path(db))


def show_claimant_edits(db: Path, signature: tuple) -> None:
    """Merge two claimants or split a name out of one: a new edit row, as `tracker claimants`."""
    table = cached_claimants(str(db), signature)
    if table.is_empty():
        return
    keys = table["claimant"].to_list()
    labels = {k: f"{label} · {k} · {n} claims" for k, label, n
              in table.select("claimant", "label", "claims").iter_rows()}
    names = dict(zip(keys, table["names"].to_list(), strict=True))
    with st.expander("Merge or split claimants"):
        with st.form("claimant_merge"):
            claimant = st.selectbox("Merge claimant", keys, format_func=labels.get)
            target = st.selectbox("into", keys, index=min(1, len(keys) - 1),
                                  format_func=labels.get)
            note = st.text_input("Note", key="merge_note")
            if st.form_submit_button("Merge"):
                _claimant_edit(actions.merge_claimants, db, claimant, target, note)
        claimant = st.selectbox("Split from claimant", keys, format_func=labels.get,
                                key="split_claimant")
        with st.form("claimant_split"):
            name = st.selectbox("the name (as written)", names.get(claimant) or [])
            note = st.text_input("Note", key="split_note")
            if st.form_submit_button("Split") and name:
                _claimant_edit(actions.split_claimant, db, claimant, name, note)


def _claimant_edit(action: Callable[[Path, str, str, str | None], str], db: Path, first: str,
                   second: str, note: str) -> None:
    try:
        action(db, first, second, note)
    except TrackerError as err:
        st.error(str(err))
    else:
        flash("Claimants updated; the view now counts them so.")


def main() -> None:
    st.set_page_config(page_title="tracker: compare estimates", layout="wide")
    show_flash()
    db = resolve_db_path()
    try:
        config = data.load_config(db)
        signature = data.db_signature(db)
        overview = cached_overview(str(db), signature) if signature else pl.DataFrame()
    except TrackerError as err:
        st.error(str(err))
        return
    if overview.is_empty():
        explain_empty(db, missing=signature is None)
        with st.expander("Add an article"):
            show_add_article(db)
        if signature:  # claims but no quantity yet: track one from the suggestions
            st.subheader("Untracked claims")
            show_suggestions(db, signature, config)
        return
    try:
        render(db, signature, config, overview)
    except TrackerError as err:  # e.g. `tracker ingest` holds the file: one line, no traceback
        st.error(str(err))


def render(db: Path, signature: tuple, config: QuantityConfig, overview: pl.DataFrame) -> None:
    quantity = pick_quantity(overview, config)
    by = st.sidebar.radio("Rows", list(ROWS), format_func=ROWS.get, key="by", bind=Q,
                          horizontal=True)
    rule = st.sidebar.selectbox("Consensus rule", RULES, key="rule", bind=Q)
    filters = sidebar_filters(cached_options(str(db), signature, quantity))
    unfiltered_key = ViewKey(str(db), signature, str(config.path or ""), quantity, filters, rule,
                             by)
    unfiltered = cached_view(unfiltered_key)
    known_sources = sorted(unfiltered.prepared["source_key"].unique().to_list()) \
        if unfiltered.prepared.height else []
    sources = st.sidebar.multiselect("Source", known_sources, key="source", bind=Q)
    view_key = replace(unfiltered_key, sources=tuple(sources))
    view = unfiltered if not sources else cached_view(view_key)
    show_summary(view, config, quantity)
    if view.empty:
        st.warning("No claims match these filters.")
        return
    compare, claims, add, review, untracked = st.tabs(
        ["Compare", "Claims", "Add an article", "Review", "Untracked claims"]
    )
    with compare:
        show_compare(view, view_key, config.label(quantity))
    with claims:
        show_claims(view, quantity)
    with add:
        show_add_article(db)
    with review:
        show_review(db, view, overview["quantity"].to_list())
        show_claimant_edits(db, signature)
    with untracked:
        show_suggestions(db, signature, config)
    st.caption(f"Database: {db} · as of {date.today()}")


if __name__ == "__main__":  # run as a script by `streamlit run` (tracker dashboard)
    main()
