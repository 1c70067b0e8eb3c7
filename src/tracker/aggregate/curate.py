"""What a person changes by hand, from the CLI or the dashboard alike: a review of a claim, articles
added one at a time. Each opens the store read-write only for the moment the write takes."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from os import PathLike
from typing import Any, Protocol

from tracker.errors import InputError
from tracker.models import Article


def review_claim(
    db: str | PathLike[str] | None, claim_id: str, verdict: str,
    watch: ReviewWatch | None = None, **fields: Any
) -> str:
    """Store one review as a new row (the claim itself is never changed) and keep the
    per-quantity summary in step with it. Returns the review's id. ``watch``: reads around the
    write, in its session (``ReviewWatch``)."""
    from tracker.aggregate.review import add_review

    return _reviewing(db, claim_id, lambda con: add_review(con, claim_id, verdict, **fields),
                      watch)


class ReviewWatch(Protocol):
    """Reads around a review in its write session (the store locked, so nothing else can
    change in between): the dashboard patches what it keeps instead of reading it all again."""

    def before(self, con: Any) -> None: ...

    def after(self, con: Any) -> None: ...


def _reviewing(db: str | PathLike[str] | None, claim_id: str, write: Callable[[Any], str],
               watch: ReviewWatch | None) -> str:
    """One review row written by ``write`` in a read-write session, the summary kept in step
    with it, ``watch`` called before and after."""
    from tracker.store import open_store

    with open_store(db) as store:
        if watch is not None:
            watch.before(store.con)
        review_id = write(store.con)
        _keep_in_summary(store.con, claim_id)  # the summary the dashboard reads stays usable
        if watch is not None:
            watch.after(store.con)
    return review_id


def _keep_in_summary(con: Any, claim_id: str) -> None:
    """Put a reviewed claim into the per-quantity summary unless it is there already (the
    usual case: a lookup, where the insert query scans the summary: 0.22 s at 1M claims)."""
    from tracker.aggregate.summary import SUMMARY, add_reviewed_claim, has_summary

    if has_summary(con):
        [(found,)] = con.execute(f"SELECT count(*) FROM {SUMMARY} WHERE claim_id = ?",
                                 [claim_id]).fetchall()
        if found:
            return
    add_reviewed_claim(con, claim_id)


def save_articles(db: str | PathLike[str] | None, articles: list[Article]) -> dict[str, int]:
    """Store the articles and their claims, merge claimants across the corpus, then reassign
    quantities (as ``tracker ingest``). Returns the counts."""
    from tracker.aggregate.claimants import resolve_corpus, user_aliases
    from tracker.aggregate.quantities import assign_all
    from tracker.store import open_store

    with open_store(db) as store:
        counts = store.write_articles(articles)
        resolve_corpus(store.con, user_aliases())
        assigned = assign_all(store.con)
    return {"new": counts.new, "unchanged": counts.unchanged, "claims": counts.claims,
            "assigned": assigned}


def preview_quantities(config: Any, articles: list[Article]) -> dict[tuple[int, int], str]:
    """The quantity each claim of ``articles`` would get if they were saved: the assignment
    rules of ``assign_all`` under ``config`` (a ``QuantityConfig``, e.g. a database's tracked
    quantities), run in a scratch database so nothing is stored. Keys are the claims'
    ``(start, end)`` offsets; claims no quantity takes are left out."""
    import tempfile
    from pathlib import Path

    from tracker.aggregate.quantities import assign_all
    from tracker.store import open_store

    if not config.quantities or not any(a.claims for a in articles):
        return {}
    with (
        tempfile.TemporaryDirectory(prefix="tracker-preview-") as tmp,
        open_store(Path(tmp) / "preview.duckdb") as store,
    ):
        store.write_articles(articles)
        assign_all(store.con, config)
        rows = store.con.execute(
            "SELECT start, \"end\", quantity FROM claims WHERE quantity IS NOT NULL"
        ).fetchall()
    return {(start, end): quantity for start, end, quantity in rows}


def undo_review(db: str | PathLike[str] | None, claim_id: str, note: str | None = None,
                watch: ReviewWatch | None = None) -> str:
    """Undo the review that applies to a claim with a new row (see ``review.undo_review``)."""
    from tracker.aggregate.review import undo_review as undo

    return _reviewing(db, claim_id, lambda con: undo(con, claim_id, note), watch)


def redo_review(db: str | PathLike[str] | None, claim_id: str, note: str | None = None,
                watch: ReviewWatch | None = None) -> str:
    """Apply the review undone last again, with a new row (see ``review.redo_review``)."""
    from tracker.aggregate.review import redo_review as redo

    return _reviewing(db, claim_id, lambda con: redo(con, claim_id, note), watch)


def correct_article(
    db: str | PathLike[str] | None,
    article_id: str,
    *,
    outlet: str | None,
    title: str | None,
    published: date | None,
    note: str | None = None,
) -> str:
    """Store a reviewer's outlet, title and date of an article as a new row of
    ``store.article_corrections`` (the values as they should read; None = none). The stored
    article keeps its original values; the views show the latest correction. Returns its id."""
    from tracker.aggregate.summary import refresh_overview
    from tracker.store import open_store, write_article_corrections

    with open_store(db) as store:
        found = store.con.execute("SELECT 1 FROM store.articles WHERE article_id = ?",
                                  [article_id]).fetchall()
        if not found:
            raise InputError(f"correction of article {article_id}", "no such article")
        correction_id = f"{time.time_ns():x}{uuid.uuid4().hex[:4]}"
        write_article_corrections(store.con, [{
            "correction_id": correction_id, "article_id": article_id,
            "outlet": (outlet or "").strip() or None, "title": (title or "").strip() or None,
            "published": published, "note": note or None,
            "corrected_at": datetime.now(UTC).replace(tzinfo=None),
        }])
        refresh_overview(store.con)  # outlets per quantity may have changed
    return correction_id
