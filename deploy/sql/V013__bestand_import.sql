-- The bestand import as a job that outlives the silo running it (docs/decisions.md, 24).
-- Re-runnable: every statement is IF NOT EXISTS.

-- One row per import: its set-up, where it stands and its counters. The job's one home: the grain that
-- runs it keeps a copy and writes it at every checkpoint. Kept after the import ended, for its report.
CREATE TABLE IF NOT EXISTS bestand_import (
    id                      uuid         PRIMARY KEY,
    status                  text         NOT NULL CHECK (status IN ('bezig', 'klaar', 'afgebroken', 'mislukt')),
    fase                    text         NOT NULL CHECK (fase IN ('controleren', 'toepassen', 'uit-bestand', 'afgerond')),
    controle                boolean      NOT NULL,   -- only check, apply nothing
    gedeeltelijk            boolean      NOT NULL,   -- apply the valid rows even when others have errors
    codering                text,                    -- the charset the upload named; NULL = detect from the content
    door                    text         NOT NULL,
    bytes                   bigint       NOT NULL,
    importdatum             date         NOT NULL,   -- the domain day rows are judged against, also after a resume
    gestart_op              timestamptz  NOT NULL,
    bijgewerkt_op           timestamptz  NOT NULL,
    beeindigd_op            timestamptz,
    regels                  integer      NOT NULL DEFAULT 0,
    geldig                  integer      NOT NULL DEFAULT 0,
    afgewezen               integer      NOT NULL DEFAULT 0,
    aantal_fouten           integer      NOT NULL DEFAULT 0,
    aantal_waarschuwingen   integer      NOT NULL DEFAULT 0,
    toegepast               integer      NOT NULL DEFAULT 0,
    nieuw                   integer      NOT NULL DEFAULT 0,
    gewijzigd               integer      NOT NULL DEFAULT 0,
    ongewijzigd             integer      NOT NULL DEFAULT 0,
    terug_in_bestand        integer      NOT NULL DEFAULT 0,
    uit_bestand_te_doen     integer      NOT NULL DEFAULT 0,
    uit_bestand             integer      NOT NULL DEFAULT 0,
    titel                   text,
    melding                 text
);
-- One import at a time across the cluster: two overlapping exports would each mark the other's clients as gone.
CREATE UNIQUE INDEX IF NOT EXISTS ux_bestand_import_een_tegelijk ON bestand_import ((true)) WHERE status = 'bezig';
CREATE INDEX IF NOT EXISTS ix_bestand_import_gestart ON bestand_import (gestart_op DESC);

-- The uploaded file, in blocks of 1 MiB, until the import ends. Written in the same transaction as the
-- job's row (which comes last, hence the deferred key): an upload cut off leaves nothing behind.
CREATE TABLE IF NOT EXISTS bestand_import_blok (
    import_id   uuid     NOT NULL REFERENCES bestand_import (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    volgnummer  integer  NOT NULL,
    data        bytea    NOT NULL,
    PRIMARY KEY (import_id, volgnummer)
);

-- Every row of the file that names a klantnummer, with its line number, until the import ends: the
-- profile when the row is valid (NULL: refused, but its client is still in the export), and what
-- applying it did (NULL: not applied yet — the checkpoint of the second step).
CREATE TABLE IF NOT EXISTS bestand_import_rij (
    import_id    uuid     NOT NULL REFERENCES bestand_import (id) ON DELETE CASCADE,
    regel        integer  NOT NULL,
    klantnummer  text     NOT NULL,
    profiel      jsonb,
    effect       text     CHECK (effect IN ('nieuw', 'gewijzigd', 'ongewijzigd', 'terug-in-bestand')),
    PRIMARY KEY (import_id, regel)
);
CREATE INDEX IF NOT EXISTS ix_bestand_import_rij_klantnummer ON bestand_import_rij (import_id, klantnummer);
CREATE INDEX IF NOT EXISTS ix_bestand_import_rij_te_verwerken ON bestand_import_rij (import_id, regel)
    WHERE effect IS NULL AND profiel IS NOT NULL;

-- The first errors and warnings (ImportRapport.MaxGetoond of each) with their line numbers, for the report.
CREATE TABLE IF NOT EXISTS bestand_import_melding (
    import_id   uuid     NOT NULL REFERENCES bestand_import (id) ON DELETE CASCADE,
    soort       text     NOT NULL CHECK (soort IN ('fout', 'waarschuwing')),
    volgnummer  integer  NOT NULL,
    regel       integer  NOT NULL,
    veld        text     NOT NULL,
    reden       text     NOT NULL,
    PRIMARY KEY (import_id, soort, volgnummer)
);
