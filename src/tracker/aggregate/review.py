"""Reviews: a correction is a new row in ``store.reviews`` (written by
``tracker.store.write_reviews``); the original claim is never changed.

The ``claims`` view applies the latest review of each claim; aggregation leaves out claims whose
latest verdict is ``wrong``.
"""

from __future__ import annotations

import re
import time
import uuid
from datetime import UTC, datetime

import duckdb
import polars as pl

from tracker.errors import InputError
from tracker.models import KINDS
from tracker.store import write_reviews

VERDICTS: tuple[str, ...] = ("correct", "wrong", "corrected")


def add_review(
    con: duckdb.DuckDBPyConnection,
    claim_id: str,
    verdict: str,
    *,
    low: float | None = None,
    high: float | None = None,
    kind: str | None = None,
    unit: str | None = None,
    source: str | None = None,
    quantity: str | None = None,
    note: str | None = None,
) -> str:
    """Store one review of ``claim_id`` and return its id.

    ``corrected`` needs at least one corrected field; ``correct`` and ``wrong`` take only a note.
    """
    if verdict not in VERDICTS:
        raise InputError(f"review of {claim_id}", f"verdict {verdict!r} is not one of {VERDICTS}")
    if kind is not None and kind not in KINDS:
        raise InputError(f"review of {claim_id}", f"kind {kind!r} is not one of {KINDS}")
    fields = {"low": low, "high": high, "kind": kind, "unit": unit, "source": source}
    fields["quantity"] = quantity
    changed = {k: v for k, v in fields.items() if v not in (None, "")}
    if verdict == "corrected" and not changed:
        raise InputError(f"review of {claim_id}", "a correction needs at least one new value")
    if verdict != "corrected" and changed:
        raise InputError(f"review of {claim_id}", f"verdict {verdict!r} takes no new values")
    if low is not None and high is not None and low > high:
        raise InputError(f"review of {claim_id}", f"low {low} is above high {high}")
    found = con.execute("SELECT 1 FROM store.claims WHERE claim_id = ?", [claim_id]).fetchall()
    if not found:
        raise InputError(f"review of {claim_id}", "no such claim")
    # Time first, so reviews stored in the same microsecond still sort in the order made.
    review_id = f"{time.time_ns():x}{uuid.uuid4().hex[:4]}"
    write_reviews(con, [{
        "review_id": review_id,
        "claim_id": claim_id,
        "verdict": verdict,
        **changed,
        "note": note or None,
        "reviewed_at": datetime.now(UTC).replace(tzinfo=None),
    }])
    return review_id


UNDONE = "undone"  # an undo back to no review (the claims view then shows no verdict)
_REVIEW_FIELDS = ("verdict", "low", "high", "kind", "unit", "source", "quantity")
# An undo or redo row names the review it takes back or applies again in its note.
_STEP = re.compile(r"^(undo|redo) of review (\S+)")


def review_history(con: duckdb.DuckDBPyConnection, claim_id: str) -> pl.DataFrame:
    """Every review of ``claim_id``, newest first (the first row is the one that applies)."""
    return con.sql(
        "SELECT review_id, verdict, low, high, kind, unit, source, quantity, note, reviewed_at"
        " FROM store.reviews WHERE claim_id = ? ORDER BY reviewed_at DESC, review_id DESC",
        params=[claim_id],
    ).pl()


def review_steps(history: pl.DataFrame) -> tuple[list[dict], list[dict]]:
    """Replay a claim's reviews (``review_history``, newest first): the reviews in effect, the
    last one applying, and the ones undone that a redo can bring back, the next one last.

    A review pushes onto the applied list and clears the undone ones (as in an editor); an
    undo row moves the last applied review to the undone list; a redo row moves it back.
    """
    applied: list[dict] = []
    undone: list[dict] = []
    for row in reversed(history.to_dicts()):
        step = _STEP.match(row["note"] or "")
        if step and step.group(1) == "undo":
            if applied:
                undone.append(applied.pop())
        elif step:
            if undone:
                applied.append(undone.pop())
        else:
            applied.append(row)
            undone.clear()
    return applied, undone


def _write_step(con: duckdb.DuckDBPyConnection, claim_id: str, action: str, moved: dict,
                back: dict | None, note: str | None) -> str:
    """A new review row for an undo or redo: the values of ``back`` (None: no review)."""
    values = {k: back[k] for k in _REVIEW_FIELDS} if back else {"verdict": UNDONE}
    review_id = f"{time.time_ns():x}{uuid.uuid4().hex[:4]}"
    write_reviews(con, [{
        "review_id": review_id,
        "claim_id": claim_id,
        **values,
        "note": f"{action} of review {moved['review_id']} ({moved['verdict']})"
                + (f": {note}" if note else ""),
        "reviewed_at": datetime.now(UTC).replace(tzinfo=None),
    }])
    return review_id


def undo_review(con: duckdb.DuckDBPyConnection, claim_id: str, note: str | None = None) -> str:
    """Undo the review that applies to ``claim_id`` with a new row (nothing is deleted): the
    review before it applies again (its verdict and values repeated), or ``undone`` (no review)
    when there was none. Undo again goes further back. Returns the new review's id."""
    applied, _ = review_steps(review_history(con, claim_id))
    if not applied:
        raise InputError(f"review of {claim_id}", "no review to undo")
    return _write_step(con, claim_id, "undo", applied[-1],
                       applied[-2] if len(applied) > 1 else None, note)


def redo_review(con: duckdb.DuckDBPyConnection, claim_id: str, note: str | None = None) -> str:
    """Apply the review undone last again, with a new row repeating its values. Returns the
    new review's id."""
    _, undone = review_steps(review_history(con, claim_id))
    if not undone:
        raise InputError(f"review of {claim_id}", "no undone review to redo")
    return _write_step(con, claim_id, "redo", undone[-1], undone[-1], note)
