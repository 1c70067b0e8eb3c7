"""What a person changes by hand, from the CLI or the dashboard alike: a review of a claim, articles
added one at a time. Each opens the store read-write only for the moment the write takes."""

from __future__ import annotations

from os import PathLike
from typing import Any

from tracker.models import Article


def review_claim(
    db: str | PathLike[str] | None, claim_id: str, verdict: str, **fields: Any
) -> str:
    """Store one review as a new row (the claim itself is never changed) and keep the
    per-quantity summary in step with it. Returns the review's id."""
    from tracker.aggregate.review import add_review
    from tracker.aggregate.summary import add_reviewed_claim
    from tracker.store import open_store

    with open_store(db) as store:
        review_id = add_review(store.con, claim_id, verdict, **fields)
        add_reviewed_claim(store.con, claim_id)  # the summary the dashboard reads stays usable
    return review_id


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
