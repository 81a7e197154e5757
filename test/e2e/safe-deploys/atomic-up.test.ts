// Atomic up on the real engine: a deploy whose new api config fails its healthcheck is rolled
// back (api and the other changed service get their previous containers back, named volume
// intact); the next good deploy commits and leaves no backups; --no-rollback leaves the failure.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupProject, docker, ncompose, tempProject, TEST_IMAGE } from '../helpers.js';

let dir: string;
let name: string;

const run = (...args: string[]) => ncompose(['-p', name, ...args], { cwd: dir });
const up = (...extra: string[]) => run('up', '-d', '-t', '1', '--progress', 'plain', ...extra);

/** api's healthcheck fails when RELEASE is "bad"; worker is plain; db keeps data in a named volume. */
function writeCompose(api: string, worker: string): void {
  writeFileSync(path.join(dir, 'compose.yaml'), `
services:
  api:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "trap 'exit 0' TERM; echo api release $$RELEASE; sleep 3600 & wait"]
    environment: { RELEASE: "${api}" }
    healthcheck:
      test: ["CMD-SHELL", "test \\"$$RELEASE\\" != bad"]
      interval: 300ms
      timeout: 1s
      retries: 2
  worker:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
    environment: { RELEASE: "${worker}" }
  db:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
    volumes: [data:/data]
volumes:
  data: {}
`);
}

interface Ctr { id: string; name: string; state: string; env: string | undefined }

function containers(): Ctr[] {
  const ids = docker(['ps', '-aq', '--filter', `label=com.docker.compose.project=${name}`]).split('\n').filter(Boolean);
  if (!ids.length) return [];
  const all = JSON.parse(docker(['inspect', ...ids])) as { Id: string; Name: string; State: { Status: string }; Config: { Env: string[] } }[];
  return all
    .map((c) => ({ id: c.Id, name: c.Name.slice(1), state: c.State.Status, env: c.Config.Env.find((e) => e.startsWith('RELEASE=')) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const byName = (n: string) => containers().find((c) => c.name === `${name}-${n}-1`);

describe('atomic up', () => {
  beforeAll(() => {
    ({ dir, name } = tempProject({}));
    writeCompose('1', '1');
    expect(up().code).toBe(0);
    docker(['exec', `${name}-db-1`, 'sh', '-c', 'echo precious > /data/file']);
  });
  afterAll(() => cleanupProject(name, dir));

  it('rolls back every changed service when the new api fails its healthcheck', () => {
    const before = containers();
    expect(before.map((c) => c.name)).toEqual([`${name}-api-1`, `${name}-db-1`, `${name}-worker-1`]);
    writeCompose('bad', '2');
    const r = up();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rolled back to revision \d+: service api: container \S+-api-1 is unhealthy/);
    expect(r.stderr).toContain('last log lines of');
    expect(r.stderr).toContain('api release bad');
    const after = containers();
    // The very same containers, with their names, running again with the old config.
    expect(after.map(({ id, name: n, env }) => ({ id, n, env }))).toEqual(before.map(({ id, name: n, env }) => ({ id, n, env })));
    expect(after.every((c) => c.state === 'running')).toBe(true);
    expect(byName('api')!.env).toBe('RELEASE=1');
    expect(byName('worker')!.env).toBe('RELEASE=1');
    expect(docker(['exec', `${name}-db-1`, 'cat', '/data/file'])).toBe('precious');
  });

  it('commits a good deploy: new containers, no backups left', () => {
    const before = containers();
    writeCompose('2', '2');
    const r = up();
    expect(r.code, r.stderr).toBe(0);
    const after = containers();
    expect(after.map((c) => c.name)).toEqual([`${name}-api-1`, `${name}-db-1`, `${name}-worker-1`]);
    expect(byName('api')!.env).toBe('RELEASE=2');
    expect(byName('api')!.id).not.toBe(before.find((c) => c.name.endsWith('-api-1'))!.id);
    expect(byName('db')!.id).toBe(before.find((c) => c.name.endsWith('-db-1'))!.id);
    expect(after.every((c) => c.state === 'running')).toBe(true);
  });

  it('--no-rollback leaves the failed deploy in place', () => {
    writeCompose('bad', '3');
    const r = up('--no-rollback', '--wait', '--wait-timeout', '10');
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('rolled back');
    expect(byName('api')!.env).toBe('RELEASE=bad');
    expect(byName('worker')!.env).toBe('RELEASE=3');
    expect(containers().some((c) => /_prev_/.test(c.name))).toBe(false);
    writeCompose('2', '2');
    expect(up().code).toBe(0);
  });
});
