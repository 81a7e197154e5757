#!/usr/bin/env bash
# The test command: set-up (deps, build, engine, test image), then unit and end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx tsc --noEmit
results=.vitest-results.json
rm -f "$results"
rc=0
npx vitest run --reporter=default --reporter=json --outputFile="$results" "$@" || rc=$?
# One plain closing line any CI log reader understands, after vitest's own summary.
if [ -f "$results" ]; then
  node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));' "$results"
fi
exit "$rc"
