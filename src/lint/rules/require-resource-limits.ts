import { defineRule } from '../types.js';
import { isObj, services } from './_util.js';

export default defineRule({
  name: 'require-resource-limits',
  meta: {
    category: 'best-practice',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'Services should limit their memory (`deploy.resources.limits.memory` or `mem_limit`), and optionally CPU, so one cannot starve the host.' },
    messages: {
      memory: 'service "{{service}}" has no memory limit: one leak can starve the whole host',
      cpu: 'service "{{service}}" has no CPU limit',
    },
    options: { type: 'object', properties: { cpu: { type: 'boolean' } }, additionalProperties: false },
    defaultOptions: { cpu: false },
    presets: ['strict'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      const limits = limitsOf(s.svc);
      const at = { path: s.path, atKey: true, service: s.name, data: { service: s.name } };
      if (s.svc.mem_limit === undefined && limits.memory === undefined) ctx.report({ messageId: 'memory', ...at });
      if (ctx.options.cpu === true && s.svc.cpus === undefined && limits.cpus === undefined) ctx.report({ messageId: 'cpu', ...at });
    }
  },
});

function limitsOf(svc: Record<string, unknown>): Record<string, unknown> {
  const deploy = isObj(svc.deploy) ? svc.deploy : {};
  const resources = isObj(deploy.resources) ? deploy.resources : {};
  return isObj(resources.limits) ? resources.limits : {};
}
