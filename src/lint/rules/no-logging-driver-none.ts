import { defineRule } from '../types.js';
import { isObj, scalarText, services } from './_util.js';

export default defineRule({
  name: 'no-logging-driver-none',
  meta: {
    category: 'best-practice',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'A service should not throw its logs away (`logging.driver: none`): `logs` shows nothing when it fails.' },
    messages: { none: 'service "{{service}}" discards its logs (logging driver "none")' },
    presets: ['recommended', 'strict'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      const logging = s.svc.logging;
      if (!isObj(logging) || scalarText(logging.driver) !== 'none') continue;
      ctx.report({ messageId: 'none', data: { service: s.name }, path: [...s.path, 'logging', 'driver'], service: s.name });
    }
  },
});
