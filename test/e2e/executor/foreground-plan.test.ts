// Foreground up (log attach, --abort-on-container-exit, --exit-code-from) and up --plan (a saved
// plan applies only to the engine state it was made against).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docker, ncompose, trackedProjects, TEST_IMAGE } from '../helpers.js';
import { containersOf, idle, inspect, leftovers } from './stack.js';

const newProject = trackedProjects();

function project(compose: string) {
  const p = newProject({ 'compose.yaml': compose });
  return p;
}

describe('foreground up', () => {
  it('attaches the logs, stops everything when one container exits, returns its exit code', () => {
    const p = project(`services:
  job:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "sleep 0.5; echo job done; exit 3"]
  server:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "echo serving; trap 'exit 0' TERM; sleep 3600 & wait"]
    stop_grace_period: 1s
`);
    const r = ncompose(['-p', p.name, 'up', '--exit-code-from', 'job', '--progress', 'quiet'], { cwd: p.dir });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^job-1 +\| job done$/m);
    expect(r.stdout).toMatch(/^server-1 +\| serving$/m);
    expect(r.stderr).toMatch(/job-1 exited with code 3/);
    expect(containersOf(p.name).map((c) => inspect(c).State.Status)).toEqual(['exited', 'exited']);
  });
});

describe('up --plan', () => {
  it('applies a saved plan, and refuses it once the engine state has changed', () => {
    const p = project(`services:\n  app:\n    image: ${TEST_IMAGE}\n    command: ${idle}\n    stop_grace_period: 1s\n`);
    const file = path.join(p.dir, 'plan.json');
    expect(ncompose(['-p', p.name, 'plan', '-o', file], { cwd: p.dir }).code).toBe(0);
    const applied = ncompose(['-p', p.name, 'up', '-d', '--plan', file, '--progress', 'quiet'], { cwd: p.dir });
    expect(applied.code).toBe(0);
    expect(containersOf(p.name)).toEqual([`${p.name}-app-1`]);
    // The same plan again: the engine now holds the container it created, so the plan is stale.
    const stale = ncompose(['-p', p.name, 'up', '-d', '--plan', file, '--progress', 'quiet'], { cwd: p.dir });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/plan .*plan\.json is stale/);
    expect(containersOf(p.name)).toEqual([`${p.name}-app-1`]);
    docker(['stop', '-t', '1', `${p.name}-app-1`]);
    expect(ncompose(['-p', p.name, 'plan', '-o', file], { cwd: p.dir }).code).toBe(0);
    expect(ncompose(['-p', p.name, 'up', '-d', '--plan', file, '--progress', 'quiet'], { cwd: p.dir }).code).toBe(0);
    expect(inspect(`${p.name}-app-1`).State.Status).toBe('running');
    expect(ncompose(['-p', p.name, 'down', '-t', '1'], { cwd: p.dir }).code).toBe(0);
    expect(leftovers(p.name)).toEqual([]);
  });
});
