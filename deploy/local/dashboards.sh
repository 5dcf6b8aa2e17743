#!/usr/bin/env bash
# The dashboards' npm packages (SignalR browser client; axe-core for the tests), the tests' OpenID Connect
# provider (tests/oidc-provider: oidc-provider under node), and for the browser tests Debian's Chromium.
# Used by run.sh and test.sh; safe to run again.
#
#   deploy/local/dashboards.sh packages   npm ci in dashboards/ and tests/oidc-provider/ when node_modules is missing or stale
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
    # The tests' OpenID Connect provider (oidc-provider under node) keeps its own package.json: not the dashboards'.
    local map
    for map in dashboards tests/oidc-provider; do
        # npm ci records the lock it installed in node_modules/.package-lock.json: same lock, nothing to do.
        if [[ -f $map/node_modules/.package-lock.json && $map/node_modules/.package-lock.json -nt $map/package-lock.json ]]; then
            continue
        fi
        say "npm ci in $map/"
        (cd "$map" && npm ci --no-audit --no-fund >&2)
    done
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
