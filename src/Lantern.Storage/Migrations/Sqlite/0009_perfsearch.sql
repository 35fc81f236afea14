-- Version 9: a change counter for what search facets are counted from. It moves with every commit that adds, removes
-- or changes documents, reviews, their labels or human coding decisions, whichever process made it, so a host can
-- keep a compact facet index in memory and reload it only when the counter has moved. Labels are only ever inserted
-- together with their review, whose insert already moves the counter.
CREATE TABLE library_changes (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    counter INTEGER NOT NULL
);
INSERT INTO library_changes (id, counter) VALUES (1, 0);

CREATE TRIGGER documents_changes_insert AFTER INSERT ON documents BEGIN UPDATE library_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER documents_changes_update AFTER UPDATE ON documents BEGIN UPDATE library_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER documents_changes_delete AFTER DELETE ON documents BEGIN UPDATE library_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER reviews_changes_insert AFTER INSERT ON reviews BEGIN UPDATE library_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER reviews_changes_update AFTER UPDATE ON reviews BEGIN UPDATE library_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER reviews_changes_delete AFTER DELETE ON reviews BEGIN UPDATE library_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER review_labels_changes_update AFTER UPDATE ON review_labels BEGIN UPDATE library_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER review_labels_changes_delete AFTER DELETE ON review_labels BEGIN UPDATE library_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER coding_decisions_changes_insert AFTER INSERT ON coding_decisions BEGIN UPDATE library_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER coding_decisions_changes_update AFTER UPDATE ON coding_decisions BEGIN UPDATE library_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER coding_decisions_changes_delete AFTER DELETE ON coding_decisions BEGIN UPDATE library_changes SET counter = counter + 1 WHERE id = 1; END;
