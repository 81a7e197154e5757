// Writes dist/cli.cache after running, in one process, the commands a pre-commit hook or CI runs most:
// the cache then holds compiled code for all of them (a cache from one command leaves the others to
// compile lazily, ~50 ms of a lint run). Usage: node scripts/warm-code-cache.cjs [dist dir]
'use strict';
const path = require('node:path');
const { loadCli } = require('../bin/ncompose.js');

const root = path.join(__dirname, '..');
const example = path.join(root, 'examples/hello/compose.yaml');
const cli = loadCli(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
const runs = [
  ['-f', example, 'config', '-q'],
  ['-f', example, 'config', '--format', 'json'],
  ['-f', example, 'config'],
  ['lint', example],
  // The planner, as every up/down runs it (offline: a build needs no engine).
  ['-f', example, 'plan', '--offline'],
];

(async () => {
  for (const argv of runs) await cli.main(argv);
  cli.saveCache();
  process.exitCode = 0;
})();
