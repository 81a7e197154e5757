// Revisions, history and rollback on the real engine: the previous revision, --to N, a tag moved
// between deploys (rolled back to the old image id), confirmation, --dry-run, down -v.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupProject, docker, IDLE, ncompose, tempProject, TEST_IMAGE } from '../helpers.js';
import { inspect } from '../executor/stack.js';
import { LOCK_IMAGE, buildRelease, imageExists, lockContainers, removeLockImageIfOurs, revisionVolumes } from './support.js';

let dir: string;
let name: string;
let lockImageExisted: boolean;
let v1: string;
let v2: string;
let repo: string;

const run = (...args: string[]) => ncompose(['-p', name, ...args], { cwd: dir });
const up = () => run('up', '-d', '--progress', 'plain');

function writeCompose(release: string, tag = 'live'): void {
  writeFileSync(path.join(dir, 'compose.yaml'), `
services:
  api:
    image: ${repo}:${tag}
    command: ${JSON.stringify(IDLE)}
    environment: { RELEASE: "${release}" }
    stop_grace_period: 1s
  db:
    image: ${TEST_IMAGE}
    command: ${JSON.stringify(IDLE)}
    volumes: [data:/data]
    stop_grace_period: 1s
volumes:
  data: {}
`);
}

const apiEnv = () => inspect(`${name}-api-1`).Config.Env.find((e) => e.startsWith('RELEASE='));
const apiImage = () => docker(['inspect', '--format', '{{.Image}}', `${name}-api-1`]);
const apiFile = () => docker(['exec', `${name}-api-1`, 'cat', '/release']);
const history = () => JSON.parse(run('history', '--format', 'json').stdout) as { number: number; kind: string; rollbackTo?: number; changed: string[]; command: string; images: Record<string, string> }[];

describe('revisions, history and rollback', () => {
  beforeAll(() => {
    lockImageExisted = imageExists(LOCK_IMAGE);
    ({ dir, name } = tempProject({}));
    repo = `ncompose-e2e/${name}`;
    v1 = buildRelease(`${repo}:v1`, '1');
    v2 = buildRelease(`${repo}:v2`, '2');
    docker(['tag', `${repo}:v1`, `${repo}:live`]);
  });
  afterAll(() => {
    cleanupProject(name, dir);
    for (const t of ['v1', 'v2', 'live']) docker(['rmi', '-f', `${repo}:${t}`]);
    removeLockImageIfOurs(lockImageExisted);
  });

  it('records a revision per changing up, and history lists them', () => {
    writeCompose('1');
    expect(up().code).toBe(0);
    expect(up().code).toBe(0); // nothing changed: no new revision
    writeCompose('2');
    expect(up().code).toBe(0);
    const h = history();
    expect(h.map((r) => [r.number, r.kind, r.changed])).toEqual([[1, 'up', ['api', 'db']], [2, 'up', ['api']]]);
    expect(h[1].command).toContain('up -d');
    expect(h[1].images).toEqual({ api: v1, db: docker(['image', 'inspect', '--format', '{{.Id}}', TEST_IMAGE]) });
    const table = run('history').stdout;
    expect(table).toMatch(/^REV\s+TIME\s+SERVICES CHANGED\s+COMMAND/);
    expect(table).toMatch(/^2 \*\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+api\s+ncompose -p \S+ up -d/m);
    expect(revisionVolumes(name)).toEqual([`${name}_ncompose-rev-1`, `${name}_ncompose-rev-2`]);
    expect(lockContainers(name)).toEqual([]);
  });

  it('--dry-run shows the field diff and changes nothing', () => {
    const before = inspect(`${name}-api-1`).Id;
    const r = run('rollback', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('revision 2 (current) → revision 1');
    expect(r.stdout).toMatch(/~ recreate container \S+-api-1 .*\n\s+environment\.RELEASE: 2 → 1/);
    expect(inspect(`${name}-api-1`).Id).toBe(before);
  });

  it('refuses without --yes when there is no terminal to ask', () => {
    const before = inspect(`${name}-api-1`).Id;
    const r = run('rollback');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--yes/);
    expect(inspect(`${name}-api-1`).Id).toBe(before);
    expect(history()).toHaveLength(2);
  });

  it('returns to the previous revision, recreating only what differs, and records it', () => {
    const db = inspect(`${name}-db-1`).Id;
    const r = run('rollback', '--yes', '--progress', 'plain');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('rolled back project');
    expect(apiEnv()).toBe('RELEASE=1');
    expect(inspect(`${name}-db-1`).Id).toBe(db);
    expect(history().at(-1)).toMatchObject({ number: 3, kind: 'rollback', rollbackTo: 1 });
  });

  it('--to N returns to that revision', () => {
    const r = run('rollback', '--to', '2', '--yes');
    expect(r.code).toBe(0);
    expect(apiEnv()).toBe('RELEASE=2');
    expect(history().at(-1)).toMatchObject({ number: 4, kind: 'rollback', rollbackTo: 2 });
    expect(run('rollback', '--to', '99', '--yes').code).toBe(1);
  });

  it('rolls back to the old image id even after its tag moved to another image', () => {
    expect(apiImage()).toBe(v1);
    const before = history().at(-1)!.number;
    docker(['tag', `${repo}:v2`, `${repo}:live`]); // the new release, under the same tag
    expect(up().code).toBe(0);
    expect(apiImage()).toBe(v2);
    expect(apiFile()).toBe('2');
    const plan = run('rollback', '--dry-run').stdout;
    expect(plan).toContain(`api: image pinned to ${v1}`);
    expect(run('rollback', '--yes').code).toBe(0);
    expect(apiImage()).toBe(v1);
    expect(apiFile()).toBe('1');
    expect(docker(['image', 'inspect', '--format', '{{.Id}}', `${repo}:live`])).toBe(v2);
    expect(history().at(-1)).toMatchObject({ number: before + 2, rollbackTo: before });
  });

  it('works without a compose file when the project is named (-p)', () => {
    const r = ncompose(['-p', name, 'history', '--format', 'json'], { cwd: '/' });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBeGreaterThan(3);
  });

  it('down keeps the history, down -v removes it with the data', () => {
    expect(run('down').code).toBe(0);
    expect(revisionVolumes(name).length).toBeGreaterThan(3);
    expect(run('up', '-d').code).toBe(0);
    expect(run('down', '-v').code).toBe(0);
    expect(revisionVolumes(name)).toEqual([]);
    expect(lockContainers(name)).toEqual([]);
  });
});
