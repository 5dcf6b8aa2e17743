-- The next reassessment date (and the rule behind it) per client in the read model: the team view
-- counts due and overdue reassessments per klantmanager with one query, and a werklijst grain
-- rebuilds itself from what was reported on activation instead of storing its list.
ALTER TABLE klant_overzicht ADD COLUMN IF NOT EXISTS herbeoordeling_datum date;
ALTER TABLE klant_overzicht ADD COLUMN IF NOT EXISTS herbeoordeling_grond text;
-- The stage last reported to the werklijst (AanDeBeurt/TeLaat), null when nothing is on it.
ALTER TABLE klant_overzicht ADD COLUMN IF NOT EXISTS herbeoordeling_gemeld varchar(20);
CREATE INDEX IF NOT EXISTS ix_klant_overzicht_herbeoordeling
    ON klant_overzicht (klantmanager, herbeoordeling_datum) WHERE in_bestand;
