import { defineCommand } from '../command.js';
import { progressOptions } from './progress-options.js';

export const downCommand = defineCommand({
  command: 'down',
  describe: 'Stop and remove containers and networks (dependents first); -v also volumes',
  builder: (y) =>
    progressOptions(y)
      .option('volumes', { alias: 'v', type: 'boolean', describe: 'Also remove named (non-external) and anonymous volumes' })
      .option('rmi', { type: 'string', choices: ['local', 'all'], describe: 'Also remove images: local (built ones) or all' })
      .option('remove-orphans', { type: 'boolean', describe: 'Remove containers of services not in the project' })
      .option('timeout', { alias: 't', type: 'number', requiresArg: true, describe: 'Seconds to wait for a stop before killing' })
      .option('parallel', { type: 'number', requiresArg: true, describe: 'Max engine operations at once' })
      .option('lock-timeout', { type: 'number', requiresArg: true, describe: 'Seconds to wait for another command holding the project lock (default 180)' })
      .option('dry-run', { type: 'boolean', describe: 'Print the down plan, change nothing' })
      .option('format', { type: 'string', choices: ['text', 'json'], default: 'text', describe: 'Format of the --dry-run plan' }),
  load: () => import('../../commands/down.js'),
});
