// --scale, --remove-orphans, --no-deps, down --dry-run, ps/logs/stop/start/restart/rm/exec on the real engine.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupProject, docker, ncompose, tempProject, TEST_IMAGE } from '../helpers.js';
import { containersOf, idle, inspect, leftovers } from './stack.js';

let dir: string;
let name: string;
const run = (...args: string[]) => ncompose(['-p', name, ...args], { cwd: dir });

const compose = (services: string[]) =>
  'services:\n' +
  services
    .map((s) => `  ${s}:\n    image: ${TEST_IMAGE}\n    command: ["sh", "-c", "echo hello from ${s}; echo oops >&2; trap 'exit 0' TERM; sleep 3600 & wait"]\n    stop_grace_period: 1s\n`)
    .join('');

describe('scale, orphans and the small commands', () => {
  beforeAll(() => {
    ({ dir, name } = tempProject({ 'compose.yaml': compose(['web', 'worker']) }));
  });
  afterAll(() => cleanupProject(name, dir));

  it('--scale adds and removes replicas, keeping the lowest numbers', () => {
    expect(run('up', '-d', '--progress', 'quiet').code).toBe(0);
    const web1 = inspect(`${name}-web-1`).Id;
    expect(run('up', '-d', '--scale', 'web=3', '--progress', 'quiet').code).toBe(0);
    expect(containersOf(name)).toEqual([1, 2, 3].map((n) => `${name}-web-${n}`).concat(`${name}-worker-1`));
    expect(inspect(`${name}-web-1`).Id).toBe(web1);
    expect(inspect(`${name}-web-3`).Config.Labels['com.docker.compose.container-number']).toBe('3');
    expect(run('up', '-d', '--scale', 'web=1', '--progress', 'quiet').code).toBe(0);
    expect(containersOf(name)).toEqual([`${name}-web-1`, `${name}-worker-1`]);
    expect(inspect(`${name}-web-1`).Id).toBe(web1);
  });

  it('ps lists them as a table, JSON, ids and services', () => {
    const table = run('ps').stdout;
    expect(table.split('\n')[0]).toMatch(/^NAME\s+IMAGE\s+SERVICE\s+STATUS\s+PORTS$/);
    expect(table).toContain(`${name}-worker-1`);
    const json = JSON.parse(run('ps', '--format', 'json').stdout) as { Name: string; Service: string; State: string }[];
    expect(json.map((c) => [c.Name, c.Service, c.State])).toEqual([[`${name}-web-1`, 'web', 'running'], [`${name}-worker-1`, 'worker', 'running']]);
    expect(run('ps', '-q').stdout.trim().split('\n')).toHaveLength(2);
    expect(run('ps', '--services').stdout).toBe('web\nworker\n');
  });

  it('logs: prefixed, stdout and stderr apart, --tail, -t', () => {
    const r = run('logs', 'web');
    expect(r.stdout).toBe('web-1 | hello from web\n');
    expect(r.stderr).toBe('web-1 | oops\n');
    const t = run('logs', '--tail', '1', '-t', '--no-log-prefix', 'worker');
    // The engine copies stdout and stderr on separate pipes, so which of the two lines is last can vary.
    expect(t.stdout + t.stderr).toMatch(/^\d{4}-\d\d-\d\dT\S+Z (oops|hello from worker)\n$/);
  });

  it('exec runs in the container and returns its exit code', () => {
    const r = run('exec', '-T', 'web', 'sh', '-c', 'echo in $(hostname); exit 3');
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^in \w+/);
  });

  it('stop, start, restart, rm', () => {
    expect(run('stop', '-t', '1', 'worker', '--progress', 'quiet').code).toBe(0);
    expect(inspect(`${name}-worker-1`).State.Status).toBe('exited');
    expect(run('start', 'worker', '--progress', 'quiet').code).toBe(0);
    expect(inspect(`${name}-worker-1`).State.Status).toBe('running');
    const before = inspect(`${name}-worker-1`).State.StartedAt;
    expect(run('restart', '-t', '1', 'worker', '--progress', 'quiet').code).toBe(0);
    expect(inspect(`${name}-worker-1`).State.StartedAt).not.toBe(before);
    expect(run('stop', '-t', '1', 'worker', '--progress', 'quiet').code).toBe(0);
    // Without a terminal there is nobody to answer the question: refused, nothing removed.
    const asked = run('rm', 'worker', '--progress', 'quiet');
    expect(asked.code).toBe(1);
    expect(asked.stderr).toMatch(/Going to remove \S+-worker-1\n[^]*pass -f/);
    expect(containersOf(name)).toEqual([`${name}-web-1`, `${name}-worker-1`]);
    // A running container stays without -s, as in compose.
    expect(run('rm', '-f', 'web', '--progress', 'quiet').stderr).toMatch(/No stopped containers/);
    expect(run('rm', '-f', 'worker', '--progress', 'quiet').code).toBe(0);
    expect(containersOf(name)).toEqual([`${name}-web-1`]);
  });

  it('--remove-orphans removes containers of services no longer in the file; without it they stay', () => {
    expect(run('up', '-d', '--progress', 'quiet').code).toBe(0);
    writeFileSync(path.join(dir, 'compose.yaml'), compose(['web']));
    const kept = run('up', '-d', '--progress', 'quiet');
    expect(kept.code).toBe(0);
    expect(kept.stderr).toMatch(/orphan/i);
    expect(containersOf(name)).toEqual([`${name}-web-1`, `${name}-worker-1`]);
    expect(run('up', '-d', '--remove-orphans', '--progress', 'quiet').code).toBe(0);
    expect(containersOf(name)).toEqual([`${name}-web-1`]);
  });

  it('down --dry-run prints the down plan and changes nothing; down removes everything', () => {
    const dry = run('down', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`- remove container ${name}-web-1`);
    expect(dry.stdout).toContain(`- remove network ${name}_default`);
    expect(containersOf(name)).toEqual([`${name}-web-1`]);
    expect(run('down', '-t', '1', '--progress', 'json').code).toBe(0);
    expect(leftovers(name)).toEqual([]);
    expect(docker(['network', 'ls', '-q', '--filter', `name=${name}_default`])).toBe('');
  });
});

void idle;
