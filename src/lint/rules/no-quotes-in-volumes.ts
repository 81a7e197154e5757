import { Document, isScalar, Scalar, type Schema } from 'yaml';
import { defineRule } from '../types.js';
import { allServiceNodes, serviceSeq } from './_style.js';

export default defineRule({
  name: 'no-quotes-in-volumes',
  meta: {
    category: 'style',
    defaultSeverity: 'warning',
    fixable: true,
    docs: { description: 'Short-syntax volume mounts written without quotes, where the plain form means the same.' },
    messages: { quoted: 'volume {{volume}} of service "{{service}}" does not need quotes' },
    presets: ['strict'],
  },
  create(ctx) {
    for (const s of allServiceNodes(ctx)) {
      for (const item of serviceSeq(s, 'volumes')?.items ?? []) {
        if (!isScalar(item) || !item.range || typeof item.value !== 'string') continue;
        if (item.type !== Scalar.QUOTE_DOUBLE && item.type !== Scalar.QUOTE_SINGLE) continue;
        const value = item.value;
        if (!isSafePlain(value, s.file.doc?.schema)) continue;
        const [start, end] = item.range;
        ctx.report({
          messageId: 'quoted',
          data: { volume: s.file.text.slice(start, end), service: s.name },
          node: item,
          file: s.file.path,
          service: s.name,
          fix: (fixer) => fixer.replaceRange([start, end], value),
        });
      }
    }
  },
});

/** Characters a plain scalar may hold in block and flow context: printable, no flow indicator, no comment. */
const UNSAFE_PLAIN = /[^\x20-\x7e\u00a0-\ud7ff\ue000-\ufeff]|[,[\]{}#\ufeff\u2028\u2029]|: |:$|^\s|\s$|^[-?:&*!|>'"%@`]|^(---|\.\.\.)/;

let defaultSchema: Schema | undefined;

/**
 * The plain scalar reads back as the same string, in a list item and inside flow brackets: decided from
 * the characters and from the schema the loader parsed with (no tag other than str would resolve it).
 */
export function isSafePlain(value: string, schema: Schema = (defaultSchema ??= new Document().schema)): boolean {
  if (value === '' || UNSAFE_PLAIN.test(value)) return false;
  return !schema.tags.some((t) => t.default === true && 'test' in t && t.test?.test(value));
}
