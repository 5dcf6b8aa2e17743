#!/usr/bin/env bash
# N KenJeKlant silos on this machine, one PostgreSQL, one URL for the browser (nginx in front).
#
#   deploy/local/cluster.sh start [N]   PostgreSQL up, host built, N silos started, proxy on $KENJEKLANT_URL
#   deploy/local/cluster.sh stop        SIGTERM to every silo (graceful: they leave the cluster), proxy down
#   deploy/local/cluster.sh status      each silo's process and /health, and the proxy
#   deploy/local/cluster.sh kill I      SIGKILL silo I (a crash, to watch the others carry on)
#
# Silo i (1..N) listens on http 127.0.0.1:$((KENJEKLANT_HTTP_BASIS+i)), silo port
# KENJEKLANT_SILO_BASIS+i (default 11110+i), gateway KENJEKLANT_GATEWAY_BASIS+i (default 29999+i). The proxy (nginx, from Debian's packages; installed when missing, needs root then) keeps a
# browser on one silo with a cookie, which SignalR's negotiate + connect needs, and moves it to
# another silo when its silo stops answering. Files (pids, logs, nginx.conf) in $KENJEKLANT_CLUSTER_DIR.
#
# Environment: KENJEKLANT_URL (default http://localhost:5080; the proxy), KENJEKLANT_HTTP_BASIS
# (default 5080), KENJEKLANT_CLUSTER_DIR (default /tmp/kenjeklant-cluster), KENJEKLANT_DEMO_KLANTEN
# (default 3800; imported once into an empty database by silo 1), Cluster__AfsluitTijd (default 00:00:30),
# Cluster__ClusterId / Cluster__ServiceId (default kenjeklant), ConnectionStrings__KenJeKlant (default:
# the database of deploy/local/postgres.sh, which it starts).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$(pwd)

DIR="${KENJEKLANT_CLUSTER_DIR:-/tmp/kenjeklant-cluster}"
URL="${KENJEKLANT_URL:-http://localhost:5080}"
BASIS="${KENJEKLANT_HTTP_BASIS:-5080}"
PROXY_PORT="${URL##*:}"; PROXY_PORT="${PROXY_PORT%%/*}"
DLL="$REPO/src/KenJeKlant.Host/bin/Release/net10.0/KenJeKlant.Host.dll"
AFSLUIT="${Cluster__AfsluitTijd:-00:00:30}"
SILO_BASIS="${KENJEKLANT_SILO_BASIS:-11110}"
GATEWAY_BASIS="${KENJEKLANT_GATEWAY_BASIS:-29999}"

