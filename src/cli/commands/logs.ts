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
      .option('no-log-prefix', { type: 'boolean', describe: 'Do not prefix lines with the container' })
      .option('color', { type: 'boolean', hidden: true })
      .option('no-color', { type: 'boolean', describe: 'Monochrome prefixes' }),
  load: () => import('../../commands/logs.js'),
});
