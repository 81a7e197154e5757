import { defineRule } from '../types.js';
import { services } from './_util.js';
import { mounts, normalizeHostPath } from './_volumes.js';

const SOCKETS = new Set(['/var/run/docker.sock', '/run/docker.sock', '/var/run/podman/podman.sock', '/run/podman/podman.sock', '/run/containerd/containerd.sock']);

export default defineRule({
  name: 'no-docker-socket',
  meta: {
    category: 'security',
    defaultSeverity: 'error',
    fixable: false,
    docs: { description: 'A service should not mount the container engine socket: whoever controls it controls the host.' },
    messages: { socket: 'service "{{service}}" mounts the engine socket {{source}}: this gives root on the host{{ro}}' },
    presets: ['recommended', 'strict', 'security'],
  },
  create(ctx) {
    for (const s of services(ctx)) {
      for (const m of mounts(ctx, s)) {
        if (m.type !== 'bind' || !m.source || !SOCKETS.has(normalizeHostPath(m.source))) continue;
        const ro = m.modes.includes('ro') ? ' (read-only does not help: the API is still writable)' : '';
        ctx.report({ messageId: 'socket', data: { service: s.name, source: m.source, ro }, path: m.sourcePath, service: s.name });
      }
    }
  },
});
