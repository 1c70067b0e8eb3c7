-- Storage tables live in schema `store`; the public interface is the views in `main`
-- (`articles`, `claims`, `claim_reviews`). Applied idempotently by tracker.store.connection on
-- every writable open; a change to a table's shape bumps SCHEMA_VERSION and adds a migration.
-- Every table tracker writes is declared here (tests/test_store_layout.py checks that no other
-- module creates one).

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
    extractor_version VARCHAR NOT NULL,
    -- schema version 3: attribution (issue #10) and meaning (issue #11)
    source_start      INTEGER,           -- offsets of the source mention in articles.text
    source_end        INTEGER,
    via_source        VARCHAR,           -- who passes the figure on, as written
    claimant          VARCHAR,           -- canonical key of the original claimant (in-article)
    via               VARCHAR,           -- canonical key of the relay
    concept           VARCHAR,           -- what is counted ("soldier")
    actor             VARCHAR,           -- whose / which country's ("KP")
    state             VARCHAR            -- state or event ("killed", "deployed")
);

-- A review never edits a claim: it is a new row; the latest review of a claim wins.
CREATE TABLE IF NOT EXISTS store.reviews (
    review_id   VARCHAR   NOT NULL,
    claim_id    VARCHAR   NOT NULL,
    verdict     VARCHAR   NOT NULL,  -- 'correct' | 'wrong' | 'corrected' | 'moved'
    low         DOUBLE,
    high        DOUBLE,
    kind        VARCHAR,
    unit        VARCHAR,
    source      VARCHAR,
    quantity    VARCHAR,
    note        VARCHAR,
    reviewed_at TIMESTAMP NOT NULL
);

-- A reviewer's correction of an article's date, outlet or title (schema version 4): a new row for
-- every correction, never an edit; each row holds all three values, the latest row per article
-- is what the views show, and store.articles keeps the original.
CREATE TABLE IF NOT EXISTS store.article_corrections (
    correction_id VARCHAR   NOT NULL,
    article_id    VARCHAR   NOT NULL,
    outlet        VARCHAR,
    title         VARCHAR,
    published     DATE,
    note          VARCHAR,
    corrected_at  TIMESTAMP NOT NULL
);

-- Which tracked quantity (data/quantities.toml) a claim belongs to; rewritten by `tracker assign`.
CREATE TABLE IF NOT EXISTS store.assignments (
    claim_id VARCHAR NOT NULL,
    quantity VARCHAR NOT NULL,
    reason   VARCHAR               -- why it was assigned ("soldier · KP · deployed"), version 3
);

-- The corpus pass over claimants (schema version 3): each in-article claimant key mapped to the
-- canonical claimant it is merged into across articles; rewritten by `tracker claimants --resolve`.
-- A row keyed 'claimant|source as written' maps one name of a claimant (a split, a user alias, a
-- name the extractor left unresolved: '|source') and wins over the claimant's own row.
CREATE TABLE IF NOT EXISTS store.claimant_groups (
    claimant  VARCHAR NOT NULL,
    canonical VARCHAR NOT NULL,
    label     VARCHAR
);

-- A reviewer's merge or split of claimants (schema version 3): rows, never edits; applied in
-- order of edited_at on top of store.claimant_groups.
CREATE TABLE IF NOT EXISTS store.claimant_edits (
    edit_id   VARCHAR   NOT NULL,
    action    VARCHAR   NOT NULL,  -- 'merge' (claimant into target) | 'split' (name out of
                                   -- claimant) | 'undo' (target = the edit_id undone)
    claimant  VARCHAR   NOT NULL,
    target    VARCHAR,
    name      VARCHAR,             -- for a split: the source as written that leaves the claimant
    note      VARCHAR,
    edited_at TIMESTAMP NOT NULL
);

-- Tracked quantities in the database (schema version 3): every create, rename or retire is a new
-- row; the latest row per quantity is its definition. data/quantities.toml seeds a new database
-- and is the import/export format.
CREATE TABLE IF NOT EXISTS store.quantity_defs (
    quantity   VARCHAR   NOT NULL,
    label      VARCHAR,
    definition VARCHAR   NOT NULL,  -- JSON: the definition as in data/quantities.toml
    status     VARCHAR   NOT NULL,  -- 'active' | 'retired'
    origin     VARCHAR,             -- 'toml' | 'suggestion' | 'dashboard' | 'cli'
    defined_at TIMESTAMP NOT NULL
);

