#!/usr/bin/env bash
# The run command: PostgreSQL up (installed if missing), schema applied by the host on start, and
# on an empty database a synthetic bestand of 3,800 clients imported. Dashboards and API on
# http://localhost:5080 (override with KENJEKLANT_URL).
set -euo pipefail
cd "$(dirname "$0")/../.."

connection=$(deploy/local/postgres.sh ensure | tail -n 1)
export ConnectionStrings__KenJeKlant="$connection"
export Demo__SynthetischBestand="${KENJEKLANT_DEMO_KLANTEN:-3800}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
url="${KENJEKLANT_URL:-http://localhost:5080}"

echo "KenJeKlant starts on $url (API: $url/api/v1/klanten, OpenAPI: $url/api/v1/openapi.json, health: $url/health)"
exec dotnet run --project src/KenJeKlant.Host -c Release -- --urls "$url"
