// npm run bench:lint — `ncompose lint` vs dclint (devDependency) on the same generated 300- and
// 1000-service files and on the awesome-compose corpus: interleaved rounds, medians, ratios, peak RSS.
// Both run under the same node, each with its default (stylish) output, NO_COLOR.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, ROOT, fmt, generateCompose, interleave, printTable, ratio, timeRun, writeGenerated } from './lib.mjs';

const ROUNDS = Math.max(5, Number(process.env.ROUNDS ?? 5));
const SIZES = (process.env.SIZES ?? '300,1000').split(',').map(Number);
const DCLINT = path.join(ROOT, 'node_modules/dclint/bin/dclint.cjs');
const CORPUS = path.resolve(ROOT, '../shared/corpus/awesome-compose');
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };

if (!existsSync(DCLINT)) {
  console.error('dclint is not installed: npm install (it is a devDependency)');
  process.exit(2);
}

const cases = SIZES.map((n) => ({ label: `${n} services`, target: [writeGenerated(`lint-${n}.yaml`, generateCompose(n))], dclintFlags: [] }));
if (existsSync(CORPUS)) cases.push({ label: 'awesome-compose (39 files)', target: [CORPUS], dclintFlags: ['-r'] });

const node = process.execPath;
const ncArgs = (c) => [BIN, 'lint', ...c.target];
const dcArgs = (c) => [DCLINT, ...c.dclintFlags, ...c.target];
// Lint exits 1 when it finds problems: that is a result, not a failed benchmark run.
const run = (args) => timeRun(node, args, { env, allowFailure: true, maxBuffer: 1 << 28 });

const rows = [];
for (const c of cases) {
  checkRuns(c);
  const m = interleave(
    [
      { name: 'ncompose', run: () => run(ncArgs(c)) },
      { name: 'dclint', run: () => run(dcArgs(c)) },
    ],
    ROUNDS,
  );
  const ncMem = peakRss(ncArgs(c));
  const dcMem = peakRss(dcArgs(c));
  rows.push([c.label, fmt(m.ncompose), fmt(m.dclint), ratio(m.dclint, m.ncompose), mb(ncMem), mb(dcMem), ratio(dcMem, ncMem)]);
}

console.log(`\nlint, median of ${ROUNDS} interleaved rounds; goal at 300 services: >= 10x faster than dclint, memory below dclint's\n`);
printTable(['input', 'ncompose lint', 'dclint', 'dclint / ncompose', 'ncompose peak RSS', 'dclint peak RSS', 'dclint / ncompose RSS'], rows);

/** Both tools must really lint the input (exit 0 or 1 with output), or the timing means nothing. */
function checkRuns(c) {
  for (const [name, args] of [['ncompose', ncArgs(c)], ['dclint', dcArgs(c)]]) {
    const r = spawnSync(node, args, { env, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${name} on ${c.label} exited ${r.status}: ${(r.stderr || r.stdout).slice(0, 400)}`);
  }
}

/** Peak RSS in MB: max of 3 runs under GNU time (falls back to n/a without it). */
function peakRss(args) {
  if (!existsSync('/usr/bin/time')) return undefined;
  let best;
  for (let i = 0; i < 3; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', node, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
    const kb = Number(r.stderr.trim().split('\n').pop());
    if (Number.isFinite(kb)) best = Math.max(best ?? 0, kb / 1024);
  }
  return best;
}

function mb(x) {
  return x === undefined ? 'n/a' : `${x.toFixed(0)} MB`;
}
