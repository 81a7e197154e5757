// npm run bench:atomic — the extra cost of an atomic `up` (backups kept until verified, then
// removed) over `up --no-rollback`, for a change of all 20 services (one env value each).
// Interleaved rounds, medians, ratio; goal ≤ 1.10. Each contender has its own project; the first
// `up` of each project and the clean-up are not timed.
import path from 'node:path';
import { ROOT, cleanupProject as cleanup, fmt, interleave, printTable, timeRun, writeGenerated } from './lib.mjs';

const BIN = process.env.NCOMPOSE_BIN ?? path.join(ROOT, 'bin/ncompose.js');
const ROUNDS = Math.max(3, Number(process.env.ROUNDS ?? 5));
const IMAGE = process.env.NCOMPOSE_TEST_IMAGE ?? 'ncompose-test/busybox:latest';
const N = 20;
const stamp = Date.now().toString(36);

function composeFile(file, release) {
  const lines = ['services:'];
  for (let i = 0; i < N; i++) {
    lines.push(`  svc${i}:`, `    image: ${IMAGE}`, `    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]`);
    lines.push(`    environment: { RELEASE: "${release}" }`);
  }
  return writeGenerated(file, lines.join('\n') + '\n');
}


/** A contender: its own project; each run changes RELEASE of every service, then times `up -d`. */
function contender(name, extra) {
  const project = `bat${name === 'atomic' ? 'a' : 'p'}${stamp}`;
  const file = `atomic-${name}.yaml`;
  let release = 0;
  const up = () => timeRun(process.execPath, [BIN, '-p', project, '-f', composeFile(file, ++release), 'up', '-d', '-t', '1', '--progress', 'quiet', ...extra]);
  const times = [];
  return { name, project, up, times, run: () => { const ms = up(); times.push(ms); return ms; } };
}

const contenders = [contender('atomic', []), contender('no-rollback', ['--no-rollback'])];
try {
  for (const c of contenders) c.up(); // first up: creates, not timed
  const medians = interleave(contenders, ROUNDS);
  console.log(`up -d changing all ${N} services (env value), ${ROUNDS} interleaved rounds, medians:`);
  const ratio = medians.atomic / medians['no-rollback'];
  const spread = (c) => `${fmt(Math.min(...c.times))} – ${fmt(Math.max(...c.times))}`;
  printTable(['contender', 'median', 'min – max'], [
    ['up (atomic, default)', fmt(medians.atomic), spread(contenders[0])],
    ['up --no-rollback', fmt(medians['no-rollback']), spread(contenders[1])],
  ]);
  console.log(`(load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}: on a busy machine only the ratio means much)`);
  console.log(`\natomic / no-rollback = ${ratio.toFixed(3)}  (extra cost ${((ratio - 1) * 100).toFixed(1)} %, goal ≤ 10 %) ${ratio <= 1.1 ? 'OK' : 'MISSED'}`);
} finally {
  for (const c of contenders) cleanup(c.project);
}
