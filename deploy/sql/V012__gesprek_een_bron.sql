-- The gesprek table is the one truth about gesprekken (docs/decisions.md, 23). The klant grain no
-- longer keeps a copy of every version, so there is nothing for it to confirm: klant_versie goes.
-- When a gesprek was planned and last changed are kept with it, in the domain's time, so a client's
-- dossier builds its timeline of invitations, herinneringen and cancellations from this table.
-- Re-runnable. Rows written before this version get the moment of the migration.
ALTER TABLE gesprek DROP COLUMN IF EXISTS klant_versie;
ALTER TABLE gesprek ADD COLUMN IF NOT EXISTS gepland_op timestamptz NOT NULL DEFAULT now();
ALTER TABLE gesprek ADD COLUMN IF NOT EXISTS bijgewerkt_op timestamptz NOT NULL DEFAULT now();

-- "Laatste gesprek" of a client: the later of what the bestand says (klant_overzicht.laatste_gesprek)
-- and the last participatiegesprek held here. One definition, used by the campaign's selection and the
-- client list; the date is the gesprek's day in Dutch time.
CREATE OR REPLACE FUNCTION laatste_gesprek(bestand date, klant text) RETURNS date
LANGUAGE sql STABLE AS $$
    SELECT GREATEST(bestand, (SELECT max((g.start AT TIME ZONE 'Europe/Amsterdam')::date)
                              FROM gesprek g WHERE g.klantnummer = klant AND g.status = 'gehouden'))
$$;