-- The per-quantity summary the dashboard reads instead of joining every claim (schema version 2).
-- Rebuilt with the assignments (tracker.aggregate.summary computes the rows, the store writes
-- them): the claims of a tracked quantity or with a review, articles joined, unreviewed values,
-- `assigned` the quantity of store.assignments, plus each sentence's relay key.
CREATE TABLE IF NOT EXISTS store.quantity_claims (
    claim_id          VARCHAR NOT NULL,
    article_id        VARCHAR NOT NULL,
    outlet            VARCHAR,
    url               VARCHAR,
    title             VARCHAR,
    published         DATE,
    lang              VARCHAR,
    low               DOUBLE,
    high              DOUBLE,
    kind              VARCHAR,
    approximate       BOOLEAN,
    unit              VARCHAR,
    entity            VARCHAR,
    source            VARCHAR,
    hedged            BOOLEAN,
    quote             VARCHAR,
    sentence          VARCHAR,
    "start"           INTEGER,
    "end"             INTEGER,
    assigned          VARCHAR,
    sentence_key      VARCHAR,
    extractor_version VARCHAR,
    source_start      INTEGER,
    source_end        INTEGER,
    via_source        VARCHAR,
    claimant          VARCHAR,
    via               VARCHAR,
    concept           VARCHAR,
    actor             VARCHAR,
    state             VARCHAR,
    reason            VARCHAR
);

-- The row counts the summary was built from (one row; none before the first build): readers use
-- the summary only while these still hold.
CREATE TABLE IF NOT EXISTS store.quantity_claims_meta (
    claims      BIGINT,
    articles    BIGINT,
    assignments BIGINT,
    reviews     BIGINT,
    last_review TIMESTAMP
);

-- Per quantity: claims, independent voices, outlets, as of the summary's build.
CREATE TABLE IF NOT EXISTS store.quantity_overview (
    quantity VARCHAR,
    claims   BIGINT,
    voices   BIGINT,
    outlets  BIGINT
);

CREATE OR REPLACE VIEW articles AS
WITH latest_correction AS (
    SELECT * FROM store.article_corrections
    QUALIFY row_number() OVER (PARTITION BY article_id
                               ORDER BY corrected_at DESC, correction_id DESC) = 1
)
SELECT a.article_id,
       CASE WHEN k.article_id IS NULL THEN a.outlet ELSE k.outlet END       AS outlet,
       a.url,
       CASE WHEN k.article_id IS NULL THEN a.title ELSE k.title END         AS title,
       CASE WHEN k.article_id IS NULL THEN a.published ELSE k.published END AS published,
       a.lang, a.text, a.ingested_at, a.path,
       k.corrected_at
FROM store.articles a
LEFT JOIN latest_correction k USING (article_id);

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
    -- a 'moved' review sets the quantity, NULL moving the claim out of every quantity
    CASE WHEN r.verdict = 'moved' THEN r.quantity ELSE coalesce(r.quantity, q.quantity) END AS quantity,
    nullif(r.verdict, 'undone')      AS review,
    c.extractor_version,
    c.source_start,
    c.source_end,
    c.via_source,
    coalesce(gn.canonical, g.canonical, c.claimant) AS claimant,
    coalesce(gv.canonical, c.via)     AS via,
    c.concept,
    c.actor,
    c.state,
    CASE WHEN r.verdict = 'moved' THEN 'moved by a reviewer' ELSE q.reason END AS reason
FROM store.claims c
JOIN articles a USING (article_id)  -- the view: reviewers' corrections of date, outlet, title
LEFT JOIN latest_review r USING (claim_id)
LEFT JOIN store.assignments q USING (claim_id)
LEFT JOIN store.claimant_groups g ON g.claimant = c.claimant
-- a row keyed 'claimant|source as written' (a split, a user alias, a name the extractor left
-- unresolved) wins over the claimant's own row
LEFT JOIN store.claimant_groups gn ON gn.claimant = coalesce(c.claimant, '') || '|' || c.source
LEFT JOIN store.claimant_groups gv ON gv.claimant = c.via;

