import { defineRule } from '../types.js';
import { isObj, services } from './_util.js';

export default defineRule({
  name: 'require-restart-policy',
  meta: {
    category: 'best-practice',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'Long-running services should set `restart` (or `deploy.restart_policy`), so they come back after a crash or a reboot.' },
    messages: { missing: 'service "{{service}}" has no restart policy: it stays down after a crash or a host reboot' },
    presets: ['strict'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      const deploy = isObj(s.svc.deploy) ? s.svc.deploy : {};
      if (s.svc.restart !== undefined || deploy.restart_policy !== undefined) continue;
      ctx.report({ messageId: 'missing', data: { service: s.name }, path: s.path, atKey: true, service: s.name });
    }
  },
});
