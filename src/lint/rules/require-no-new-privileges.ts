import { defineRule } from '../types.js';
import { securityOpts } from './_secopt.js';
import { services } from './_util.js';

export default defineRule({
  name: 'require-no-new-privileges',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'Services should set `security_opt: [no-new-privileges:true]` so setuid binaries cannot gain privileges.' },
    messages: {
      missing: 'service "{{service}}" does not set security_opt no-new-privileges:true',
      disabled: 'service "{{service}}" explicitly allows privilege escalation (no-new-privileges:false)',
    },
    presets: ['strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      const opt = securityOpts(s).find((o) => o.key === 'no-new-privileges');
      if (opt && opt.value !== 'false') continue;
      if (opt) ctx.report({ messageId: 'disabled', data: { service: s.name }, path: opt.path, service: s.name });
      else ctx.report({ messageId: 'missing', data: { service: s.name }, path: s.path, atKey: true, service: s.name });
    }
  },
});
