"""The selected claim's detail: the sentence with the number marked, who said it as written
and as a claimant, outlet, date, link, quantity and why, and the review buttons right there
(correct, wrong, corrected values, move), with its reviews and an undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import streamlit as st

from tracker.aggregate.formatting import format_number
from tracker.aggregate.review import review_steps
from tracker.dashboard import actions, cache, data
from tracker.dashboard.cache import flash
from tracker.dashboard.panels.select import select, selected
from tracker.dashboard.text import escape_markdown, highlight_markdown, safe_url
from tracker.errors import TrackerError

NO_QUANTITY = "(none: not about a tracked quantity)"


def run(action: Callable[[], object], message: str) -> None:
    try:
        action()
    except TrackerError as err:
        st.error(str(err))
    else:
        flash(message)


def reviewed(db: Path, claim_id: str, write: Callable[[data.ReviewRead], object],
             message: str) -> None:
    """on_click of a review button: the review is written before the page runs again (one run,
    not a run that writes and a second one), and the page patches what it kept with the
    review's reads (``cache.review``) instead of reading the claims again.

    Nothing is written when ``claim_id`` (the claim of the panel the button was drawn in) is no
    longer the selected claim: a click on another mark selects it at once, but its panel comes
    only when that run draws it; a click on the panel still showing the earlier claim would
    review that one while the page goes on to show the new one, "No review yet" under
    "Marked wrong"."""
    if selected() != claim_id:
        st.session_state[ERROR] = ("Nothing saved: another claim was selected before the "
                                   "button was clicked. Review this one again if you meant to.")
        return
    try:
        cache.review(db, claim_id, write)
    except TrackerError as err:
        st.session_state[ERROR] = str(err)
    else:
        st.session_state["flash"] = message


ERROR = "detail_error"


def value_text(claim: dict[str, Any], locale: str) -> str:
    low, high = claim["low"], claim["high"]
    if low is None and high is None:
        return "–"
    if high is None:
        return f"at least {format_number(low, locale)}"
    if low is None:
        return f"at most {format_number(high, locale)}"
    if low != high:
        return f"{format_number(low, locale)}–{format_number(high, locale)}"
    return format_number(low, locale)


def show_detail(db: Path, signature: tuple, claim_id: str, labels: dict[str, str],
                locale: str, role: str = "") -> None:
    """The claim's detail; ``role`` says what it counts for in the figures shown above."""
    claim, reviews = cache.claim_detail(str(db), signature, claim_id)
    if claim is None:
        select(None)
        return
    with st.container(border=True, key="claim_detail"):
        head, close = st.columns([6, 1])
        head.subheader(f"Claim {value_text(claim, locale)}")
        if close.button("Close", key="detail_close"):
            select(None)
            st.rerun()
        sentence = claim["sentence"] or ""
        start = claim["start"] - claim.get("sentence_start", 0) if "sentence_start" in claim \
            else None
        st.markdown(f"> {highlight_markdown(sentence, claim['quote'] or '', start)}")
        link = safe_url(claim["url"])
        facts = {
            "outlet": claim["outlet"],
            "date": str(claim["published"]) if claim["published"] else "no date",
            "source as written": claim["source"],
            "claimant": claim.get("claimant_label") or claim["claimant"],
            "relayed by": claim["via_source"],
            "quantity": labels.get(claim["quantity"], claim["quantity"]) if claim["quantity"]
            else "none",
            "why this quantity": claim["reason"],
            "review": claim["review"],
            "title": claim["title"],
        }
        st.markdown("  \n".join(f"**{k}:** {escape_markdown(str(v))}" for k, v in facts.items()
                                if v not in (None, "")))
        if link:
            st.markdown(f"[Open the article ↗]({link})")
        if role:
            st.caption(role, help="Relays, outliers, changes and earlier estimates stay in "
                                  "the data and the table but not in the consensus.")
        show_review_buttons(db, claim, labels)
        show_history(db, claim_id, reviews, locale)


PRELOAD = "panel_code_preload"  # the key of the hidden container (CSS: .st-key-<key>)


