import { defineCommand } from '../command.js';

export const execCommand = defineCommand({
  command: 'exec <service> [command..]',
  describe: 'Run a command in a running container of a service',
  builder: (y) =>
    y
      // `exec web sh -c '…'`: options ncompose does not know belong to the command.
      .parserConfiguration({ 'unknown-options-as-args': true, 'greedy-arrays': false })
      .option('index', { type: 'number', requiresArg: true, describe: 'Replica number (default 1)' })
      .option('T', { type: 'boolean', describe: 'No pseudo-TTY' })
      .option('tty', { type: 'boolean', hidden: true })
      .option('user', { alias: 'u', type: 'string', requiresArg: true, describe: 'Run as this user' })
      .option('workdir', { alias: 'w', type: 'string', requiresArg: true, describe: 'Working directory' })
      .option('env', { alias: 'e', type: 'string', array: true, requiresArg: true, describe: 'KEY=VALUE environment' })
      .option('privileged', { type: 'boolean', describe: 'Extended privileges' })
      .option('detach', { alias: 'd', type: 'boolean', describe: 'Run in the background' }),
  load: () => import('../../commands/exec.js'),
});
