import { defineRule } from '../types.js';
import { attr, canRunTogether, services, type ServiceEntry } from './_util.js';

export default defineRule({
  name: 'no-duplicate-container-names',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'Two services must not set the same `container_name` (unless they are alternatives behind different profiles): the engine refuses the second container.' },
    messages: { duplicate: 'container_name "{{name}}" is also used by service "{{other}}"' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    const owners = new Map<string, ServiceEntry[]>();
    for (const s of services(ctx)) {
      const a = attr(s, 'container_name');
      if (!a || ctx.isInterpolated(a.path)) continue;
      const list = owners.get(a.value) ?? [];
      const other = list.find((o) => canRunTogether(o.svc, s.svc));
      list.push(s);
      owners.set(a.value, list);
      if (other) ctx.report({ messageId: 'duplicate', data: { name: a.value, other: other.name }, path: a.path, service: s.name });
    }
  },
});
