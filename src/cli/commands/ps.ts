import { defineCommand } from '../command.js';

export const psCommand = defineCommand({
  command: 'ps [services..]',
  describe: 'List the containers of the project',
  builder: (y) =>
    y
      .option('all', { alias: 'a', type: 'boolean', describe: 'Also stopped containers' })
      .option('quiet', { alias: 'q', type: 'boolean', describe: 'Only container ids' })
      .option('format', { type: 'string', choices: ['table', 'json'], default: 'table', describe: 'Output format' })
      .option('status', { type: 'string', array: true, requiresArg: true, choices: ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'], describe: 'Only containers in this state' })
      .option('list-services', { type: 'boolean', describe: 'Only service names (docker compose ps --services)' })
      .middleware((argv) => {
        // `--services` is compose's flag name; yargs would read it as the positional list.
        if (argv.services === true) (argv as Record<string, unknown>)['list-services'] = true;
        if (!Array.isArray(argv.services)) delete (argv as Record<string, unknown>).services;
      }, true),
  load: () => import('../../commands/ps.js'),
});
