"""The Claims tab: the claims table (link first, date, outlet, claimant, value, the quote with
the number visible), the quotes in the same order, export."""

from __future__ import annotations

import html
import io

import streamlit as st

from tracker.aggregate.compare import TABLE_ROWS, QuantityView
from tracker.dashboard.panels.select import pick_from_table
from tracker.dashboard.text import highlight

QUOTES_SHOWN = 50
TABLE_HEIGHT = 640  # about 18 rows


def show_claims(view: QuantityView, quantity: str) -> None:
    total = view.prepared.height  # the table has a row per prepared claim
    if total > TABLE_ROWS:
        st.caption(f"The newest {TABLE_ROWS:,} of {total:,} claims; Export has them all.")
    table = view.table_shown
    shown = table.select("link", "date", "outlet", "claimant", "value", "quote_in_context",
                         "outlier_reason", "written_as", "review", "reason", "hedged",
                         "is_relay", "is_total", "lang", "claim_id")
    claim_ids = table["claim_id"].to_list()
    st.caption("Newest first, undated last. Click a row to open its claim.")
    st.dataframe(
        shown, hide_index=True, height=TABLE_HEIGHT, key="claims_table",
        on_select=lambda: pick_from_table("claims_table", claim_ids),
        selection_mode="single-row",
        column_config={
            "link": st.column_config.LinkColumn("article", display_text="open ↗", width="small"),
            "date": st.column_config.TextColumn("date", width="small"),
            "value": st.column_config.TextColumn("value", width="small"),
            "quote_in_context": st.column_config.TextColumn("quote (number in ⟦ ⟧)",
                                                            width="large"),
            "outlier_reason": st.column_config.TextColumn("outlier"),
            "written_as": st.column_config.TextColumn("source as written"),
            "is_total": st.column_config.CheckboxColumn("estimate of the total"),
        },
    )
    with st.expander(f"Quotes with the number marked (first {QUOTES_SHOWN}, same order)"):
        for row in table.head(QUOTES_SHOWN).iter_rows(named=True):
            who = html.escape(" · ".join(str(x) for x in (row["outlet"], row["date"] or
                                                           "no date", row["claimant"]) if x))
            marked = highlight(row["quote_in_context"].replace("⟦", "").replace("⟧", ""),
                               row["quote"] or "")
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
