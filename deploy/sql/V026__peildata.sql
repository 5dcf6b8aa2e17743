-- Peildata (docs/decisions.md, 35): the bestand's state per client on every day, so that any report can be asked
-- for any date and period without reading grains. Stored as validity periods: a row holds a client's reported state
-- from peildatum geldig_van up to (not including) geldig_tot; the nightly run closes a row and opens a new one only
-- when something reported changed. The state on day d is exactly the rows with geldig_van <= d < geldig_tot, at a
-- fraction of the storage of a full copy per day. No names, BSN, postcode, wijk or dates of birth: reports need none.
CREATE TABLE IF NOT EXISTS klant_peildata (
    klantnummer           varchar(20)  NOT NULL,
    geldig_van            date         NOT NULL,
    geldig_tot            date         NOT NULL DEFAULT 'infinity',
    gemeente              varchar(4),
    in_bestand            boolean      NOT NULL,
    indeling              varchar(40),
    trede                 smallint,
    route                 text,
    ontheffing_tot        date,
    herbeoordeling_datum  date,
    laatste_gesprek       date,
    uitstroom_reden       text,
    -- The transition this row starts, set when it is written: 'instroom' (in the bestand again or for the first
    -- time after the first peildatum) or 'uitstroom'; with the trede and route the client had just before.
    stroom                varchar(10)  CHECK (stroom IN ('instroom', 'uitstroom')),
    stroom_reden          text,
    vorige_trede          smallint,
    vorige_route          text,
    PRIMARY KEY (klantnummer, geldig_van),
    CHECK (geldig_van < geldig_tot)
);
-- The state on a day: rows still open then.
CREATE INDEX IF NOT EXISTS ix_klant_peildata_tot ON klant_peildata (geldig_tot, geldig_van);
-- The ladder compares two days client by client: only clients in the bestand with a trede, read from the index alone.
CREATE INDEX IF NOT EXISTS ix_klant_peildata_ladder ON klant_peildata (geldig_tot, geldig_van) INCLUDE (klantnummer, trede, gemeente)
    WHERE in_bestand AND trede IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_klant_peildata_stroom ON klant_peildata (geldig_van) WHERE stroom IS NOT NULL;

-- Each nightly run: one row per peildatum, written in the same transaction as its periods and counts.
CREATE TABLE IF NOT EXISTS peildatum_run (
    peildatum    date         PRIMARY KEY,
    uitgevoerd_op timestamptz NOT NULL,
    klanten      integer      NOT NULL,
    gewijzigd    integer      NOT NULL,
    duur_ms      integer      NOT NULL
);

-- The counts of a peildatum per gemeente, made once by its run from klant_peildata (never updated after): the
-- reports over periods read these instead of aggregating hundreds of thousands of periods per day asked for.
-- soort: the state (bestand, indeling, trede, route, ontheffing, herbeoordeling, gesproken) and what happened that day
-- (instroom, uitstroom, gesprek, herbeoordeling-gehouden, route-gesprek, route-ontheffing, route-uitstroom).
CREATE TABLE IF NOT EXISTS peildatum_telling (
    peildatum  date        NOT NULL REFERENCES peildatum_run (peildatum),
    gemeente   varchar(4)  NOT NULL,
    soort      varchar(30) NOT NULL,
    sleutel    text        NOT NULL,
    aantal     integer     NOT NULL,
    PRIMARY KEY (peildatum, soort, gemeente, sleutel)
);

-- The doelenboom's targets: every setting is a new row (who set what when); the current target of an indicator,
-- year and gemeente is the latest. gemeente '' is the target for the dienst as a whole.
CREATE TABLE IF NOT EXISTS doel (
    id          bigserial     PRIMARY KEY,
    indicator   varchar(40)   NOT NULL,
    jaar        smallint      NOT NULL,
    gemeente    varchar(4)    NOT NULL DEFAULT '',
    waarde      numeric(12,2) NOT NULL,
    toelichting text,
    gezet_door  text          NOT NULL,
    gezet_op    timestamptz   NOT NULL
);
-- The day's gesprekken are found by the moment their outcome was recorded.
CREATE INDEX IF NOT EXISTS ix_gesprek_uitkomst_op ON gesprek (uitkomst_op) WHERE status = 'gehouden';

CREATE INDEX IF NOT EXISTS ix_doel_indicator ON doel (indicator, jaar, gemeente, id DESC);
