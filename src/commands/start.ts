/** `ncompose start [SERVICE…]`: start existing stopped containers, dependencies first, waiting on their conditions. */
import type { Io } from '../cli/io.js';
import { isRunning, runLifecycle } from './lifecycle-command.js';

export function run(args: Record<string, unknown>, io: Io): Promise<number> {
  return runLifecycle(args, io, 'start', ['start'], (c) => !isRunning(c), 'Starting');
}