def preload_code() -> None:
    """Drawn at the top of the sidebar while no claim is open: a button the page never shows
    (``display: none``). The browser loads and compiles an element's code when the page first
    draws one, and this page has no other ``st.button`` before a claim is open: without it
    the first click on a mark also fetched and compiled Streamlit's ``Button``: at 1M claims
    the first click took 0.40-0.88 s against 0.19-0.50 s with this (docs/scale.md, "The first
    point click of a page")."""
    with st.container(key=PRELOAD):  # the style too: nothing outside the hidden wrapper
        # the container's wrapper hidden too: a hidden block alone still took the column's gap
        st.html(f"<style>:has(> .st-key-{PRELOAD}), .st-key-{PRELOAD} {{display: none}}</style>")
        st.button("Close", key=f"{PRELOAD}_button", disabled=True)


def show_review_buttons(db: Path, claim: dict[str, Any], labels: dict[str, str]) -> None:
    claim_id = claim["claim_id"]
    error = st.session_state.pop(ERROR, None)
    if error:
        st.error(error)
    one, two, three = st.columns(3)
    one.button("✓ Correct", key="detail_correct", on_click=reviewed, args=(
        db, claim_id, lambda watch: actions.save_review(db, claim_id, "correct", watch),
        "Marked correct."))
    two.button("✗ Wrong", key="detail_wrong", on_click=reviewed, args=(
        db, claim_id, lambda watch: actions.save_review(db, claim_id, "wrong", watch),
        "Marked wrong: the figures leave it out (Undo brings it back)."))
    targets = [NO_QUANTITY, *labels]
    with three.popover("Move to…"):
        target = st.selectbox("Quantity", targets, key="detail_move_to",
                              format_func=lambda q: labels.get(q, q))
        if st.button("Move", key="detail_move"):
            quantity = None if target == NO_QUANTITY else target
            run(lambda: actions.move_claim(db, claim_id, quantity, None),
                f"Claim moved to {labels.get(target, target)}.")
    # the form is drawn when opened (a rerun): a click on a point draws less
    corrected = st.expander("Corrected values", key="detail_corrected_open", on_change="rerun")
    if not corrected.open:
        return
    with corrected, st.form("detail_corrected"):
        low = st.number_input("Low", value=claim["low"], step=1.0)
        high = st.number_input("High", value=claim["high"], step=1.0)
        source = st.text_input("Source", value=claim["source"] or "")
        note = st.text_input("Note")
        if st.form_submit_button("Save corrected values"):
            changed = {k: v for k, v in (("low", low), ("high", high)) if v != claim[k]}
            if source != (claim["source"] or ""):
                changed["source"] = source
            run(lambda: actions.save_review(db, claim_id, "corrected", note=note or None,
                                            **changed), "Corrected values saved.")


def show_history(db: Path, claim_id: str, reviews: pl.DataFrame, locale: str) -> None:
    """The claim's ``reviews`` (newest first), with Undo (back one review) and Redo (the
    review undone last again); each is a new row, nothing is deleted."""
    if reviews.is_empty():
        st.caption("No review yet.")
        return
    lines = []
    for row in reviews.iter_rows(named=True):
        values = ", ".join(
            f"{k} {format_number(row[k], locale) if k in ('low', 'high') else row[k]}"
            for k in ("low", "high", "source", "quantity") if row[k] is not None)
        lines.append(f"- {row['reviewed_at']:%Y-%m-%d %H:%M} · **{row['verdict']}**"
                     + (f" ({values})" if values else "")
                     + (f" · {escape_markdown(row['note'])}" if row["note"] else ""))
    st.markdown("**Reviews** (newest first; the first applies)  \n" + "\n".join(lines))
    applied, undone = review_steps(reviews)
    left, right = st.columns(2)
    left.button("↶ Undo the last review", key="detail_undo", disabled=not applied,
                on_click=reviewed, args=(
                    db, claim_id, lambda watch: actions.undo_review(db, claim_id, watch),
                    "Review undone (a new review row; nothing deleted). Redo brings it back."))
    right.button("↷ Redo", key="detail_redo", disabled=not undone,
                 help="Apply the review undone last again.", on_click=reviewed, args=(
                     db, claim_id, lambda watch: actions.redo_review(db, claim_id, watch),
                     "Review applied again (a new row)."))
