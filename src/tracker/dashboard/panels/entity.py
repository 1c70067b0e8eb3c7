"""A page per claimant and per outlet: all its claims over time across quantities, undated
included (drawn grey at the left edge and listed)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import streamlit as st

from tracker.aggregate.compare import TABLE_PAGE, chart_rows, thin_by_period
from tracker.aggregate.estimates import prepare
from tracker.aggregate.formatting import number_formatter
from tracker.dashboard import cache, data
from tracker.dashboard.charts import entity_chart, finish, vega_lite_spec
from tracker.dashboard.panels.select import pick_from_chart, pick_from_table
from tracker.dashboard.text import claims_phrase

KINDS = {"claimant": "Claimant", "outlet": "Outlet"}
POINTS_PER_QUANTITY = 120  # dated points drawn per quantity; a busier one by period
UNDATED_PER_QUANTITY = 40


def show_entity(db: Path, signature: tuple, labels: dict[str, str], locale: str,
                narrow: bool) -> None:
    found = cache.entities(str(db), signature)
    kind = st.radio("Page of a", list(KINDS), format_func=KINDS.get, horizontal=True,
                    key="entity_kind")
    choices = {key: f"{label} · {n} claims" for key, label, n in found[kind]}
    if not choices:
        st.write(f"No {kind} with claims in a tracked quantity.")
        return
    key = st.selectbox(KINDS[kind], list(choices), format_func=choices.get, key="entity")
    claims = data.load_entity_claims(db, kind, key)
    if claims.is_empty():
        st.write("No claims.")
        return
    fmt = number_formatter(locale)
    prepared = prepare(claims, {}, fmt)
    drawn = thin_by_period(prepared, "quantity", POINTS_PER_QUANTITY, UNDATED_PER_QUANTITY)
    rows = with_quantity(chart_rows(drawn, "source_key", fmt), labels)
    first = rows.filter(pl.col("date") != "undated")["date"].min() or "2000-01-01"
    rows = rows.with_columns(date_or_first=pl.when(pl.col("date") == "undated")
                             .then(pl.lit(first)).otherwise(pl.col("date")))
    undated = prepared.filter(pl.col("published").is_null()).height
    title = f"{KINDS[kind]} {choices[key].split(' · ')[0]}: {prepared.height} claims, " \
        f"{prepared['quantity'].n_unique()} quantities"
    st.vega_lite_chart(spec=vega_lite_spec(finish(entity_chart(rows, title), locale, narrow)),
                       width="stretch", key="entity_chart", selection_mode="pick",
                       on_select=lambda: pick_from_chart("entity_chart"))
    if rows.height < prepared.height:
        st.caption(f"{rows.height:,} of {prepared.height:,} claims drawn: a busy quantity shows "
                   "its last claim per period (the tooltip says how many it stands for); the "
                   "table has them all.")
    if undated:
        st.caption(f"{claims_phrase(undated)} no date: drawn grey at the left edge, listed "
                   "below with 'undated'.")
    show_table(with_quantity(chart_rows(prepared, "source_key", fmt), labels))


def with_quantity(rows: pl.DataFrame, labels: dict[str, str]) -> pl.DataFrame:
    return rows.with_columns(quantity_label=pl.col("quantity").replace_strict(
        labels, default=pl.col("quantity")))


def show_table(rows: pl.DataFrame) -> None:
    """The entity's claims, newest first, undated last, one page of ``TABLE_PAGE`` at a time."""
    pages = max(1, -(-rows.height // TABLE_PAGE))
    page = 1
    if pages > 1:
        page = int(st.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages,
                                   step=1, key="entity_page"))
    rows = rows.sort(["published", "claim_id"], descending=[True, False], nulls_last=True)
    table = rows.slice((page - 1) * TABLE_PAGE, TABLE_PAGE).select(
        "date", "quantity_label", "value_text", "source_label", "outlet", "quote", "link",
        "claim_id")
    ids = table["claim_id"].to_list()
    st.dataframe(table, hide_index=True, key="entity_table", selection_mode="single-row",
                 on_select=lambda: pick_from_table("entity_table", ids), placeholder="",
                 column_config={
                     "link": st.column_config.LinkColumn("article", display_text="open ↗"),
                     "quantity_label": st.column_config.TextColumn("quantity"),
                     "value_text": st.column_config.TextColumn("value", width=150),
                     "source_label": st.column_config.TextColumn("claimant"),
                 })
