/**
 * `ncompose rm [SERVICE…]`, as compose's: removes stopped containers after a y/N question (`-f`: no
 * question); running ones stay unless `-s` stops them first; `-v` removes their anonymous volumes.
 */
import { confirm } from '../cli/confirm.js';
import type { Io } from '../cli/io.js';
import { isRunning, runLifecycle, type LifecycleArgs } from './lifecycle-command.js';

export function run(rawArgs: Record<string, unknown>, io: Io): Promise<number> {
  const args = rawArgs as LifecycleArgs;
  const proceed = async (names: string[]): Promise<boolean> => {
    io.err(`Going to remove ${names.join(', ')}\n`);
    if (args.force) return true;
    return confirm('Are you sure?', 'rm needs confirmation: stdin is not a terminal, pass -f (--force) to remove without asking');
  };
  return runLifecycle(rawArgs, io, 'rm', ['remove'], (c) => Boolean(args.stop) || !isRunning(c), 'Removing', proceed);
}
