"""What the dashboard's "Add an article" and "Review" panels do, without Streamlit.

Reading and extraction go through ``tracker.ingest.process_bytes`` (the same path as
``tracker ingest``); writes go through ``tracker.aggregate.curate`` (the same functions as
``tracker review``), which open the store read-write only for the moment they take.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from tracker.aggregate import curate
from tracker.errors import InputError
from tracker.models import Article

UPLOAD_TYPES = ("txt", "html", "htm", "pdf")


def read_article(
    name: str,
    data: bytes,
    *,
    url: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
) -> list[Article]:
    """Articles (with claims extracted) from pasted text or an uploaded file's bytes.

    ``name`` gives the reader by its suffix (``pasted.txt`` for pasted text).
    """
    from tracker.ingest import Overrides, process_bytes

    suffix = Path(name).suffix.lower()
    if suffix.lstrip(".") not in UPLOAD_TYPES:
        raise InputError(name, f"unsupported file type {suffix or '(none)'!r}")
    overrides = Overrides(url=url or None, outlet=outlet or None, published=published)
    result = process_bytes(data, name, overrides)
    if result.errors:
        raise InputError(name, result.errors[0].reason)
    if not result.articles:
        raise InputError(name, "no article text found")
    return result.articles


def preview_quantities(db: Path, articles: list[Article]) -> dict[tuple[int, int], str]:
    """The quantity each claim would get if the articles were saved into ``db`` (offsets to
    quantity id), assigned in a scratch database under ``db``'s tracked quantities."""
    from tracker.dashboard.data import load_config

    return curate.preview_quantities(load_config(db), articles)


def save_articles(db: Path, articles: list[Article]) -> dict[str, int]:
    """Store the articles and their claims, then reassign quantities. Returns the counts."""
    return curate.save_articles(db, articles)


def save_review(db: Path, claim_id: str, verdict: str, watch: curate.ReviewWatch | None = None,
                **fields: Any) -> str:
    """Store one review as a new row (the claim itself is never changed); as ``tracker review``.
    ``watch``: reads in the write's session (``curate.ReviewWatch``)."""
    return curate.review_claim(db, claim_id, verdict, watch, **fields)


def merge_claimants(db: Path, claimant: str, target: str, note: str | None = None) -> str:
    """Merge one claimant into another, as ``tracker claimants merge`` (a new edit row)."""
    from tracker.aggregate.claimants import merge_claimants as merge
    from tracker.aggregate.claimants import user_aliases
    from tracker.store import open_store

    aliases = user_aliases()
    with open_store(db) as store:
        return merge(store.con, claimant, target, note=note or None, aliases=aliases)


def split_claimant(db: Path, claimant: str, name: str, note: str | None = None) -> str:
    """Split a name out of a claimant, as ``tracker claimants split`` (a new edit row)."""
    from tracker.aggregate.claimants import split_claimant as split
    from tracker.aggregate.claimants import user_aliases
    from tracker.store import open_store

    aliases = user_aliases()
    with open_store(db) as store:
        return split(store.con, claimant, name, note=note or None, aliases=aliases)


def track_suggestion(db: Path, suggestion_id: str, label: str | None = None) -> str:
    """Track a suggested group as a quantity and reassign; as ``tracker track``. Returns its id."""
    from tracker.aggregate.tracking import track

    return track(db, suggestion_id, label=label or None, origin="dashboard").id


def rename_quantity(db: Path, quantity_id: str, label: str) -> None:
    from tracker.aggregate.tracking import rename

    rename(db, quantity_id, label, origin="dashboard")


def retire_quantity(db: Path, quantity_id: str) -> None:
    from tracker.aggregate.tracking import retire

    retire(db, quantity_id, origin="dashboard")


def move_claim(db: Path, claim_id: str, quantity_id: str | None, note: str | None = None) -> str:
    """Move one claim to another quantity or to none (a 'moved' review); as ``tracker move``."""
    from tracker.aggregate.tracking import move_claim as move

    return move(db, claim_id, quantity_id, note)


def undo_review(db: Path, claim_id: str, watch: curate.ReviewWatch | None = None) -> str:
    """Undo the review that applies to a claim (a new review row going back one review)."""
    return curate.undo_review(db, claim_id, watch=watch)


def redo_review(db: Path, claim_id: str, watch: curate.ReviewWatch | None = None) -> str:
    """Apply the review undone last again (a new review row)."""
    return curate.redo_review(db, claim_id, watch=watch)


def correct_article(db: Path, article_id: str, *, outlet: str | None, title: str | None,
                    published: date | None, note: str | None = None) -> str:
    """Set an article's outlet, title and date (a correction row; the original is kept)."""
    return curate.correct_article(db, article_id, outlet=outlet, title=title,
                                  published=published, note=note)
