-- The audit log (Logboek Dataverwerkingen / BIO 8.15): every read and change of personal data through
-- the API, append-only and hash-chained (each entry's hash covers the previous one), so an edited or
-- removed entry breaks the chain and `KenJeKlant.Host auditlog-verifieer` finds it.
CREATE TABLE IF NOT EXISTS auditlog (
    volgnummer    bigint       PRIMARY KEY,
    tijdstip      timestamptz  NOT NULL,
    actor         text         NOT NULL,
    rol           text         NOT NULL,
    actie         varchar(20)  NOT NULL,
    verwerking    text         NOT NULL,
    object        text         NOT NULL,
    resultaat     integer      NOT NULL,
    oorsprong     text         NOT NULL,
    trace_id      varchar(64)  NOT NULL,
    vorige_hash   bytea        NOT NULL,
    hash          bytea        NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_auditlog_object ON auditlog (object, tijdstip);

-- Nobody edits the log through SQL either: updates, deletes and truncation are refused. (A superuser
-- can switch the trigger off; the hash chain is what still tells.)
CREATE OR REPLACE FUNCTION auditlog_alleen_toevoegen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'De auditlog kan alleen worden aangevuld, niet gewijzigd of verwijderd';
END;
$$;
CREATE OR REPLACE TRIGGER auditlog_geen_wijziging BEFORE UPDATE OR DELETE ON auditlog
    FOR EACH ROW EXECUTE FUNCTION auditlog_alleen_toevoegen();
CREATE OR REPLACE TRIGGER auditlog_geen_truncate BEFORE TRUNCATE ON auditlog
    FOR EACH STATEMENT EXECUTE FUNCTION auditlog_alleen_toevoegen();
