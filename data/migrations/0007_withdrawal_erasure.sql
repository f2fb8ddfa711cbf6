-- Feedtakt schema version 7: what a withdrawal (Widerruf) leaves behind.
--
-- removals is the checklist of the withdrawal page: for a person who
-- withdrew, per published post and channel, the day the office took the
-- post down there ("auf Instagram entfernt am …"), who did it (a workspace
-- user) and a note. Whether old posts must go is the office's legal
-- judgement; the checklist makes it possible and documented. The person is
-- named by number only and has no foreign key, so the checklist outlives an
-- erasure of the person as part of the proof.
CREATE TABLE removals (
    person_id   INTEGER NOT NULL,
    post_id     INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    channel_id  INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    removed_on  TEXT NOT NULL CHECK (removed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    removed_by  TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (person_id, post_id, channel_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX removals_by_post ON removals(post_id);

-- erasures is both the journal and the proof of an erasure (Bilder
-- endgültig löschen, data/erase.go). The row is written first, with the
-- plan in pending, before anything is removed; every step is idempotent,
-- so running the erasure again after a crash completes it. When done,
-- erased_at is set and pending emptied: what stays is the minimal record
-- the office needs to show that the withdrawal was handled and when — the
-- person's number, the day of the withdrawal, the day of the erasure, who
-- did it (a workspace user) and how much went. No name, no contact, no
-- picture, no content hash.
CREATE TABLE erasures (
    person_id    INTEGER PRIMARY KEY,
    withdrawn_on TEXT CHECK (withdrawn_on IS NULL OR withdrawn_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    started_at   TEXT NOT NULL,
    erased_at    TEXT,
    erased_by    TEXT NOT NULL DEFAULT '',
    pictures     INTEGER NOT NULL DEFAULT 0,
    forms        INTEGER NOT NULL DEFAULT 0,
    posts        INTEGER NOT NULL DEFAULT 0,
    backups      INTEGER NOT NULL DEFAULT 0,
    pending      TEXT NOT NULL DEFAULT '',
    CHECK ((erased_at IS NULL) = (pending != ''))
) STRICT;
