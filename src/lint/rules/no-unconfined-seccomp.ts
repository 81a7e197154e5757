import { defineRule } from '../types.js';
import { securityOpts } from './_secopt.js';
import { services } from './_util.js';

export default defineRule({
  name: 'no-unconfined-seccomp',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'A service should not turn off the seccomp profile (`security_opt: [seccomp:unconfined]`).' },
    messages: { unconfined: 'service "{{service}}" runs with seccomp unconfined: the kernel no longer filters what it may do' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      for (const o of securityOpts(s)) {
        if (o.key === 'seccomp' && o.value === 'unconfined') {
          ctx.report({ messageId: 'unconfined', data: { service: s.name }, path: o.path, service: s.name });
        }
      }
    }
  },
});
