-- A client's plan van aanpak (docs/decisions.md 30): versions and their afspraken, written by one
-- PlanVanAanpakGrain per client. Each PUT is a new version; nothing is ever overwritten but an afspraak's
-- end of validity (tot_versie) and, once, its closing (status, toelichting, afgerond_door, afgerond_op).

-- One row per version: the doel and who set it when (the domain's time).
CREATE TABLE IF NOT EXISTS plan_van_aanpak (
    klantnummer       varchar(20)  NOT NULL,
    versie            integer      NOT NULL CHECK (versie > 0),
    doel              text         NOT NULL,
    vastgesteld_door  text         NOT NULL,
    vastgesteld_op    timestamptz  NOT NULL,
    PRIMARY KEY (klantnummer, versie)
);

-- An afspraak's content for the versions [van_versie, tot_versie) — tot_versie NULL: in the current plan.
-- An afspraak that did not change between versions keeps its row; a changed (open) one gets a new row with
-- the same id. The status belongs to the row: only an open afspraak can change, so a row that ended because its
-- afspraak changed was open, and the closing is written on the row in the current plan.
CREATE TABLE IF NOT EXISTS afspraak (
    id             uuid         NOT NULL,
    van_versie     integer      NOT NULL,
    klantnummer    varchar(20)  NOT NULL,
    tot_versie     integer      CHECK (tot_versie > van_versie),
    omschrijving   text         NOT NULL,
    wie            varchar(20)  NOT NULL CHECK (wie IN ('klant', 'klantmanager', 'partner')),
    partner        text         CHECK ((wie = 'partner') = (partner IS NOT NULL)),
    deadline       date         NOT NULL,
    leefdomein     text,
    status         varchar(20)  NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'nagekomen', 'niet-nagekomen', 'vervallen')),
    toelichting    text,
    afgerond_door  text,
    afgerond_op    timestamptz,
    PRIMARY KEY (id, van_versie),
    FOREIGN KEY (klantnummer, van_versie) REFERENCES plan_van_aanpak (klantnummer, versie),
    CHECK ((status = 'open') = (afgerond_op IS NULL))
);

-- A version's afspraken, and the current plan's.
CREATE INDEX IF NOT EXISTS ix_afspraak_klant ON afspraak (klantnummer, van_versie);

-- The due date is data: the werklijst ("Afspraken te controleren") and the team's counts read the open
-- afspraken of the current plans by deadline, never one reminder per afspraak.
CREATE INDEX IF NOT EXISTS ix_afspraak_open_deadline ON afspraak (deadline, klantnummer)
    WHERE tot_versie IS NULL AND status = 'open';
