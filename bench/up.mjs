// npm run bench:up — `ncompose up -d` / no-op `up -d` / `down` on the real engine, against Debian's
// docker-compose 1.29.2 and the raw dockerode floor (bench/floor-up.mjs), interleaved rounds,
// medians and ratios. Each contender works on its own project; set-up and clean-up are not timed.
import path from 'node:path';
import { ROOT, cleanupProject as cleanup, fmt, hasCommand, interleave, printTable, ratio, timeRun, writeGenerated } from './lib.mjs';

const BIN = process.env.NCOMPOSE_BIN ?? path.join(ROOT, 'bin/ncompose.js');
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const IMAGE = process.env.NCOMPOSE_TEST_IMAGE ?? 'ncompose-test/busybox:latest';
const FLOOR = path.join(ROOT, 'bench/floor-up.mjs');
/** Per-run prefix: a network the engine failed to release in an earlier run cannot collide. */
const RUN = (process.pid % 1296).toString(36);
const haveDc = hasCommand('docker-compose');
if (!haveDc) console.log('docker-compose not found (apt-get install docker-compose): its column is n/a');

function composeFile(n, chain) {
  const lines = ['services:'];
  for (let i = 0; i < n; i++) {
    lines.push(`  svc${i}:`, `    image: ${IMAGE}`, `    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]`);
    if (chain && i > 0) lines.push(`    depends_on: [svc${i - 1}]`);
  }
  return writeGenerated(`up-${n}${chain ? '-chain' : ''}.yaml`, lines.join('\n') + '\n');
}


/** The three tools, each as {up, down} command lines for a project and a file. */
const TOOLS = {
  ncompose: (p, f) => ({
    up: [process.execPath, [BIN, '-p', p, '-f', f, 'up', '-d', '--progress', 'quiet']],
    down: [process.execPath, [BIN, '-p', p, '-f', f, 'down', '--progress', 'quiet']],
    noop: [process.execPath, [BIN, '-p', p, '-f', f, 'up', '-d', '--progress', 'quiet']],
  }),
  'docker-compose': (p, f) => ({
    up: ['docker-compose', ['-p', p, '-f', f, 'up', '-d']],
    down: ['docker-compose', ['-p', p, '-f', f, 'down']],
    noop: ['docker-compose', ['-p', p, '-f', f, 'up', '-d']],
  }),
  floor: (p, _f, n, chain) => ({
    up: [process.execPath, [FLOOR, 'up', p, String(n), chain ? 'chain' : '']],
    down: [process.execPath, [FLOOR, 'down', p]],
    noop: [process.execPath, [FLOOR, 'noop', p]],
  }),
};

const SCENARIOS = [
  { title: 'up -d, 20 independent services', n: 20, chain: false, op: 'up' },
  { title: 'up -d, 50 independent services', n: 50, chain: false, op: 'up' },
  { title: 'up -d, 10-deep chain', n: 10, chain: true, op: 'up' },
  { title: 'no-op up -d, 20 services', n: 20, chain: false, op: 'noop' },
  { title: 'down, 20 services', n: 20, chain: false, op: 'down' },
];

// ONLY=chain (a substring of the titles) runs a subset.
const selected = SCENARIOS.filter((sc) => !process.env.ONLY || sc.title.includes(process.env.ONLY));
const rows = [];
for (const sc of selected) {
  const file = composeFile(sc.n, sc.chain);
  const contenders = Object.entries(TOOLS)
    .filter(([name]) => name !== 'docker-compose' || haveDc)
    .map(([name, make]) => {
      let round = 0;
      const run = () => {
        // A fresh project per round: one engine hiccup must not poison the next rounds.
        const project = `bup${RUN}${name.replace(/[^a-z]/g, '').slice(0, 4)}${sc.n}${sc.op}${round++}`;
        const cmds = make(project, file, sc.n, sc.chain);
        cleanup(project);
        if (sc.op !== 'up') timeRun(...cmds.up); // set-up: the project is up
        const ms = timeRun(...cmds[sc.op]);
        // After a measured down, this still removes what down keeps on purpose (ncompose's revision volumes).
        cleanup(project);
        return ms;
      };
      return { name, run };
    });
  const m = interleave(contenders, ROUNDS);
  rows.push([sc.title, fmt(m.ncompose), fmt(m['docker-compose']), fmt(m.floor), ratio(m.ncompose, m.floor), ratio(m['docker-compose'], m.floor), ratio(m['docker-compose'], m.ncompose)]);
  console.error(`done: ${sc.title}`);
}
console.log(`\nmedian of ${ROUNDS} interleaved rounds; goals: up <= 1.05x the floor, no-op up of 20 <= 250 ms, down <= 1.10x the floor\n`);
printTable(['scenario', 'ncompose', 'docker-compose', 'floor', 'ncompose / floor', 'docker-compose / floor', 'docker-compose / ncompose'], rows);
