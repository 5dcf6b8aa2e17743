-- The Orleans ADO.NET providers (clustering, persistence, reminders) ship no SQL: at silo start they
-- read every query they run from this table, by key. V002-V004 fill it; re-running any of them
-- replaces the query texts in place (ON CONFLICT ... DO UPDATE).
-- Identifiers are unquoted, so PostgreSQL folds them to lower case; the providers' own
-- "SELECT QueryKey, QueryText FROM OrleansQuery" resolves to this table.
CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT pk_orleansquery PRIMARY KEY (querykey)
);
