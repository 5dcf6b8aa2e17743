-- One lifecycle for every participatiegesprek (docs/decisions.md, 27): a campaign's and a klantmanager's own.
-- A gesprek gets its soort (herbeoordeling, participatiegesprek, voortgang), its vorm and place, and how often
-- it was moved (verzet) and last at whose request. Campaign gesprekken are participatiegesprekken op kantoor.
-- A klantmanager's own gesprekken belong to their agenda: campagne_id holds 'agenda/<klantmanager>' (GesprekIds.Agenda)
-- so every gesprek still has exactly one owner that plans, invites, reminds and closes it.
ALTER TABLE gesprek ADD COLUMN IF NOT EXISTS soort varchar(30) NOT NULL DEFAULT 'participatiegesprek';
ALTER TABLE gesprek ADD COLUMN IF NOT EXISTS vorm varchar(20) NOT NULL DEFAULT 'kantoor';
ALTER TABLE gesprek ADD COLUMN IF NOT EXISTS locatie text;
ALTER TABLE gesprek ADD COLUMN IF NOT EXISTS toelichting text;
ALTER TABLE gesprek ADD COLUMN IF NOT EXISTS verzet_aantal smallint NOT NULL DEFAULT 0;
ALTER TABLE gesprek ADD COLUMN IF NOT EXISTS verzet_op_verzoek_van varchar(20);
ALTER TABLE gesprek ADD COLUMN IF NOT EXISTS verzet_reden text;

-- A moved gesprek gets a verzetbrief each time, and a new herinnering for its new moment: letters of one soort
-- are numbered by the move they belong to (0 = before any move), which stays the idempotency key.
ALTER TABLE bericht ADD COLUMN IF NOT EXISTS volgnummer smallint NOT NULL DEFAULT 0;
ALTER TABLE bericht DROP CONSTRAINT IF EXISTS bericht_gesprek_id_soort_key;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'bericht_gesprek_soort_volgnummer_key') THEN
        ALTER TABLE bericht ADD CONSTRAINT bericht_gesprek_soort_volgnummer_key UNIQUE (gesprek_id, soort, volgnummer);
    END IF;
END $$;

-- The agenda of a klantmanager over a period, every kind of gesprek (planning checks it on every booking).
CREATE INDEX IF NOT EXISTS ix_gesprek_klantmanager_start ON gesprek (klantmanager, start) WHERE status <> 'geannuleerd';
