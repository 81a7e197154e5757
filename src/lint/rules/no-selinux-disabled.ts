import { defineRule } from '../types.js';
import { securityOpts } from './_secopt.js';
import { services } from './_util.js';

export default defineRule({
  name: 'no-selinux-disabled',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'A service should not turn off SELinux separation (`security_opt: [label:disable]`).' },
    messages: { disabled: 'service "{{service}}" disables SELinux labels: the container is no longer confined by SELinux' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      for (const o of securityOpts(s)) {
        if (o.key === 'label' && o.value === 'disable') ctx.report({ messageId: 'disabled', data: { service: s.name }, path: o.path, service: s.name });
      }
    }
  },
});
