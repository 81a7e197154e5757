import { defineRule } from '../types.js';
import { attr, services } from './_util.js';

export default defineRule({
  name: 'no-root-user',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'A service should not explicitly run as root (`user: root`, `0`, `0:0`).' },
    messages: { root: 'service "{{service}}" runs as root (user: {{user}})' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      const a = attr(s, 'user');
      if (!a || ctx.isInterpolated(a.path)) continue;
      const user = a.value.trim().split(':')[0];
      if (user === 'root' || user === '0') ctx.report({ messageId: 'root', data: { service: s.name, user: a.value }, path: a.path, service: s.name });
    }
  },
});
