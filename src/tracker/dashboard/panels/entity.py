"""A page per claimant and per outlet: all its claims over time across quantities, undated
included (drawn grey at the left edge and listed)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import streamlit as st

from tracker.aggregate.compare import chart_rows
from tracker.aggregate.estimates import prepare
from tracker.aggregate.formatting import number_formatter
from tracker.dashboard import cache, data
from tracker.dashboard.charts import entity_chart, finish, vega_lite_spec
from tracker.dashboard.panels.select import pick_from_chart, pick_from_table
from tracker.dashboard.text import claims_phrase

KINDS = {"claimant": "Claimant", "outlet": "Outlet"}


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
    rows = chart_rows(prepared, "source_key", fmt).with_columns(
        quantity=prepared["quantity"],
        quantity_label=prepared["quantity"].replace_strict(labels, default=prepared["quantity"]),
    )
    first = rows.filter(pl.col("date") != "undated")["date"].min() or "2000-01-01"
    rows = rows.with_columns(date_or_first=pl.when(pl.col("date") == "undated")
                             .then(pl.lit(first)).otherwise(pl.col("date")))
    undated = rows.filter(pl.col("date") == "undated").height
    title = f"{KINDS[kind]} {choices[key].split(' · ')[0]}: {rows.height} claims, " \
        f"{rows['quantity'].n_unique()} quantities"
    st.vega_lite_chart(spec=vega_lite_spec(finish(entity_chart(rows, title), locale, narrow)),
                       width="stretch", key="entity_chart", selection_mode="pick",
                       on_select=lambda: pick_from_chart("entity_chart"))
    if undated:
        st.caption(f"{claims_phrase(undated)} no date: drawn grey at the left edge, listed "
                   "below with 'undated'.")
    table = rows.select("date", "quantity_label", "value_text", "source_label", "outlet",
                        "quote", "link", "claim_id")
    ids = table["claim_id"].to_list()
    st.dataframe(table, hide_index=True, key="entity_table", selection_mode="single-row",
                 on_select=lambda: pick_from_table("entity_table", ids),
                 column_config={
                     "link": st.column_config.LinkColumn("article", display_text="open ↗"),
                     "quantity_label": st.column_config.TextColumn("quantity"),
                     "value_text": st.column_config.TextColumn("value"),
                     "source_label": st.column_config.TextColumn("claimant"),
                 })
