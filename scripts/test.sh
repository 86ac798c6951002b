#!/usr/bin/env bash
# Sets everything up from a fresh clone and runs the whole test suite (README command 2).
# Idempotent: a second run reuses the cached toolchain and packages.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bootstrap.sh
export CI="${CI:-true}"
pnpm install --frozen-lockfile --reporter=append-only
pnpm run build
report="$(mktemp -d)/vitest-report.json"
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$report" || status=$?
node scripts/summarize-report.mjs "$report" || status=1
exit "$status"
