import { defineRule } from '../types.js';
import { attr, services } from './_util.js';

export default defineRule({
  name: 'no-host-ipc',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'A service should not share the host IPC namespace (`ipc: host`): it can read host shared memory.' },
    messages: { host: 'service "{{service}}" shares the host IPC namespace: it can access shared memory of host processes' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      const a = attr(s, 'ipc');
      if (a?.value === 'host') ctx.report({ messageId: 'host', data: { service: s.name }, path: a.path, service: s.name });
    }
  },
});
