import { isMap, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { defineRule } from '../types.js';
import { keyOf, mapValue, pairs } from './_reorder.js';
import { allServiceNodes, nodeText, reportUnsorted } from './_style.js';
import { compareText } from './_util.js';

export default defineRule({
  name: 'sorted-depends-on',
  meta: {
    category: 'style',
    defaultSeverity: 'warning',
    fixable: true,
    docs: { description: 'The entries of `depends_on` sorted by service name.' },
    messages: { unsorted: 'dependency "{{name}}" of service "{{service}}" should come before "{{prev}}"' },
    presets: ['strict'],
  },
  create(ctx) {
    for (const s of allServiceNodes(ctx)) {
      const node = mapValue(s.node, 'depends_on');
      let entries: { name: string; at: Node }[];
      if (isSeq(node)) entries = (node as YAMLSeq).items.map((n) => ({ name: nodeText(n) ?? '', at: n as Node }));
      else if (isMap(node)) entries = pairs(node).map((p) => ({ name: keyOf(p), at: p.key }));
      else continue;
      if (entries.length !== (node as YAMLMap | YAMLSeq).items.length) continue;
      const compare = (a: (typeof entries)[number], b: (typeof entries)[number]) => compareText(a.name, b.name);
      const i = entries.findIndex((e, k) => k > 0 && compare(entries[k - 1]!, e) > 0);
      if (i < 0) continue;
      reportUnsorted(ctx, s.file, node as YAMLMap | YAMLSeq, entries, compare, (e) => e.at, {
        messageId: 'unsorted',
        data: { name: entries[i]!.name, service: s.name, prev: entries[i - 1]!.name },
        service: s.name,
      });
    }
  },
});
