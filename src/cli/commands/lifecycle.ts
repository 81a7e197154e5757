/** start, stop, restart, rm: the same flags on existing containers. */
import { defineCommand } from '../command.js';
import { progressOptions } from './progress-options.js';

const timeout = { alias: 't', type: 'number', requiresArg: true, describe: 'Seconds to wait for a stop before killing' } as const;

export const startCommand = defineCommand({
  command: 'start [services..]',
  describe: 'Start existing containers (dependencies first)',
  builder: (y) => progressOptions(y),
  load: () => import('../../commands/start.js'),
});

export const stopCommand = defineCommand({
  command: 'stop [services..]',
  describe: 'Stop running containers (dependents first) without removing them',
  builder: (y) => progressOptions(y).option('timeout', timeout),
  load: () => import('../../commands/stop.js'),
});

export const restartCommand = defineCommand({
  command: 'restart [services..]',
  describe: 'Restart containers',
  builder: (y) => progressOptions(y).option('timeout', timeout),
  load: () => import('../../commands/restart.js'),
});

export const rmCommand = defineCommand({
  command: 'rm [services..]',
  describe: 'Remove stopped containers',
  builder: (y) =>
    progressOptions(y)
      .option('force', { alias: 'f', type: 'boolean', describe: 'Do not ask for confirmation' })
      .option('stop', { alias: 's', type: 'boolean', describe: 'Stop running containers first' })
      .option('volumes', { alias: 'v', type: 'boolean', describe: 'Remove anonymous volumes too' }),
  load: () => import('../../commands/rm.js'),
});
