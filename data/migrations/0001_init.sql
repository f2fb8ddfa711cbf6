-- Feedtakt schema version 1: settings, channels, topics, posts, media (the
-- minimum the demo needs; the media library issue extends it) and the
-- append-only change log.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE channels (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    platform       TEXT NOT NULL,
    handle         TEXT NOT NULL DEFAULT '',
    color          TEXT NOT NULL DEFAULT '#607D8B',
    cadence_count  INTEGER NOT NULL DEFAULT 0 CHECK (cadence_count >= 0),
    cadence_period TEXT NOT NULL DEFAULT 'week' CHECK (cadence_period IN ('week', 'month')),
    position       INTEGER NOT NULL,
    disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE topics (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    color      TEXT NOT NULL DEFAULT '#607D8B',
    position   INTEGER NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

-- A post keeps its local calendar day and wall-clock time plus the zone name,
-- not a UTC instant, so a 09:00 series stays at 09:00 across DST changes.
-- day IS NULL makes the post an idea (Ideenspeicher).
CREATE TABLE posts (
    id             INTEGER PRIMARY KEY,
    uid            TEXT NOT NULL UNIQUE,
    title          TEXT NOT NULL DEFAULT '',
    caption        TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    day            TEXT CHECK (day IS NULL OR day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    time           TEXT CHECK (time IS NULL OR time GLOB '[0-2][0-9]:[0-5][0-9]'),
    zone           TEXT NOT NULL DEFAULT 'Europe/Berlin',
    status         TEXT NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('idea', 'draft', 'review', 'approved', 'published', 'discarded')),
    topic_id       INTEGER REFERENCES topics(id) ON DELETE SET NULL,
    published_link TEXT NOT NULL DEFAULT '',
    published_on   TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK (time IS NULL OR day IS NOT NULL)
) STRICT;

CREATE INDEX posts_by_day ON posts(day, time) WHERE day IS NOT NULL;
CREATE INDEX posts_ideas ON posts(updated_at) WHERE day IS NULL;
CREATE INDEX posts_by_topic ON posts(topic_id);

-- caption is the per-channel override; '' means "use the post's caption".
CREATE TABLE post_channels (
    post_id    INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    caption    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (post_id, channel_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX post_channels_by_channel ON post_channels(channel_id);

CREATE TABLE media (
    id            INTEGER PRIMARY KEY,
    hash          TEXT NOT NULL UNIQUE,
    path          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('image', 'video', 'document')),
    original_name TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL DEFAULT '',
    alt_text      TEXT NOT NULL DEFAULT '',
    credit        TEXT NOT NULL DEFAULT '',
    width         INTEGER NOT NULL DEFAULT 0,
    height        INTEGER NOT NULL DEFAULT 0,
    size          INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE post_media (
    post_id  INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    media_id INTEGER NOT NULL REFERENCES media(id) ON DELETE RESTRICT,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (post_id, media_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX post_media_by_media ON post_media(media_id);

-- Who changed what. Append-only: the triggers refuse updates and deletes so
-- the log stays a record a head of unit can trust.
CREATE TABLE changelog (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    person  TEXT NOT NULL,
    pc      TEXT NOT NULL,
    action  TEXT NOT NULL,
    item    TEXT NOT NULL,
    item_id INTEGER,
    summary TEXT NOT NULL
) STRICT;

CREATE TRIGGER changelog_append_only_update BEFORE UPDATE ON changelog
BEGIN
    SELECT RAISE(ABORT, 'the change log is append-only');
END;

CREATE TRIGGER changelog_append_only_delete BEFORE DELETE ON changelog
BEGIN
    SELECT RAISE(ABORT, 'the change log is append-only');
END;
