/** Shared by the safe-deploy e2e tests: release images, revision/lock look-ups, async CLI runs. */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, docker, TEST_IMAGE } from '../helpers.js';

export const LOCK_IMAGE = 'ncompose/lock:1';

/** Builds `tag` FROM the test image with /release holding `release` and a matching label; returns its id. */
export function buildRelease(tag: string, release: string): string {
  const ctx = mkdtempSync(path.join(tmpdir(), 'ncrel-'));
  try {
    writeFileSync(path.join(ctx, 'Dockerfile'), `FROM ${TEST_IMAGE}\nLABEL ncompose.test.release=${release}\nRUN echo ${release} > /release\n`);
    execFileSync('docker', ['build', '-q', '-t', tag, ctx], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DOCKER_BUILDKIT: '0' } });
  } finally {
    rmSync(ctx, { recursive: true, force: true });
  }
  return docker(['image', 'inspect', '--format', '{{.Id}}', tag]);
}

export function revisionVolumes(project: string): string[] {
  return docker(['volume', 'ls', '-q', '--filter', `label=ncompose.revision.project=${project}`]).split('\n').filter(Boolean).sort();
}

export function lockContainers(project: string): string[] {
  return docker(['ps', '-aq', '--filter', `label=ncompose.lock.project=${project}`]).split('\n').filter(Boolean);
}

export function imageExists(ref: string): boolean {
  try {
    docker(['image', 'inspect', ref]);
    return true;
  } catch {
    return false;
  }
}

/** Remove the lock image only if this test file created it, and only when no lock uses it. */
export function removeLockImageIfOurs(existedBefore: boolean): void {
  if (existedBefore) return;
  try {
    docker(['rmi', LOCK_IMAGE]);
  } catch {
    // another ncompose holds a lock on this engine right now: it stays
  }
}

export interface Running {
  pid: number;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
}

/** Starts the CLI without waiting for it. */
export function startNcompose(args: string[], cwd: string, env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { pid: child.pid!, done, kill: (s) => child.kill(s) };
}

export async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
