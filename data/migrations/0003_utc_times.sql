-- Times that are sorted or compared are stored as UTC instants
-- ("2026-10-25T00:45:00Z"), so they sort as text across the October hour
-- that repeats; until now they carried the local offset. SQLite's date
-- functions turn an offset time into UTC; a value they cannot read stays.

UPDATE posts SET
    created_at = coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', created_at), created_at),
    updated_at = coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', updated_at), updated_at);
UPDATE channels SET created_at = coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', created_at), created_at);
UPDATE topics SET created_at = coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', created_at), created_at);
UPDATE media SET created_at = coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', created_at), created_at);
UPDATE series SET
    created_at = coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', created_at), created_at),
    updated_at = coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', updated_at), updated_at);
UPDATE own_dates SET
    created_at = coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', created_at), created_at),
    updated_at = coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', updated_at), updated_at);
UPDATE quiet_periods SET
    created_at = coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', created_at), created_at),
    updated_at = coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', updated_at), updated_at);

-- The change log is append-only; this one rewrite of its time format is
-- the schema's own, inside the migration's transaction.
DROP TRIGGER changelog_append_only_update;
UPDATE changelog SET at = coalesce(strftime('%Y-%m-%dT%H:%M:%SZ', at), at);
CREATE TRIGGER changelog_append_only_update BEFORE UPDATE ON changelog
BEGIN
    SELECT RAISE(ABORT, 'the change log is append-only');
END;
