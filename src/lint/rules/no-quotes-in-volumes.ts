import { isScalar, parseDocument, Scalar } from 'yaml';
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
        if (!isSafePlain(value)) continue;
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

/** The plain scalar reads back as the same string, in a list item and inside flow brackets. */
export function isSafePlain(value: string): boolean {
  if (value === '' || /[\n\t,[\]{}#]|^\s|\s$|^[-?:&*!|>'"%@`]/.test(value)) return false;
  for (const text of [`- ${value}\n`, `[${value}]`]) {
    const doc = parseDocument(text);
    if (doc.errors.length || doc.warnings.length) return false;
    const js = doc.toJS() as unknown[];
    if (!Array.isArray(js) || js.length !== 1 || js[0] !== value) return false;
  }
  return true;
}
