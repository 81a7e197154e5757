/** `ncompose rm [SERVICE…]`: remove stopped containers; `-s` stops running ones first; `-v` their anonymous volumes. */
import type { Io } from '../cli/io.js';
import { isRunning, runLifecycle, type LifecycleArgs } from './lifecycle-command.js';

export function run(rawArgs: Record<string, unknown>, io: Io): Promise<number> {
  const args = rawArgs as LifecycleArgs;
  const includeRunning = Boolean(args.stop || args.force);
  return runLifecycle(rawArgs, io, 'rm', ['remove'], (c) => includeRunning || !isRunning(c), 'Removing');
}
