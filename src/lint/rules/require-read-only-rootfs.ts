import { defineRule } from '../types.js';
import { isTrue, services } from './_util.js';

export default defineRule({
  name: 'require-read-only-rootfs',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'Services should run with a read-only root file system (`read_only: true`), writing only to volumes and tmpfs.' },
    messages: { writable: 'service "{{service}}" has a writable root file system: set read_only: true and mount what it writes' },
    presets: ['strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      if (isTrue(s.svc.read_only)) continue;
      const has = s.svc.read_only !== undefined;
      ctx.report({ messageId: 'writable', data: { service: s.name }, path: has ? [...s.path, 'read_only'] : s.path, atKey: !has, service: s.name });
    }
  },
});
