-- The application's own tables for the bestand: medewerkers and the klant read model.
-- Re-runnable: every statement is IF NOT EXISTS / idempotent.

CREATE TABLE IF NOT EXISTS medewerker (
    id              varchar(40)  PRIMARY KEY,
    naam            text         NOT NULL,
    rol             varchar(30)  NOT NULL DEFAULT 'klantmanager',
    actief          boolean      NOT NULL DEFAULT true,
    aangemaakt_op   timestamptz  NOT NULL DEFAULT now()
);

-- One row per client, written by the klant grain after each change. Typed columns so reports and
-- the gemeente's BI tools never read grain-state blobs. No BSN: lists do not need it.
CREATE TABLE IF NOT EXISTS klant_overzicht (
    klantnummer             varchar(20)  PRIMARY KEY,
    naam                    text         NOT NULL,
    postcode                varchar(6)   NOT NULL,
    wijk                    text,
    klantmanager            varchar(40)  NOT NULL,
    huishouden              varchar(40)  NOT NULL,
    geboortedatum           date         NOT NULL,
    startdatum_uitkering    date         NOT NULL,
    laatste_gesprek         date,
    statushouder            boolean      NOT NULL,
    schoolverlater_pro_vso  boolean      NOT NULL,
    arbeidsbeperking        boolean      NOT NULL,
    doelgroepregister       boolean      NOT NULL,
    in_bestand              boolean      NOT NULL,
    indeling                varchar(40),
    trede                   smallint     CHECK (trede BETWEEN 1 AND 6),
    route                   text,
    ontheffing_tot          date,
    uitstroom_reden         text,
    bijgewerkt_op           timestamptz  NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_klant_overzicht_klantmanager ON klant_overzicht (klantmanager);
CREATE INDEX IF NOT EXISTS ix_klant_overzicht_wijk ON klant_overzicht (wijk);
CREATE INDEX IF NOT EXISTS ix_klant_overzicht_in_bestand ON klant_overzicht (in_bestand) WHERE in_bestand;
