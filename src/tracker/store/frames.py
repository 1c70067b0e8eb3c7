"""Articles and claims as polars frames with exactly the columns of store.articles/claims."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl

from tracker.models import Article

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

CLAIM_SCHEMA: dict[str, pl.DataType] = {
    "claim_id": pl.String(),
    "article_id": pl.String(),
    "ordinal": pl.Int32(),
    "quote": pl.String(),
    "start": pl.Int32(),
    "end": pl.Int32(),
    "low": pl.Float64(),
    "high": pl.Float64(),
    "kind": pl.String(),
    "approximate": pl.Boolean(),
    "unit": pl.String(),
    "entity": pl.String(),
    "source": pl.String(),
    "hedged": pl.Boolean(),
    "sentence": pl.String(),
    "sentence_start": pl.Int32(),
    "extractor_version": pl.String(),
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
    for article in articles:
        article_id = article.article_id
        values = (article_id, article.outlet, article.url, article.title, article.published,
                  article.lang, article.text, article.path, stamp)
        for name, value in zip(ARTICLE_SCHEMA, values, strict=True):
            article_rows[name].append(value)
        for ordinal, claim in enumerate(article.claims):
            values = (f"{article_id}-{ordinal}", article_id, ordinal, claim.text, claim.start,
                      claim.end, claim.low, claim.high, claim.kind, claim.approximate, claim.unit,
                      claim.entity, claim.source, claim.hedged, claim.sentence,
                      claim.sentence_start, version)
            for name, value in zip(CLAIM_SCHEMA, values, strict=True):
                claim_rows[name].append(value)
    return (
        pl.DataFrame(article_rows, schema=ARTICLE_SCHEMA),
        pl.DataFrame(claim_rows, schema=CLAIM_SCHEMA),
    )
