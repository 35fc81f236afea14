-- Version 3: an audit trail of imports, coding and every view or export of restricted material.
-- No foreign keys: the trail outlives what it mentions.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL, -- ingest | reextract | code | view-review | view-document | download-original | export
    document_id INTEGER,
    review_id   INTEGER,
    detail      TEXT,
    address     TEXT NULL -- where the request came from (added by 0006; here too so a late-applied 0003 makes the whole table)
);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_actor ON audit_log (actor);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
