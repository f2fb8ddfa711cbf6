-- Feedtakt schema version 2: the Redaktionsplan's calendar. Series and the
-- posts that fill their slots, the authority's own dates, quiet periods, and
-- full-text search over posts.

-- A series (Serie) is a recurring format such as "Azubi-Dienstag". Its slots
-- are computed from the rule (see calendar.Recurrence), never stored: a slot
-- is filled when a post names the series and the slot's day (series_id,
-- series_date below), so changing the rule moves only unfilled slots.
CREATE TABLE series (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    caption    TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    topic_id   INTEGER REFERENCES topics(id) ON DELETE SET NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('weekly', 'monthly')),
    interval   INTEGER NOT NULL DEFAULT 1 CHECK (interval >= 1),
    weekday    INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    nth        INTEGER NOT NULL DEFAULT 0 CHECK (nth BETWEEN -1 AND 5),
    start_day  TEXT NOT NULL CHECK (start_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    end_day    TEXT CHECK (end_day IS NULL OR end_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    count      INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0),
    time       TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
    zone       TEXT NOT NULL DEFAULT 'Europe/Berlin',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE series_channels (
    series_id  INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    PRIMARY KEY (series_id, channel_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX series_channels_by_channel ON series_channels(channel_id);

-- The slot a post fills: series_date is the slot's day, which stays when the
-- post itself is moved to another day. Deleting a series unlinks its posts
-- (the store clears both columns; the posts stay).
ALTER TABLE posts ADD COLUMN series_id INTEGER REFERENCES series(id) ON DELETE SET NULL;
ALTER TABLE posts ADD COLUMN series_date TEXT
    CHECK (series_date IS NULL OR series_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

-- One post per slot, so a double click cannot fill a slot twice.
CREATE UNIQUE INDEX posts_by_series_slot ON posts(series_id, series_date) WHERE series_id IS NOT NULL;

-- The authority's own dates (Tag der offenen Tür, council meetings, the end
-- of a comment period), with an optional reminder lead_days before.
CREATE TABLE own_dates (
    id         INTEGER PRIMARY KEY,
    day        TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    name       TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    lead_days  INTEGER NOT NULL DEFAULT 0 CHECK (lead_days BETWEEN 0 AND 365),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX own_dates_by_day ON own_dates(day);

-- Quiet periods (pre-election period, state mourning): nothing may go out
-- from from_day to to_day, both included.
CREATE TABLE quiet_periods (
    id         INTEGER PRIMARY KEY,
    from_day   TEXT NOT NULL CHECK (from_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    to_day     TEXT NOT NULL CHECK (to_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    note       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (to_day >= from_day)
) STRICT;

-- Full-text search over posts. The index reads the view posts_search, which
-- spells German umlauts and ß out (ü → ue, ß → ss; also an umlaut written as
-- u + combining diaeresis, as text copied from a Mac or a PDF may be), so
-- that "Frühling", "Fruehling" and "FRÜHLING" find each other; the unicode61
-- tokenizer folds case and removes other diacritics (é → e). The search code
-- (data/search.go, searchFold) folds the query the same way. The view is plain SQL, so the triggers work in any SQLite
-- tool, and 'rebuild' re-creates exactly what the triggers maintain.
CREATE VIEW posts_search AS SELECT id,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(title, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e') AS title,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(caption, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e') AS caption,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(notes, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e') AS notes
    FROM posts;

CREATE VIRTUAL TABLE posts_fts USING fts5(
    title, caption, notes,
    content = 'posts_search', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts
BEGIN
    INSERT INTO posts_fts (rowid, title, caption, notes) VALUES (new.id,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e'),
        replace(replace(replace(replace(replace(replace(replace(replace(replace(new.caption, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e'),
        replace(replace(replace(replace(replace(replace(replace(replace(replace(new.notes, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e'));
END;

CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts
BEGIN
    INSERT INTO posts_fts (posts_fts, rowid, title, caption, notes) VALUES ('delete', old.id,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(old.title, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e'),
        replace(replace(replace(replace(replace(replace(replace(replace(replace(old.caption, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e'),
        replace(replace(replace(replace(replace(replace(replace(replace(replace(old.notes, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e'));
END;

CREATE TRIGGER posts_fts_update AFTER UPDATE OF title, caption, notes ON posts
WHEN old.title IS NOT new.title OR old.caption IS NOT new.caption OR old.notes IS NOT new.notes
BEGIN
    INSERT INTO posts_fts (posts_fts, rowid, title, caption, notes) VALUES ('delete', old.id,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(old.title, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e'),
        replace(replace(replace(replace(replace(replace(replace(replace(replace(old.caption, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e'),
        replace(replace(replace(replace(replace(replace(replace(replace(replace(old.notes, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e'));
    INSERT INTO posts_fts (rowid, title, caption, notes) VALUES (new.id,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e'),
        replace(replace(replace(replace(replace(replace(replace(replace(replace(new.caption, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e'),
        replace(replace(replace(replace(replace(replace(replace(replace(replace(new.notes, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e'));
END;

-- Posts written by version 1.
INSERT INTO posts_fts (posts_fts) VALUES ('rebuild');
