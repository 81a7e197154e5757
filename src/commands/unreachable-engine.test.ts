/**
 * Every command that talks to the engine, with none at DOCKER_HOST: one line saying what to start,
 * exit 1, nothing on stdout. Commands do not ping first (a round trip each run), so this holds only
 * if each one's first engine call fails cleanly.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import type { Io } from '../cli/io.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ncompose-unreachable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, 'app'));
writeFileSync(path.join(dir, 'app', 'Dockerfile'), 'FROM scratch\n');
writeFileSync(
  path.join(dir, 'compose.yaml'),
  `name: gone
services:
  web: { image: web:1, depends_on: [api] }
  api: { image: api:1 }
  app: { build: ./app }
`,
);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const o = { stdout: '', stderr: '' };
  const env = { DOCKER_HOST: `unix://${dir}/no-such.sock` };
  const io: Io = { out: (t) => void (o.stdout += t), err: (t) => void (o.stderr += t), stdoutIsTTY: false, stderrIsTTY: false, env, cwd: dir };
  const code = await main(args, io);
  return { code, ...o };
}

const COMMANDS = [
  ['up', '-d'],
  ['up', '-d', '--no-rollback'],
  ['down'],
  ['ps'],
  ['logs'],
  ['start'],
  ['stop'],
  ['restart'],
  ['rm', '-f'],
  ['exec', 'web', 'true'],
  ['pull'],
  ['build'],
  ['plan'],
  ['history'],
  ['rollback', '-y'],
];

describe('an unreachable engine', { timeout: 30_000 }, () => {
  it.each(COMMANDS.map((args): [string, string[]] => [args.join(' '), args]))('%s: one line naming the socket and what to start, exit 1', async (_name, args) => {
    const r = await cli(args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/cannot connect to the Docker Engine at unix:\/\/\S+no-such\.sock \(ENOENT\): is the Docker daemon running\?/);
  });
});
