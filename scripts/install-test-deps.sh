#!/usr/bin/env bash
# Install what the app tests need beyond the Python venv, idempotently:
#   - Debian's chromium (/usr/bin/chromium) for the Playwright browser tests
#     (Playwright drives it with executable_path; browser downloads are impossible here);
#   - Debian's postgresql server binaries for the storage tests on PostgreSQL;
#   - axe-core from npm into ./node_modules for the accessibility check.
# Runs as root on Debian; without root it only reports what is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [ -x /usr/bin/chromium ]; then
    echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    # apt-get update only when the package lists are missing or do not know chromium.
    if ! apt-cache show chromium >/dev/null 2>&1; then
        apt-get update -q
    fi
    apt-get install -y -q --no-install-recommends chromium
    echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo installed)"
else
    echo "chromium ontbreekt en kan niet worden geinstalleerd (geen root of geen apt-get);" \
         "de browsertests worden overgeslagen." >&2
fi

# PostgreSQL server binaries (initdb, pg_ctl) for the storage tests on PostgreSQL; the tests
# start their own throwaway server, so the system service is not needed.
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null; then
    echo "postgresql: $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | head -n 1 || command -v initdb)"
elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-cache show postgresql >/dev/null 2>&1; then
        apt-get update -q
    fi
    apt-get install -y -q --no-install-recommends postgresql
    echo "postgresql: $(ls -d /usr/lib/postgresql/*/bin | head -n 1)"
else
    echo "postgresql ontbreekt en kan niet worden geinstalleerd (geen root of geen apt-get);" \
         "de opslagtests op PostgreSQL worden overgeslagen." >&2
fi

if [ -f node_modules/axe-core/axe.min.js ] \
   && node -e "process.exit(require('./node_modules/axe-core/package.json').version === require('./package-lock.json').packages['node_modules/axe-core'].version ? 0 : 1)" 2>/dev/null; then
    echo "axe-core: $(node -p "require('./node_modules/axe-core/package.json').version")"
elif command -v npm >/dev/null; then
    npm ci --no-audit --no-fund --ignore-scripts
    echo "axe-core: $(node -p "require('./node_modules/axe-core/package.json').version")"
else
    echo "npm ontbreekt: axe-core kan niet worden geinstalleerd." >&2
    exit 1
fi

# A real llama.cpp server and a small model for the tests marked `realmodel`, installed once
# per machine outside the clone; it exits 0 when it cannot (those tests then skip).
bash scripts/install-llama-server.sh
