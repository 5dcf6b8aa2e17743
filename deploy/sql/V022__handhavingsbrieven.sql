-- Handhaving letters (decision 31): the voornemen and the besluit go through the outbox like invitations. They
-- belong to the signal's gesprek (handhavingssignaal.gesprek_id is unique, so (gesprek_id, soort, volgnummer)
-- stays their idempotency key: one voornemen and one besluit per signal). What the letter says is fixed when it
-- is sent and kept here; gesprek letters leave it NULL and are written from their gesprek as before. Re-runnable.
ALTER TABLE bericht ADD COLUMN IF NOT EXISTS inhoud jsonb;

-- Rechtmatigheidssignalen (decision 31): a klantmanager's doubt about the right to benefit (art. 17/54), raised by a
-- person with facts. The signal and its steps are one JSON document (its one home, written by its grain); klantnummer
-- and status are generated from it for the queue, gemeld_op is set once when it is raised.
CREATE TABLE IF NOT EXISTS rechtmatigheidssignaal (
    id           uuid         PRIMARY KEY,
    zaak         jsonb        NOT NULL,
    klantnummer  varchar(20)  GENERATED ALWAYS AS (zaak->>'klantnummer') STORED,
    status       varchar(20)  GENERATED ALWAYS AS (zaak->>'status') STORED,
    gemeld_op    timestamptz  NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_rechtmatigheidssignaal_status ON rechtmatigheidssignaal (status, gemeld_op);
CREATE INDEX IF NOT EXISTS ix_rechtmatigheidssignaal_klant ON rechtmatigheidssignaal (klantnummer);

-- Its oproep for horen (art. 17/54) is a letter of its own kind, kept apart from the gesprek letters (art. 9/18): it
-- has no gesprek and no campaign, but its signal; one per signal.
ALTER TABLE bericht ALTER COLUMN gesprek_id DROP NOT NULL;
ALTER TABLE bericht ALTER COLUMN campagne_id DROP NOT NULL;
ALTER TABLE bericht ALTER COLUMN soort TYPE varchar(30);
ALTER TABLE bericht ADD COLUMN IF NOT EXISTS rechtmatigheidssignaal_id uuid REFERENCES rechtmatigheidssignaal (id);
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'bericht_van_gesprek_of_signaal') THEN
        ALTER TABLE bericht ADD CONSTRAINT bericht_van_gesprek_of_signaal
            CHECK ((gesprek_id IS NOT NULL AND campagne_id IS NOT NULL) <> (rechtmatigheidssignaal_id IS NOT NULL));
    END IF;
END $$;
CREATE UNIQUE INDEX IF NOT EXISTS ux_bericht_rechtmatigheidssignaal ON bericht (rechtmatigheidssignaal_id, soort)
    WHERE rechtmatigheidssignaal_id IS NOT NULL;
