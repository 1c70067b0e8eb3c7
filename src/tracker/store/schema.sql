-- Storage tables live in schema `store`; the public interface is the views in `main`
-- (`articles`, `claims`, `claim_reviews`). Applied idempotently by tracker.store.schema.

CREATE SCHEMA IF NOT EXISTS store;

CREATE TABLE IF NOT EXISTS store.schema_version (
    version    INTEGER   NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS store.articles (
    article_id  VARCHAR   NOT NULL,   -- sha256 of the normalised text, 16 hex digits
    outlet      VARCHAR,
    url         VARCHAR,
    title       VARCHAR,
    published   DATE,
    lang        VARCHAR   NOT NULL,
    text        VARCHAR   NOT NULL,
    path        VARCHAR,
    ingested_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS store.claims (
    claim_id          VARCHAR NOT NULL,  -- article_id || '-' || ordinal
    article_id        VARCHAR NOT NULL,
    ordinal           INTEGER NOT NULL,  -- position of the claim in its article
    quote             VARCHAR NOT NULL,  -- exact span: text[start:end]
    "start"           INTEGER NOT NULL,
    "end"             INTEGER NOT NULL,
    low               DOUBLE,
    high              DOUBLE,
    kind              VARCHAR NOT NULL,
    approximate       BOOLEAN NOT NULL,
    unit              VARCHAR,
    entity            VARCHAR,
    source            VARCHAR,
    hedged            BOOLEAN NOT NULL,
    sentence          VARCHAR NOT NULL,
    sentence_start    INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL
);

-- A review never edits a claim: it is a new row; the latest review of a claim wins.
CREATE TABLE IF NOT EXISTS store.reviews (
    review_id   VARCHAR   NOT NULL,
    claim_id    VARCHAR   NOT NULL,
    verdict     VARCHAR   NOT NULL,  -- 'correct' | 'wrong' | 'corrected'
    low         DOUBLE,
    high        DOUBLE,
    kind        VARCHAR,
    unit        VARCHAR,
    source      VARCHAR,
    quantity    VARCHAR,
    note        VARCHAR,
    reviewed_at TIMESTAMP NOT NULL
);

-- Which tracked quantity (data/quantities.toml) a claim belongs to; rewritten by `tracker assign`.
CREATE TABLE IF NOT EXISTS store.assignments (
    claim_id VARCHAR NOT NULL,
    quantity VARCHAR NOT NULL
);

CREATE OR REPLACE VIEW articles AS
SELECT article_id, outlet, url, title, published, lang, text, ingested_at, path
FROM store.articles;

CREATE OR REPLACE VIEW claim_reviews AS
SELECT review_id, claim_id, verdict, low, high, kind, unit, source, quantity, note, reviewed_at
FROM store.reviews;

CREATE OR REPLACE VIEW claims AS
WITH latest_review AS (
    SELECT * FROM store.reviews
    QUALIFY row_number() OVER (PARTITION BY claim_id ORDER BY reviewed_at DESC, review_id DESC) = 1
)
SELECT
    c.claim_id,
    c.article_id,
    a.outlet,
    a.url,
    a.title,
    a.published,
    a.lang,
    coalesce(r.low, c.low)          AS low,
    coalesce(r.high, c.high)        AS high,
    coalesce(r.kind, c.kind)        AS kind,
    c.approximate,
    coalesce(r.unit, c.unit)        AS unit,
    c.entity,
    coalesce(r.source, c.source)    AS source,
    c.hedged,
    c.quote,
    c.sentence,
    c."start",
    c."end",
    coalesce(r.quantity, q.quantity) AS quantity,
    r.verdict                        AS review,
    c.extractor_version
FROM store.claims c
JOIN store.articles a USING (article_id)
LEFT JOIN latest_review r USING (claim_id)
LEFT JOIN store.assignments q USING (claim_id);
