import { defineRule } from '../types.js';
import { isDynamic, isObj, listItems, listOrMapEntries, services, hint, topLevelNames } from './_util.js';

export default defineRule({
  name: 'no-undefined-depends-on',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'Every service named in `depends_on` or `links` must be defined in the project.' },
    messages: {
      dependsOn: 'service "{{service}}" depends on "{{name}}", which is not a service of this project{{hint}}',
      link: 'service "{{service}}" links to "{{name}}", which is not a service of this project{{hint}}',
    },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    const defined = topLevelNames(ctx, 'services');
    for (const s of services(ctx)) {
      const deps = s.svc.depends_on;
      for (const e of listOrMapEntries(deps)) {
        const p = [...s.path, 'depends_on', e.seg];
        // `required: false` makes compose ignore a missing dependency (the loader warns about it).
        const optional = isObj(e.value) && (e.value.required === false || e.value.required === 'false');
        if (optional || defined.has(e.name) || isDynamic(ctx, p, e.name)) continue;
        ctx.report({ messageId: 'dependsOn', data: { service: s.name, name: e.name, hint: hint(e.name, defined) }, path: p, atKey: !Array.isArray(deps), service: s.name });
      }
      for (const l of listItems(s, 'links')) {
        const name = l.value.split(':')[0]!;
        if (defined.has(name) || isDynamic(ctx, l.path, l.value)) continue;
        ctx.report({ messageId: 'link', data: { service: s.name, name, hint: hint(name, defined) }, path: l.path, service: s.name });
      }
    }
  },
});
