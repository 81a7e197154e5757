/**
 * The project lock: one mutating command (up, down, rollback) per project at a time, across
 * processes and across every client of the same engine. The lock is a never-started container
 * named `ncompose-lock-<project>`: creating a container under a taken name fails with 409
 * atomically, so the create IS the acquire. Its labels say who holds it and since when.
 */
import { NcomposeError } from '../diagnostics.js';
import { EngineError } from '../engine/engine-errors.js';
import type { Engine } from '../engine/engine.js';
import {
  currentHolder,
  describeHolder,
  holderFromLabels,
  holderLabels,
  isHolderDead,
  localHost,
  type HostProbe,
  type LockHolder,
} from './lock-holder.js';

/** An empty image imported once (no pull): a container needs an image to exist, never to run. */
export const LOCK_IMAGE = 'ncompose/lock:1';
export const DEFAULT_LOCK_TIMEOUT_S = 180;
const EMPTY_TAR = Buffer.alloc(1024);

export type LockEngine = Pick<Engine, 'createContainer' | 'listContainers' | 'removeContainer' | 'importImage'>;

export interface LockOptions {
  /** The command line shown to whoever waits, e.g. `ncompose up -d`. */
  command: string;
  /** How long to wait for a live holder; 0 = fail at once. */
  timeoutMs: number;
  pollMs?: number;
  /** Called once when this command starts waiting. */
  onWait?: (holder: LockHolder) => void;
  /** Called when a dead holder's lock is removed. */
  onTakeover?: (holder: LockHolder) => void;
  probe?: HostProbe;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface ProjectLock {
  readonly id: string;
  readonly name: string;
  /** Removes this lock (by its own id: never a lock someone else took since). Idempotent. */
  release(): Promise<void>;
}

export class LockTimeoutError extends NcomposeError {
  constructor(
    readonly project: string,
    readonly holder: LockHolder,
    waitedMs: number,
  ) {
    const waited = waitedMs > 0 ? ` (waited ${Math.round(waitedMs / 1000)}s; see --lock-timeout)` : '';
    super(`project ${project} is locked by ${describeHolder(holder)}${waited}`);
    this.name = 'LockTimeoutError';
  }
}

export function lockName(project: string): string {
  return `ncompose-lock-${project}`;
}

export async function acquireProjectLock(engine: LockEngine, project: string, opts: LockOptions): Promise<ProjectLock> {
  const probe = opts.probe ?? localHost;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const name = lockName(project);
  const start = now();
  let waiting = false;
  for (;;) {
    const id = await tryCreate(engine, name, holderLabels(project, currentHolder(opts.command, probe)));
    if (id) return heldLock(engine, id, name);
    const held = await findLock(engine, name);
    if (!held) continue; // released between our create and our look: try again at once
    const holder = holderFromLabels(held.labels);
    if (isHolderDead(holder, probe)) {
      // Remove that exact container: if someone else took over first, their lock has another id.
      await engine.removeContainer(held.id, { force: true });
      opts.onTakeover?.(holder);
      continue;
    }
    if (now() - start >= opts.timeoutMs) throw new LockTimeoutError(project, holder, now() - start);
    if (!waiting) opts.onWait?.(holder);
    waiting = true;
    await sleep(Math.min(opts.pollMs ?? 250, Math.max(1, opts.timeoutMs - (now() - start))));
  }
}

/** The atomic step: create under the lock's name. undefined = the name is taken. */
async function tryCreate(engine: LockEngine, name: string, labels: Record<string, string>): Promise<string | undefined> {
  const body = { Image: LOCK_IMAGE, Cmd: ['ncompose-lock'], Labels: labels, HostConfig: { NetworkMode: 'none' } };
  try {
    return await engine.createContainer(name, body);
  } catch (e) {
    if (status(e) === 409) return undefined;
    if (status(e) !== 404) throw e;
  }
  await engine.importImage(EMPTY_TAR, LOCK_IMAGE); // 404: no such image, first lock on this engine
  try {
    return await engine.createContainer(name, body);
  } catch (e) {
    if (status(e) === 409) return undefined;
    throw e;
  }
}

async function findLock(engine: LockEngine, name: string) {
  const list = await engine.listContainers({ all: true, names: [name] });
  return list.find((c) => c.name === name);
}

function heldLock(engine: LockEngine, id: string, name: string): ProjectLock {
  let released = false;
  return {
    id,
    name,
    async release() {
      if (released) return;
      released = true;
      await engine.removeContainer(id, { force: true });
    },
  };
}

function status(e: unknown): number {
  return e instanceof EngineError ? e.status : ((e as { statusCode?: number })?.statusCode ?? -1);
}

/** Who holds the project's lock now, if anyone (for messages and `ncompose history`). */
export async function lockHolder(engine: LockEngine, project: string): Promise<LockHolder | undefined> {
  const held = await findLock(engine, lockName(project));
  return held ? holderFromLabels(held.labels) : undefined;
}
