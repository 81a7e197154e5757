#!/usr/bin/env bash
# The test command: set-up (deps, build, engine, test image), then unit and end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx tsc --noEmit
npx vitest run "$@"
