import { defineRule } from '../types.js';
import { reemit } from './_reemit.js';

export default defineRule({
  name: 'no-duplicate-keys',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'A mapping must not define the same key twice (YAML keeps only one of them, silently).' },
    messages: { duplicate: '{{message}}' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    reemit(ctx, (d) => d.code === 'yaml_duplicate_key', 'duplicate');
  },
});
