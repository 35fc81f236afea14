-- Version 4: tracked actions (the learning loop). Keyed to the document and the review key, never to reviews.id,
-- so re-extraction (which replaces review rows) never loses them.
CREATE TABLE actions (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    review_key     TEXT    NOT NULL,
    origin         TEXT    NOT NULL,          -- extracted | editor
    origin_ordinal INTEGER,                   -- position among the review's extracted actions (extracted only)
    text           TEXT    NOT NULL,
    agency         TEXT,
    lead           TEXT,
    due            TEXT,                      -- YYYY-MM-DD
    status         TEXT    NOT NULL DEFAULT 'open', -- open | in-progress | done | dropped
    evidence       TEXT,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT    NOT NULL,
    created_by     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    updated_by     TEXT    NOT NULL
);
CREATE INDEX ix_actions_review ON actions (document_id, review_key);
CREATE UNIQUE INDEX ux_actions_extracted ON actions (document_id, review_key, origin_ordinal) WHERE origin = 'extracted';

-- Every change to an action, appended and never rewritten (no foreign key: the history outlives what it mentions).
CREATE TABLE action_history (
    id        INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL,
    version   INTEGER NOT NULL,
    at        TEXT    NOT NULL,
    actor     TEXT    NOT NULL,
    field     TEXT    NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX ix_action_history_action ON action_history (action_id, id);
CREATE TRIGGER action_history_no_update BEFORE UPDATE ON action_history BEGIN SELECT RAISE(ABORT, 'action history is append-only'); END;
CREATE TRIGGER action_history_no_delete BEFORE DELETE ON action_history BEGIN SELECT RAISE(ABORT, 'action history is append-only'); END;

-- Files attached as evidence of completion; the bytes live content-addressed under originals/ like documents.
CREATE TABLE action_files (
    id           INTEGER PRIMARY KEY,
    action_id    INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    sha256       TEXT    NOT NULL,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    length       INTEGER NOT NULL,
    added_at     TEXT    NOT NULL,
    added_by     TEXT    NOT NULL
);
CREATE INDEX ix_action_files_action ON action_files (action_id);
