import { defineRule } from '../types.js';
import { isYamlCode, reemit } from './_reemit.js';

export default defineRule({
  name: 'yaml-syntax',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'The file must be valid YAML whose top level is a mapping (reports the parser message at its position).' },
    messages: { syntax: '{{message}}' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    reemit(ctx, (d) => isYamlCode(d.code), 'syntax');
  },
});
