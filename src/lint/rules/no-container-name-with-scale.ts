import { defineRule } from '../types.js';
import { attr, replicas, services } from './_util.js';

export default defineRule({
  name: 'no-container-name-with-scale',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'A service with a fixed `container_name` cannot run more than one replica (`scale` / `deploy.replicas`).' },
    messages: { scaled: 'service "{{service}}" sets container_name but asks for {{replicas}} replicas: container names are unique' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      const a = attr(s, 'container_name');
      const n = replicas(s.svc);
      if (a && n > 1) ctx.report({ messageId: 'scaled', data: { service: s.name, replicas: n }, path: a.path, service: s.name });
    }
  },
});
