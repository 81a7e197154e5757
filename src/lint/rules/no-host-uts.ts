import { defineRule } from '../types.js';
import { attr, services } from './_util.js';

export default defineRule({
  name: 'no-host-uts',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'A service should not share the host UTS namespace (`uts: host`): it can change the host name.' },
    messages: { host: 'service "{{service}}" shares the host UTS namespace: it can change the hostname of the host' },
    presets: ['strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      const a = attr(s, 'uts');
      if (a?.value === 'host') ctx.report({ messageId: 'host', data: { service: s.name }, path: a.path, service: s.name });
    }
  },
});
