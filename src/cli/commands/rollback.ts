import { defineCommand } from '../command.js';
import { progressOptions } from './progress-options.js';

export const rollbackCommand = defineCommand({
  command: 'rollback',
  describe: 'Return the project to a recorded revision (default: the previous one), with the images it ran',
  builder: (y) =>
    progressOptions(y)
      .option('to', { type: 'number', requiresArg: true, describe: 'Revision number to return to (see `ncompose history`)' })
      .option('yes', { alias: 'y', type: 'boolean', describe: 'Apply without asking' })
      .option('dry-run', { type: 'boolean', describe: 'Only show the plan' })
      .option('format', { type: 'string', choices: ['text', 'json'], default: 'text', describe: 'Format of the plan shown' })
      .option('wait', { type: 'boolean', describe: 'Wait until containers are running/healthy; not ready counts as a failure' })
      .option('wait-timeout', { type: 'number', requiresArg: true, describe: 'Seconds to wait with --wait' })
      .option('timeout', { alias: 't', type: 'number', requiresArg: true, describe: 'Seconds to wait for a stop before killing' })
      .option('lock-timeout', { type: 'number', requiresArg: true, describe: 'Seconds to wait for another command holding the project lock (default 180)' }),
  load: () => import('../../commands/rollback.js'),
});
