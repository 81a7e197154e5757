/** `--progress` and `--quiet`, shared by every command that changes the engine. */
import type { Argv } from 'yargs';

export function progressOptions<T>(y: Argv<T>) {
  return y
    .option('progress', { type: 'string', choices: ['auto', 'tty', 'plain', 'json', 'quiet'], default: 'auto', describe: 'Progress output: live view on a TTY, plain lines, JSON events' })
    .option('quiet', { type: 'boolean', describe: 'Print no progress (errors still go to stderr)' });
}
