-- Feedtakt schema version 8: caption templates (Textvorlagen), hashtag
-- sets, snippets (Bausteine), the platforms' limits as data, and what the
-- hour of posting records per channel.

-- One table for the three kinds, which share name, topic, channels and
-- search: a caption template (kind 'caption') fills a post's title and
-- text and may name the hashtag set its {Hashtags} stands for; a hashtag
-- set ('hashtags') holds its tags in body, one space between them, each
-- with its '#'; a snippet ('snippet') is a piece of text inserted at the
-- cursor (signature, call to action, data-protection line). Placeholders
-- such as {Datum} stay in the text until a post is posted (data/caption).
CREATE TABLE templates (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('caption', 'hashtags', 'snippet')),
    name           TEXT NOT NULL CHECK (name <> ''),
    title          TEXT NOT NULL DEFAULT '',
    body           TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    topic_id       INTEGER REFERENCES topics(id) ON DELETE SET NULL,
    hashtag_set_id INTEGER REFERENCES templates(id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

CREATE INDEX templates_by_kind ON templates(kind, name);

-- The channels a template is meant for (a filter when choosing one; none =
-- every channel).
CREATE TABLE template_channels (
    template_id INTEGER NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
    channel_id  INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    PRIMARY KEY (template_id, channel_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX template_channels_by_channel ON template_channels(channel_id);

-- A caption template's own text for one channel (a short X/Bluesky text
-- beside the long Instagram one); it becomes that channel's own text in
-- the post.
CREATE TABLE template_variants (
    template_id INTEGER NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
    channel_id  INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    body        TEXT NOT NULL,
    PRIMARY KEY (template_id, channel_id)
) STRICT, WITHOUT ROWID;

-- The platforms' limits, as data the office can correct in the settings
-- when a platform changes them (each with where it comes from and when it
-- was checked). 0 means "no limit known". The counting rule itself (X's
-- weights, graphemes, URLs) is code: data/caption.
CREATE TABLE platform_limits (
    platform      TEXT PRIMARY KEY,
    text_limit    INTEGER NOT NULL DEFAULT 0 CHECK (text_limit >= 0),
    photo_limit   INTEGER NOT NULL DEFAULT 0 CHECK (photo_limit >= 0),
    byte_limit    INTEGER NOT NULL DEFAULT 0 CHECK (byte_limit >= 0),
    hashtag_limit INTEGER NOT NULL DEFAULT 0 CHECK (hashtag_limit >= 0),
    alt_limit     INTEGER NOT NULL DEFAULT 0 CHECK (alt_limit >= 0),
    title_limit   INTEGER NOT NULL DEFAULT 0 CHECK (title_limit >= 0),
    source        TEXT NOT NULL DEFAULT '',
    checked_on    TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL DEFAULT ''
) STRICT, WITHOUT ROWID;

INSERT INTO platform_limits (platform, text_limit, photo_limit, byte_limit, hashtag_limit, alt_limit, title_limit, source, checked_on) VALUES
    ('x',         280,   0,     0,    0, 1000, 0,   'twitter-text v3 (config/v3.json); X Hilfe: Bildbeschreibungen', '2026-11-30'),
    ('bluesky',   300,   0,     3000, 0, 2000, 0,   'atproto Lexikon app.bsky.feed.post; social-app MAX_ALT_TEXT', '2026-11-30'),
    ('mastodon',  500,   0,     0,    0, 1500, 0,   'Mastodon: configuration.statuses.max_characters (je Instanz); media_attachment.rb', '2026-11-30'),
    ('threads',   500,   0,     0,    1, 0,    0,   'Meta: Threads API, Beiträge (1 Thema pro Beitrag)', '2026-11-30'),
    ('instagram', 2200,  0,     0,    5, 1000, 0,   'Meta: Instagram Hilfe; Hashtag-Grenze 5 seit 19.12.2025', '2026-11-30'),
    ('tiktok',    2200,  4000,  0,    0, 0,    0,   'TikTok: Creator Hilfe (Fotobeiträge 4.000)', '2026-11-30'),
    ('facebook',  63206, 0,     0,    0, 0,    0,   'Facebook: Graph API (63.206; andere Quellen 55.000)', '2026-11-30'),
    ('linkedin',  3000,  0,     0,    0, 0,    0,   'LinkedIn Hilfe: Beiträge', '2026-11-30'),
    ('youtube',   5000,  0,     0,    0, 0,    100, 'YouTube Hilfe: Titel 100, Beschreibung 5.000', '2026-11-30');

-- A Mastodon instance (or any channel) may allow more or less than its
-- platform: 0 = the platform's limit.
ALTER TABLE channels ADD COLUMN text_limit INTEGER NOT NULL DEFAULT 0 CHECK (text_limit >= 0);

-- A series can name the caption template its slots start from.
ALTER TABLE series ADD COLUMN template_id INTEGER REFERENCES templates(id) ON DELETE SET NULL;

-- What a post's placeholders stand for: {Link} (e.g. the job advert) and
-- {Hashtags} (a hashtag set); template_id says which template the post
-- started from (kept for the record; deleting the template keeps the post).
ALTER TABLE posts ADD COLUMN link TEXT NOT NULL DEFAULT '';
ALTER TABLE posts ADD COLUMN hashtag_set_id INTEGER REFERENCES templates(id) ON DELETE SET NULL;
ALTER TABLE posts ADD COLUMN template_id INTEGER REFERENCES templates(id) ON DELETE SET NULL;

-- The hour of posting, per channel: where the post went out and when
-- (local wall clock in the post's zone, 'YYYY-MM-DD HH:MM'); '' = not yet.
-- A post is Veröffentlicht when every one of its channels is marked.
ALTER TABLE post_channels ADD COLUMN published_link TEXT NOT NULL DEFAULT '';
ALTER TABLE post_channels ADD COLUMN published_at TEXT NOT NULL DEFAULT '';

-- Whether a video has subtitles (Untertitel) — burnt in or as a file given
-- to the platform; the check before posting asks for them.
ALTER TABLE media ADD COLUMN subtitles INTEGER NOT NULL DEFAULT 0 CHECK (subtitles IN (0, 1));
