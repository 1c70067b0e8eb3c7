"""The Review and Untracked claims tabs: review or move any claim of the view, merge or split
claimants, correct an article's date, outlet and title, track suggested groups, rename or
retire quantities. Every change is a new row; the page reloads with it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import streamlit as st

from tracker.aggregate.quantities import QuantityConfig
from tracker.aggregate.review import VERDICTS
from tracker.dashboard import actions, cache, data
from tracker.dashboard.cache import flash
from tracker.dashboard.panels.detail import NO_QUANTITY
from tracker.dashboard.panels.detail import run as run_action
from tracker.errors import TrackerError

SUGGESTIONS_SHOWN = 20


def claim_labels(table: pl.DataFrame) -> dict[str, str]:
    """Claim picker labels (the claims table's current page): outlet, date, value, claimant
    and the quote in its sentence."""
    shown = table.select("claim_id", "outlet", "date", "value", "claimant",
                                    "quote_in_context")
    return {cid: f"{outlet} · {day or 'no date'} · {value} · {who} · {quote[:90]}"
            for cid, outlet, day, value, who, quote in shown.iter_rows()}


def show_review(db: Path, table: pl.DataFrame, quantity_ids: list[str],
                names: dict[str, str]) -> None:
    if table.is_empty():
        st.write("No claims in this view.")
        return
    labels = claim_labels(table)
    st.caption("The claims of the Claims tab's current page; a click on a chart point or a "
               "table row opens any claim with its review buttons.")
    with st.form("review"):
        claim_id = st.selectbox("Claim", list(labels), format_func=labels.get)
        verdict = st.radio("Verdict", VERDICTS, horizontal=True)
        st.caption("For 'corrected', fill in the fields that change; the original stays stored.")
        low = st.number_input("Low", value=None, step=1.0)
        high = st.number_input("High", value=None, step=1.0)
        unit = st.text_input("Unit")
        source = st.text_input("Source")
        quantity = st.selectbox("Quantity", ["", *quantity_ids],
                                format_func=lambda q: names.get(q, q))
        note = st.text_input("Note")
        if st.form_submit_button("Save review"):
            try:
                actions.save_review(db, claim_id, verdict, low=low, high=high, unit=unit or None,
                                    source=source or None, quantity=quantity or None, note=note)
            except TrackerError as err:
                st.error(str(err))
            else:
                flash("Review saved; the view now uses it.")
    show_move(db, labels, quantity_ids, names)


def show_move(db: Path, labels: dict[str, str], quantity_ids: list[str],
              names: dict[str, str]) -> None:
    """Move one claim to another tracked quantity or to none (a 'moved' review row, as
    `tracker move`); the claims table's `reason` then says "moved by a reviewer"."""
    with st.form("move"):
        st.caption("Move a claim the assignment got wrong; it keeps the move until undone.")
        claim_id = st.selectbox("Claim to move", list(labels), format_func=labels.get,
                                key="move_claim")
        target = st.selectbox("Move to", [NO_QUANTITY, *quantity_ids], key="move_target",
                              format_func=lambda q: names.get(q, q))
        note = st.text_input("Note", key="move_note")
        if st.form_submit_button("Move claim"):
            quantity = None if target == NO_QUANTITY else target
            run_action(lambda: actions.move_claim(db, claim_id, quantity, note or None),
                       f"Claim moved to {target}.")


def show_claimant_edits(db: Path, signature: tuple) -> None:
    """Merge two claimants or split a name out of one: a new edit row, as `tracker claimants`."""
    table = cache.claimants(str(db), signature)
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


def show_suggestions(db: Path, signature: tuple, config: QuantityConfig) -> None:
    st.write(
        "Claims no quantity takes, grouped by what they count (concept, actor, state; the unit "
        "when the extractor found no meaning). **Track** makes a group a quantity at once."
    )
    show_tracked(db, config)
    # on request only: grouping the untracked claims of a big database takes seconds
    if not st.toggle("Find groups of untracked claims", key="suggest"):
        return
    groups = cache.suggestions(str(db), signature)
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


def show_article_corrections(db: Path, table: pl.DataFrame) -> None:
    """Set an article's date, outlet and title: a correction row, the original kept. The
    articles offered: the undated ones, then those of the claims table's current page."""
    undated = data.load_undated_articles(db)
    with st.expander(f"Correct an article (date, outlet, title) · {undated.height} undated"):
        options: dict[str, str] = {}
        for aid, outlet, title in undated.select("article_id", "outlet", "title").iter_rows():
            options[aid] = f"no date · {outlet} · {title or 'untitled'}"
        for aid, outlet, day, title in table.select(
                "article_id", "outlet", "published", "title").unique(
                "article_id", maintain_order=True).iter_rows():
            options.setdefault(aid, f"{day or 'no date'} · {outlet} · {title or 'untitled'}")
        if not options:
            return
        article_id = st.selectbox("Article", list(options), format_func=options.get,
                                  key="fix_article")
        article = data.load_article(db, article_id) or {}
        with st.form("article_correction"):
            published = st.date_input("Published", value=article.get("published"))
            outlet = st.text_input("Outlet", value=article.get("outlet") or "")
            title = st.text_input("Title", value=article.get("title") or "")
            note = st.text_input("Note", key="fix_note")
            if st.form_submit_button("Save correction"):
                run_action(lambda: actions.correct_article(
                    db, article_id, outlet=outlet, title=title, published=published,
                    note=note or None), "Article corrected; the original is kept.")
        if article.get("corrected_at"):
            st.caption(f"Last corrected {article['corrected_at']:%Y-%m-%d %H:%M}.")
