#!/usr/bin/env bash
# One set-up for both README commands: dependencies, build, a Docker Engine, the test image.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm install`, not `npm ci`: the registry here serves no rollup binaries for other platforms, so
  # npm writes a lock without them and `npm ci` then refuses that lock as out of sync.
  npm install --no-audit --no-fund --loglevel=error
fi
if [ ! -f dist/cli.js ] || [ -n "$(find src scripts -newer dist/cli.js -name '*.ts' -o -newer dist/cli.js -name '*.mjs' 2>/dev/null | head -1)" ]; then
  npm run --silent build
fi
bash scripts/ensure-engine.sh
bash scripts/build-test-image.sh
