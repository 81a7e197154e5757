/**
 * `ncompose plan` against the real engine: containers made with plain `docker run` and the
 * compose labels are read right; --detailed-exitcode is 0 when converged and 2 when not.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configHash, hashableService, stableStringify } from '../../src/model/config-hash.js';
import { loadProject } from '../../src/parser/load.js';
import { IDLE, TEST_IMAGE, cleanupProject, docker, ncompose, tempProject } from './helpers.js';

const compose = (release: string, appImage = TEST_IMAGE) => `services:
  db:
    image: ${TEST_IMAGE}
    command: ${JSON.stringify(IDLE)}
    environment:
      RELEASE: v1
  app:
    image: ${appImage}
    command: ${JSON.stringify(IDLE)}
    depends_on: [db]
    environment:
      RELEASE: ${release}
      DB_PASSWORD: s3cret-${release}
`;

const { dir, name } = tempProject({ 'compose.yaml': compose('v1') }, 'ncplan');
const file = path.join(dir, 'compose.yaml');
const movable = `ncompose-test/plan-moved:${name}`;
const ids: Record<string, string> = {};

/** The labels ncompose (and docker compose) put on a container of `service`. */
function labelsFor(service: string, number = 1): string[] {
  const loaded = loadProject({ files: [file], projectName: name, cwd: dir, env: process.env });
  const svc = loaded.project!.services[service];
  const labels: Record<string, string> = {
    'com.docker.compose.project': name,
    'com.docker.compose.service': service,
    'com.docker.compose.container-number': String(number),
    'com.docker.compose.oneoff': 'False',
    'com.docker.compose.config-hash': configHash(svc),
    'ncompose.service-config': stableStringify(hashableService(svc)),
  };
  return Object.entries(labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]);
}

function run(service: string, image = TEST_IMAGE, extra: string[] = []): string {
  return docker(['run', '-d', '--name', `${name}-${service}-1`, '--network', `${name}_default`, ...labelsFor(service), ...extra, image, ...IDLE]);
}

const plan = (...args: string[]) => ncompose(['plan', '-f', file, '-p', name, ...args], { cwd: dir });
const planJson = (...args: string[]) => JSON.parse(plan('--format', 'json', ...args).stdout) as { actions: { id: string; action: string; cause: string; existingId?: string; name: string; changes: { path: string; before: unknown; after: unknown }[] }[] };

beforeAll(() => {
  // A second tag of the test image, moved later to a different image id.
  docker(['tag', TEST_IMAGE, movable]);
});

afterAll(() => {
  cleanupProject(name, dir);
  try {
    docker(['rmi', '-f', movable]);
  } catch {
    /* already gone */
  }
});

describe('plan on a real engine', () => {
  it('plans everything when the engine holds nothing of the project (exit 2)', () => {
    const r = plan('--detailed-exitcode');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toContain(`+ create network ${name}_default`);
    expect(r.stdout).toContain(`+ create container ${name}-db-1`);
    expect(r.stdout).toContain('Plan: 3 to create, 0 to recreate, 0 to remove.');
    expect(r.stdout).not.toContain('pull'); // the image is present
  });

  it('reads containers made by docker run with the compose labels: converged, exit 0', () => {
    docker(['network', 'create', '--label', `com.docker.compose.project=${name}`, '--label', 'com.docker.compose.network=default', `${name}_default`]);
    ids.db = run('db');
    ids.app = run('app');
    const r = plan('--detailed-exitcode');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('No changes');
    const p = planJson();
    expect(p.actions.map((a) => [a.id, a.action, a.existingId])).toEqual([
      ['container:db-1', 'noop', ids.db],
      ['container:app-1', 'noop', ids.app],
    ]);
  });

  it('a stopped container is to be started (exit 2)', () => {
    docker(['stop', '-t', '1', `${name}-db-1`]);
    const r = plan('--detailed-exitcode');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`> start container ${name}-db-1`);
    docker(['start', `${name}-db-1`]);
    expect(plan('--detailed-exitcode').code).toBe(0);
  });

  it('one changed field recreates that service alone, naming the field; secrets stay masked', () => {
    writeFileSync(file, compose('v2'));
    const r = plan('--detailed-exitcode');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`~ recreate container ${name}-app-1`);
    expect(r.stdout).toContain('environment.RELEASE: v1 → v2');
    expect(r.stdout).toContain('environment.DB_PASSWORD: ******** → ********');
    expect(r.stdout + plan('--format', 'json').stdout).not.toContain('s3cret');
    expect(r.stdout).toContain('Plan: 0 to create, 1 to recreate, 0 to remove.');
    const app = planJson().actions.find((a) => a.id === 'container:app-1')!;
    expect(app).toMatchObject({ action: 'recreate', cause: 'config_changed', existingId: ids.app });
    expect(app.changes).toEqual([
      { path: 'environment.DB_PASSWORD', before: '********', after: '********' },
      { path: 'environment.RELEASE', before: 'v1', after: 'v2' },
    ]);
    expect(planJson().actions.find((a) => a.id === 'container:db-1')!.action).toBe('noop');
    writeFileSync(file, compose('v1'));
  });

  it('an image that moved under its tag recreates with image_changed', () => {
    writeFileSync(file, compose('v1', movable));
    docker(['rm', '-f', `${name}-app-1`]);
    ids.app = run('app', movable);
    expect(plan('--detailed-exitcode').code).toBe(0);
    execFileSync('docker', ['build', '-q', '-t', movable, '-'], { input: `FROM ${TEST_IMAGE}\nLABEL ncompose.test.moved=${name}\n`, stdio: ['pipe', 'pipe', 'pipe'] });
    const app = planJson().actions.find((a) => a.id === 'container:app-1')!;
    expect(app).toMatchObject({ action: 'recreate', cause: 'image_changed' });
    expect(app.changes[0].path).toBe('image_id');
  });

  it('orphans: a warning, removed only with --remove-orphans', () => {
    docker(['run', '-d', '--name', `${name}-old-1`, '--label', `com.docker.compose.project=${name}`, '--label', 'com.docker.compose.service=old', '--label', 'com.docker.compose.container-number=1', TEST_IMAGE, ...IDLE]);
    const warned = plan();
    expect(warned.stderr).toContain(`${name}-old-1`);
    expect(warned.stdout).not.toContain('- remove');
    expect(plan('--remove-orphans').stdout).toContain(`- remove container ${name}-old-1`);
  });

  it('a missing external network stops the plan with exit 1', () => {
    writeFileSync(file, `services:\n  x:\n    image: ${TEST_IMAGE}\n    networks: [edge]\nnetworks:\n  edge:\n    external: true\n    name: ${name}-nonexistent\n`);
    const r = plan('--detailed-exitcode');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('external_network_missing');
  });
});
