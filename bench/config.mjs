// npm run bench:config — `ncompose config -q` vs Debian's docker-compose 1.29.2 vs the floor
// (a cold node that only imports `yaml` and parses the same file), interleaved, medians and ratios.
import { BIN, ROOT, fmt, generateCompose, hasCommand, interleave, peakRssMb, printTable, ratio, writeGenerated } from './lib.mjs';
import path from 'node:path';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const SIZES = (process.env.SIZES ?? '10,300,1000').split(',').map(Number);
const floorScript = path.join(ROOT, 'bench/floor-parse.mjs');
const haveDockerCompose = hasCommand('docker-compose');
if (!haveDockerCompose) console.log('docker-compose not found (apt-get install docker-compose): its column is n/a');

const rows = [];
for (const n of SIZES) {
  const file = writeGenerated(`config-${n}.yaml`, generateCompose(n));
  const contenders = [
    { name: 'ncompose', run: () => timeRunNode(['--', BIN, 'config', '-q', '-f', file]) },
    { name: 'floor', run: () => timeRunNode([floorScript, file]) },
  ];
  if (haveDockerCompose) {
    contenders.push({ name: 'docker-compose', run: () => timeRunCmd('docker-compose', ['-f', file, 'config', '-q']) });
  }
  const m = interleave(contenders, ROUNDS);
  const mem = peakRssMb(process.execPath, ['--', BIN, 'config', '-q', '-f', file]);
  rows.push([n, fmt(m.ncompose), fmt(m.floor), fmt(m['docker-compose']), ratio(m['docker-compose'], m.ncompose), ratio(m.ncompose, m.floor), mem ? `${mem.toFixed(0)} MB` : 'n/a']);
}
console.log(`\nconfig -q, median of ${ROUNDS} interleaved rounds (goals at 300: >= 3x faster than docker-compose, <= 1.5x the floor; memory <= 150 MB at 1000)\n`);
printTable(['services', 'ncompose', 'floor', 'docker-compose', 'dc / ncompose', 'ncompose / floor', 'ncompose peak RSS'], rows);

import { timeRun } from './lib.mjs';
function timeRunNode(args) {
  return timeRun(process.execPath, args);
}
function timeRunCmd(cmd, args) {
  return timeRun(cmd, args, { cwd: ROOT });
}
