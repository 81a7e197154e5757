import { isMap, type Node } from 'yaml';
import { defineRule } from '../types.js';
import { parseShortPort, UNKNOWN } from './_ports.js';
import { mapValue } from './_reorder.js';
import { allServiceNodes, nodeText, reportUnsorted, serviceSeq } from './_style.js';

export default defineRule({
  name: 'sorted-ports',
  meta: {
    category: 'style',
    defaultSeverity: 'warning',
    fixable: true,
    docs: { description: 'Port mappings of a service sorted by host port (then container port).' },
    messages: { unsorted: 'port "{{port}}" of service "{{service}}" should come before "{{prev}}"' },
    presets: ['strict'],
  },
  create(ctx) {
    for (const s of allServiceNodes(ctx)) {
      const seq = serviceSeq(s, 'ports');
      if (!seq) continue;
      const items = seq.items.map((n) => ({ node: n as Node, ...portKey(n) }));
      if (items.some((i) => i.sortKey === undefined)) continue;
      const compare = (a: (typeof items)[number], b: (typeof items)[number]) => a.sortKey![0] - b.sortKey![0] || a.sortKey![1] - b.sortKey![1];
      const i = items.findIndex((e, k) => k > 0 && compare(items[k - 1]!, e) > 0);
      if (i < 0) continue;
      reportUnsorted(ctx, s.file, seq, items, compare, (e) => e.node, {
        messageId: 'unsorted',
        data: { port: items[i]!.label, service: s.name, prev: items[i - 1]!.label },
        service: s.name,
      });
    }
  },
});

/** [host port, container port]; undefined when a part is not a number (then the list is left alone). */
function portKey(n: unknown): { sortKey?: [number, number]; label: string } {
  if (isMap(n)) {
    const target = Number(nodeText(mapValue(n, 'target')));
    const pub = parseInt(nodeText(mapValue(n, 'published')) ?? '', 10);
    const label = `${Number.isNaN(pub) ? '' : pub + ':'}${target}`;
    return { sortKey: Number.isNaN(target) ? undefined : [Number.isNaN(pub) ? 0 : pub, target], label };
  }
  const text = nodeText(n);
  if (text === undefined) return { label: '' };
  const p = parseShortPort(text);
  const target = parseInt(p.target, 10);
  if (p.published === UNKNOWN || Number.isNaN(target)) return { label: text };
  return { sortKey: [p.published?.start ?? 0, target], label: text };
}
