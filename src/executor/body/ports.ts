/** Published ports: host IP, ranges, protocols. */
import type { PortBinding } from '../../engine/api-types.js';
import type { Mapper } from './context.js';

export const mapPorts: Mapper = (ctx, spec) => {
  const ports = ctx.svc.ports ?? [];
  if (!ports.length) return;
  const b = spec.body;
  const exposed: Record<string, Record<string, never>> = { ...b.ExposedPorts };
  const bindings: Record<string, PortBinding[]> = {};
  for (const p of ports) {
    const key = `${p.target}/${p.protocol || 'tcp'}`;
    exposed[key] = {};
    const binding: PortBinding = { HostIp: p.host_ip ?? '', HostPort: p.published ?? '' };
    (bindings[key] ??= []).push(binding);
  }
  b.ExposedPorts = exposed;
  b.HostConfig.PortBindings = bindings;
};