-- One row per claimant (canonical, after the corpus pass and reviewers' edits) over the claims
-- view; the label is the corpus pass's, else the name it is most often written as.
CREATE OR REPLACE VIEW claimants AS
WITH labels AS (
    SELECT canonical, min(label) AS label FROM store.claimant_groups
    WHERE label IS NOT NULL GROUP BY canonical
)
SELECT
    c.claimant,
    coalesce(any_value(l.label), mode(c.source), c.claimant)             AS label,
    list_sort(list(DISTINCT c.source) FILTER (WHERE c.source IS NOT NULL)) AS names,
    count(*)                                                               AS claims,
    count(DISTINCT c.outlet)                                               AS outlets,
    min(c.published)                                                       AS first_seen,
    max(c.published)                                                       AS last_seen
FROM claims c
LEFT JOIN labels l ON l.canonical = c.claimant
WHERE c.claimant IS NOT NULL
GROUP BY c.claimant;

-- Documentation of the public views, readable from SQL (duckdb_views(), duckdb_columns()).
-- docs/schema.md says the same with examples; tests/test_store_docs.py keeps the two in step.
COMMENT ON VIEW articles IS 'One row per stored article (its normalised text is stored once).';
COMMENT ON COLUMN articles.article_id IS 'Hash of the normalised text (16 hex digits): the same text is never stored twice.';
COMMENT ON COLUMN articles.outlet IS 'Publisher: the registered domain of the address (rp-online.de, bbc.co.uk) unless given.';
COMMENT ON COLUMN articles.url IS 'Address of the article, when known (header, canonical link, lone URL line, --url).';
COMMENT ON COLUMN articles.title IS 'Headline, when known.';
COMMENT ON COLUMN articles.published IS 'Publication date (header, HTML metadata, or a date in the address).';
COMMENT ON COLUMN articles.lang IS 'Language: de, en, or und (undetermined: no extraction rules for it).';
COMMENT ON COLUMN articles.text IS 'Normalised body text; claim offsets point into it.';
COMMENT ON COLUMN articles.ingested_at IS 'When the article was first stored (UTC).';
COMMENT ON COLUMN articles.path IS 'File it was read from (a batch file for .jsonl/.csv rows).';
COMMENT ON COLUMN articles.corrected_at IS 'When a reviewer last corrected the outlet, title or date (store.article_corrections; the original is kept in store.articles), NULL if never.';

COMMENT ON VIEW claims IS 'One row per numeric claim, with its article''s fields and the latest review applied.';
COMMENT ON COLUMN claims.claim_id IS 'article_id || ''-'' || ordinal (position of the claim in its article).';
COMMENT ON COLUMN claims.article_id IS 'The article the claim is in (articles.article_id).';
COMMENT ON COLUMN claims.outlet IS 'The article''s outlet (as corrected by a reviewer, if so).';
COMMENT ON COLUMN claims.url IS 'The article''s address.';
COMMENT ON COLUMN claims.title IS 'The article''s headline (as corrected, if so).';
COMMENT ON COLUMN claims.published IS 'The article''s publication date (as corrected, if so); NULL when undated.';
COMMENT ON COLUMN claims.lang IS 'The article''s language (de, en, und).';
COMMENT ON COLUMN claims.low IS 'Lower value (equal to high for a point value; NULL for an upper bound).';
COMMENT ON COLUMN claims.high IS 'Upper value (NULL for a lower bound such as "at least 1,000").';
COMMENT ON COLUMN claims.kind IS 'point, range, lower_bound, upper_bound or approx.';
COMMENT ON COLUMN claims.approximate IS 'True when qualified as approximate ("about", "rund").';
COMMENT ON COLUMN claims.unit IS 'What is counted or measured (soldiers, percent, ...), when found.';
COMMENT ON COLUMN claims.entity IS 'Who or what the number is about, when found.';
COMMENT ON COLUMN claims.source IS 'Who is cited for the number (Pentagon, NIS, ...), when found.';
COMMENT ON COLUMN claims.hedged IS 'True when the claim is hedged ("could", "reportedly", "sollen").';
COMMENT ON COLUMN claims.quote IS 'The exact words of the number: articles.text[start:end].';
COMMENT ON COLUMN claims.sentence IS 'The sentence the claim is in.';
COMMENT ON COLUMN claims."start" IS 'Offset of the quote in articles.text (0-based, characters).';
COMMENT ON COLUMN claims."end" IS 'Offset just after the quote (end exclusive).';
COMMENT ON COLUMN claims.quantity IS 'Tracked quantity (data/quantities.toml) the claim belongs to, or a review''s choice.';
COMMENT ON COLUMN claims.review IS 'Verdict of the latest review (correct, wrong, corrected, moved), NULL when unreviewed or the latest review was undone.';
COMMENT ON COLUMN claims.extractor_version IS 'Version of the extractor that found the claim.';
COMMENT ON COLUMN claims.source_start IS 'Offset of the source mention in articles.text (it may stand in another sentence), NULL without a source.';
COMMENT ON COLUMN claims.source_end IS 'Offset just after the source mention (end exclusive).';
COMMENT ON COLUMN claims.via_source IS 'Who passes the figure on, as written ("Yonhap" in "Yonhap, citing the NIS"), when the text names a relay.';
COMMENT ON COLUMN claims.claimant IS 'Canonical key of the original claimant (kr-nis, us-pentagon, person-pat-ryder, ...), merged across articles; NULL for the outlet''s own figure.';
COMMENT ON COLUMN claims.via IS 'Canonical key of the relay (agency-yonhap), when there is one.';
COMMENT ON COLUMN claims.concept IS 'What is counted, as an English lemma across languages (soldier, person, euro), when found.';
COMMENT ON COLUMN claims.actor IS 'Whose it is: the actor or owner (a country code such as KP, or a name), when stated.';
COMMENT ON COLUMN claims.state IS 'The state or event counted (killed, wounded, casualties, deployed, displaced, ...), when stated.';
COMMENT ON COLUMN claims.reason IS 'Why the claim is in its quantity (the matching concept, actor and state, or the rule).';

COMMENT ON VIEW claimants IS 'One row per claimant (claims.claimant): its label, the names it was written as, its claims, outlets and dates.';
COMMENT ON COLUMN claimants.claimant IS 'Canonical key of the claimant (kr-nis, us-pentagon, person-pat-ryder, name:...), as in claims.claimant.';
COMMENT ON COLUMN claimants.label IS 'Name to show: the gazetteer''s or a user alias''s label, else the name it is most often written as.';
COMMENT ON COLUMN claimants.names IS 'Every distinct source as written (claims.source) of its claims, sorted.';
COMMENT ON COLUMN claimants.claims IS 'Claims it made (relayed ones included; as via they do not count).';
COMMENT ON COLUMN claimants.outlets IS 'Distinct outlets that reported its claims.';
COMMENT ON COLUMN claimants.first_seen IS 'Earliest publication date of its claims.';
COMMENT ON COLUMN claimants.last_seen IS 'Latest publication date of its claims.';

COMMENT ON VIEW claim_reviews IS 'Every review of a claim; the latest per claim is applied in the claims view.';
COMMENT ON COLUMN claim_reviews.review_id IS 'Id of the review.';
COMMENT ON COLUMN claim_reviews.claim_id IS 'The reviewed claim (claims.claim_id).';
COMMENT ON COLUMN claim_reviews.verdict IS 'correct, wrong, corrected, moved (to the review''s quantity; NULL = to none), or undone (back to no review; an undo that returns to an earlier review repeats that review''s verdict and values).';
COMMENT ON COLUMN claim_reviews.low IS 'Corrected lower value, or NULL to keep the extracted one.';
COMMENT ON COLUMN claim_reviews.high IS 'Corrected upper value, or NULL to keep the extracted one.';
COMMENT ON COLUMN claim_reviews.kind IS 'Corrected kind, or NULL.';
COMMENT ON COLUMN claim_reviews.unit IS 'Corrected unit, or NULL.';
COMMENT ON COLUMN claim_reviews.source IS 'Corrected source, or NULL.';
COMMENT ON COLUMN claim_reviews.quantity IS 'Tracked quantity chosen by the reviewer, or NULL (for moved: no quantity).';
COMMENT ON COLUMN claim_reviews.note IS 'Free-text note of the reviewer.';
COMMENT ON COLUMN claim_reviews.reviewed_at IS 'When the review was made (UTC).';
