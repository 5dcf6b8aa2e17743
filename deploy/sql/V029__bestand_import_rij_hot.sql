-- Applying a staged row sets its `effect`, once per row: 400,000 updates for a bestand of that size (docs/decisions.md, 29).
-- The partial index on rows still to do named `effect`, so each of those updates wrote a new entry into all three
-- indexes. Without it no index names `effect`, and with half of each page left free the new row version fits on the
-- same page: a heap-only (HOT) update that touches no index. The parts read their rows by the primary key
-- (import_id, regel) instead, a range they already name. The fill factor applies to pages written from now on; the
-- table is emptied after every import.
DROP INDEX IF EXISTS ix_bestand_import_rij_te_verwerken;
ALTER TABLE bestand_import_rij SET (fillfactor = 50);
