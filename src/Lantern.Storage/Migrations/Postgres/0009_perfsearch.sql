-- Version 9 (PostgreSQL 15): a change counter for what search facets are counted from. It moves with every statement
-- that adds, removes or changes documents, reviews, their labels or human coding decisions, whichever process ran it,
-- so a host can keep a compact facet index in memory and reload it only when the counter has moved.
CREATE TABLE library_changes (
    id      integer PRIMARY KEY CHECK (id = 1),
    counter bigint  NOT NULL
);
INSERT INTO library_changes (id, counter) VALUES (1, 0);

CREATE FUNCTION library_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE library_changes SET counter = counter + 1 WHERE id = 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER documents_changes AFTER INSERT OR UPDATE OR DELETE ON documents FOR EACH STATEMENT EXECUTE FUNCTION library_changed();
CREATE TRIGGER reviews_changes AFTER INSERT OR UPDATE OR DELETE ON reviews FOR EACH STATEMENT EXECUTE FUNCTION library_changed();
CREATE TRIGGER review_labels_changes AFTER UPDATE OR DELETE ON review_labels FOR EACH STATEMENT EXECUTE FUNCTION library_changed();
CREATE TRIGGER coding_decisions_changes AFTER INSERT OR UPDATE OR DELETE ON coding_decisions FOR EACH STATEMENT EXECUTE FUNCTION library_changed();
