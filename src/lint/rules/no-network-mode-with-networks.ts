import { defineRule } from '../types.js';
import { attr, services } from './_util.js';

export default defineRule({
  name: 'no-network-mode-with-networks',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'A service cannot set both `network_mode` and `networks`: compose rejects the combination.' },
    messages: { both: 'service "{{service}}" sets network_mode "{{mode}}" and networks: they cannot be combined' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      const mode = attr(s, 'network_mode');
      if (!mode || s.svc.networks === undefined || s.svc.networks === null) continue;
      ctx.report({ messageId: 'both', data: { service: s.name, mode: mode.value }, path: [...s.path, 'networks'], atKey: true, service: s.name });
    }
  },
});
