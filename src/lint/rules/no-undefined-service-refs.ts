import { defineRule } from '../types.js';
import { serviceEdges } from './_graph.js';
import { services, hint, topLevelNames } from './_util.js';

export default defineRule({
  name: 'no-undefined-service-refs',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: '`network_mode`, `ipc` and `pid` of the form `service:NAME`, and `volumes_from`, must name a service of the project.' },
    messages: { undefined: 'service "{{service}}" refers to service "{{name}}" in {{via}}, which is not a service of this project{{hint}}' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    const defined = topLevelNames(ctx, 'services');
    for (const s of services(ctx)) {
      for (const e of serviceEdges(s)) {
        if (e.via === 'depends_on' || e.via === 'links' || defined.has(e.to) || ctx.isInterpolated(e.path)) continue;
        ctx.report({ messageId: 'undefined', data: { service: s.name, name: e.to, via: e.via, hint: hint(e.to, defined) }, path: e.path, service: s.name });
      }
    }
  },
});
