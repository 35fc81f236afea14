-- Version 2 (PostgreSQL twin): the effective theme coding of each review (automatic codes, less those a human rejected, plus those a
-- human confirmed or added). The latest decision per review and theme wins, whoever made it.
CREATE VIEW latest_coding_decisions AS
SELECT c.*
FROM coding_decisions c
WHERE c.id = (
    SELECT c2.id FROM coding_decisions c2
    WHERE c2.document_id = c.document_id AND c2.review_key = c.review_key AND c2.theme_code = c.theme_code
    ORDER BY c2.at DESC, c2.id DESC
    LIMIT 1);

CREATE VIEW effective_themes AS
SELECT l.review_id, l.code
FROM review_labels l
JOIN reviews r ON r.id = l.review_id
WHERE l.kind = 'theme'
  AND NOT EXISTS (
      SELECT 1 FROM latest_coding_decisions c
      WHERE c.document_id = r.document_id AND c.review_key = r.review_key AND c.theme_code = l.code AND c.verdict = 'reject')
UNION
SELECT r.id, c.theme_code
FROM latest_coding_decisions c
JOIN reviews r ON r.document_id = c.document_id AND r.review_key = c.review_key
WHERE c.verdict IN ('confirm', 'add');

CREATE INDEX ix_coding_decisions_theme ON coding_decisions (document_id, review_key, theme_code, at);
