-- Feedtakt schema version 6: people in pictures and their consent
-- (Einwilligung). An authority may publish a picture of an identifiable
-- person only with that person's consent, for the channels and purposes it
-- names, until it ends or is withdrawn; a minor needs the guardians'.
--
-- Code lists (role, form, given_by, scope kinds, purposes) are checked by
-- the program, not by CHECK constraints where a new code is likely, so it
-- needs no table rebuild; the few fixed ones are checked here as well.
--
-- Pictures are named by their content hash, not their row (as the video
-- poster of migration 0005): an item deleted to the Papierkorb and restored
-- gets a new row but the same hash, and must come back with its people and
-- its decision. Were it to come back "ungeklärt", a picture of a person who
-- withdrew would only warn instead of block.
--
-- People's names and contacts are personal data that an erasure must be
-- able to remove; the append-only change log therefore names a person by
-- number only (see data/people.go).

-- role: employee (Beschäftigte/r), trainee (Auszubildende/r), citizen
-- (Bürger/in), minor (Kind/Jugendliche/r), guest (Gast/Referent/in).
-- born_on is optional; when known it decides whether the person is a minor
-- on a post's day (turning 18 ends the guardians' say).
CREATE TABLE people (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (name != ''),
    role       TEXT NOT NULL,
    born_on    TEXT CHECK (born_on IS NULL OR born_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    contact    TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX people_by_name ON people(name COLLATE NOCASE, id);

-- A minor's guardians (Erziehungsberechtigte), in the order entered.
CREATE TABLE guardians (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL CHECK (name != ''),
    contact   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (person_id, position)
) STRICT, WITHOUT ROWID;

-- One consent record (Einwilligungserklärung) as given; a person may have
-- several over time. form: written (schriftlich) or electronic
-- (elektronisch). given_by: self, guardians, or both (a minor of 16 or 17
-- signing with the parents). pictures: 'shoot' = every picture of the person
-- from a shoot or event (named in shoot, optionally limited to the
-- Aufnahmedatum shoot_from..shoot_to), 'items' = the pictures listed in
-- consent_media. form_hash names the scanned form in the Mediathek ('' =
-- none attached). A withdrawal (Widerruf) is recorded in withdrawn_on /
-- withdrawn_via and never taken back (trigger below): a person who agrees
-- again gives a new consent.
CREATE TABLE consents (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    given_on      TEXT NOT NULL CHECK (given_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    form          TEXT NOT NULL CHECK (form IN ('written', 'electronic')),
    given_by      TEXT NOT NULL CHECK (given_by IN ('self', 'guardians', 'both')),
    pictures      TEXT NOT NULL CHECK (pictures IN ('shoot', 'items')),
    shoot         TEXT NOT NULL DEFAULT '',
    shoot_from    TEXT CHECK (shoot_from IS NULL OR shoot_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    shoot_to      TEXT CHECK (shoot_to IS NULL OR shoot_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    valid_until   TEXT CHECK (valid_until IS NULL OR valid_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    informed      INTEGER NOT NULL DEFAULT 0 CHECK (informed IN (0, 1)),
    form_hash     TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    withdrawn_on  TEXT CHECK (withdrawn_on IS NULL OR withdrawn_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    withdrawn_via TEXT NOT NULL DEFAULT '',
    withdrawn_note TEXT NOT NULL DEFAULT '',
    withdrawn_at  TEXT,
    created_at    TEXT NOT NULL,
    CHECK (valid_until IS NULL OR valid_until >= given_on),
    CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on),
    CHECK (shoot_to IS NULL OR shoot_from IS NULL OR shoot_to >= shoot_from)
) STRICT;

CREATE INDEX consents_by_person ON consents(person_id, given_on);

CREATE TRIGGER consents_withdrawal_final BEFORE UPDATE OF withdrawn_on ON consents
WHEN old.withdrawn_on IS NOT NULL AND new.withdrawn_on IS NOT old.withdrawn_on
BEGIN
    SELECT RAISE(ABORT, 'a withdrawal cannot be taken back');
END;

-- What a consent covers: kind 'platform' (a channel type such as
-- instagram, print; see data.Platform), 'channel' (one channel, by id as
-- text) or 'purpose' (pr, recruiting, press, documentation).
CREATE TABLE consent_scope (
    consent_id INTEGER NOT NULL REFERENCES consents(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('platform', 'channel', 'purpose')),
    value      TEXT NOT NULL,
    PRIMARY KEY (consent_id, kind, value)
) STRICT, WITHOUT ROWID;

-- The chosen pictures of a consent with pictures = 'items', by hash.
CREATE TABLE consent_media (
    consent_id INTEGER NOT NULL REFERENCES consents(id) ON DELETE CASCADE,
    media_hash TEXT NOT NULL,
    PRIMARY KEY (consent_id, media_hash)
) STRICT, WITHOUT ROWID;

CREATE INDEX consent_media_by_hash ON consent_media(media_hash);

-- Personen auf dem Bild: who is shown, by picture hash.
CREATE TABLE media_people (
    media_hash TEXT NOT NULL,
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (media_hash, person_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX media_people_by_person ON media_people(person_id, media_hash);

-- The decision about a picture's people: 'none' (keine erkennbaren
-- Personen), 'crowd' (nur Menschenmenge, nicht erkennbar) or 'people' (the
-- people in media_people). No row = ungeklärt.
CREATE TABLE media_people_decision (
    media_hash TEXT PRIMARY KEY,
    decision   TEXT NOT NULL CHECK (decision IN ('none', 'crowd', 'people')),
    decided_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
