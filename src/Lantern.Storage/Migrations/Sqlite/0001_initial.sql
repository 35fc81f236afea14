-- Lantern library schema, version 1 (SQLite).
CREATE TABLE documents (
    id                INTEGER PRIMARY KEY,
    sha256            TEXT    NOT NULL UNIQUE,
    file_name         TEXT    NOT NULL,
    format            TEXT    NOT NULL,
    length            INTEGER NOT NULL,
    visibility        INTEGER NOT NULL DEFAULT 0,
    publisher         TEXT,
    text              TEXT    NOT NULL,
    added_at          TEXT    NOT NULL,
    added_by          TEXT    NOT NULL DEFAULT 'local',
    extractor_version TEXT    NOT NULL,
    diagnostics_json  TEXT    NOT NULL DEFAULT '[]'
);

CREATE TABLE reviews (
    id                INTEGER PRIMARY KEY,
    document_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal           INTEGER NOT NULL,
    -- What human coding decisions are keyed to, so they survive re-extraction: the reference, else '#ordinal'.
    review_key        TEXT    NOT NULL,
    reference         TEXT,
    name              TEXT,
    type              TEXT,
    year              INTEGER,
    age_months        INTEGER,
    age_band          TEXT,
    sex               TEXT,
    outcome           TEXT,
    summary           TEXT,
    title             TEXT    NOT NULL,
    body              TEXT    NOT NULL,
    record_json       TEXT    NOT NULL,
    extractor_version TEXT    NOT NULL,
    codebook_version  TEXT,
    UNIQUE (document_id, ordinal)
);
CREATE INDEX ix_reviews_reference ON reviews (reference COLLATE NOCASE);
CREATE INDEX ix_reviews_key ON reviews (document_id, review_key);

CREATE TABLE review_labels (
    review_id     INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL, -- harm | risk | agency | theme
    code          TEXT    NOT NULL,
    score         REAL    NOT NULL,
    evidence_json TEXT    NOT NULL DEFAULT '[]',
    PRIMARY KEY (review_id, kind, code)
);
CREATE INDEX ix_review_labels_kind_code ON review_labels (kind, code);

CREATE TABLE learning_points (
    id          INTEGER PRIMARY KEY,
    review_id   INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL, -- learning | goodPractice | action | panelFeedback
    ordinal     INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    span_start  INTEGER NOT NULL,
    span_length INTEGER NOT NULL
);
CREATE INDEX ix_learning_points_review ON learning_points (review_id);

-- Human decisions. Keyed to the document and the review key, never to reviews.id, so that re-extraction
-- (which replaces review rows) never loses them.
CREATE TABLE coding_decisions (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    review_key  TEXT    NOT NULL,
    theme_code  TEXT    NOT NULL,
    verdict     TEXT    NOT NULL, -- confirm | reject | add
    coder       TEXT    NOT NULL,
    at          TEXT    NOT NULL,
    note        TEXT
);
CREATE INDEX ix_coding_decisions_review ON coding_decisions (document_id, review_key);

-- Full-text indexes; rowid = reviews.id / learning_points.id, kept in sync in the same transaction.
CREATE VIRTUAL TABLE reviews_fts USING fts5(title, reference, summary, body, tokenize = 'porter unicode61');
CREATE VIRTUAL TABLE learning_fts USING fts5(text, tokenize = 'porter unicode61');
