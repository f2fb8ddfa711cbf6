-- Feedtakt schema version 5: a video's poster picture. There is no pure-Go
-- video decoder, so a video's tile shows a picture from the Mediathek that
-- she chose, else a film tile with the duration. The poster is named by its
-- content hash, not its row: an item deleted and restored from the
-- Papierkorb gets a new row but keeps its hash (and its thumbnails), and a
-- poster that is gone leaves only the film tile behind.
ALTER TABLE media ADD COLUMN poster_hash TEXT NOT NULL DEFAULT '';
