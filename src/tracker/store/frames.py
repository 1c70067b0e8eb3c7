"""Articles and claims as polars frames with exactly the columns of store.articles/claims.

The claim columns derive from the ``Claim`` dataclass (``tracker.models.claim_fields``): its
``text`` is stored as ``quote``, its ``lang`` is the article's and not stored per claim, and the
storage adds the ids, the ordinal and the extractor version. Rows are built by field name.
"""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl

from tracker.models import Article, claim_polars_schema

ARTICLE_SCHEMA: dict[str, pl.DataType] = {
    "article_id": pl.String(),
    "outlet": pl.String(),
    "url": pl.String(),
    "title": pl.String(),
    "published": pl.Date(),
    "lang": pl.String(),
    "text": pl.String(),
    "path": pl.String(),
    "ingested_at": pl.Datetime("us"),
}

# Claim field -> storage column, for the fields stored under another name.
CLAIM_COLUMN_NAMES: dict[str, str] = {"text": "quote"}
# Claim fields not stored in store.claims (the article holds its language).
CLAIM_FIELDS_NOT_STORED: frozenset[str] = frozenset({"lang"})
# Claim field -> storage column, in declaration order.
STORED_CLAIM_FIELDS: dict[str, str] = {
    name: CLAIM_COLUMN_NAMES.get(name, name)
    for name in claim_polars_schema()
    if name not in CLAIM_FIELDS_NOT_STORED
}

CLAIM_SCHEMA: dict[str, pl.DataType] = {
    "claim_id": pl.String(),
    "article_id": pl.String(),
    "ordinal": pl.Int32(),
    **{
        STORED_CLAIM_FIELDS[name]: dtype
        for name, dtype in claim_polars_schema(pl.Int32()).items()
        if name in STORED_CLAIM_FIELDS
    },
    "extractor_version": pl.String(),
}

REVIEW_SCHEMA: dict[str, pl.DataType] = {
    "review_id": pl.String(),
    "claim_id": pl.String(),
    "verdict": pl.String(),
    "low": pl.Float64(),
    "high": pl.Float64(),
    "kind": pl.String(),
    "unit": pl.String(),
    "source": pl.String(),
    "quantity": pl.String(),
    "note": pl.String(),
    "reviewed_at": pl.Datetime("us"),
}


def _extractor_version() -> str:
    from tracker.extract import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def article_frames(
    articles: list[Article], *, ingested_at: datetime | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Rows for store.articles and store.claims (``claim_id = article_id-ordinal``)."""
    stamp = ingested_at or datetime.now(UTC).replace(tzinfo=None)
    version = _extractor_version()
    article_rows: dict[str, list] = {name: [] for name in ARTICLE_SCHEMA}
    claim_rows: dict[str, list] = {name: [] for name in CLAIM_SCHEMA}
    article_fields = [name for name in ARTICLE_SCHEMA if name != "ingested_at"]
    claim_fields = list(STORED_CLAIM_FIELDS.items())
    for article in articles:
        article_id = article.article_id
        for name in article_fields:
            article_rows[name].append(getattr(article, name))
        article_rows["ingested_at"].append(stamp)
        for ordinal, claim in enumerate(article.claims):
            claim_rows["claim_id"].append(f"{article_id}-{ordinal}")
            claim_rows["article_id"].append(article_id)
            claim_rows["ordinal"].append(ordinal)
            for field, column in claim_fields:
                claim_rows[column].append(getattr(claim, field))
            claim_rows["extractor_version"].append(version)
    return (
        pl.DataFrame(article_rows, schema=ARTICLE_SCHEMA),
        pl.DataFrame(claim_rows, schema=CLAIM_SCHEMA),
    )


def review_frame(reviews: list[dict]) -> pl.DataFrame:
    """Rows for store.reviews, by column name (a missing column is NULL)."""
    return pl.DataFrame(
        {name: [review.get(name) for review in reviews] for name in REVIEW_SCHEMA},
        schema=REVIEW_SCHEMA,
    )
