/** Runs a mutating command under the project lock, released on every way out (return or throw). */
import type { Io } from '../cli/io.js';
import type { Engine } from '../engine/engine.js';
import { describeHolder } from './lock-holder.js';
import { DEFAULT_LOCK_TIMEOUT_S, acquireProjectLock } from './lock.js';

export interface LockArgs {
  /** Seconds to wait for another command's lock. */
  'lock-timeout'?: number;
}

/** The command line a waiting user is shown: `ncompose up -d`. */
export function commandLine(argv: string[] = process.argv.slice(2)): string {
  return ['ncompose', ...argv].join(' ');
}

export async function withProjectLock<T>(engine: Engine, project: string, io: Io, args: LockArgs, fn: () => Promise<T>): Promise<T> {
  const timeoutS = args['lock-timeout'] ?? DEFAULT_LOCK_TIMEOUT_S;
  const lock = await acquireProjectLock(engine, project, {
    command: commandLine(),
    timeoutMs: Math.max(0, timeoutS) * 1000,
    onWait: (h) => io.err(`waiting for project ${project}: locked by ${describeHolder(h)} (up to ${timeoutS}s)\n`),
    onTakeover: (h) => io.err(`warning: took over the lock of project ${project} left by ${describeHolder(h)}: that process is gone\n`),
  });
  try {
    return await fn();
  } finally {
    await lock.release().catch((e: Error) => io.err(`warning: could not release the lock of project ${project}: ${e.message}\n`));
  }
}