say() { echo "cluster.sh: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

silos() { ls "$DIR"/silo*.pid 2>/dev/null | sed -E 's/.*silo([0-9]+)\.pid/\1/' | sort -n; }
pid_of() { cat "$DIR/silo$1.pid" 2>/dev/null || true; }
alive() { [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; }
http_port() { echo $((BASIS + $1)); }
healthy() { curl -fsS -m 5 "http://127.0.0.1:$(http_port "$1")/health" >/dev/null 2>&1; }

ensure_nginx() {
    command -v nginx >/dev/null 2>&1 && return 0
    [[ $(id -u) -eq 0 ]] || die "nginx is not installed and installing it needs root (apt-get install nginx)"
    say "installing nginx from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    # Only the binary is wanted: keep the package from starting its own server on port 80.
    local policy=/usr/sbin/policy-rc.d own_policy=0
    if [[ ! -e $policy ]]; then printf '#!/bin/sh\nexit 101\n' >$policy; chmod +x $policy; own_policy=1; fi
    apt-get update >&2 && apt-get install -y --no-install-recommends nginx >&2 || { [[ $own_policy -eq 1 ]] && rm -f $policy; die "apt-get install nginx failed"; }
    [[ $own_policy -eq 1 ]] && rm -f $policy
    command -v nginx >/dev/null 2>&1 || die "nginx still missing after installing it"
}

write_nginx_conf() {
    local n=$1 servers="" i
    for i in $(seq 1 "$n"); do servers+="        server 127.0.0.1:$(http_port "$i") max_fails=1 fail_timeout=5s;"$'\n'; done
    mkdir -p "$DIR/nginx-tmp"
    cat >"$DIR/nginx.conf" <<EOF
# Written by deploy/local/cluster.sh; rewritten on every start.
worker_processes 1;
daemon on;
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log $DIR/nginx-access.log;
    client_body_temp_path $DIR/nginx-tmp/body;
    proxy_temp_path $DIR/nginx-tmp/proxy;
    fastcgi_temp_path $DIR/nginx-tmp/fastcgi;
    uwsgi_temp_path $DIR/nginx-tmp/uwsgi;
    scgi_temp_path $DIR/nginx-tmp/scgi;
    # A bestand export may be large (Import__MaxMegabytes); stream it to the silo.
    client_max_body_size 256m;
    proxy_request_buffering off;

    # Sticky sessions without nginx plus: a browser without the cookie is hashed on its request
    # id (spreads new visitors), and gets that value as its cookie, so its next requests (SignalR's
    # negotiate and connect among them) hash to the same silo. A silo that stops answering is
    # skipped for fail_timeout and its browsers move on.
    map \$cookie_kjk_silo \$kjk_affiniteit {
        ""      \$request_id;
        default \$cookie_kjk_silo;
    }
    map \$http_upgrade \$connection_upgrade {
        default upgrade;
        ""      close;
    }
    upstream kenjeklant {
        hash \$kjk_affiniteit consistent;
$servers    }
    server {
        listen 127.0.0.1:$PROXY_PORT;
        # Metrics are for Prometheus on the internal network (it scrapes each silo directly), not for the outside.
        location = /metrics { return 404; }
        location / {
            proxy_pass http://kenjeklant;
            proxy_http_version 1.1;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            # An import of 400,000 rows takes minutes; a SignalR connection lives long.
            proxy_read_timeout 600s;
            proxy_send_timeout 600s;
            # GET/HEAD go to the next silo when one is down; a POST is never sent twice (nginx default).
            proxy_next_upstream error timeout http_502 http_503;
            add_header Set-Cookie "kjk_silo=\$kjk_affiniteit; Path=/; HttpOnly; SameSite=Lax" always;
        }
    }
}
EOF
}

start_silo() {
    local i=$1 connection=$2
    local log="$DIR/silo$i.log"
    alive "$(pid_of "$i")" && { say "silo $i already runs (pid $(pid_of "$i"))"; return 0; }
    (
        export ConnectionStrings__KenJeKlant="$connection"
        export Cluster__ClusterId="${Cluster__ClusterId:-kenjeklant}" Cluster__ServiceId="${Cluster__ServiceId:-kenjeklant}"
        export Cluster__SiloPort=$((SILO_BASIS + i)) Cluster__GatewayPort=$((GATEWAY_BASIS + i)) Cluster__AfsluitTijd="$AFSLUIT"
        if [[ $i -eq 1 ]]; then export Demo__SynthetischBestand="${KENJEKLANT_DEMO_KLANTEN:-3800}"; else export Demo__SynthetischBestand=0; fi
        export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
        # Demo accounts (one per role, password KenJeKlant-demo); nginx serves plain HTTP locally.
        export Demo__Accounts=true Beveiliging__AlleenHttps=false
        # A local demo: its data-protection keys may rest unencrypted (elsewhere Beveiliging__Sleutels__Certificaat…).
        export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
        cd "$(dirname "$DLL")"
        exec nohup dotnet "$DLL" --urls "http://127.0.0.1:$(http_port "$i")" >>"$log" 2>&1
    ) &
    echo $! >"$DIR/silo$i.pid"
    say "silo $i: pid $!, http 127.0.0.1:$(http_port "$i"), silo port $((SILO_BASIS + i)), gateway $((GATEWAY_BASIS + i)), log $log"
}

wait_healthy() {
    local i=$1 t
    for t in $(seq 1 240); do
        healthy "$i" && return 0
        alive "$(pid_of "$i")" || { tail -n 30 "$DIR/silo$i.log" >&2; die "silo $i exited during start-up"; }
        sleep 0.5
    done
    tail -n 30 "$DIR/silo$i.log" >&2
    die "silo $i not healthy within 2 minutes"
}

cmd_start() {
    local n=${1:-3} i
    [[ $n =~ ^[0-9]+$ && $n -ge 1 ]] || die "N must be a positive number"
    mkdir -p "$DIR"
    ensure_nginx
    local connection="${ConnectionStrings__KenJeKlant:-}"
    [[ -n "$connection" ]] || connection=$(deploy/local/postgres.sh ensure | tail -n 1)
    say "building the host (Release)"
    dotnet build src/KenJeKlant.Host -c Release -v quiet -nologo >&2
    # Silo 1 first: it applies the schema and founds the cluster; the others then join together.
    start_silo 1 "$connection"; wait_healthy 1
    for i in $(seq 2 "$n"); do start_silo "$i" "$connection"; done
    for i in $(seq 2 "$n"); do wait_healthy "$i"; done
    write_nginx_conf "$n"
    if [[ -f "$DIR/nginx.pid" ]] && alive "$(cat "$DIR/nginx.pid")"; then
        nginx -c "$DIR/nginx.conf" -p "$DIR" -s reload
    else
        nginx -c "$DIR/nginx.conf" -p "$DIR"
    fi
    say "$n silo(s) healthy; KenJeKlant on $URL (health: $URL/health). Stop with: $0 stop"
}

cmd_stop() {
    local i pid pids=()
    for i in $(silos); do
        pid=$(pid_of "$i")
        if alive "$pid"; then kill -TERM "$pid"; pids+=("$pid"); say "silo $i: SIGTERM (pid $pid)"; fi
        rm -f "$DIR/silo$i.pid"
    done
    # Graceful: Orleans hands grains and reminders over and marks the silo Dead, within Cluster__AfsluitTijd.
    for pid in "${pids[@]}"; do
        for _ in $(seq 1 120); do alive "$pid" || break; sleep 0.5; done
        alive "$pid" && { say "pid $pid still runs after 60 s: SIGKILL"; kill -KILL "$pid"; }
    done
    if [[ -f "$DIR/nginx.pid" ]] && alive "$(cat "$DIR/nginx.pid")"; then
        nginx -c "$DIR/nginx.conf" -p "$DIR" -s quit && say "proxy stopped"
    fi
    return 0
}

cmd_status() {
    local i pid ok=0
    for i in $(silos); do
        pid=$(pid_of "$i")
        if ! alive "$pid"; then echo "silo $i: not running"; ok=3
        elif healthy "$i"; then echo "silo $i: pid $pid, healthy on http://127.0.0.1:$(http_port "$i")"
        else echo "silo $i: pid $pid, NOT healthy: $(curl -sS -m 5 "http://127.0.0.1:$(http_port "$i")/health" 2>&1 || true)"; ok=3
        fi
    done
    [[ -z $(silos) ]] && { echo "no silos started from $DIR"; ok=3; }
    if curl -fsS -m 5 "$URL/health" >/dev/null 2>&1; then echo "proxy: $URL healthy"; else echo "proxy: $URL not answering"; ok=3; fi
    return $ok
}

cmd_kill() {
    local i=${1:?usage: $0 kill I} pid
    pid=$(pid_of "$i")
    alive "$pid" || die "silo $i does not run"
    kill -KILL "$pid"
    say "silo $i: SIGKILL (pid $pid); the others declare it dead within ~10-15 s. Start it again with: $0 start $(silos | tail -n 1)"
}

case "${1:-start}" in
    start) shift || true; cmd_start "${1:-3}" ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    kill) shift; cmd_kill "$@" ;;
    *) die "usage: $0 start [N] | stop | status | kill I" ;;
esac
