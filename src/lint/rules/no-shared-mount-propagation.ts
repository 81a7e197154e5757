import { defineRule } from '../types.js';
import { services } from './_util.js';
import { mounts } from './_volumes.js';

export default defineRule({
  name: 'no-shared-mount-propagation',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'A bind mount should not use `shared`/`rshared` propagation: mounts made in the container appear on the host.' },
    messages: { shared: 'service "{{service}}" mounts {{target}} with {{propagation}} propagation: container mounts reach the host' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      for (const m of mounts(ctx, s)) {
        if (m.propagation !== 'shared' && m.propagation !== 'rshared') continue;
        const p = m.long ? [...m.path, 'bind', 'propagation'] : m.path;
        ctx.report({ messageId: 'shared', data: { service: s.name, target: m.target, propagation: m.propagation }, path: p, service: s.name });
      }
    }
  },
});
