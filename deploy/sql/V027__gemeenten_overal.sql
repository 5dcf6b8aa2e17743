-- Each gesprek, afspraak and handhavingssignaal carries its client's gemeente (issue 16, decision 34): the gemeente
-- the client belonged to when the row was made, as gesprek.wijk keeps the wijk (V010), so a report per gemeente
-- counts a row where it happened even after the client moved. One way to fill it for every writer: a row inserted
-- without one takes the client's gemeente from klant_overzicht (written from the bestand, V025). Re-runnable.
ALTER TABLE gesprek ADD COLUMN IF NOT EXISTS gemeente varchar(4);
ALTER TABLE afspraak ADD COLUMN IF NOT EXISTS gemeente varchar(4);
ALTER TABLE handhavingssignaal ADD COLUMN IF NOT EXISTS gemeente varchar(4);

CREATE OR REPLACE FUNCTION gemeente_van_klant() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF NEW.gemeente IS NULL THEN
        SELECT k.gemeente INTO NEW.gemeente FROM klant_overzicht k WHERE k.klantnummer = NEW.klantnummer;
    END IF;
    RETURN NEW;
END
$fn$;

DROP TRIGGER IF EXISTS gesprek_gemeente ON gesprek;
CREATE TRIGGER gesprek_gemeente BEFORE INSERT ON gesprek FOR EACH ROW EXECUTE FUNCTION gemeente_van_klant();
DROP TRIGGER IF EXISTS afspraak_gemeente ON afspraak;
CREATE TRIGGER afspraak_gemeente BEFORE INSERT ON afspraak FOR EACH ROW EXECUTE FUNCTION gemeente_van_klant();
DROP TRIGGER IF EXISTS handhavingssignaal_gemeente ON handhavingssignaal;
CREATE TRIGGER handhavingssignaal_gemeente BEFORE INSERT ON handhavingssignaal FOR EACH ROW EXECUTE FUNCTION gemeente_van_klant();

-- Rows made before this version: the client's gemeente now (the best there is).
UPDATE gesprek g SET gemeente = k.gemeente FROM klant_overzicht k
    WHERE g.gemeente IS NULL AND k.klantnummer = g.klantnummer AND k.gemeente IS NOT NULL;
UPDATE afspraak a SET gemeente = k.gemeente FROM klant_overzicht k
    WHERE a.gemeente IS NULL AND k.klantnummer = a.klantnummer AND k.gemeente IS NOT NULL;
UPDATE handhavingssignaal h SET gemeente = k.gemeente FROM klant_overzicht k
    WHERE h.gemeente IS NULL AND k.klantnummer = h.klantnummer AND k.gemeente IS NOT NULL;

CREATE INDEX IF NOT EXISTS ix_gesprek_gemeente ON gesprek (gemeente);
CREATE INDEX IF NOT EXISTS ix_handhavingssignaal_gemeente ON handhavingssignaal (gemeente);

-- A programmaleider can be limited to one or more gemeenten (CBS codes); empty: all of them.
ALTER TABLE gebruiker ADD COLUMN IF NOT EXISTS gemeenten text[] NOT NULL DEFAULT '{}';

-- The gemeente a campaign selects in (NULL: all), written with its row by the campaign grain, so the list of
-- campaigns can show a programmaleider limited to gemeenten only theirs.
ALTER TABLE campagne ADD COLUMN IF NOT EXISTS gemeente varchar(4);
