/** `ncompose restart [SERVICE…]`: stop (dependents first), then start (dependencies first). */
import type { Io } from '../cli/io.js';
import { runLifecycle } from './lifecycle-command.js';

export function run(args: Record<string, unknown>, io: Io): Promise<number> {
  return runLifecycle(args, io, 'restart', ['stop', 'start'], () => true, 'Restarting');
}
