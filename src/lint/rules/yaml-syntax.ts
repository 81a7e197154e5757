import { defineRule } from '../types.js';
import { reemit } from './_reemit.js';

const FILE_CODES = new Set(['empty_file', 'not_a_mapping', 'file_too_large', 'file_unreadable']);

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
    reemit(ctx, (c) => (c.startsWith('yaml_') && c !== 'yaml_duplicate_key') || FILE_CODES.has(c), 'syntax');
  },
});
