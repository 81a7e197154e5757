import { defineRule } from '../types.js';
import { isDynamic, isObj, scalarText, services, hint, topLevelNames } from './_util.js';

export default defineRule({
  name: 'no-undefined-configs',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'Every config a service uses must be declared under the top-level `configs`.' },
    messages: { undefined: 'service "{{service}}" uses config "{{name}}", which is not declared under top-level configs{{hint}}' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    const defined = topLevelNames(ctx, 'configs');
    for (const s of services(ctx)) {
      const list = s.svc.configs;
      if (!Array.isArray(list)) continue;
      list.forEach((item, i) => {
        const long = isObj(item);
        const name = long ? scalarText(item.source) : scalarText(item);
        const p = long ? [...s.path, 'configs', i, 'source'] : [...s.path, 'configs', i];
        if (name === undefined || defined.has(name) || isDynamic(ctx, p, name)) return;
        ctx.report({ messageId: 'undefined', data: { service: s.name, name, hint: hint(name, defined) }, path: p, service: s.name });
      });
    }
  },
});
