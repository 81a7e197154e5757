import type { YAMLMap } from 'yaml';
import { defineRule } from '../types.js';
import { keyOf, mapValue, pairs } from './_reorder.js';
import { cleanFiles, reportUnsorted } from './_style.js';
import { compareText } from './_util.js';

export default defineRule({
  name: 'sorted-services',
  meta: {
    category: 'style',
    defaultSeverity: 'warning',
    fixable: true,
    docs: { description: 'Services sorted by name, so a service is easy to find and diffs stay small.' },
    messages: { unsorted: 'service "{{name}}" should come before "{{prev}}" (services sorted by name)' },
    presets: ['strict'],
  },
  create(ctx) {
    for (const f of cleanFiles(ctx)) {
      const node = f.doc ? mapValue(f.doc.contents, 'services') : undefined;
      const items = pairs(node);
      const compare = (a: (typeof items)[number], b: (typeof items)[number]) => compareText(keyOf(a), keyOf(b));
      const i = items.findIndex((p, k) => k > 0 && compare(items[k - 1]!, p) > 0);
      if (i < 0) continue;
      reportUnsorted(ctx, f, node as YAMLMap, items, compare, (p) => p.key, {
        messageId: 'unsorted',
        data: { name: keyOf(items[i]!), prev: keyOf(items[i - 1]!) },
        service: keyOf(items[i]!),
      });
    }
  },
});
