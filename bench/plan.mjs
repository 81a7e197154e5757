// npm run bench:plan — cold `ncompose plan --offline` vs `ncompose config -q` on the same random-DAG
// compose files (10, 300, 1000 services), interleaved, medians; the planning overhead and its growth.
// Goal (issue 3): planning adds <= 25% to loading at 1000 services, and grows linearly.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, WORK, fmt, generateCompose, interleave, median, printTable, timeRun, writeGenerated } from './lib.mjs';

// Other work may rebuild dist/ mid-run (the build empties it first): time a private copy of the CLI.
const BIN = snapshotCli();

const ROUNDS = Math.max(5, Number(process.env.ROUNDS ?? 7));
const SIZES = (process.env.SIZES ?? '10,300,1000').split(',').map(Number);
const node = (args) => timeRun(process.execPath, ["--", BIN, ...args]);

const points = [];
for (const n of SIZES) {
  const file = writeGenerated(`plan-${n}.yaml`, generateCompose(n, { name: `benchplan${n}` }));
  checkPlan(file, n);
  const m = interleave(
    [
      { name: 'config', run: () => node(['config', '-q', '-f', file]) },
      { name: 'plan', run: () => node(['plan', '--offline', '-f', file]) },
    ],
    ROUNDS,
  );
  points.push({ n, config: m.config, plan: m.plan });
}

console.log(`\nplan --offline vs config -q, cold processes, median of ${ROUNDS} interleaved rounds\n`);
printTable(
  ['services', 'config -q', 'plan --offline', 'plan / config', 'planning adds'],
  points.map((p) => [p.n, fmt(p.config), fmt(p.plan), `${(p.plan / p.config).toFixed(2)}x`, `${fmt(p.plan - p.config)} (${(((p.plan - p.config) / p.config) * 100).toFixed(1)}%)`]),
);

// Growth: time per added service between consecutive points; linear means the slopes stay close.
console.log('\ngrowth (ms per added service between points)\n');
const slopes = [];
for (let i = 1; i < points.length; i++) {
  const a = points[i - 1];
  const b = points[i];
  const slope = (b.plan - a.plan) / (b.n - a.n);
  const overheadSlope = (b.plan - b.config - (a.plan - a.config)) / (b.n - a.n);
  slopes.push(slope);
  console.log(`  ${a.n} → ${b.n}: plan ${slope.toFixed(3)} ms/service, planning overhead ${overheadSlope.toFixed(4)} ms/service`);
}
// Warm, in one process: the same two commands through main(), without process start-up noise.
const { main } = createRequire(import.meta.url)(path.join(path.dirname(BIN), '../dist/cli.cjs'));
const quietIo = { out() {}, err() {}, stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: WORK };
const warm = [];
for (const p of points) {
  const file = path.join(WORK, `plan-${p.n}.yaml`);
  const runMain = async (args) => {
    const t0 = performance.now();
    const code = await main(args, quietIo);
    if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}`);
    return performance.now() - t0;
  };
  const times = { config: [], plan: [] };
  for (let r = 0; r < ROUNDS * 3; r++) {
    times.config.push(await runMain(['config', '-q', '-f', file]));
    times.plan.push(await runMain(['plan', '--offline', '-f', file]));
  }
  warm.push([p.n, fmt(median(times.config)), fmt(median(times.plan)), `${(((median(times.plan) - median(times.config)) / median(times.config)) * 100).toFixed(1)}%`]);
}
console.log(`\nwarm, in one process (no start-up), median of ${ROUNDS * 3} alternating runs\n`);
printTable(['services', 'config -q', 'plan --offline', 'planning adds'], warm);

const last = points[points.length - 1];
const overhead = (last.plan - last.config) / last.config;
const linear = slopes.length < 2 || slopes[slopes.length - 1] <= slopes[0] * 1.5;
console.log(`\nat ${last.n} services planning adds ${(overhead * 100).toFixed(1)}% to loading: goal <= 25% ${overhead <= 0.25 ? 'MET' : 'NOT MET'}`);
console.log(`growth ${linear ? 'linear' : 'NOT linear'}: the last slope is ${(slopes[slopes.length - 1] / slopes[0]).toFixed(2)}x the first (<= 1.5x counts as linear)`);

/** A benchmark of a failure is no benchmark: the plan must create one container per service. */
function checkPlan(file, n) {
  const r = spawnSync(process.execPath, ["--", BIN, 'plan', '--offline', '--format', 'json', '-f', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`plan failed on ${file}: ${r.stderr.slice(0, 500)}`);
  const containers = JSON.parse(r.stdout).actions.filter((a) => a.type === 'container' && a.action === 'create').length;
  if (containers !== n) throw new Error(`plan of ${n} services creates ${containers} containers`);
}

function snapshotCli() {
  const dir = path.join(WORK, 'cli-plan');
  for (let tries = 0; tries < 50; tries++) {
    try {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(path.join(dir, 'bin'), { recursive: true });
      copyFileSync(path.join(ROOT, 'bin/ncompose.js'), path.join(dir, 'bin/ncompose.js'));
      cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
      if (existsSync(path.join(dir, 'dist/cli.cjs'))) return path.join(dir, 'bin/ncompose.js');
    } catch {
      /* dist is being rebuilt: try again */
    }
    spawnSync('sleep', ['0.2']);
  }
  throw new Error('dist/ is missing: run npm run build');
}
