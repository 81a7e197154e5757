// Ctrl-C during up on the real engine: SIGINT mid-up exits 130 and restores the previous
// containers; a second SIGINT aborts at once and the next up converges (backups and half-made
// containers recognised and cleaned).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanupProject, docker, ncompose, tempProject, TEST_IMAGE } from '../helpers.js';

let dir: string;
let name: string;

const up = () => ncompose(['-p', name, 'up', '-d', '-t', '1', '--progress', 'plain'], { cwd: dir });

/** web waits for api to be healthy; api's first probe comes after 1.5 s, so an up takes a while. */
function writeCompose(release: string): void {
  writeFileSync(path.join(dir, 'compose.yaml'), `
services:
  api:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
    environment: { RELEASE: "${release}" }
    healthcheck: { test: ["CMD", "true"], interval: 1500ms, timeout: 1s, retries: 3 }
  web:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
    environment: { RELEASE: "${release}" }
    depends_on: { api: { condition: service_healthy } }
`);
}

function state(): { name: string; id: string; running: boolean; env: string }[] {
  const ids = docker(['ps', '-aq', '--filter', `label=com.docker.compose.project=${name}`]).split('\n').filter(Boolean);
  if (!ids.length) return [];
  const all = JSON.parse(docker(['inspect', ...ids])) as { Id: string; Name: string; State: { Running: boolean }; Config: { Env: string[] } }[];
  return all
    .map((c) => ({ name: c.Name.slice(1), id: c.Id, running: c.State.Running, env: c.Config.Env.find((e) => e.startsWith('RELEASE=')) ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Starts `up -d`; sends `signals` signals once the old web container has been set aside. */
async function interruptedUp(signals: number, sig: NodeJS.Signals = 'SIGINT'): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, ['--', BIN, '-p', name, 'up', '-d', '-t', '1', '--progress', 'plain'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('close', (code, signal) => res({ code, signal })));
  const deadline = Date.now() + 20_000;
  while (!state().some((c) => /-web-1_prev_/.test(c.name))) {
    if (Date.now() > deadline) throw new Error(`up never replaced web: ${stderr}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  for (let i = 0; i < signals; i++) {
    child.kill(sig);
    await new Promise((r) => setTimeout(r, 30));
  }
  return { ...(await done), stderr };
}

describe('interrupted up', () => {
  beforeAll(() => {
    ({ dir, name } = tempProject({}));
    writeCompose('1');
    expect(up().code).toBe(0);
  });
  afterAll(() => cleanupProject(name, dir));

  it('Ctrl-C mid-up exits 130 with the previous containers running again', async () => {
    const before = state();
    writeCompose('2');
    const r = await interruptedUp(1);
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toContain('SIGINT: stopping');
    expect(r.stderr).toMatch(/rolled back to revision \d+: interrupted/);
    expect(state()).toEqual(before);
    expect(before.every((c) => c.running && c.env === 'RELEASE=1')).toBe(true);
  });

  it('SIGTERM does the same', async () => {
    const before = state();
    writeCompose('9');
    const r = await interruptedUp(1, 'SIGTERM');
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toContain('SIGTERM: stopping');
    expect(state()).toEqual(before);
    writeCompose('2');
  });

  it('the next up converges', () => {
    const r = up();
    expect(r.code, r.stderr).toBe(0);
    const after = state();
    expect(after.map((c) => [c.name, c.running, c.env])).toEqual([
      [`${name}-api-1`, true, 'RELEASE=2'],
      [`${name}-web-1`, true, 'RELEASE=2'],
    ]);
  });

  it('a second Ctrl-C aborts at once; the next up cleans what it left and converges', async () => {
    writeCompose('3');
    const r = await interruptedUp(2);
    expect(r.signal).toBe('SIGINT');
    expect(state().some((c) => /_prev_/.test(c.name))).toBe(true);
    const again = up();
    expect(again.code, again.stderr).toBe(0);
    expect(state().map((c) => [c.name, c.running, c.env])).toEqual([
      [`${name}-api-1`, true, 'RELEASE=3'],
      [`${name}-web-1`, true, 'RELEASE=3'],
    ]);
    expect(up().stderr).not.toMatch(/Recreat|Remov/);
  });
});
