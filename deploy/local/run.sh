#!/usr/bin/env bash
# The run command: PostgreSQL up (installed if missing), schema applied by the host on start, and
# on an empty database a synthetic bestand of 3,800 clients imported. Then a demo campaign plays in
# accelerated time (one day per 10 seconds; KENJEKLANT_SIMULATIE_DAG_SECONDEN=0 turns it off and
# keeps real time). API on http://localhost:5080 (override with KENJEKLANT_URL).
set -euo pipefail
cd "$(dirname "$0")/../.."

connection=$(deploy/local/postgres.sh ensure | tail -n 1)
deploy/local/dashboards.sh packages   # the SignalR browser client the dashboards load
deploy/local/lettertype.sh           # the font of the printable plan van aanpak (PDF)
export ConnectionStrings__KenJeKlant="$connection"
export Demo__SynthetischBestand="${KENJEKLANT_DEMO_KLANTEN:-3800}"
export Klok__DagInSeconden="${KENJEKLANT_SIMULATIE_DAG_SECONDEN:-10}"
# Demo accounts (one per role, password KenJeKlant-demo) and plain HTTP on localhost: a demo install only.
export Demo__Accounts=true Beveiliging__AlleenHttps=false
# The local demo is the one environment whose data-protection keys may rest unencrypted (no certificate to
# configure); every other environment needs Beveiliging__Sleutels__Certificaat… or the host does not start.
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
url="${KENJEKLANT_URL:-http://localhost:5080}"

echo "KenJeKlant starts on $url (dashboards: $url/, API: $url/api/v1/klanten, OpenAPI: $url/api/v1/openapi.json, health: $url/health)"
echo "Log in as programmaleider, klantmanager, handhaving or beheerder; password KenJeKlant-demo (see README)"
if [ "$Klok__DagInSeconden" != "0" ]; then
    echo "Demo campaign (simulated, 1 day = ${Klok__DagInSeconden}s): $url/api/v1/campagnes/ik-doe-mee-demo/voortgang"
fi
exec dotnet run --project src/KenJeKlant.Host -c Release -- --urls "$url"
