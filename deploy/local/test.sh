#!/usr/bin/env bash
# The test command: brings up the project's PostgreSQL (installing it from Debian's packages if
# needed), the dashboards' npm packages and Debian's Chromium for the browser tests, then runs every
# test project. Prints the failed tests with their messages, then "N passed, N failed, N skipped"
# last; a skipped test fails the run, because a skipped test is not a pass.
set -euo pipefail
cd "$(dirname "$0")/../.."

connection=$(deploy/local/postgres.sh ensure | tail -n 1)
# The browser tests need the dashboards' npm packages and Debian's Chromium; without them they fail, never skip.
deploy/local/dashboards.sh packages
deploy/local/dashboards.sh chromium
# The printable plan van aanpak (PDF) needs its font; the host does not start without it.
deploy/local/lettertype.sh
export KENJEKLANT_TEST_PG="$connection"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test KenJeKlant.sln -c Release --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Sum the per-project summaries of the console logger ("Total tests: 52" / "Passed: 52" / "Failed: 0" / "Skipped: 0").
count() { { grep -E "^[[:space:]]*$1: *[0-9]+[[:space:]]*$" "$log" || true; } | awk -F: '{s+=$2} END {print s+0}'; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
# Repeat each failed test with its message and the top of its stack trace at the end, where a CI log that
# keeps only its tail still shows what failed and why.
awk '/^  Failed [A-Za-z]/ { show = 1; stack = 0; print "----"; }
     show && /^  Stack Trace:/ { stack = 1; }
     show && stack > 8 { show = 0; }
     show { print; if (stack) stack++; }
     /^  (Passed|Skipped) / { show = 0; }' "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ]; then exit "$status"; fi
if [ "$passed" -eq 0 ]; then echo "No test ran." >&2; exit 1; fi
if [ "$skipped" -ne 0 ]; then echo "Skipped tests are not allowed." >&2; exit 1; fi
