#!/usr/bin/env bash
# The test command: brings up the project's PostgreSQL (installing it from Debian's packages if
# needed), then runs every test project. Prints "N passed, N failed, N skipped" last; a skipped
# test fails the run, because a skipped test is not a pass.
set -euo pipefail
cd "$(dirname "$0")/../.."

connection=$(deploy/local/postgres.sh ensure | tail -n 1)
export KENJEKLANT_TEST_PG="$connection"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test KenJeKlant.sln -c Release --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Sum the per-project summaries ("Passed!  - Failed: 0, Passed: 52, Skipped: 0, Total: 52, ...").
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- Failed:' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ]; then exit "$status"; fi
if [ "$passed" -eq 0 ]; then echo "No test ran." >&2; exit 1; fi
if [ "$skipped" -ne 0 ]; then echo "Skipped tests are not allowed." >&2; exit 1; fi
