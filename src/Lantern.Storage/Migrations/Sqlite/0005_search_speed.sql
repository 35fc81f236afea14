-- Version 5: faster search and a word list for prefix search.
-- Facet filters and counts look labels up by kind and code, then need the review: cover it.
CREATE INDEX ix_review_labels_kind_code_review ON review_labels (kind, code, review_id);
CREATE INDEX ix_documents_visibility ON documents (visibility);

-- The search index is Porter-stemmed, so a typed prefix longer than a word's stem ("escalat*" against "escal")
-- matches nothing. This second index keeps whole, unstemmed words; its vocabulary turns a prefix into the words
-- that start with it. It stores no positions or text of its own (external content, detail=none).
CREATE VIRTUAL TABLE review_words USING fts5(
    title, reference, name, summary, body,
    content = 'reviews', content_rowid = 'id', tokenize = 'unicode61', detail = 'none', columnsize = 0);
INSERT INTO review_words (review_words) VALUES ('rebuild');
CREATE VIRTUAL TABLE review_words_vocab USING fts5vocab(review_words, 'row');

CREATE TRIGGER reviews_words_insert AFTER INSERT ON reviews BEGIN
    INSERT INTO review_words (rowid, title, reference, name, summary, body)
    VALUES (new.id, new.title, new.reference, new.name, new.summary, new.body);
END;
CREATE TRIGGER reviews_words_delete AFTER DELETE ON reviews BEGIN
    INSERT INTO review_words (review_words, rowid, title, reference, name, summary, body)
    VALUES ('delete', old.id, old.title, old.reference, old.name, old.summary, old.body);
END;
CREATE TRIGGER reviews_words_update AFTER UPDATE OF title, reference, name, summary, body ON reviews BEGIN
    INSERT INTO review_words (review_words, rowid, title, reference, name, summary, body)
    VALUES ('delete', old.id, old.title, old.reference, old.name, old.summary, old.body);
    INSERT INTO review_words (rowid, title, reference, name, summary, body)
    VALUES (new.id, new.title, new.reference, new.name, new.summary, new.body);
END;
