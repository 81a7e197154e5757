import { defineRule } from '../types.js';
import { isDynamic, isObj, scalarText, services, hint, topLevelNames } from './_util.js';

export default defineRule({
  name: 'no-undefined-secrets',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'Every secret a service uses must be declared under the top-level `secrets`.' },
    messages: { undefined: 'service "{{service}}" uses secret "{{name}}", which is not declared under top-level secrets{{hint}}' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    const defined = topLevelNames(ctx, 'secrets');
    for (const s of services(ctx)) {
      const list = s.svc.secrets;
      if (!Array.isArray(list)) continue;
      list.forEach((item, i) => {
        const long = isObj(item);
        const name = long ? scalarText(item.source) : scalarText(item);
        const p = long ? [...s.path, 'secrets', i, 'source'] : [...s.path, 'secrets', i];
        if (name === undefined || defined.has(name) || isDynamic(ctx, p, name)) return;
        ctx.report({ messageId: 'undefined', data: { service: s.name, name, hint: hint(name, defined) }, path: p, service: s.name });
      });
    }
  },
});
