import { defineRule } from '../types.js';
import { services } from './_util.js';
import { mounts, normalizeHostPath } from './_volumes.js';

/** Host folders whose mount exposes the host itself: the folder and everything below it. */
const TREES = ['/proc', '/sys', '/boot', '/root', '/var/lib/docker', '/var/lib/containerd', '/var/lib/kubelet', '/dev'];
/** Only the folder itself (its subfolders are often an application's own data, e.g. /etc/pihole). */
const EXACT = new Set(['/', '/etc', '/usr', '/bin', '/sbin', '/lib', '/lib64', '/var', '/var/run', '/run', '/var/lib', '/home', '/var/log']);
/** Credentials and system configuration under /etc. */
const ETC = ['/etc/shadow', '/etc/gshadow', '/etc/passwd', '/etc/group', '/etc/sudoers', '/etc/sudoers.d', '/etc/ssh', '/etc/docker',
  '/etc/kubernetes', '/etc/ssl/private', '/etc/pam.d', '/etc/systemd', '/etc/crontab', '/etc/cron.d', '/etc/security'];
/** Harmless, common mounts of single host files. */
const ALLOWED = new Set(['/dev/shm', '/dev/null', '/dev/log', '/dev/urandom', '/dev/random']);

export default defineRule({
  name: 'no-sensitive-host-mounts',
  meta: {
    category: 'security',
    defaultSeverity: 'warning',
    fixable: false,
    docs: { description: 'A service should not bind-mount sensitive host paths (/, /etc, /proc, /sys, /boot, /root, /var/lib/docker, /etc/shadow, /etc/ssh, …).' },
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
  const under = (t: string) => src === t || src.startsWith(t + '/');
  return EXACT.has(src) || TREES.some(under) || ETC.some(under);
}
