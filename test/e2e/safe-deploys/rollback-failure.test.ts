// A rollback that fails restores the state before it; a failed `up` records no revision.
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupProject, IDLE, ncompose, tempProject, TEST_IMAGE } from '../helpers.js';
import { containersOf, freePort, inspect } from '../executor/stack.js';
import { LOCK_IMAGE, imageExists, lockContainers, removeLockImageIfOurs } from './support.js';

let dir: string;
let name: string;
let port: number;
let lockImageExisted: boolean;
let squatter: Server | undefined;

function writeCompose(release: string, withPort: boolean, image = TEST_IMAGE): void {
  writeFileSync(path.join(dir, 'compose.yaml'), `
services:
  api:
    image: ${image}
    pull_policy: never
    command: ${JSON.stringify(IDLE)}
    environment: { RELEASE: "${release}" }
    ${withPort ? `ports: ["127.0.0.1:${port}:80"]` : ''}
    stop_grace_period: 1s
`);
}

const run = (...args: string[]) => ncompose(['-p', name, ...args], { cwd: dir });
const revisions = () => (JSON.parse(run('history', '--format', 'json').stdout) as { number: number }[]).map((r) => r.number);
const apiEnv = () => inspect(`${name}-api-1`).Config.Env.find((e) => e.startsWith('RELEASE='));

describe('rollback failure', () => {
  beforeAll(async () => {
    lockImageExisted = imageExists(LOCK_IMAGE);
    port = await freePort();
    ({ dir, name } = tempProject({}));
  });
  afterAll(async () => {
    await new Promise((r) => (squatter ? squatter.close(r) : r(undefined)));
    cleanupProject(name, dir);
    removeLockImageIfOurs(lockImageExisted);
  });

  it('a failed up records no revision', () => {
    writeCompose('1', true);
    expect(run('up', '-d').code).toBe(0);
    writeCompose('2', false);
    expect(run('up', '-d').code).toBe(0);
    writeCompose('3', false, 'ncompose-e2e/does-not-exist:never');
    expect(run('up', '-d').code).toBe(1);
    expect(revisions()).toEqual([1, 2]);
  });

  it('restores the revision it started from when applying the target fails', async () => {
    writeCompose('2', false);
    expect(run('up', '-d').code).toBe(0);
    expect(apiEnv()).toBe('RELEASE=2');
    // Revision 1 published a port that something else holds now: its container cannot start.
    squatter = createServer();
    await new Promise<void>((r) => squatter!.listen(port, '127.0.0.1', () => r()));
    const r = run('rollback', '--to', '1', '--yes', '--progress', 'plain');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('rollback to revision 1 failed: restoring revision 2');
    expect(r.stderr).toMatch(/rollback to revision 1 failed; restored revision 2/);
    expect(containersOf(name)).toEqual([`${name}-api-1`]);
    expect(inspect(`${name}-api-1`).State.Status).toBe('running');
    expect(apiEnv()).toBe('RELEASE=2');
    expect(revisions()).toEqual([1, 2]);
    expect(lockContainers(name)).toEqual([]);
  });
});
