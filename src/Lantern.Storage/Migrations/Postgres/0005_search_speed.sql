-- Version 5 (PostgreSQL twin): faster search.
-- Facet filters and counts look labels up by kind and code, then need the review: cover it.
CREATE INDEX ix_review_labels_kind_code_review ON review_labels (kind, code, review_id);
CREATE INDEX ix_documents_visibility ON documents (visibility);
-- The SQLite script also adds an unstemmed word list for prefix search; here the unstemmed words are part of the
-- search column since version 1.
