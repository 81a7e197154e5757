// Bad input on a real engine: each failure is one clear line naming the service, a non-zero exit,
// the rest of the stack still comes up, a second `up` after the fix converges, nothing is left behind.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ncompose, trackedProjects, TEST_IMAGE, type RunResult } from '../helpers.js';
import { containersOf, freePort, idle, inspect, leftovers } from './stack.js';

const newProject = trackedProjects();

function project(compose: string) {
  const p = newProject({ 'compose.yaml': compose });
  return {
    ...p,
    up: (env?: Record<string, string>) => ncompose(['-p', p.name, 'up', '-d', '--wait', '--progress', 'plain', '-t', '1'], { cwd: p.dir, env }),
    /** Without the safe-deploy rollback: what the executor alone does with a failed node. */
    upNoRollback: () => ncompose(['-p', p.name, 'up', '-d', '--wait', '--no-rollback', '--progress', 'plain', '-t', '1'], { cwd: p.dir }),
    rewrite: (text: string) => writeFileSync(path.join(p.dir, 'compose.yaml'), text),
    down: () => ncompose(['-p', p.name, 'down', '-v', '-t', '1'], { cwd: p.dir }),
  };
}

function running(name: string): string[] {
  return containersOf(name).filter((c) => inspect(c).State.Status === 'running');
}

const service = (name: string, extra = '') => `  ${name}:\n    image: ${TEST_IMAGE}\n    command: ${idle}\n    stop_grace_period: 1s\n${extra}`;

describe('failures on the engine', () => {
  it('an image that does not exist with pull_policy: never', () => {
    const bad = `services:\n${service('app').replace(TEST_IMAGE, 'ncompose-test/absent:1')}    pull_policy: never\n${service('other')}`;
    const p = project(bad);
    const r = p.upNoRollback();
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/error: service app: image ncompose-test\/absent:1 is not present/);
    expect(running(p.name)).toEqual([`${p.name}-other-1`]);
    p.rewrite(`services:\n${service('app')}    pull_policy: never\n${service('other')}`);
    expect(p.up().code).toBe(0);
    expect(running(p.name)).toEqual([`${p.name}-app-1`, `${p.name}-other-1`]);
    expect(p.down().code).toBe(0);
    expect(leftovers(p.name)).toEqual([]);
  });

  it('a host port already taken', async () => {
    const port = await freePort();
    const holder = net.createServer().listen(port, '127.0.0.1');
    await new Promise((r) => holder.once('listening', r));
    const p = project(`services:\n${service('web', `    ports: ["127.0.0.1:${port}:80"]\n`)}${service('other')}`);
    try {
      const r = await runAsync(['-p', p.name, 'up', '-d', '--progress', 'plain', '-t', '1'], p.dir);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(new RegExp(`error: service web: host port 127\\.0\\.0\\.1:${port} is already in use`));
    } finally {
      await new Promise((r) => holder.close(r));
    }
    expect(p.up().code).toBe(0);
    expect(running(p.name)).toEqual([`${p.name}-other-1`, `${p.name}-web-1`]);
    expect(p.down().code).toBe(0);
    expect(leftovers(p.name)).toEqual([]);
  });

  it('a dependency that exits 1 fails its dependents, not the rest', () => {
    const stack = (code: number) => `services:
  migrate:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "exit ${code}"]
${service('api', '    depends_on:\n      migrate: { condition: service_completed_successfully }\n')}${service('web', '    depends_on: [api]\n')}${service('other')}`;
    const p = project(stack(1));
    const r = p.upNoRollback();
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/error: service api: dependency migrate exited with code 1/);
    expect(r.stderr).toMatch(/web-1 not started: service api failed/);
    expect(running(p.name)).toEqual([`${p.name}-other-1`]);
    p.rewrite(stack(0));
    expect(p.up().code).toBe(0);
    expect(running(p.name)).toEqual([`${p.name}-api-1`, `${p.name}-other-1`, `${p.name}-web-1`]);
    expect(p.down().code).toBe(0);
    expect(leftovers(p.name)).toEqual([]);
  });

  it('a healthcheck that never passes', () => {
    const stack = (probe: string) => `services:
${service('db', `    healthcheck: { test: ["CMD-SHELL", "${probe}"], interval: 100ms, timeout: 1s, retries: 3 }\n`)}${service('api', '    depends_on:\n      db: { condition: service_healthy }\n')}`;
    const p = project(stack('exit 1'));
    const t0 = Date.now();
    const r = p.up();
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/error: service api: dependency db is unhealthy \(last probe: exit 1\)/);
    expect(Date.now() - t0).toBeLessThan(20_000);
    p.rewrite(stack('exit 0'));
    expect(p.up().code).toBe(0);
    expect(running(p.name)).toEqual([`${p.name}-api-1`, `${p.name}-db-1`]);
    expect(p.down().code).toBe(0);
    expect(leftovers(p.name)).toEqual([]);
  });

  it('an engine that disappears mid-up', async () => {
    const p = project(`services:\n${service('a')}${service('b', '    depends_on: [a]\n')}${service('c', '    depends_on: [b]\n')}`);
    const sock = path.join(tmpdir(), `ncompose-proxy-${process.pid}-${Date.now()}.sock`);
    // A socket proxy to the real engine that vanishes at the first container start.
    const conns = new Set<net.Socket>();
    const proxy = net.createServer((client) => {
      const upstream = net.connect('/var/run/docker.sock');
      conns.add(client).add(upstream);
      client.on('data', (chunk) => {
        if (/^POST \S*\/containers\/\S+\/start/m.test(chunk.toString('latin1'))) {
          for (const s of conns) s.destroy();
          proxy.close();
          return;
        }
        upstream.write(chunk);
      });
      upstream.pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((r) => proxy.listen(sock, r));
    const r = await runAsync(['-p', p.name, 'up', '-d', '--progress', 'plain'], p.dir, { DOCKER_HOST: `unix://${sock}` });
    proxy.close();
    expect(r.code).not.toBe(0);
    // Creates run ahead of starts, so the first call to die may be any service's.
    expect(r.stderr).toMatch(/error: service [abc]: cannot connect to the Docker Engine at unix:\/\/\S+ \(\w+\)/);
    expect(p.up().code).toBe(0);
    expect(running(p.name)).toEqual(['a', 'b', 'c'].map((s) => `${p.name}-${s}-1`));
    expect(p.down().code).toBe(0);
    expect(leftovers(p.name)).toEqual([]);
  });
});

/** The CLI in a child process without blocking this one (the test serves sockets meanwhile). */
function runAsync(args: string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--", BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
