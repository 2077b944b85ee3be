#!/usr/bin/env bash
# The whole test suite: starts the real test environment (dockerd, buildx, registries, QEMU), then runs every
# suite. Any suite that cannot run fails the run; nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"   # Node 24 from the `node` package, vitest, tsc
[ -d node_modules ] || npm ci
node --version
bash scripts/test-env.sh
tsc --noEmit -p .
[ -f dist/index.js ] || npm run build
vitest run --reporter=default
bash scripts/test-python.sh
