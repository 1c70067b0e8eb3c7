"""The selected claim: set by a click on a chart mark or a table row, or by ``?claim=`` in the
URL; the detail panel (``panels.detail``) shows it."""

from __future__ import annotations

from typing import Any

import streamlit as st

from tracker.dashboard.charts import PICK

CLAIM = "claim"


def _rows(event: Any) -> list[dict[str, Any]]:
    selection = getattr(event, "selection", None) or (event or {}).get("selection", {})
    rows = selection.get(PICK) if isinstance(selection, dict) else getattr(selection, PICK, None)
    return list(rows or [])


def pick_from_chart(key: str) -> None:
    """on_select callback of a chart: its clicked point's claim becomes the selected one."""
    rows = _rows(st.session_state.get(key))
    if rows and rows[0].get("claim_id"):
        select(rows[0]["claim_id"])


def pick_from_table(key: str, claim_ids: list[str]) -> None:
    """on_select callback of a table: the selected row's claim."""
    event = st.session_state.get(key) or {}
    selection = getattr(event, "selection", None) or event.get("selection", {})
    picked = selection.get("rows") if isinstance(selection, dict) else selection.rows
    if picked:
        select(claim_ids[picked[0]])


def select(claim_id: str | None) -> None:
    if claim_id:
        st.session_state[CLAIM] = claim_id
        st.query_params[CLAIM] = claim_id
    else:
        st.session_state.pop(CLAIM, None)
        st.query_params.pop(CLAIM, None)


def selected() -> str | None:
    """The selected claim: the session's, else the URL's (a shared link)."""
    return st.session_state.get(CLAIM) or st.query_params.get(CLAIM)
