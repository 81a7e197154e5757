import { defineRule } from '../types.js';
import { isAllInterfaces, portBindings, UNKNOWN } from './_ports.js';
import { services } from './_util.js';

export default defineRule({
  name: 'no-ports-on-all-interfaces',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'Published ports should name a host IP (e.g. `127.0.0.1:8080:80`); without one they listen on every interface, past host firewalls.' },
    messages: { all: 'port {{port}} of service "{{service}}" is published on all host interfaces: bind it to an address such as 127.0.0.1' },
    presets: ['strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      for (const b of portBindings(ctx, s)) {
        if (b.hostIp === UNKNOWN || !isAllInterfaces(b.hostIp)) continue;
        const port = b.published === UNKNOWN ? b.target : b.published ? `${b.published.start}` : b.target;
        ctx.report({ messageId: 'all', data: { service: s.name, port }, path: b.at, service: s.name });
      }
    }
  },
});
