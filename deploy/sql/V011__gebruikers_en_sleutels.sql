-- Accounts for local login (standalone and demo installs; with OpenID Connect the identity
-- provider holds them instead), temporary caseload cover between klantmanagers, and the keys that
-- protect cookies and tokens, shared by every silo so a session started on one is valid on all.

CREATE TABLE IF NOT EXISTS gebruiker (
    gebruikersnaam      varchar(60)  PRIMARY KEY,
    naam                text         NOT NULL,
    rollen              text[]       NOT NULL,
    medewerker          varchar(40),             -- the klantmanager this account is, if any
    wachtwoord_hash     text         NOT NULL,   -- ASP.NET Core Identity's PBKDF2 format
    mislukte_pogingen   integer      NOT NULL DEFAULT 0,
    geblokkeerd_tot     timestamptz,
    actief              boolean      NOT NULL DEFAULT true,
    aangemaakt_op       timestamptz  NOT NULL DEFAULT now()
);

-- A klantmanager's caseload can be covered by a colleague until a date (holiday, illness): the
-- colleague sees and works those clients until then, and not a day longer.
ALTER TABLE medewerker ADD COLUMN IF NOT EXISTS vervanger varchar(40);
ALTER TABLE medewerker ADD COLUMN IF NOT EXISTS vervangen_tot date;

CREATE TABLE IF NOT EXISTS dataprotectie_sleutel (
    naam            text         PRIMARY KEY,
    xml             text         NOT NULL,
    aangemaakt_op   timestamptz  NOT NULL DEFAULT now()
);
