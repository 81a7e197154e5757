import type { YAMLMap } from 'yaml';
import { defineRule } from '../types.js';
import { keyOf, pairs } from './_reorder.js';
import { cleanFiles, reportUnsorted } from './_style.js';

/** Extensions first (they hold the anchors the rest aliases), then the order of the specification. */
export const TOP_LEVEL_ORDER = ['version', 'name', 'include', 'services', 'models', 'networks', 'volumes', 'configs', 'secrets'];

export function topLevelRank(key: string): number {
  if (key.startsWith('x-')) return -1;
  const i = TOP_LEVEL_ORDER.indexOf(key);
  return i < 0 ? TOP_LEVEL_ORDER.length : i;
}

export default defineRule({
  name: 'top-level-key-order',
  meta: {
    category: 'style',
    defaultSeverity: 'warning',
    fixable: true,
    docs: { description: 'Top-level keys in a fixed order: x-* extensions, version, name, include, services, models, networks, volumes, configs, secrets.' },
    messages: { order: 'top-level key "{{key}}" is out of order (expected: x-*, {{order}})' },
    presets: ['strict'],
  },
  create(ctx) {
    for (const f of cleanFiles(ctx)) {
      const root = f.doc?.contents;
      const items = pairs(root);
      const compare = (a: (typeof items)[number], b: (typeof items)[number]) => topLevelRank(keyOf(a)) - topLevelRank(keyOf(b));
      const bad = items.find((p, i) => i > 0 && compare(items[i - 1]!, p) > 0);
      if (!bad) continue;
      reportUnsorted(ctx, f, root as YAMLMap, items, compare, (p) => p.key, {
        messageId: 'order',
        data: { key: keyOf(bad), order: TOP_LEVEL_ORDER.join(', ') },
      });
    }
  },
});
