#!/usr/bin/env bash
# Local PostgreSQL for KenJeKlant development and tests: a project-owned cluster next to (not inside)
# any system cluster, so it can be created, restarted and thrown away without touching other databases.
#
#   deploy/local/postgres.sh [ensure]   install if needed, init, start, create role + database;
#                                       prints the connection string as the last line on stdout
#   deploy/local/postgres.sh stop       stop the cluster (fast shutdown)
#   deploy/local/postgres.sh status     exit 0 when the cluster accepts connections
#
# Environment: KENJEKLANT_PGDATA (default /var/lib/kenjeklant/pgdata), KENJEKLANT_PGPORT (default 55432).
set -euo pipefail

PGDATA_DIR="${KENJEKLANT_PGDATA:-/var/lib/kenjeklant/pgdata}"
PGPORT_NUM="${KENJEKLANT_PGPORT:-55432}"
APP_ROLE=kenjeklant
APP_PASSWORD=kenjeklant
APP_DB=kenjeklant
LOG_FILE="$PGDATA_DIR/kenjeklant-server.log"

say() { echo "postgres.sh: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# Progress goes to stderr so that stdout carries only the connection string.
as_pg() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

find_bin() {
    # Highest installed major version wins.
    local initdb
    initdb=$(ls -1d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
    [[ -n "$initdb" ]] && dirname "$initdb"
}

install_postgres() {
    [[ $(id -u) -eq 0 ]] || die "PostgreSQL is not installed and installing it needs root (apt-get install postgresql)."
    say "installing PostgreSQL from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y postgresql >&2
}

is_running() {
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1 && \
        "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT_NUM"
}

# After a reboot or a kill -9, postmaster.pid can name a PID that now belongs to another process;
# postgres would then refuse to start. Remove the file only when that PID is not our postmaster.
remove_stale_pid() {
    local pidfile="$PGDATA_DIR/postmaster.pid" pid
    [[ -f "$pidfile" ]] || return 0
    pid=$(head -n 1 "$pidfile")
    if [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$PGDATA_DIR"; then
        return 0
    fi
    say "removing stale $pidfile (PID $pid is not a running postgres)"
    rm -f "$pidfile"
}

init_cluster() {
    local parent
    parent=$(dirname "$PGDATA_DIR")
    mkdir -p "$parent"
    if [[ $(id -u) -eq 0 ]]; then
        mkdir -p "$PGDATA_DIR"
        chown postgres:postgres "$parent" "$PGDATA_DIR"
    fi
    if [[ ! -s "$PGDATA_DIR/PG_VERSION" ]]; then
        say "initialising cluster in $PGDATA_DIR"
        as_pg "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres --encoding=UTF8 --no-locale \
            --auth-local=trust --auth-host=scram-sha-256 >&2
    fi
    write_config
}

write_config() {
    # Rewritten on every ensure so that a changed port or setting takes effect on the next start.
    as_pg tee "$PGDATA_DIR/kenjeklant.conf" >/dev/null <<EOF
# Managed by deploy/local/postgres.sh; edits are overwritten.
listen_addresses = '127.0.0.1'
port = $PGPORT_NUM
unix_socket_directories = '$PGDATA_DIR'
# Several silos (each up to 50 + 30 pooled connections), the tests and benchmarks share this server.
max_connections = 400
shared_buffers = 256MB
effective_cache_size = 1GB
work_mem = 4MB
maintenance_work_mem = 64MB
max_wal_size = 1GB
# Durable commits stay on: the project measures real write latency on this cluster.
fsync = on
synchronous_commit = on
full_page_writes = on
password_encryption = scram-sha-256
EOF
    if ! grep -q "^include_if_exists = 'kenjeklant.conf'" "$PGDATA_DIR/postgresql.conf"; then
        echo "include_if_exists = 'kenjeklant.conf'" | as_pg tee -a "$PGDATA_DIR/postgresql.conf" >/dev/null
    fi
    # The socket lives in PGDATA (mode 0700), so trusting local connections only trusts its owner and root.
    as_pg tee "$PGDATA_DIR/pg_hba.conf" >/dev/null <<'EOF'
# Managed by deploy/local/postgres.sh; edits are overwritten.
local all all                trust
host  all all 127.0.0.1/32   scram-sha-256
EOF
}

start_cluster() {
    if is_running; then
        # Pick up a rewritten pg_hba.conf / kenjeklant.conf without a restart.
        as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" reload >/dev/null
        return 0
    fi
    remove_stale_pid
    say "starting cluster on 127.0.0.1:$PGPORT_NUM (log: $LOG_FILE)"
    if ! as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$LOG_FILE" -w -t 60 start >&2; then
        tail -n 30 "$LOG_FILE" >&2 || true
        die "PostgreSQL did not start"
    fi
    for _ in $(seq 1 60); do
        "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT_NUM" && return 0
        sleep 0.5
    done
    die "PostgreSQL started but does not accept connections on 127.0.0.1:$PGPORT_NUM"
}

psql_admin() {
    as_pg "$PGBIN/psql" -X -q -h "$PGDATA_DIR" -p "$PGPORT_NUM" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"
}

ensure_role_and_db() {
    psql_admin <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$APP_ROLE') THEN
        CREATE ROLE $APP_ROLE LOGIN CREATEDB;
    END IF;
END
\$\$;
ALTER ROLE $APP_ROLE LOGIN CREATEDB PASSWORD '$APP_PASSWORD';
SQL
    if [[ -z $(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$APP_DB'") ]]; then
        say "creating database $APP_DB"
        psql_admin -c "CREATE DATABASE $APP_DB OWNER $APP_ROLE"
    fi
}

cmd_ensure() {
    PGBIN=$(find_bin || true)
    if [[ -z "$PGBIN" ]]; then
        install_postgres
        PGBIN=$(find_bin || true)
        [[ -n "$PGBIN" ]] || die "initdb still missing after installing postgresql"
    fi
    init_cluster
    start_cluster
    ensure_role_and_db
    echo "Host=127.0.0.1;Port=$PGPORT_NUM;Username=$APP_ROLE;Password=$APP_PASSWORD;Database=$APP_DB"
}

cmd_stop() {
    PGBIN=$(find_bin || true)
    [[ -n "$PGBIN" && -s "$PGDATA_DIR/PG_VERSION" ]] || { say "no cluster in $PGDATA_DIR"; return 0; }
    if as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
        as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >&2
    else
        say "not running"
    fi
}

cmd_status() {
    PGBIN=$(find_bin || true)
    [[ -n "$PGBIN" ]] || { say "PostgreSQL is not installed"; return 3; }
    [[ -s "$PGDATA_DIR/PG_VERSION" ]] || { say "no cluster in $PGDATA_DIR"; return 3; }
    if is_running; then
        say "running on 127.0.0.1:$PGPORT_NUM, data in $PGDATA_DIR"
    else
        say "not running (data in $PGDATA_DIR)"
        return 3
    fi
}

case "${1:-ensure}" in
    ensure) cmd_ensure ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) die "usage: $0 [ensure|stop|status]" ;;
esac
