#!/usr/bin/env bash
# The dashboards' npm packages (SignalR browser client; axe-core for the tests), and for the browser
# tests Debian's Chromium. Used by run.sh and test.sh; safe to run again.
#
#   deploy/local/dashboards.sh packages   npm ci in dashboards/ when node_modules is missing or stale
#   deploy/local/dashboards.sh chromium   install Debian's chromium when /usr/bin/chromium is missing (root)
set -euo pipefail
cd "$(dirname "$0")/../.."

say() { echo "dashboards.sh: $*" >&2; }
die() { say "$*"; exit 1; }

apt_install() {
    [[ $(id -u) -eq 0 ]] || die "$1 is missing and installing it needs root (apt-get install -y $2)."
    say "installing $2 from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y "$2" >&2 || { apt-get update >&2 && apt-get install -y "$2" >&2; }
}

packages() {
    command -v npm >/dev/null || apt_install npm npm
    # npm ci records the lock it installed in node_modules/.package-lock.json: same lock, nothing to do.
    if [[ -f dashboards/node_modules/.package-lock.json && dashboards/node_modules/.package-lock.json -nt dashboards/package-lock.json ]]; then
        return
    fi
    say "npm ci in dashboards/"
    (cd dashboards && npm ci --no-audit --no-fund >&2)
}

chromium() {
    # Debian's Chromium, never a test tool's own browser download (no network for it in CI).
    [[ -x /usr/bin/chromium ]] || apt_install Chromium chromium
}

case "${1:-packages}" in
    packages) packages ;;
    chromium) chromium ;;
    *) die "unknown command $1 (packages | chromium)" ;;
esac
