-- A klant grain's state in its own typed table (docs/decisions.md, 29), written by the klant storage in
-- batches together with its klant_overzicht row: one transaction for both, many clients per commit.
-- versie is the grain's ETag (optimistic concurrency, as Orleans' own table does it).
CREATE TABLE IF NOT EXISTS klant_staat (
    klantnummer   text        PRIMARY KEY,
    versie        integer     NOT NULL,
    staat         jsonb       NOT NULL,
    bijgewerkt_op timestamptz NOT NULL
);

-- State written before this table existed lived in Orleans' grain-state table (grain type 'klant', the
-- klantnummer as key extension, System.Text.Json UTF-8): it moves here once.
INSERT INTO klant_staat (klantnummer, versie, staat, bijgewerkt_op)
SELECT grainidextensionstring, version, convert_from(payloadbinary, 'UTF8')::jsonb, modifiedon
FROM orleansstorage
WHERE graintypestring = 'klant' AND grainidextensionstring IS NOT NULL
  AND payloadbinary IS NOT NULL AND octet_length(payloadbinary) > 0 AND get_byte(payloadbinary, 0) = 123
ON CONFLICT (klantnummer) DO NOTHING;
DELETE FROM orleansstorage WHERE graintypestring = 'klant';

-- The next moment a client's herbeoordeling can change stage: a due date in a column, found by a few
-- scanners instead of one Orleans reminder per client. vak spreads clients over 64 fixed buckets that
-- the scanners divide among themselves.
ALTER TABLE klant_overzicht ADD COLUMN IF NOT EXISTS herbeoordeling_controle timestamptz;
ALTER TABLE klant_overzicht ADD COLUMN IF NOT EXISTS vak smallint GENERATED ALWAYS AS ((hashtext(klantnummer) & 63)::smallint) STORED;
CREATE INDEX IF NOT EXISTS ix_klant_overzicht_controle
    ON klant_overzicht (vak, herbeoordeling_controle) WHERE herbeoordeling_controle IS NOT NULL;
-- Clients planned under the per-client reminders: the scanners look at each once and set its next moment.
UPDATE klant_overzicht SET herbeoordeling_controle = now()
WHERE herbeoordeling_datum IS NOT NULL AND herbeoordeling_controle IS NULL;
DELETE FROM orleansreminderstable WHERE remindername = 'herbeoordeling';
