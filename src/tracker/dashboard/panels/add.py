"""The "Add an article" tab: paste or upload, preview each claim (value, source, claimant,
quantity), save, then see the claims added; claims no quantity takes are listed to move."""

from __future__ import annotations

import html
from pathlib import Path

import polars as pl
import streamlit as st

from tracker.aggregate.formatting import format_number
from tracker.dashboard import actions, data
from tracker.dashboard.cache import flash
from tracker.dashboard.panels.detail import NO_QUANTITY, run
from tracker.dashboard.panels.select import select
from tracker.dashboard.text import highlight_spans
from tracker.errors import TrackerError

ADDED = "added_articles"


PREVIEW_COLUMNS = ("value", "quote", "source", "claimant", "quantity", "meaning")


def preview_rows(article: object, locale: str,
                 quantities: dict[tuple[int, int], str] | None = None,
                 labels: dict[str, str] | None = None) -> pl.DataFrame:
    """One row per claim found: value, quote, source, claimant, the quantity it would get when
    saved (``quantities``: offsets to quantity id; ``labels`` names them) and its meaning."""
    quantities, labels = quantities or {}, labels or {}
    rows = []
    for c in article.claims:  # type: ignore[attr-defined]
        quantity = quantities.get((c.start, c.end))
        rows.append({
            "value": _value(c.low, c.high, locale), "quote": c.text, "source": c.source,
            "claimant": c.claimant,
            "quantity": labels.get(quantity, quantity) if quantity else "none",
            "meaning": " · ".join(x for x in (c.concept, c.actor, c.state) if x),
        })
    return pl.DataFrame(rows, schema={k: pl.String for k in PREVIEW_COLUMNS})


def _value(low: float | None, high: float | None, locale: str) -> str:
    if low is not None and high is not None and low != high:
        return f"{format_number(low, locale)}–{format_number(high, locale)}"
    return format_number(low if low is not None else high, locale)


def show_add_article(db: Path, labels: dict[str, str], locale: str) -> None:
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
                name, raw, url=url, outlet=outlet, published=published)
            st.session_state["add_quantities"] = actions.preview_quantities(
                db, st.session_state["add_articles"])
        except TrackerError as err:
            st.error(str(err))
    for article in st.session_state.get("add_articles", []):
        spans = [(c.start, c.end) for c in article.claims]
        st.caption(html.escape(f"{article.title or 'untitled'} · {article.outlet or ''} · "
                               f"{article.published or 'no date'} · {len(spans)} claims"))
        st.markdown(f"<div>{highlight_spans(article.text, spans)}</div>", unsafe_allow_html=True)
        st.dataframe(preview_rows(article, locale, st.session_state.get("add_quantities"),
                                  labels), hide_index=True, key="add_preview")
        st.caption("quantity: the tracked quantity each claim will join when saved (the same "
                   "rules as a save, run on a scratch copy; \"none\": no quantity takes it).")
    if st.session_state.get("add_articles") and st.button("Save to the store", key="add_save"):
        articles = st.session_state.pop("add_articles")
        ids = [a.article_id for a in articles]
        st.session_state[ADDED] = ids
        try:
            counts = actions.save_articles(db, articles)
        except TrackerError as err:
            st.error(str(err))
        else:
            flash(f"Saved: {counts['new']} new article(s), {counts['claims']} claims; they are "
                  "listed under Claims added below.")
    if st.session_state.get(ADDED):
        show_added(db, st.session_state[ADDED], labels)


def show_added(db: Path, article_ids: list[str], labels: dict[str, str]) -> None:
    """The claims just added, with their quantity; those without one can be moved."""
    claims = data.load_article_claims(db, article_ids)
    if claims.is_empty():
        return
    st.subheader("Claims added")
    for row in claims.iter_rows(named=True):
        quantity = labels.get(row["quantity"], row["quantity"]) if row["quantity"] else None
        left, right = st.columns([5, 1])
        left.markdown(html.escape(f"{row['quote']} · {row['source'] or 'own figure'} · ")
                      + (f"**{html.escape(quantity)}**" if quantity else "*no quantity*"))
        if right.button("Open", key=f"added_open_{row['claim_id']}"):
            select(row["claim_id"])
            st.rerun()
    untracked = claims.filter(pl.col("quantity").is_null())
    if untracked.height:
        st.caption(f"{untracked.height} claims no quantity takes: open one to move it to a "
                   "quantity, or track their group in Untracked claims.")
        with st.form("added_move"):
            ids = untracked["claim_id"].to_list()
            quotes = dict(zip(ids, untracked["quote"].to_list(), strict=True))
            claim_id = st.selectbox("Claim", ids, format_func=quotes.get)
            target = st.selectbox("Move to", [NO_QUANTITY, *labels],
                                  format_func=lambda q: labels.get(q, q))
            if st.form_submit_button("Move claim") and target != NO_QUANTITY:
                run(lambda: actions.move_claim(db, claim_id, target, None),
                    f"Claim moved to {labels.get(target, target)}.")
