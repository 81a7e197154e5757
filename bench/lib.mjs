// Shared benchmark helpers: generated compose files, interleaved rounds, medians, peak memory.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin/ncompose.js');
export const WORK = path.join(ROOT, '.bench');

/** A compose file of `n` services with a random (seeded) dependency DAG and typical attributes. */
export function generateCompose(n, { seed = 42, image = 'ncompose-test/busybox:latest', name } = {}) {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  // No `name:` by default: docker-compose 1.29 rejects it; the project name comes from -p or the directory.
  const lines = name ? [`name: ${name}`, 'services:'] : ['services:'];
  for (let i = 0; i < n; i++) {
    lines.push(`  svc${i}:`, `    image: ${image}`, `    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]`);
    lines.push('    environment:', `      SERVICE_INDEX: "${i}"`, '      LOG_LEVEL: info');
    lines.push('    labels:', `      com.example.tier: "t${i % 7}"`);
    lines.push('    restart: unless-stopped');
    const deps = [];
    for (let d = 0; d < 2 && i > 0; d++) {
      const j = Math.floor(rand() * i);
      if (!deps.includes(j)) deps.push(j);
    }
    if (deps.length) lines.push('    depends_on:', ...deps.map((j) => `      - svc${j}`));
    lines.push('    networks: [backend]');
    if (i % 10 === 0) lines.push('    volumes:', `      - data${i}:/data`);
  }
  lines.push('networks:', '  backend: {}', 'volumes:');
  for (let i = 0; i < n; i += 10) lines.push(`  data${i}: {}`);
  return lines.join('\n') + '\n';
}

export function writeGenerated(name, text) {
  mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, name);
  writeFileSync(file, text);
  return file;
}

/** Wall time of one run in ms; throws when the command fails (a benchmark of a failure is no benchmark). */
export function timeRun(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && !opts.allowFailure) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${(r.stderr || '').slice(0, 500)}`);
  }
  return ms;
}

/** Peak RSS in MB of one run, from GNU time; undefined when it is not installed. */
export function peakRssMb(cmd, args) {
  if (!existsSync('/usr/bin/time')) return undefined;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const kb = Number(r.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : undefined;
}

export function median(xs) {
  const a = [...xs].sort((x, y) => x - y);
  const m = Math.floor(a.length / 2);
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}

/** Run every contender once per round, in a rotating order, so drift hits all alike. */
export function interleave(contenders, rounds) {
  const times = Object.fromEntries(contenders.map((c) => [c.name, []]));
  for (let r = 0; r < rounds; r++) {
    const order = contenders.map((_, i) => contenders[(i + r) % contenders.length]);
    for (const c of order) times[c.name].push(c.run());
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

export function hasCommand(cmd) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function printTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

export const fmt = (ms) => (ms === undefined ? 'n/a' : `${ms.toFixed(0)} ms`);
export const ratio = (a, b) => (a === undefined || b === undefined ? 'n/a' : `${(a / b).toFixed(2)}x`);

/** Remove a benchmark project: containers, its revision volumes, and its networks (with retries). */
export function cleanupProject(project) {
  const label = `label=com.docker.compose.project=${project}`;
  const ids = (args) => execFileSync('docker', args, { encoding: 'utf8' }).split('\n').filter(Boolean);
  const cs = ids(['ps', '-aq', '--filter', label]);
  if (cs.length) execFileSync('docker', ['rm', '-f', ...cs], { stdio: 'ignore' });
  // ncompose records each up as a revision on a volume of its own label (docs/safe-deploys.md).
  const revs = ids(['volume', 'ls', '-q', '--filter', `label=ncompose.revision.project=${project}`]);
  if (revs.length) execFileSync('docker', ['volume', 'rm', '-f', ...revs], { stdio: 'ignore' });
  // The engine may still be releasing endpoints of containers just removed: retry a little.
  for (let i = 0; i < 20; i++) {
    const ns = ids(['network', 'ls', '-q', '--filter', label]);
    if (!ns.length) return;
    try {
      execFileSync('docker', ['network', 'rm', ...ns], { stdio: 'ignore' });
      return;
    } catch {
      execFileSync('sleep', ['0.2']);
    }
  }
  console.error(`warning: could not remove the networks of ${project}`);
}
