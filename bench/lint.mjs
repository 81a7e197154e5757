// npm run bench:lint — `ncompose lint` vs dclint (devDependency) on the same generated 300- and
// 1000-service files and on the awesome-compose corpus: interleaved rounds, medians, ratios, peak RSS.
// Both run under the same node, each with its default (stylish) output, NO_COLOR.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { cliBundleOptions } from '../scripts/cli-bundle-options.mjs';
import { ROOT, WORK, fmt, generateCompose, interleave, median, printTable, ratio, timeRun, writeGenerated } from './lib.mjs';

const ROUNDS = Math.max(5, Number(process.env.ROUNDS ?? 5));
const SIZES = (process.env.SIZES ?? '300,1000').split(',').map(Number);
const DCLINT = path.join(ROOT, 'node_modules/dclint/bin/dclint.cjs');
const CORPUS = path.resolve(ROOT, '../shared/corpus/awesome-compose');
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
// A private build, like `npm run build` makes (one CJS bundle + V8 code cache), so a concurrent
// rebuild of dist/ cannot break or slow a round.
const BIN = await buildPrivateCli();

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

// The floor: a cold node that only imports `yaml` and parses the file (the parser both tools use).
const FLOOR = path.join(ROOT, 'bench/floor-parse.mjs');

const rows = [];
for (const c of cases) {
  checkRuns(c);
  const contenders = [
    { name: 'ncompose', run: () => run(ncArgs(c)) },
    { name: 'dclint', run: () => run(dcArgs(c)) },
  ];
  if (!c.dclintFlags.length) contenders.push({ name: 'floor', run: () => run([FLOOR, ...c.target]) });
  const m = interleave(contenders, ROUNDS);
  const nc = usage(ncArgs(c));
  const dc = usage(dcArgs(c));
  rows.push([c.label, fmt(m.ncompose), fmt(m.dclint), ratio(m.dclint, m.ncompose), fmt(m.floor), ratio(m.dclint, m.floor), fmt(nc.cpu), fmt(dc.cpu), ratio(dc.cpu, nc.cpu), mb(nc.rss), mb(dc.rss), ratio(dc.rss, nc.rss)]);
}

console.log(`\nlint, median of ${ROUNDS} interleaved rounds; goal at 300 services: >= 10x faster than dclint, memory below dclint's\n`);
console.log('wall: median wall time; floor: cold node + yaml.parseDocument only (where a linter built on the yaml library starts; ncompose reads block YAML with its own parser, see docs/performance.md);');
console.log('cpu: median user+sys CPU time of 3 runs (less sensitive to a busy machine); RSS: max peak RSS of 3 runs\n');
printTable(['input', 'ncompose wall', 'dclint wall', 'ratio', 'floor wall', 'dclint / floor', 'ncompose cpu', 'dclint cpu', 'ratio', 'ncompose RSS', 'dclint RSS', 'ratio'], rows);

/** Both tools must really lint the input (exit 0 or 1 with output), or the timing means nothing. */
function checkRuns(c) {
  for (const [name, args] of [['ncompose', ncArgs(c)], ['dclint', dcArgs(c)]]) {
    const r = spawnSync(node, args, { env, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${name} on ${c.label} exited ${r.status}: ${(r.stderr || r.stdout).slice(0, 400)}`);
  }
}

/** Median CPU time (user+sys, ms) and max peak RSS (MB) of 3 runs under GNU time; n/a without it. */
function usage(args) {
  if (!existsSync('/usr/bin/time')) return {};
  const cpu = [];
  let rss;
  for (let i = 0; i < 3; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', node, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
    const [u, s, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
    if ([u, s, kb].every(Number.isFinite)) {
      cpu.push((u + s) * 1000);
      rss = Math.max(rss ?? 0, kb / 1024);
    }
  }
  return { cpu: cpu.length ? median(cpu) : undefined, rss };
}

function mb(x) {
  return x === undefined ? 'n/a' : `${x.toFixed(0)} MB`;
}

async function buildPrivateCli() {
  const dir = path.join(WORK, 'lint-cli');
  mkdirSync(path.join(dir, 'bin'), { recursive: true });
  await build(cliBundleOptions(path.join(dir, 'dist/cli.cjs')));
  const bin = path.join(dir, 'bin/ncompose.js');
  copyFileSync(path.join(ROOT, 'bin/ncompose.js'), bin);
  copyFileSync(path.join(ROOT, 'bin/package.json'), path.join(dir, 'bin/package.json'));
  copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  // Warm the code cache the way the real build does.
  spawnSync(process.execPath, [path.join(ROOT, 'scripts/warm-code-cache.cjs'), path.join(dir, 'dist')], { env, stdio: 'ignore' });
  return bin;
}
