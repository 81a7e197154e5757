import { defineRule } from '../types.js';
import { listItems, services } from './_util.js';

/** Capabilities that amount to host root or kernel control (the KICS / compose-lint list). */
const DANGEROUS = new Set([
  'ALL', 'SYS_ADMIN', 'SYS_MODULE', 'SYS_RAWIO', 'SYS_PTRACE', 'SYS_BOOT', 'SYS_TIME', 'NET_ADMIN',
  'DAC_READ_SEARCH', 'MAC_ADMIN', 'MAC_OVERRIDE', 'BPF', 'PERFMON', 'SYSLOG',
]);

export default defineRule({
  name: 'no-dangerous-capabilities',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: '`cap_add` should not grant capabilities that give control of the host (ALL, SYS_ADMIN, SYS_MODULE, NET_ADMIN, …).' },
    messages: { dangerous: 'service "{{service}}" adds capability {{cap}}, which gives control over the host' },
    options: { type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
    defaultOptions: { allow: [] },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    const allow = new Set(((ctx.options.allow as string[] | undefined) ?? []).map(normalizeCap));
    for (const s of services(ctx)) {
      for (const c of listItems(s, 'cap_add')) {
        const cap = normalizeCap(c.value);
        if (DANGEROUS.has(cap) && !allow.has(cap)) ctx.report({ messageId: 'dangerous', data: { service: s.name, cap }, path: c.path, service: s.name });
      }
    }
  },
});

export function normalizeCap(c: string): string {
  return c.trim().toUpperCase().replace(/^CAP_/, '');
}
