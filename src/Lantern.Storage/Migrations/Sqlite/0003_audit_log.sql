-- Version 3: an audit trail of imports, coding and every view or export of restricted material.
-- No foreign keys: the trail outlives what it mentions.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL, -- ingest | reextract | code | view-review | view-document | download-original | export
    document_id INTEGER,
    review_id   INTEGER,
    detail      TEXT
);
CREATE INDEX ix_audit_log_at ON audit_log (at);
