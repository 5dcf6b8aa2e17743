-- Staging a part of an export cost a foreign-key check per row: a lookup of the job's row in `bestand_import`, locked
-- FOR KEY SHARE, 40,000 times for a bestand of 40,000 (docs/decisions.md, 29: a quarter of the staging INSERT's time,
-- measured with and without it on a copy of the table). The key guarded nothing that can happen: a staged row is only
-- ever written by its own running job, whose row exists from the upload on, and every job empties its staged rows when
-- it ends (RondAfAsync); job rows are never deleted, so the cascade never ran either.
ALTER TABLE bestand_import_rij DROP CONSTRAINT IF EXISTS bestand_import_rij_import_id_fkey;
