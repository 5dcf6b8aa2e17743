-- Orleans reminders (Microsoft.Orleans.Reminders.AdoNet, invariant "Npgsql").
-- @GrainId is the grain id as text ("type/key"); sized for long keys. @Period is in milliseconds
-- (sent as int or bigint). @GrainHash is the grain's uniform hash cast to a signed int; each silo
-- reads the reminders of its hash range (BeginHash, EndHash]: ReadRangeRows1Key when the range
-- does not wrap around in signed order, ReadRangeRows2Key when it does. The ETag is the row version.

CREATE TABLE IF NOT EXISTS orleansreminderstable
(
    serviceid    varchar(150) NOT NULL,
    grainid      varchar(512) NOT NULL,
    remindername varchar(150) NOT NULL,
    starttime    timestamptz  NOT NULL,
    period       bigint       NOT NULL,
    grainhash    integer      NOT NULL,
    version      integer      NOT NULL,
    CONSTRAINT pk_orleansreminderstable PRIMARY KEY (serviceid, grainid, remindername)
);

CREATE INDEX IF NOT EXISTS ix_orleansreminderstable_grainhash
    ON orleansreminderstable (serviceid, grainhash);

CREATE OR REPLACE FUNCTION orleans_reminder_upsert(
    p_service_id text, p_grain_id text, p_reminder_name text, p_start_time timestamptz,
    p_period bigint, p_grain_hash integer)
    RETURNS integer
    LANGUAGE sql
AS $fn$
    INSERT INTO orleansreminderstable
        (serviceid, grainid, remindername, starttime, period, grainhash, version)
    VALUES
        (p_service_id, p_grain_id, p_reminder_name, p_start_time, p_period, p_grain_hash, 0)
    ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
        SET starttime = excluded.starttime,
            period = excluded.period,
            grainhash = excluded.grainhash,
            version = orleansreminderstable.version + 1
    RETURNING version;
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('UpsertReminderRowKey', $q$
    SELECT orleans_reminder_upsert(@ServiceId, @GrainId, @ReminderName, @StartTime, @Period,
        @GrainHash) AS version;
$q$),
('ReadReminderRowsKey', $q$
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId AND grainid = @GrainId;
$q$),
('ReadReminderRowKey', $q$
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName;
$q$),
('ReadRangeRows1Key', $q$
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId AND grainhash > @BeginHash AND grainhash <= @EndHash;
$q$),
('ReadRangeRows2Key', $q$
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId AND (grainhash > @BeginHash OR grainhash <= @EndHash);
$q$),
-- Returns whether the row was deleted: a stale ETag deletes nothing.
('DeleteReminderRowKey', $q$
    WITH deleted AS (
        DELETE FROM orleansreminderstable
        WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName
          AND version = @Version
        RETURNING 1)
    SELECT EXISTS (SELECT FROM deleted) AS deleted;
$q$),
('DeleteReminderRowsKey', $q$
    DELETE FROM orleansreminderstable WHERE serviceid = @ServiceId;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
