-- More than one gemeente per dienst (issue 16, decision 34): each client belongs to one gemeente, by its CBS
-- gemeentecode (four digits as text, e.g. '0453'), from the bestand's gemeente column or, with one gemeente
-- configured, that one. Written with the rest of the row by KlantOpslag. Re-runnable.
ALTER TABLE klant_overzicht ADD COLUMN IF NOT EXISTS gemeente varchar(4);
-- The date the client left the bestand: the export's einddatum_uitkering when given, else the import's date
-- (or the uitstroom a klantmanager registered). NULL while the client is in the bestand.
ALTER TABLE klant_overzicht ADD COLUMN IF NOT EXISTS uitstroom_datum date;
CREATE INDEX IF NOT EXISTS ix_klant_overzicht_gemeente ON klant_overzicht (gemeente);
