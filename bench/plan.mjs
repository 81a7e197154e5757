// npm run bench:plan — cold `ncompose plan --offline` vs `ncompose config -q` on the same random-DAG
// compose files (10, 300, 1000 services), interleaved rounds, medians; the planning overhead and its
// growth. Goal (issue 3): planning adds <= 25% to loading at 1000 services, and grows linearly.
// Wall time swings when other work shares the CPUs, so the CPU time of each process (user + sys, from
// GNU time) is measured too, and the goal is judged on both.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, WORK, fmt, generateCompose, median, printTable, writeGenerated } from './lib.mjs';

const ROUNDS = Math.max(5, Number(process.env.ROUNDS ?? 7));
const SIZES = (process.env.SIZES ?? '10,300,1000').split(',').map(Number);
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
// Other work may rebuild dist/ mid-run (the build empties it first): time a private copy of the CLI.
const BIN = snapshotCli();

const points = [];
for (const n of SIZES) {
  const file = writeGenerated(`plan-${n}.yaml`, generateCompose(n, { name: `benchplan${n}` }));
  checkPlan(file, n);
  const runs = { config: [], plan: [] };
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 ? ['plan', 'config'] : ['config', 'plan'];
    for (const k of order) runs[k].push(timeCli(k === 'plan' ? ['plan', '--offline', '-f', file] : ['config', '-q', '-f', file]));
  }
  const med = (k, f) => median(runs[k].map((x) => x[f]));
  points.push({ n, config: med('config', 'wall'), plan: med('plan', 'wall'), configCpu: med('config', 'cpu'), planCpu: med('plan', 'cpu') });
}

const pct = (a, b) => `${(((a - b) / b) * 100).toFixed(1)}%`;
console.log(`\nplan --offline vs config -q, cold processes, median of ${ROUNDS} interleaved rounds\n`);
printTable(
  ['services', 'config -q', 'plan --offline', 'planning adds', 'config -q CPU', 'plan CPU', 'planning adds (CPU)'],
  points.map((p) => [p.n, fmt(p.config), fmt(p.plan), `${fmt(p.plan - p.config)} (${pct(p.plan, p.config)})`, cpuFmt(p.configCpu), cpuFmt(p.planCpu), p.planCpu ? pct(p.planCpu, p.configCpu) : 'n/a']),
);

// Warm, in one process: the same two commands through main(), without process start-up.
const { main } = createRequire(import.meta.url)(path.join(path.dirname(BIN), '../dist/cli.cjs'));
const quietIo = { out() {}, err() {}, stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: WORK };
const warm = [];
for (const p of points) {
  const file = path.join(WORK, `plan-${p.n}.yaml`);
  const times = { config: [], plan: [] };
  for (let r = 0; r < ROUNDS * 3; r++) {
    times.config.push(await timeMain(['config', '-q', '-f', file]));
    times.plan.push(await timeMain(['plan', '--offline', '-f', file]));
  }
  p.warmConfig = median(times.config);
  p.warmPlan = median(times.plan);
  warm.push([p.n, fmt(p.warmConfig), fmt(p.warmPlan), pct(p.warmPlan, p.warmConfig)]);
}
console.log(`\nwarm, in one process (no start-up), median of ${ROUNDS * 3} alternating runs\n`);
printTable(['services', 'config -q', 'plan --offline', 'planning adds'], warm);

// Growth: time per added service between consecutive points; linear means the slopes stay close.
console.log('\ngrowth of plan --offline (ms per added service between points)\n');
const slopes = { wall: [], cpu: [], warm: [] };
for (let i = 1; i < points.length; i++) {
  const [a, b] = [points[i - 1], points[i]];
  const d = b.n - a.n;
  slopes.wall.push((b.plan - a.plan) / d);
  slopes.cpu.push((b.planCpu - a.planCpu) / d);
  slopes.warm.push((b.warmPlan - a.warmPlan) / d);
  console.log(`  ${a.n} → ${b.n}: wall ${slopes.wall.at(-1).toFixed(2)}, CPU ${slopes.cpu.at(-1).toFixed(2)}, warm ${slopes.warm.at(-1).toFixed(2)} ms/service`);
}

const last = points.at(-1);
const verdict = (x) => (x <= 0.25 ? 'MET' : 'NOT MET');
const over = { wall: (last.plan - last.config) / last.config, cpu: (last.planCpu - last.configCpu) / last.configCpu, warm: (last.warmPlan - last.warmConfig) / last.warmConfig };
console.log(`\nat ${last.n} services planning adds: wall ${(over.wall * 100).toFixed(1)}% (${verdict(over.wall)}), CPU ${(over.cpu * 100).toFixed(1)}% (${verdict(over.cpu)}), warm ${(over.warm * 100).toFixed(1)}% (${verdict(over.warm)}); goal <= 25%`);
const linear = (s) => (s.length < 2 ? 'n/a' : `${(s.at(-1) / s[0]).toFixed(2)}x`);
console.log(`growth: last slope / first slope = wall ${linear(slopes.wall)}, CPU ${linear(slopes.cpu)}, warm ${linear(slopes.warm)} (about 1x or less is linear; start-up dominates the first segment)`);

/** Wall and CPU (user + sys) milliseconds of one cold CLI run; throws when it fails. */
function timeCli(args) {
  const cmd = GNU_TIME ? [GNU_TIME, '-f', '%U %S', process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`ncompose ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  const [u, s] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { wall, cpu: GNU_TIME ? (u + s) * 1000 : undefined };
}

async function timeMain(args) {
  const t0 = performance.now();
  const code = await main(args, quietIo);
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}`);
  return performance.now() - t0;
}

function cpuFmt(ms) {
  return ms === undefined || Number.isNaN(ms) ? 'n/a' : fmt(ms);
}

/** A benchmark of a failure is no benchmark: the plan must create one container per service. */
function checkPlan(file, n) {
  const r = spawnSync(process.execPath, [BIN, 'plan', '--offline', '--format', 'json', '-f', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
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
