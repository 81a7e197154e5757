import { isScalar, Scalar } from 'yaml';
import { defineRule } from '../types.js';
import { allServiceNodes, serviceSeq } from './_style.js';

export default defineRule({
  name: 'quoted-ports',
  meta: {
    category: 'style',
    defaultSeverity: 'warning',
    fixable: true,
    docs: { description: 'Short-syntax port mappings quoted, so YAML 1.1 tools never read `22:22` as a base-60 number.' },
    messages: { unquoted: 'port mapping {{port}} of service "{{service}}" should be quoted' },
    options: { type: 'object', properties: { quote: { enum: ['double', 'single'] } }, additionalProperties: false },
    defaultOptions: { quote: 'double' },
    presets: ['strict'],
  },
  create(ctx) {
    const q = ctx.options.quote === 'single' ? "'" : '"';
    for (const s of allServiceNodes(ctx)) {
      for (const item of serviceSeq(s, 'ports')?.items ?? []) {
        if (!isScalar(item) || item.type !== Scalar.PLAIN || !item.range || item.value === null) continue;
        const [start, end] = item.range;
        const text = s.file.text.slice(start, end);
        if (/["'\\]/.test(text)) continue;
        ctx.report({
          messageId: 'unquoted',
          data: { port: text, service: s.name },
          node: item,
          file: s.file.path,
          service: s.name,
          fix: (fixer) => fixer.replaceRange([start, end], `${q}${text}${q}`),
        });
      }
    }
  },
});
