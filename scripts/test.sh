#!/usr/bin/env bash
# The whole test suite: starts the real test environment (dockerd, buildx, registries, QEMU), then runs every
# suite: type check, lint, format, unit (with the coverage floor) and e2e (vitest), and the example model's Python
# tests. Any suite that cannot run fails the run; nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/node ] || npm ci
export PATH="$PWD/node_modules/.bin:$PATH"   # Node 24 from the `node` package, vitest, tsc
node --version
bash scripts/test-env.sh
# the sources, tests and scripts; tsconfig.json itself covers src/ only, so a test never blocks the bundle
tsc --noEmit -p tsconfig.check.json
eslint .
prettier --check . >/dev/null || { prettier --check . ; exit 1; }
[ -f dist/index.js ] || npm run build
mkdir -p .tmp
# The unit suite measures coverage of src/ and fails below the floor in vitest.config.ts; the e2e suite runs the
# bundle in a child process, which that coverage cannot see, so it runs on its own.
vitest run --project unit --coverage --reporter=default --reporter=json --outputFile.json=.tmp/vitest-unit.json
vitest run --project e2e --reporter=default --reporter=json --outputFile.json=.tmp/vitest-e2e.json
python_out=$(bash scripts/test-python.sh 2>&1) || { echo "$python_out"; exit 1; }
echo "$python_out"
# One closing line for the whole run: vitest's and pytest's counts together.
node -e '
  const runs = [require("./.tmp/vitest-unit.json"), require("./.tmp/vitest-e2e.json")];
  const sum = (key) => runs.reduce((n, r) => n + r[key], 0);
  const py = process.argv[1].match(/(\d+) passed/);
  const pyFailed = process.argv[1].match(/(\d+) failed/);
  const passed = sum("numPassedTests") + (py ? Number(py[1]) : 0);
  const failed = sum("numFailedTests") + (pyFailed ? Number(pyFailed[1]) : 0);
  const skipped = sum("numPendingTests") + sum("numTodoTests");
  if (skipped) { console.log(`skipped or todo tests: ${skipped}`); process.exit(1); }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
' "$python_out"
