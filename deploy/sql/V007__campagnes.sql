-- Campaigns: their gesprekken, the outbox of letters and the no-show signals for handhaving.
-- Typed tables: reports and the gemeente's BI tools read these, never grain-state blobs.
-- Re-runnable: every statement is IF NOT EXISTS.

CREATE TABLE IF NOT EXISTS campagne (
    id              varchar(60)  PRIMARY KEY,
    naam            text         NOT NULL,
    status          varchar(20)  NOT NULL,
    periode_van     date         NOT NULL,
    periode_tot     date         NOT NULL,
    bijgewerkt_op   timestamptz  NOT NULL DEFAULT now()
);

-- One row per gesprek. (campagne_id, klantnummer, poging) is the idempotency key of the fan-out;
-- id is derived from it. versie rises with every change; klant_versie is what the klant grain confirmed.
CREATE TABLE IF NOT EXISTS gesprek (
    id                        uuid         PRIMARY KEY,
    campagne_id               varchar(60)  NOT NULL,
    klantnummer               varchar(20)  NOT NULL,
    poging                    smallint     NOT NULL,
    naam                      text         NOT NULL,
    klantmanager              varchar(40)  NOT NULL,
    oproep                    varchar(30)  NOT NULL DEFAULT 're-integratie',
    start                     timestamptz  NOT NULL,
    eind                      timestamptz  NOT NULL,
    status                    varchar(20)  NOT NULL,
    uitnodiging_op            timestamptz  NOT NULL,
    uitnodiging_verzonden_op  timestamptz,
    herinnering_verzonden_op  timestamptz,
    zonder_uitkomst_gemeld    boolean      NOT NULL DEFAULT false,
    verschenen                boolean,
    afwezigheid               varchar(30),
    indeling                  varchar(40),
    trede                     smallint     CHECK (trede BETWEEN 1 AND 6),
    route                     text,
    afspraken                 text,
    ontheffing_tot            date,
    ontheffing_grond          text,
    uitstroom_reden           text,
    uitkomst_door             text,
    uitkomst_op               timestamptz,
    gevolg                    varchar(40)  NOT NULL DEFAULT 'geen',
    versie                    integer      NOT NULL,
    klant_versie              integer      NOT NULL DEFAULT 0,
    UNIQUE (campagne_id, klantnummer, poging)
);
CREATE INDEX IF NOT EXISTS ix_gesprek_klantmanager_open ON gesprek (klantmanager, start)
    WHERE status IN ('gepland', 'uitgenodigd', 'herinnerd');
CREATE INDEX IF NOT EXISTS ix_gesprek_klant ON gesprek (klantnummer);

-- The outbox: every letter is written in the transaction that decides it. (gesprek_id, soort) is
-- its idempotency key: one invitation, one herinnering, one cancellation per gesprek at most.
CREATE TABLE IF NOT EXISTS bericht (
    id            uuid         PRIMARY KEY,
    gesprek_id    uuid         NOT NULL REFERENCES gesprek (id),
    campagne_id   varchar(60)  NOT NULL,
    klantnummer   varchar(20)  NOT NULL,
    soort         varchar(20)  NOT NULL,
    verzend_op    timestamptz  NOT NULL,
    status        varchar(20)  NOT NULL,
    verzonden_op  timestamptz,
    UNIQUE (gesprek_id, soort)
);
CREATE INDEX IF NOT EXISTS ix_bericht_status ON bericht (status, verzend_op);

-- No-show signals: a queue for people. The system never decides what follows.
CREATE TABLE IF NOT EXISTS handhavingssignaal (
    id             uuid         PRIMARY KEY,
    gesprek_id     uuid         NOT NULL UNIQUE REFERENCES gesprek (id),
    campagne_id    varchar(60)  NOT NULL,
    klantnummer    varchar(20)  NOT NULL,
    reden          text         NOT NULL,
    status         varchar(20)  NOT NULL DEFAULT 'open',
    aangemaakt_op  timestamptz  NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_handhavingssignaal_status ON handhavingssignaal (status, aangemaakt_op);
