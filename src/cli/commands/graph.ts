import { defineCommand } from '../command.js';

export const graphCommand = defineCommand({
  command: 'graph',
  describe: 'Draw the service dependency graph (mermaid or dot)',
  builder: (y) => y.option('format', { type: 'string', choices: ['mermaid', 'dot'], default: 'mermaid', describe: 'Output format' }),
  load: () => import('../../commands/graph.js'),
});
