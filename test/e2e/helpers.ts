/** Shared helpers for end-to-end tests: run the real CLI, make temp projects, clean up by label. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** NCOMPOSE_BIN runs another build of the CLI (a private build while others rebuild dist/). */
export const BIN = process.env.NCOMPOSE_BIN ?? path.join(ROOT, 'bin/ncompose.js');
export const TEST_IMAGE = process.env.NCOMPOSE_TEST_IMAGE ?? 'ncompose-test/busybox:latest';
/** A service command that stops at once on SIGTERM (a bare `sleep` as PID 1 would ignore it). */
export const IDLE = ['sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait'];

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function ncompose(args: string[], opts: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}): RunResult {
  const r = spawnSync(process.execPath, ["--", BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
    timeout: opts.timeout ?? 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function docker(args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** A fresh project directory with the given files; the project name is unique per test. */
export function tempProject(files: Record<string, string>, prefix = 'nce2e'): { dir: string; name: string } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix + '-'));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  const name = `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  return { dir, name };
}

/** Remove every container, network and volume carrying the project's label. */
export function cleanupProject(name: string, dir?: string): void {
  const label = `label=com.docker.compose.project=${name}`;
  const ids = (cmd: string[]) => docker(cmd).split('\n').filter(Boolean);
  const containers = ids(['ps', '-aq', '--filter', label]);
  if (containers.length) docker(['rm', '-f', '-v', ...containers]);
  const networks = ids(['network', 'ls', '-q', '--filter', label]);
  if (networks.length) docker(['network', 'rm', ...networks]);
  const volumes = ids(['volume', 'ls', '-q', '--filter', label]);
  if (volumes.length) docker(['volume', 'rm', '-f', ...volumes]);
  // ncompose's own objects carry no compose label: revision volumes (history) and a left-over lock.
  const revisions = ids(['volume', 'ls', '-q', '--filter', `label=ncompose.revision.project=${name}`]);
  if (revisions.length) docker(['volume', 'rm', '-f', ...revisions]);
  const locks = ids(['ps', '-aq', '--filter', `label=ncompose.lock.project=${name}`]);
  if (locks.length) docker(['rm', '-f', ...locks]);
  // Images the project built carry its label, including those a rebuild left untagged.
  const images = [...new Set(ids(['images', '-aq', '--filter', label]))];
  if (images.length) {
    try {
      docker(['rmi', '-f', ...images]);
    } catch {
      // An image another one builds on stays: clean-up must not fail the test that used it.
    }
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** A maker of temp projects whose engine objects and directories are removed after each test of the calling file. */
export function trackedProjects(): (files: Record<string, string>) => { dir: string; name: string } {
  const made: { dir: string; name: string }[] = [];
  afterEach(() => {
    for (const p of made.splice(0)) cleanupProject(p.name, p.dir);
  });
  return (files) => {
    const p = tempProject(files);
    made.push(p);
    return p;
  };
}
