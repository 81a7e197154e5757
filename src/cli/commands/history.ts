import { defineCommand } from '../command.js';

export const historyCommand = defineCommand({
  command: 'history',
  describe: 'List the revisions `up` and `rollback` recorded (number, time, services changed, command)',
  builder: (y) => y.option('format', { type: 'string', choices: ['table', 'json'], default: 'table', describe: 'Output format' }),
  load: () => import('../../commands/history.js'),
});
