-- Version 8: dissemination and impact. Keyed to (document_id, review_key) like tracked actions, so re-extraction
-- keeps them. Dates are YYYY-MM-DD text, instants ISO-8601 text.

-- The dates of a review's statutory steps (aware, notified, rapid review sent, LCSPR commissioned, published).
CREATE TABLE review_dates (
    document_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    review_key        TEXT    NOT NULL,
    aware             TEXT,
    notified          TEXT,
    rapid_review_sent TEXT,
    commissioned      TEXT,
    published         TEXT,
    updated_at        TEXT    NOT NULL,
    updated_by        TEXT    NOT NULL,
    PRIMARY KEY (document_id, review_key)
);

-- A learning activity: a briefing sent out, training, a multi-agency audit, a revised procedure, a practice-learning event.
CREATE TABLE learning_activities (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL,          -- briefing | training | audit | procedure | practice-learning
    title       TEXT    NOT NULL,
    held_on     TEXT    NOT NULL,          -- YYYY-MM-DD
    owner       TEXT,
    agencies    TEXT,                      -- audience agencies, one per line
    teams       TEXT,                      -- audience teams, one per line
    outcome     TEXT,                      -- outcome or findings, in words
    figures     TEXT,                      -- an audit's figures, one "label: value" per line
    created_at  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    updated_by  TEXT    NOT NULL
);
CREATE INDEX ix_learning_activities_held_on ON learning_activities (held_on);

-- What an activity came from: a review, a theme or a tracked action (exactly one of them per row).
CREATE TABLE activity_links (
    id          INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES learning_activities(id) ON DELETE CASCADE,
    document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
    review_key  TEXT,
    theme_code  TEXT,
    action_id   INTEGER REFERENCES actions(id) ON DELETE CASCADE
);
CREATE INDEX ix_activity_links_activity ON activity_links (activity_id);

-- Who a briefing was sent to, and the feedback link of each team: only the SHA-256 of the token is stored.
CREATE TABLE activity_recipients (
    id           INTEGER PRIMARY KEY,
    activity_id  INTEGER NOT NULL REFERENCES learning_activities(id) ON DELETE CASCADE,
    agency       TEXT    NOT NULL,
    team         TEXT    NOT NULL,
    sent_at      TEXT    NOT NULL,
    token_sha256 TEXT    NOT NULL UNIQUE,
    expires_at   TEXT    NOT NULL,
    revoked_at   TEXT,
    revoked_by   TEXT
);
CREATE INDEX ix_activity_recipients_activity ON activity_recipients (activity_id);

-- One team's feedback on a briefing (at most one per recipient: a link works once).
CREATE TABLE activity_feedback (
    id            INTEGER PRIMARY KEY,
    recipient_id  INTEGER NOT NULL UNIQUE REFERENCES activity_recipients(id) ON DELETE CASCADE,
    discussed_in  TEXT    NOT NULL,        -- team-meeting | supervision | training | other
    will_change   TEXT    NOT NULL,
    usefulness    INTEGER NOT NULL,        -- 1 (not useful) .. 5 (very useful)
    submitted_at  TEXT    NOT NULL
);

-- Links from a theme to the partnership's own procedures, guidance and training.
CREATE TABLE theme_resources (
    id         INTEGER PRIMARY KEY,
    theme_code TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    url        TEXT    NOT NULL,
    added_at   TEXT    NOT NULL,
    added_by   TEXT    NOT NULL
);
CREATE INDEX ix_theme_resources_theme ON theme_resources (theme_code);
