-- Feedtakt schema version 4: the Mediathek. What the file says about itself
-- (Aufnahmedatum, orientation, camera, GPS, duration, pages), what the
-- person records about it (creator, licence, usage terms, "nutzbar bis",
-- notes, tags), whether its file is missing, full-text search over it, and
-- indexes for the three sorts of the grid.
--
-- The Aufnahmedatum is kept three ways. EXIF DateTimeOriginal is a wall
-- clock without a zone; EXIF 2.31 cameras add OffsetTimeOriginal, most
-- phones and older cameras do not, and a video container stores UTC. So:
--   taken_local  the wall clock as the file gave it ("2026-05-01T14:30:00"),
--                shown as it was on the camera, never shifted by a zone;
--   taken_offset the offset the file gave ("+02:00"), '' when it gave none
--                (the wall clock is then read in Europe/Berlin);
--   taken_at     the UTC instant ("2026-05-01T12:30:00Z") that sorts and
--                filters; always set: without a date in the file it is the
--                file's modification time, without that the import time;
--   taken_source where it came from: exif, container (a video's creation
--                time), file (modification time), import (nothing better).
-- Code lists (licence, taken_source) are checked by the program, not by
-- CHECK constraints, so a new licence needs no table rebuild.
ALTER TABLE media ADD COLUMN taken_at TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN taken_local TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN taken_offset TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN taken_source TEXT NOT NULL DEFAULT 'import';
ALTER TABLE media ADD COLUMN orientation INTEGER NOT NULL DEFAULT 0 CHECK (orientation BETWEEN 0 AND 8);
ALTER TABLE media ADD COLUMN camera TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN has_gps INTEGER NOT NULL DEFAULT 0 CHECK (has_gps IN (0, 1));
ALTER TABLE media ADD COLUMN duration_ms INTEGER NOT NULL DEFAULT 0 CHECK (duration_ms >= 0);
ALTER TABLE media ADD COLUMN pages INTEGER NOT NULL DEFAULT 0 CHECK (pages >= 0);
-- The file's modification time when it was imported (UTC), the stand-in
-- Aufnahmedatum of a file without one.
ALTER TABLE media ADD COLUMN file_time TEXT NOT NULL DEFAULT '';
-- Urheber/in (XMP dc:creator), as opposed to credit, the Bildnachweis line
-- printed under a post (photoshop:Credit, else the creator).
ALTER TABLE media ADD COLUMN creator TEXT NOT NULL DEFAULT '';
-- The file's own rights statement (XMP dc:rights), kept as found.
ALTER TABLE media ADD COLUMN rights TEXT NOT NULL DEFAULT '';
-- A licence code (own, official, agency, cc-by-4.0, cc-by-sa-4.0, press,
-- other; '' = not recorded) and the terms in words (xmpRights:UsageTerms).
ALTER TABLE media ADD COLUMN licence TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN usage_terms TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN usable_until TEXT
    CHECK (usable_until IS NULL OR usable_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE media ADD COLUMN notes TEXT NOT NULL DEFAULT '';
-- Set by the scan at open: gone (no file) or changed (other content than
-- its hash), with the time it was first seen so; '' = the file is fine.
ALTER TABLE media ADD COLUMN missing TEXT NOT NULL DEFAULT '' CHECK (missing IN ('', 'gone', 'changed'));
ALTER TABLE media ADD COLUMN missing_since TEXT;
-- The item's tags as one text (tags joined by a space), kept by the
-- program whenever it changes media_tags: the search index reads it from
-- this row, so an item with five tags is indexed once, not six times.
ALTER TABLE media ADD COLUMN tags_text TEXT NOT NULL DEFAULT '';
-- A picture without Bildbeschreibung, for the filter: a generated column,
-- so the sort indexes below can hold it.
ALTER TABLE media ADD COLUMN no_alt INTEGER GENERATED ALWAYS AS (kind = 'image' AND alt_text = '') VIRTUAL;
-- The people shown and their consent (Einwilligung) are the next issue's:
-- they will live in their own tables (media_people → people → consents),
-- so nothing here is reserved for them.

-- Rows of version 3 knew no Aufnahmedatum: the import time stands in.
UPDATE media SET taken_at = created_at, taken_local = '', taken_source = 'import';

-- The sorts of the grid, each with id as the tie-breaker so keyset paging
-- never skips or repeats rows that share a date or a name. Each also holds
-- the columns the filters test, so a filtered page (and a count) walks one
-- narrow index in order and reads only the rows it shows (see ListMedia).
CREATE INDEX media_by_taken ON media(taken_at, id, kind, no_alt, missing, usable_until);
CREATE INDEX media_by_created ON media(created_at, id, kind, no_alt, missing, usable_until, taken_at);
CREATE INDEX media_by_name ON media(original_name COLLATE NOCASE, id, kind, no_alt, missing, usable_until, taken_at);

-- Tags (Schlagwörter). tag is as the person wrote it; key is its folded
-- form (lower case, inner spaces collapsed; see normTag), unique per item,
-- so "Azubi" and "azubi" are one tag.
CREATE TABLE media_tags (
    media_id INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
    key      TEXT NOT NULL,
    tag      TEXT NOT NULL,
    PRIMARY KEY (media_id, key)
) STRICT, WITHOUT ROWID;

CREATE INDEX media_tags_by_key ON media_tags(key, media_id);

-- Full-text search over the Mediathek: title, alt text, credit, creator,
-- tags and the original file name, with German umlauts and ß spelled out
-- exactly as for posts (migration 0002; searchFold in data/search.go). The
-- index is contentless with delete support: it keeps no copy of the texts,
-- and a row is re-indexed by deleting it by rowid and inserting it again
-- from the view.
CREATE VIEW media_search AS SELECT id,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(title, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e') AS title,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(alt_text, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e') AS alt_text,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(credit, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e') AS credit,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(creator, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e') AS creator,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(
            tags_text,
            'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e') AS tags,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(original_name, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), char(776), 'e') AS original_name
    FROM media;

CREATE VIRTUAL TABLE media_fts USING fts5(
    title, alt_text, credit, creator, tags, original_name,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER media_fts_insert AFTER INSERT ON media
BEGIN
    INSERT INTO media_fts (rowid, title, alt_text, credit, creator, tags, original_name)
        SELECT id, title, alt_text, credit, creator, tags, original_name FROM media_search WHERE id = new.id;
END;

CREATE TRIGGER media_fts_delete AFTER DELETE ON media
BEGIN
    DELETE FROM media_fts WHERE rowid = old.id;
END;

CREATE TRIGGER media_fts_update AFTER UPDATE OF title, alt_text, credit, creator, tags_text, original_name ON media
WHEN old.title IS NOT new.title OR old.alt_text IS NOT new.alt_text OR old.credit IS NOT new.credit
    OR old.creator IS NOT new.creator OR old.tags_text IS NOT new.tags_text OR old.original_name IS NOT new.original_name
BEGIN
    DELETE FROM media_fts WHERE rowid = old.id;
    INSERT INTO media_fts (rowid, title, alt_text, credit, creator, tags, original_name)
        SELECT id, title, alt_text, credit, creator, tags, original_name FROM media_search WHERE id = new.id;
END;

-- Media of version 3.
INSERT INTO media_fts (rowid, title, alt_text, credit, creator, tags, original_name)
    SELECT id, title, alt_text, credit, creator, tags, original_name FROM media_search;
