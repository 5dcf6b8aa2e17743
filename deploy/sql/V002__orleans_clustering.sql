-- Orleans cluster membership (Microsoft.Orleans.Clustering.AdoNet, invariant "Npgsql").
-- Facts the provider relies on: ClusterId is passed as @DeploymentId; every membership change is
-- guarded by the per-cluster version row (optimistic concurrency: @Version must match, then +1);
-- writes return one boolean; reads return the version row LEFT JOINed to the silo rows, so a
-- cluster without silos still yields its version. Status values are Orleans' SiloStatus
-- (3 = Active, 6 = Dead).

CREATE TABLE IF NOT EXISTS orleansmembershipversiontable
(
    deploymentid varchar(150) NOT NULL,
    modifiedon   timestamptz  NOT NULL DEFAULT now(),
    version      integer      NOT NULL DEFAULT 0,
    CONSTRAINT pk_orleansmembershipversiontable PRIMARY KEY (deploymentid)
);

CREATE TABLE IF NOT EXISTS orleansmembershiptable
(
    deploymentid varchar(150) NOT NULL,
    address      varchar(45)  NOT NULL,
    port         integer      NOT NULL,
    generation   integer      NOT NULL,
    siloname     varchar(150) NOT NULL,
    hostname     varchar(150) NOT NULL,
    status       integer      NOT NULL,
    proxyport    integer      NOT NULL,
    suspecttimes text         NULL,
    starttime    timestamptz  NOT NULL,
    iamalivetime timestamptz  NOT NULL,
    CONSTRAINT pk_orleansmembershiptable PRIMARY KEY (deploymentid, address, port, generation),
    CONSTRAINT fk_orleansmembershiptable_version FOREIGN KEY (deploymentid)
        REFERENCES orleansmembershipversiontable (deploymentid)
);

CREATE OR REPLACE FUNCTION orleans_membership_insert_version(p_deployment_id text)
    RETURNS boolean
    LANGUAGE plpgsql
AS $fn$
BEGIN
    INSERT INTO orleansmembershipversiontable (deploymentid)
    VALUES (p_deployment_id)
    ON CONFLICT (deploymentid) DO NOTHING;
    RETURN FOUND;
END
$fn$;

-- Bumping the version row first takes its row lock, which serialises all membership writers of one
-- cluster: a concurrent writer holding the same @Version waits, then sees the new version and fails.
-- A conflict found after the bump (row already there) returns false; the extra version bump is
-- harmless, the caller simply re-reads the table.
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deployment_id text, p_address text, p_port integer, p_generation integer,
    p_silo_name text, p_host_name text, p_status integer, p_proxy_port integer,
    p_start_time timestamptz, p_i_am_alive_time timestamptz, p_version integer)
    RETURNS boolean
    LANGUAGE plpgsql
AS $fn$
BEGIN
    IF EXISTS (SELECT FROM orleansmembershiptable
               WHERE deploymentid = p_deployment_id AND address = p_address
                 AND port = p_port AND generation = p_generation) THEN
        RETURN false;
    END IF;

    UPDATE orleansmembershipversiontable
    SET version = version + 1, modifiedon = now()
    WHERE deploymentid = p_deployment_id AND version = p_version;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname, status, proxyport,
         starttime, iamalivetime)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status,
         p_proxy_port, p_start_time, p_i_am_alive_time)
    ON CONFLICT (deploymentid, address, port, generation) DO NOTHING;
    RETURN FOUND;
END
$fn$;

CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deployment_id text, p_address text, p_port integer, p_generation integer,
    p_status integer, p_suspect_times text, p_i_am_alive_time timestamptz, p_version integer)
    RETURNS boolean
    LANGUAGE plpgsql
AS $fn$
BEGIN
    IF NOT EXISTS (SELECT FROM orleansmembershiptable
                   WHERE deploymentid = p_deployment_id AND address = p_address
                     AND port = p_port AND generation = p_generation) THEN
        RETURN false;
    END IF;

    UPDATE orleansmembershipversiontable
    SET version = version + 1, modifiedon = now()
    WHERE deploymentid = p_deployment_id AND version = p_version;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleansmembershiptable
    SET status = p_status, suspecttimes = p_suspect_times, iamalivetime = p_i_am_alive_time
    WHERE deploymentid = p_deployment_id AND address = p_address
      AND port = p_port AND generation = p_generation;
    RETURN FOUND;
END
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', $q$
    SELECT orleans_membership_insert_version(@DeploymentId);
$q$),
('InsertMembershipKey', $q$
    SELECT orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName,
        @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);
$q$),
('UpdateMembershipKey', $q$
    SELECT orleans_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status,
        @SuspectTimes, @IAmAliveTime, @Version);
$q$),
-- Heartbeats do not change membership, so they leave the version alone.
('UpdateIAmAlivetimeKey', $q$
    UPDATE orleansmembershiptable
    SET iamalivetime = @IAmAliveTime
    WHERE deploymentid = @DeploymentId AND address = @Address
      AND port = @Port AND generation = @Generation;
$q$),
('MembershipReadRowKey', $q$
    SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status,
           m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime, v.version
    FROM orleansmembershipversiontable v
    LEFT JOIN orleansmembershiptable m
           ON m.deploymentid = v.deploymentid
          AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    WHERE v.deploymentid = @DeploymentId;
$q$),
('MembershipReadAllKey', $q$
    SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status,
           m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime, v.version
    FROM orleansmembershipversiontable v
    LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
    WHERE v.deploymentid = @DeploymentId;
$q$),
('GatewaysQueryKey', $q$
    SELECT address, proxyport, generation
    FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId AND status = @Status AND proxyport > 0;
$q$),
('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId;
    DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId;
$q$),
-- Orleans 10.4.2 refuses to start without this key. Only rows of silos declared Dead (6) are
-- removed, never a row that might still belong to a live silo.
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId AND status = 6 AND iamalivetime < @IAmAliveTime;
$q$),
-- Per-row variant: Orleans evaluates the cut-off itself and passes the values it read; matching
-- them again guarantees the row did not change in between.
('CleanupDefunctSiloEntryKey', $q$
    DELETE FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port
      AND generation = @Generation AND status = 6
      AND starttime = @StartTime AND iamalivetime = @IAmAliveTime;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
