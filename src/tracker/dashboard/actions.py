"""What the dashboard's "Add an article" and "Review" panels do, without Streamlit.

Reading and extraction go through ``tracker.ingest.process_file`` (the same path as
``tracker ingest``); writes open the store read-write only for the moment they take.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from tracker.aggregate.quantities import assign_all
from tracker.aggregate.review import add_review
from tracker.aggregate.summary import add_reviewed_claim
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
    from tracker.ingest import Overrides, process_file

    suffix = Path(name).suffix.lower()
    if suffix.lstrip(".") not in UPLOAD_TYPES:
        raise InputError(name, f"unsupported file type {suffix or '(none)'!r}")
    overrides = Overrides(url=url or None, outlet=outlet or None, published=published)
    with tempfile.TemporaryDirectory(prefix="tracker-upload-") as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        result = process_file(path, overrides)
    if result.errors:
        raise InputError(name, result.errors[0].reason)
    if not result.articles:
        raise InputError(name, "no article text found")
    return result.articles


def save_articles(db: Path, articles: list[Article]) -> dict[str, int]:
    """Store the articles and their claims, then reassign quantities. Returns the counts."""
    from tracker.store import open_store

    with open_store(db) as store:
        counts = store.write_articles(articles)
        assigned = assign_all(store.con)
    return {"new": counts.new, "unchanged": counts.unchanged, "claims": counts.claims,
            "assigned": assigned}


def save_review(db: Path, claim_id: str, verdict: str, **fields: Any) -> str:
    """Store one review as a new row (the claim itself is never changed)."""
    from tracker.store import open_store

    with open_store(db) as store:
        review_id = add_review(store.con, claim_id, verdict, **fields)
        add_reviewed_claim(store.con, claim_id)  # keeps the dashboard's summary usable
        return review_id
