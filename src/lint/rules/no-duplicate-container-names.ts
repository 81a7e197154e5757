import { defineRule } from '../types.js';
import { attr, services } from './_util.js';
import { isInterpolatedAt } from './_source.js';

export default defineRule({
  name: 'no-duplicate-container-names',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'Two services must not set the same `container_name`: the engine refuses the second container.' },
    messages: { duplicate: 'container_name "{{name}}" is also used by service "{{other}}"' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    const owners = new Map<string, string>();
    for (const s of services(ctx)) {
      const a = attr(s, 'container_name');
      if (!a || isInterpolatedAt(ctx, a.path)) continue;
      const other = owners.get(a.value);
      if (other === undefined) owners.set(a.value, s.name);
      else ctx.report({ messageId: 'duplicate', data: { name: a.value, other }, path: a.path, service: s.name });
    }
  },
});
