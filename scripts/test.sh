#!/usr/bin/env bash
# Sets everything up from a fresh clone and runs the whole test suite (README command 2).
# Idempotent: a second run reuses the cached toolchain, packages and browser.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bootstrap.sh
export CI="${CI:-true}"
# The browser login test drives Debian's Chromium through playwright-core (never a downloaded browser build).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "test: installing Debian's chromium for the browser login test" >&2
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null; } ||
    echo "test: could not install chromium; the browser login test will fail" >&2
fi
pnpm install --frozen-lockfile --reporter=append-only
pnpm run build
reports="$(mktemp -d)"
status=0
# Unhandled errors fail the run but are not in the JSON report: a reporter of ours counts them.
PCLOUD_UNHANDLED_REPORT="$reports/unhandled-errors.json" pnpm exec vitest run --reporter=default --reporter=json \
  --reporter=./scripts/unhandled-errors-reporter.mjs --outputFile.json="$reports/vitest-report.json" || status=$?
node scripts/summarize-report.mjs "$reports/vitest-report.json" "$reports/unhandled-errors.json" "$status" || status=1
exit "$status"
