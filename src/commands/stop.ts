/** `ncompose stop [SERVICE…]`: stop running containers, dependents first, without removing them. */
import type { Io } from '../cli/io.js';
import { isRunning, runLifecycle } from './lifecycle-command.js';

export function run(args: Record<string, unknown>, io: Io): Promise<number> {
  return runLifecycle(args, io, 'stop', ['stop'], isRunning, 'Stopping');
}
