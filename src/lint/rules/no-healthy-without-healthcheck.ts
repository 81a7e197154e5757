import { defineRule } from '../types.js';
import { dockerfileHasHealthcheck } from './_build.js';
import { isObj, scalarText, services, type ServiceEntry } from './_util.js';

export default defineRule({
  name: 'no-healthy-without-healthcheck',
  meta: {
    category: 'correctness',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: '`depends_on` with `condition: service_healthy` needs a dependency that has a healthcheck, or start-up fails.' },
    messages: {
      noHealthcheck: 'service "{{service}}" waits for "{{name}}" to be healthy, but "{{name}}" has no healthcheck',
      disabled: 'service "{{service}}" waits for "{{name}}" to be healthy, but the healthcheck of "{{name}}" is disabled',
    },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    const byName = new Map(services(ctx).map((s) => [s.name, s]));
    for (const s of byName.values()) {
      const deps = s.svc.depends_on;
      if (!isObj(deps)) continue;
      for (const [name, dep] of Object.entries(deps)) {
        const target = byName.get(name);
        if (!target || !isObj(dep) || scalarText(dep.condition) !== 'service_healthy') continue;
        const state = healthcheckState(target);
        if (state === 'on' || (state === 'none' && dockerfileHasHealthcheck(ctx, target))) continue;
        const messageId = state === 'off' ? 'disabled' : 'noHealthcheck';
        ctx.report({ messageId, data: { service: s.name, name }, path: [...s.path, 'depends_on', name, 'condition'], service: s.name });
      }
    }
  },
});

/** 'on' when compose defines a test, 'off' when disabled, 'none' when the image decides. */
function healthcheckState(s: ServiceEntry): 'on' | 'off' | 'none' {
  const hc = s.svc.healthcheck;
  if (!isObj(hc)) return 'none';
  if (hc.disable === true || hc.disable === 'true') return 'off';
  const test = hc.test;
  const first = Array.isArray(test) ? scalarText(test[0]) : scalarText(test);
  if (first === 'NONE') return 'off';
  return test === undefined ? 'none' : 'on';
}
