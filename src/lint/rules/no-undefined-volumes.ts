import { defineRule } from '../types.js';
import { services, hint, topLevelNames } from './_util.js';
import { mounts } from './_volumes.js';

export default defineRule({
  name: 'no-undefined-volumes',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'A named volume mounted by a service must be declared under the top-level `volumes`.' },
    messages: { undefined: 'service "{{service}}" mounts volume "{{name}}", which is not declared under top-level volumes{{hint}}' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    const defined = topLevelNames(ctx, 'volumes');
    for (const s of services(ctx)) {
      for (const m of mounts(ctx, s)) {
        if (m.type !== 'volume' || !m.source || m.dynamic || defined.has(m.source)) continue;
        ctx.report({ messageId: 'undefined', data: { service: s.name, name: m.source, hint: hint(m.source, defined) }, path: m.sourcePath, service: s.name });
      }
    }
  },
});
