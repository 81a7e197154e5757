import { defineRule } from '../types.js';
import { attr, services } from './_util.js';

export default defineRule({
  name: 'no-host-pid',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'A service should not share the host PID namespace (`pid: host`): it sees and can signal every host process.' },
    messages: { host: 'service "{{service}}" shares the host PID namespace: it can see and signal every process on the host' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      const a = attr(s, 'pid');
      if (a?.value === 'host') ctx.report({ messageId: 'host', data: { service: s.name }, path: a.path, service: s.name });
    }
  },
});
