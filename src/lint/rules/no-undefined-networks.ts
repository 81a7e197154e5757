import { defineRule } from '../types.js';
import { isDynamic, listOrMapEntries, services, hint, topLevelNames } from './_util.js';

export default defineRule({
  name: 'no-undefined-networks',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'Every network a service joins must be declared under the top-level `networks` (or be `default`).' },
    messages: { undefined: 'service "{{service}}" uses network "{{name}}", which is not declared under top-level networks{{hint}}' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    const defined = topLevelNames(ctx, 'networks');
    defined.add('default');
    for (const s of services(ctx)) {
      const v = s.svc.networks;
      for (const e of listOrMapEntries(v)) {
        const p = [...s.path, 'networks', e.seg];
        if (defined.has(e.name) || isDynamic(ctx, p, e.name)) continue;
        ctx.report({ messageId: 'undefined', data: { service: s.name, name: e.name, hint: hint(e.name, defined) }, path: p, atKey: !Array.isArray(v), service: s.name });
      }
    }
  },
});
