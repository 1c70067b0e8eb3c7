"""The Claims tab: the claims table, one page of ``TABLE_PAGE`` rows at a time (link first,
date, outlet, claimant, value, the quote with the number visible), the quotes in the same
order, export of every claim."""

from __future__ import annotations

import html
import io
from pathlib import Path

import polars as pl
import streamlit as st

from tracker.aggregate.compare import TABLE_PAGE, QuantityView, claims_table, with_texts
from tracker.aggregate.formatting import number_formatter
from tracker.dashboard import cache, data
from tracker.dashboard.panels.select import pick_from_table
from tracker.dashboard.text import highlight

PAGE = "claims_page"
KEPT_PAGE = "claims_page_kept"
SHOWN_VIEW = "claims_page_view"
QUOTES_SHOWN = 50
TABLE_HEIGHT = 820  # about 9 rows of four lines
ROW_HEIGHT = 86  # four lines of text: long quotes and names wrap instead of being cut


def follow_view(view_id: object) -> None:
    """Back to the first page when the view changes (another quantity, filter or rule)."""
    if st.session_state.get(SHOWN_VIEW) != view_id:
        st.session_state[SHOWN_VIEW] = view_id
        st.session_state[KEPT_PAGE] = 1
        st.session_state.pop(PAGE, None)


def current_page(view: QuantityView) -> int:
    """The page the table shows (0-based), kept within the view's pages. Kept under a key of
    its own: a widget's state is dropped in a run that does not draw it (another tab)."""
    return min(max(int(st.session_state.get(KEPT_PAGE) or 1), 1), view.pages) - 1


def page_table(view: QuantityView, db: str, signature: tuple) -> pl.DataFrame:
    """The current page of the claims table, its sentences and titles read for its rows only
    (the Claims and Review tabs share it)."""
    page = current_page(view)
    ids = view.table_order.slice(page * TABLE_PAGE, TABLE_PAGE)["claim_id"].to_list()
    return view.table_page(page, cache.claim_texts(db, signature, tuple(ids)))


def show_claims(view: QuantityView, quantity: str, db: str, signature: tuple) -> None:
    total = view.prepared.height  # the table has a row per prepared claim
    if view.pages > 1:
        if int(st.session_state.get(PAGE) or 1) > view.pages:  # fewer pages after a filter
            st.session_state[PAGE] = view.pages
        st.session_state[KEPT_PAGE] = st.pagination(view.pages, key=PAGE, default=min(
            view.pages, current_page(view) + 1))
        page = current_page(view)
        st.caption(f"Claims {page * TABLE_PAGE + 1:,}–{min(total, (page + 1) * TABLE_PAGE):,} "
                   f"of {total:,} ({view.pages:,} pages of {TABLE_PAGE}); only this page is "
                   "sent to the browser, Export has them all.")
    table = page_table(view, db, signature)
    shown = table.select("link", "date", "outlet", "claimant", "value", "quote_in_context",
                         "outlier_reason", "written_as", "review", "reason", "hedged",
                         "is_relay", "is_total", "lang", "claim_id")
    claim_ids = table["claim_id"].to_list()
    st.caption("Newest first, undated last. Click a row to open its claim; long quotes wrap "
               "(the list below shows each sentence whole).")
    st.dataframe(
        shown, hide_index=True, height=TABLE_HEIGHT, key="claims_table", row_height=ROW_HEIGHT,
        on_select=lambda: pick_from_table("claims_table", claim_ids),
        selection_mode="single-row", placeholder="",
        column_config={
            "link": st.column_config.LinkColumn("article", display_text="open ↗", width=56),
            "date": st.column_config.TextColumn("date", width=86),
            "outlet": st.column_config.TextColumn("outlet", width=104),
            "claimant": st.column_config.TextColumn("claimant", width=124),
            "value": st.column_config.TextColumn("value", width=112,
                                                 help="As stated: a range, an open bound "
                                                      "('at least') or one figure."),
            "quote_in_context": st.column_config.TextColumn(
                "quote (number in ⟦ ⟧)", width=380,
                help="The sentence around the number (cut at … further than 70 characters "
                     "from it)."),
            "outlier_reason": st.column_config.TextColumn("outlier", width="medium"),
            "written_as": st.column_config.TextColumn("source as written", width="medium"),
            "is_total": st.column_config.CheckboxColumn("estimate of the total"),
        },
    )
    with st.expander(f"Quotes with the number marked (first {QUOTES_SHOWN} of this page, "
                     "same order)"):
        for row in table.head(QUOTES_SHOWN).iter_rows(named=True):
            who = html.escape(" · ".join(str(x) for x in (row["outlet"], row["date"] or
                                                           "no date", row["claimant"]) if x))
            marked = highlight(row["quote_in_context"].replace("⟦", "").replace("⟧", ""),
                               row["quote"] or "")
            st.markdown(f"<p><small>{who}</small><br>{marked}</p>", unsafe_allow_html=True)
    show_export(view, quantity, Path(db))


def full_table(view: QuantityView, db: Path) -> pl.DataFrame:
    """Every claim of the view with its texts: what Export writes (built on click only)."""
    texts = data.load_claim_texts(db, view.prepared["claim_id"].to_list())
    return claims_table(with_texts(view.prepared, texts), fmt=number_formatter(view.locale))


def show_export(view: QuantityView, quantity: str, db: Path) -> None:
    def csv() -> str:
        return full_table(view, db).write_csv()

    def parquet() -> bytes:
        buffer = io.BytesIO()
        full_table(view, db).write_parquet(buffer)
        return buffer.getvalue()

    # Callables: the table and the files are only built when a button is clicked, not on
    # every rerun (the full table of 100,000+ claims costs more than the rest of the page).
    left, right = st.columns(2)
    left.download_button("Export CSV", csv, f"{quantity}.csv", "text/csv")
    right.download_button("Export Parquet", parquet, f"{quantity}.parquet",
                          "application/octet-stream")
