import { defineRule } from '../types.js';
import { isTrue, services } from './_util.js';

export default defineRule({
  name: 'no-privileged',
  meta: {
    category: 'security',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'A service should not run `privileged`: it gets every capability and every host device.' },
    messages: { privileged: 'service "{{service}}" runs privileged: it has full access to the host' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      if (isTrue(s.svc.privileged)) ctx.report({ messageId: 'privileged', data: { service: s.name }, path: [...s.path, 'privileged'], service: s.name });
    }
  },
});
