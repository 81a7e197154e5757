import { defineCommand } from '../command.js';

export const logsCommand = defineCommand({
  command: 'logs [services..]',
  describe: 'Show container output, stdout and stderr apart, with service prefixes',
  builder: (y) =>
    y
      .option('follow', { alias: 'f', type: 'boolean', describe: 'Follow the output' })
      .option('tail', { alias: 'n', type: 'string', requiresArg: true, describe: 'Lines from the end of each log ("all" or a number)' })
      .option('timestamps', { alias: 't', type: 'boolean', describe: 'Show timestamps' })
      .option('since', { type: 'string', requiresArg: true, describe: 'Logs since a time (2024-01-02T13:23:37Z) or a duration (42m)' })
      .option('log-prefix', { type: 'boolean', default: true, describe: 'Prefix lines with the container (--no-log-prefix: do not)' })
      .option('color', { type: 'boolean', describe: 'Coloured prefixes (--no-color: monochrome)' }),

  load: () => import('../../commands/logs.js'),
});
