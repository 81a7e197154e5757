import { defineRule } from '../types.js';
import { attr, services } from './_util.js';

export default defineRule({
  name: 'no-host-userns',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'A service should not disable user-namespace remapping (`userns_mode: host`): root in the container is root on the host.' },
    messages: { host: 'service "{{service}}" disables user-namespace remapping: root in the container is root on the host' },
    presets: ['strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      const a = attr(s, 'userns_mode');
      if (a?.value === 'host') ctx.report({ messageId: 'host', data: { service: s.name }, path: a.path, service: s.name });
    }
  },
});
