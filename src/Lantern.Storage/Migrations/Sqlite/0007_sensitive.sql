-- Version 7: findings of the sensitive-data check on import, and editors' clearances.
-- A document with findings and no clearance is "flagged". Findings hold only a kind and a span into documents.text,
-- never a copy of the personal data itself.
CREATE TABLE sensitive_findings (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL, -- family-name | date-of-birth | postcode | street-address | phone-number | email | nhs-number
    span_start  INTEGER NOT NULL,
    span_length INTEGER NOT NULL
);
CREATE INDEX ix_sensitive_findings_document ON sensitive_findings (document_id);

CREATE TABLE sensitive_clearances (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    cleared_at  TEXT    NOT NULL,
    cleared_by  TEXT    NOT NULL,
    visibility  INTEGER NOT NULL -- the visibility the editor chose: 0 public, 1 restricted
);
