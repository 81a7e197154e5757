import { defineRule } from '../types.js';
import { attr, services } from './_util.js';

export default defineRule({
  name: 'no-host-network',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'A service should not use the host network stack (`network_mode: host`): it bypasses network isolation and published ports.' },
    messages: { host: 'service "{{service}}" uses the host network stack: it can reach every host interface and local-only service' },
    presets: ['strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      const a = attr(s, 'network_mode');
      if (a?.value === 'host') ctx.report({ messageId: 'host', data: { service: s.name }, path: a.path, service: s.name });
    }
  },
});
