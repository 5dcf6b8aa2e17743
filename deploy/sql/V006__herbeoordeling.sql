-- The next reassessment date per client in the read model, so the team view counts due and
-- overdue reassessments per klantmanager with one query instead of asking every grain.
ALTER TABLE klant_overzicht ADD COLUMN IF NOT EXISTS herbeoordeling_datum date;
CREATE INDEX IF NOT EXISTS ix_klant_overzicht_herbeoordeling
    ON klant_overzicht (klantmanager, herbeoordeling_datum) WHERE in_bestand;
