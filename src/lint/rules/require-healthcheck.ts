import { defineRule } from '../types.js';
import { dockerfileHasHealthcheck } from './_build.js';
import { services } from './_util.js';

export default defineRule({
  name: 'require-healthcheck',
  meta: {
    category: 'best-practice',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'Services should define a `healthcheck` (or build from a Dockerfile with HEALTHCHECK), so dependants and `up --wait` know when they are ready.' },
    messages: { missing: 'service "{{service}}" has no healthcheck: nothing can tell when it is ready' },
    presets: ['strict'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      if (s.svc.healthcheck !== undefined || dockerfileHasHealthcheck(ctx, s)) continue;
      ctx.report({ messageId: 'missing', data: { service: s.name }, path: s.path, atKey: true, service: s.name });
    }
  },
});
