import { defineRule } from '../types.js';
import { services } from './_util.js';
import { mounts, normalizeHostPath } from './_volumes.js';

/** Host folders whose mount exposes the host itself; subpaths of the first group are sensitive too. */
const TREES = ['/proc', '/sys', '/boot', '/root', '/var/lib/docker', '/etc', '/dev'];
const EXACT = new Set(['/', '/usr', '/bin', '/sbin', '/lib', '/lib64', '/var', '/var/run', '/run', '/var/lib', '/home', '/var/log']);
/** Harmless, common read-only mounts of single host files. */
const ALLOWED = new Set(['/etc/localtime', '/etc/timezone', '/etc/hostname', '/etc/machine-id', '/dev/shm', '/dev/null', '/dev/log']);

export default defineRule({
  name: 'no-sensitive-host-mounts',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'A service should not bind-mount sensitive host folders (/, /etc, /proc, /sys, /boot, /root, /var/lib/docker, …).' },
    messages: { sensitive: 'service "{{service}}" mounts the sensitive host path {{source}}{{writable}}' },
    options: { type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
    defaultOptions: { allow: [] },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    const allow = new Set([...ALLOWED, ...((ctx.options.allow as string[] | undefined) ?? []).map(normalizeHostPath)]);
    for (const s of services(ctx)) {
      for (const m of mounts(ctx, s)) {
        if (m.type !== 'bind' || !m.source || m.dynamic) continue;
        const src = normalizeHostPath(m.source);
        if (allow.has(src) || src.endsWith('.sock') || !isSensitive(src)) continue;
        const writable = m.modes.includes('ro') ? '' : ' read-write';
        ctx.report({ messageId: 'sensitive', data: { service: s.name, source: m.source, writable }, path: m.sourcePath, service: s.name });
      }
    }
  },
});

export function isSensitive(src: string): boolean {
  return EXACT.has(src) || TREES.some((t) => src === t || src.startsWith(t + '/'));
}
