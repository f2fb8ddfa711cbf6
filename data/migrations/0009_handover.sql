-- Feedtakt schema version 9: what the handover report (Vertretungsmappe)
-- needs besides the plan. Per channel, where the access is documented
-- ("Zugang: Passwortsafe, Eintrag Social Media") — never the password
-- itself; the store refuses what looks like one. The office's netiquette,
-- its contacts and the notes for the person covering are free texts in
-- the settings table (keys handover.*), which needs no change here.
ALTER TABLE channels ADD COLUMN access_note TEXT NOT NULL DEFAULT ''
    CHECK (length(access_note) <= 300);
