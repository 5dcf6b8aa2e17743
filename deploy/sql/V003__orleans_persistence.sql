-- Orleans grain state (Microsoft.Orleans.Persistence.AdoNet, invariant "Npgsql").
-- A grain is identified by (ServiceId, grain type, N0, N1, key extension); the two hashes only narrow
-- the index. The payload is whatever the configured grain-storage serializer produced (this project:
-- System.Text.Json, UTF-8 bytes). Optimistic concurrency: the grain's ETag is the row version; a
-- write or clear whose @GrainStateVersion does not match returns NULL as the new version, which the
-- provider turns into an InconsistentStateException.

CREATE TABLE IF NOT EXISTS orleansstorage
(
    serviceid              varchar(150) NOT NULL,
    graintypehash          integer      NOT NULL,
    grainidhash            integer      NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    grainidextensionstring varchar(512) NULL,
    payloadbinary          bytea        NULL,
    modifiedon             timestamptz  NOT NULL DEFAULT now(),
    version                integer      NOT NULL
);

-- One row per grain, also under split brain: two activations inserting the first state at once
-- collide here instead of both succeeding. NULLS NOT DISTINCT (PostgreSQL 15+) makes a missing key
-- extension count as a value.
CREATE UNIQUE INDEX IF NOT EXISTS ux_orleansstorage_grain
    ON orleansstorage (grainidhash, graintypehash, serviceid, grainidn0, grainidn1, graintypestring,
                       grainidextensionstring)
    NULLS NOT DISTINCT;

CREATE OR REPLACE FUNCTION orleans_storage_write(
    p_grain_id_hash integer, p_grain_id_n0 bigint, p_grain_id_n1 bigint, p_grain_type_hash integer,
    p_grain_type text, p_key_extension text, p_service_id text, p_version integer, p_payload bytea)
    RETURNS integer
    LANGUAGE plpgsql
AS $fn$
DECLARE
    v_new_version integer;
BEGIN
    IF p_version IS NOT NULL THEN
        UPDATE orleansstorage
        SET payloadbinary = p_payload, version = version + 1, modifiedon = now()
        WHERE grainidhash = p_grain_id_hash AND graintypehash = p_grain_type_hash
          AND serviceid = p_service_id AND grainidn0 = p_grain_id_n0 AND grainidn1 = p_grain_id_n1
          AND graintypestring = p_grain_type
          AND grainidextensionstring IS NOT DISTINCT FROM p_key_extension
          AND version = p_version
        RETURNING version INTO v_new_version;
        IF FOUND OR EXISTS (SELECT FROM orleansstorage
                            WHERE grainidhash = p_grain_id_hash AND graintypehash = p_grain_type_hash
                              AND serviceid = p_service_id AND grainidn0 = p_grain_id_n0
                              AND grainidn1 = p_grain_id_n1 AND graintypestring = p_grain_type
                              AND grainidextensionstring IS NOT DISTINCT FROM p_key_extension) THEN
            -- Either written, or the row holds another version: a conflict (NULL).
            RETURN v_new_version;
        END IF;
        -- No row although the grain holds an ETag: the state was deleted (DeleteStateOnClear), so
        -- this write re-creates it, continuing the version sequence.
        v_new_version := p_version + 1;
    ELSE
        v_new_version := 1;
    END IF;

    INSERT INTO orleansstorage
        (serviceid, graintypehash, grainidhash, grainidn0, grainidn1, graintypestring,
         grainidextensionstring, payloadbinary, version)
    VALUES
        (p_service_id, p_grain_type_hash, p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type,
         p_key_extension, p_payload, v_new_version)
    ON CONFLICT DO NOTHING;
    IF FOUND THEN
        RETURN v_new_version;
    END IF;
    RETURN NULL; -- another activation inserted first
END
$fn$;

-- Clear keeps the row (and so the version sequence) but drops the payload.
CREATE OR REPLACE FUNCTION orleans_storage_clear(
    p_grain_id_hash integer, p_grain_id_n0 bigint, p_grain_id_n1 bigint, p_grain_type_hash integer,
    p_grain_type text, p_key_extension text, p_service_id text, p_version integer)
    RETURNS integer
    LANGUAGE sql
AS $fn$
    WITH cleared AS (
        UPDATE orleansstorage
        SET payloadbinary = NULL, version = version + 1, modifiedon = now()
        WHERE grainidhash = p_grain_id_hash AND graintypehash = p_grain_type_hash
          AND serviceid = p_service_id AND grainidn0 = p_grain_id_n0 AND grainidn1 = p_grain_id_n1
          AND graintypestring = p_grain_type
          AND grainidextensionstring IS NOT DISTINCT FROM p_key_extension
          AND version = p_version
        RETURNING version)
    SELECT (SELECT version FROM cleared);
$fn$;

-- Used instead of clear when the storage is configured with DeleteStateOnClear.
CREATE OR REPLACE FUNCTION orleans_storage_delete(
    p_grain_id_hash integer, p_grain_id_n0 bigint, p_grain_id_n1 bigint, p_grain_type_hash integer,
    p_grain_type text, p_key_extension text, p_service_id text, p_version integer)
    RETURNS integer
    LANGUAGE sql
AS $fn$
    WITH deleted AS (
        DELETE FROM orleansstorage
        WHERE grainidhash = p_grain_id_hash AND graintypehash = p_grain_type_hash
          AND serviceid = p_service_id AND grainidn0 = p_grain_id_n0 AND grainidn1 = p_grain_id_n1
          AND graintypestring = p_grain_type
          AND grainidextensionstring IS NOT DISTINCT FROM p_key_extension
          AND version = p_version
        RETURNING version)
    SELECT (SELECT version + 1 FROM deleted);
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $q$
    SELECT payloadbinary, version
    FROM orleansstorage
    WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
      AND serviceid = @ServiceId AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
      AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$),
('WriteToStorageKey', $q$
    SELECT orleans_storage_write(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
        @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary)
        AS newgrainstateversion;
$q$),
('ClearStorageKey', $q$
    SELECT orleans_storage_clear(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
        @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion)
        AS newgrainstateversion;
$q$),
('DeleteStorageKey', $q$
    SELECT orleans_storage_delete(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
        @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion)
        AS newgrainstateversion;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
