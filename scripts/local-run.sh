#!/usr/bin/env bash
# The README's first command: run the main job locally (real build + push to a local registry).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/node ] || npm ci
[ -f dist/index.js ] || npm run build
exec node_modules/.bin/node --import ./scripts/ts-imports.mjs scripts/local-run.mjs
