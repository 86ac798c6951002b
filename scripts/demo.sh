#!/usr/bin/env bash
# Sets everything up from a fresh clone and runs the demo against the embedded emulator
# (README command 1). Idempotent: a second run reuses the cached toolchain, packages and build.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bootstrap.sh
echo "Installing packages and building (first run only takes a while)…" >&2
pnpm install --frozen-lockfile --reporter=silent
pnpm run --silent build >/dev/null
node scripts/demo.mjs
