import { defineRule } from '../types.js';
import { reemit } from './_reemit.js';

export default defineRule({
  name: 'schema',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'Every violation of the Compose specification schema, each at the offending node.' },
    messages: { schema: '{{message}}' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    reemit(ctx, (d) => d.code.startsWith('schema_'), 'schema');
  },
});
