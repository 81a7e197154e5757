#!/usr/bin/env bash
# The newcomer's first run: set up, then plan, deploy, inspect and remove the example stack.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
NC="node bin/ncompose.js -f examples/hello/compose.yaml"
set -x
$NC config --services
$NC plan
$NC up -d --wait
$NC ps
$NC plan --detailed-exitcode
$NC down -v
