// The project lock on the real engine: two `up`s at once serialize (the later one wins, nothing
// half-made), --lock-timeout 0 names the holder, and a lock left by `kill -9` is taken over.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupProject, docker, IDLE, ncompose, tempProject, TEST_IMAGE } from '../helpers.js';
import { containersOf, inspect } from '../executor/stack.js';
import { LOCK_IMAGE, imageExists, lockContainers, removeLockImageIfOurs, startNcompose, until } from './support.js';

let dir: string;
let name: string;
let lockImageExisted: boolean;

/** api becomes healthy ~1.5 s after it starts: an `up --wait` holds the lock at least that long. */
function compose(release: string): string {
  return `
services:
  api:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 1.5; touch /ready; sleep 3600 & wait"]
    environment: { RELEASE: "${release}" }
    healthcheck: { test: ["CMD-SHELL", "test -f /ready"], interval: 200ms, timeout: 1s, retries: 50 }
    volumes: [data:/data]
    stop_grace_period: 1s
  side:
    image: ${TEST_IMAGE}
    command: ${JSON.stringify(IDLE)}
    environment: { RELEASE: "${release}" }
    stop_grace_period: 1s
volumes:
  data: {}
`;
}

const env = (c: string) => inspect(c).Config.Env.find((e) => e.startsWith('RELEASE='));
const upArgs = (file: string, ...extra: string[]) => ['-p', name, '-f', file, 'up', '-d', '--wait', '--progress', 'plain', ...extra];

describe('project lock', () => {
  beforeAll(() => {
    lockImageExisted = imageExists(LOCK_IMAGE);
    ({ dir, name } = tempProject({}));
    for (const r of ['1', '2', '3', '4']) writeFileSync(path.join(dir, `c${r}.yaml`), compose(r));
  });
  afterAll(() => {
    cleanupProject(name, dir);
    removeLockImageIfOurs(lockImageExisted);
  });

  it('two ups started at once serialize: the later one waits, then wins; nothing half-made', async () => {
    const first = startNcompose(upArgs('c1.yaml'), dir);
    await until('the first up to hold the lock', () => lockContainers(name).length === 1);
    const second = startNcompose(upArgs('c2.yaml'), dir);
    const [a, b] = await Promise.all([first.done, second.done]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toMatch(new RegExp(`waiting for project ${name}: locked by \`ncompose -p ${name} -f c1.yaml up`));
    expect(containersOf(name)).toEqual([`${name}-api-1`, `${name}-side-1`]);
    expect(env(`${name}-api-1`)).toBe('RELEASE=2');
    expect(env(`${name}-side-1`)).toBe('RELEASE=2');
    expect(inspect(`${name}-api-1`).State.Health?.Status).toBe('healthy');
    expect(lockContainers(name)).toEqual([]);
  });

  it('--lock-timeout 0 fails at once, naming the holder and since when', async () => {
    const holder = startNcompose(upArgs('c3.yaml'), dir);
    await until('the up to hold the lock', () => lockContainers(name).length === 1);
    const r = ncompose(['-p', name, '-f', 'c1.yaml', 'down', '--lock-timeout', '0'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`project ${name} is locked by \`ncompose -p ${name} -f c3.yaml up[^\`]*\` \\(pid ${holder.pid} on \\S+\\) since \\d{4}-\\d\\d-\\d\\dT`));
    expect((await holder.done).code).toBe(0);
    expect(env(`${name}-api-1`)).toBe('RELEASE=3');
  });

  it('a lock left by kill -9 mid-up is taken over, and the next up converges', async () => {
    const victim = startNcompose(upArgs('c4.yaml'), dir);
    await until('the up to hold the lock', () => lockContainers(name).length === 1);
    await new Promise((r) => setTimeout(r, 300));
    victim.kill('SIGKILL');
    expect((await victim.done).signal).toBe('SIGKILL');
    expect(lockContainers(name)).toHaveLength(1);
    const r = ncompose(upArgs('c4.yaml', '--lock-timeout', '10'), { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`took over the lock of project ${name} left by .*pid ${victim.pid}`));
    expect(containersOf(name)).toEqual([`${name}-api-1`, `${name}-side-1`]);
    expect(env(`${name}-api-1`)).toBe('RELEASE=4');
    expect(lockContainers(name)).toEqual([]);
    const again = ncompose(['-p', name, '-f', 'c4.yaml', 'plan', '--detailed-exitcode'], { cwd: dir });
    expect(again.code, again.stdout).toBe(0);
  });

  it('a lock left by kill -9 after the project converged is cleared by the next up, which changes nothing', async () => {
    const gone = spawnSync('true').pid;
    docker(['create', '--name', `ncompose-lock-${name}`, '--network', 'none',
      ...['project', name, 'host', hostname(), 'pid', String(gone), 'command', 'ncompose up -d'].flatMap((v, i, a) => (i % 2 ? [] : ['--label', `ncompose.lock.${v}=${a[i + 1]}`])),
      LOCK_IMAGE, 'ncompose-lock']);
    const ids = () => docker(['ps', '-q', '--filter', `label=com.docker.compose.project=${name}`]).split('\n').sort();
    const before = ids();
    const r = ncompose(upArgs('c4.yaml', '--lock-timeout', '10'), { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`took over the lock of project ${name} left by .*pid ${gone}`));
    expect(lockContainers(name)).toEqual([]);
    expect(ids()).toEqual(before);
  });

  it('the lock container is invisible to the project: not in ps, not an orphan', async () => {
    const holder = startNcompose(upArgs('c4.yaml', '--force-recreate'), dir);
    await until('the up to hold the lock', () => lockContainers(name).length === 1);
    const ps = docker(['ps', '-a', '--filter', `label=com.docker.compose.project=${name}`, '--format', '{{.Names}}']);
    expect(ps).not.toContain('ncompose-lock');
    expect((await holder.done).code).toBe(0);
  });
});
