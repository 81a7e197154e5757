// The four-tier stack on the real engine: start order and conditions from the engine's own
// StartedAt/FinishedAt, compose names and labels, then the no-op, one-field and volume cases.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupProject, docker, ncompose, tempProject } from '../helpers.js';
import { containersOf, fourTier, freePort, inspect, leftovers, time } from './stack.js';

let dir: string;
let name: string;
let port: number;
const up = (...extra: string[]) => ncompose(['-p', name, 'up', '-d', '--wait', '--progress', 'plain', ...extra], { cwd: dir });

describe('four-tier stack', () => {
  beforeAll(async () => {
    port = await freePort();
    ({ dir, name } = tempProject({ 'compose.yaml': fourTier({ port }) }));
  });
  afterAll(() => cleanupProject(name, dir));

  it('comes up with up -d --wait, in dependency order with every condition met', () => {
    const r = up();
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const db = inspect(`${name}-db-1`);
    const migrate = inspect(`${name}-migrate-1`);
    const api = inspect(`${name}-api-1`);
    const web = inspect(`${name}-web-1`);
    expect(db.State.Health!.Status).toBe('healthy');
    // service_healthy: db cannot pass its probe before it made /ready, 300 ms after it started
    // (the engine keeps only the last 5 probes, so the first passing one is gone by now).
    expect(time(migrate.State.StartedAt)).toBeGreaterThanOrEqual(time(db.State.StartedAt) + 300);
    // service_completed_successfully: api started after migrate finished with 0.
    expect(migrate.State.ExitCode).toBe(0);
    expect(time(api.State.StartedAt)).toBeGreaterThanOrEqual(time(migrate.State.FinishedAt));
    // service_started: web after api.
    expect(time(web.State.StartedAt)).toBeGreaterThanOrEqual(time(api.State.StartedAt));
    expect(web.State.Status).toBe('running');
  });

  it('names and labels everything as compose does', () => {
    expect(containersOf(name)).toEqual([`${name}-api-1`, `${name}-db-1`, `${name}-migrate-1`, `${name}-web-1`]);
    const api = inspect(`${name}-api-1`);
    const l = api.Config.Labels;
    expect(l).toMatchObject({
      'com.docker.compose.project': name,
      'com.docker.compose.service': 'api',
      'com.docker.compose.container-number': '1',
      'com.docker.compose.oneoff': 'False',
      'com.docker.compose.depends_on': 'db:service_healthy:false,migrate:service_completed_successfully:false',
      'com.docker.compose.project.working_dir': dir,
      'com.docker.compose.project.config_files': path.join(dir, 'compose.yaml'),
    });
    expect(l['com.docker.compose.config-hash']).toMatch(/^[0-9a-f]{64}$/);
    expect(l['com.docker.compose.image']).toMatch(/^sha256:/);
    expect(l['com.docker.compose.version']).toBeTruthy();
    expect(JSON.parse(l['ncompose.service-config']!).environment).toEqual({ RELEASE: 'v1' });
    expect(Object.keys(api.NetworkSettings.Networks)).toEqual([`${name}_default`]);
    expect(api.NetworkSettings.Networks[`${name}_default`]!.Aliases).toEqual(expect.arrayContaining(['api', `${name}-api-1`]));
    expect(docker(['network', 'inspect', `${name}_default`, '--format', '{{index .Labels "com.docker.compose.network"}}'])).toBe('default');
    expect(docker(['volume', 'inspect', `${name}_data`, '--format', '{{index .Labels "com.docker.compose.volume"}}'])).toBe('data');
    expect(inspect(`${name}-db-1`).Mounts.find((m) => m.Destination === '/data')!.Name).toBe(`${name}_data`);
    expect(docker(['port', `${name}-web-1`, '80/tcp'])).toBe(`127.0.0.1:${port}`);
  });

  it("docker-compose (Debian's 1.29) lists the containers ncompose made", () => {
    const ps = execCompose(['-p', name, 'ps']);
    for (const s of ['db', 'migrate', 'api', 'web']) expect(ps).toContain(`${name}-${s}-1`);
    expect(execCompose(['-p', name, 'ps', '--services']).split('\n').sort()).toEqual(['api', 'db', 'migrate', 'web']);
  });

  it('a second up changes nothing: same container ids, same start times', () => {
    const before = ['db', 'api', 'web', 'migrate'].map((s) => inspect(`${name}-${s}-1`));
    const plan = ncompose(['-p', name, 'plan', '--detailed-exitcode'], { cwd: dir });
    expect(plan.code).toBe(0);
    const r = up();
    expect(r.code).toBe(0);
    const after = ['db', 'api', 'web', 'migrate'].map((s) => inspect(`${name}-${s}-1`));
    expect(after.map((c) => c.Id)).toEqual(before.map((c) => c.Id));
    expect(after.map((c) => c.State.StartedAt)).toEqual(before.map((c) => c.State.StartedAt));
  });

  it('a one-field change recreates that service alone, and named volume data survives the recreate', () => {
    const before = Object.fromEntries(['db', 'migrate', 'api', 'web'].map((s) => [s, inspect(`${name}-${s}-1`)]));
    writeFileSync(path.join(dir, 'compose.yaml'), fourTier({ port, dbMarker: 'db-v2' }));
    const plan = ncompose(['-p', name, 'plan', '--format', 'json'], { cwd: dir });
    const recreate = (JSON.parse(plan.stdout) as { actions: { action: string; name: string }[] }).actions.filter((a) => a.action !== 'noop');
    expect(recreate.map((a) => `${a.action} ${a.name}`)).toEqual([`recreate ${name}-db-1`]);
    const r = up();
    expect(r.code).toBe(0);
    const db = inspect(`${name}-db-1`);
    expect(db.Id).not.toBe(before.db!.Id);
    expect(docker(['logs', `${name}-db-1`])).toBe('db-v2');
    for (const s of ['migrate', 'api', 'web']) {
      const c = inspect(`${name}-${s}-1`);
      expect([c.Id, c.State.StartedAt]).toEqual([before[s]!.Id, before[s]!.State.StartedAt]);
    }
    expect(docker(['exec', `${name}-db-1`, 'cat', '/data/migrations'])).toBe('v1');
    expect(containersOf(name)).toHaveLength(4);
  });

  it('named volume data survives down + up; down -v removes it and leaves nothing behind', () => {
    expect(ncompose(['-p', name, 'down', '-t', '1'], { cwd: dir }).code).toBe(0);
    expect(containersOf(name)).toEqual([]);
    expect(docker(['volume', 'ls', '-q', '--filter', `name=${name}_data`])).toBe(`${name}_data`);
    expect(up().code).toBe(0);
    expect(docker(['exec', `${name}-db-1`, 'cat', '/data/migrations'])).toBe('v1\nv1');
    const r = ncompose(['-p', name, 'down', '-v', '-t', '1'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(leftovers(name)).toEqual([]);
  });
});

function execCompose(args: string[]): string {
  return execFileSync('docker-compose', args, { cwd: dir, encoding: 'utf8' }).trim();
}
