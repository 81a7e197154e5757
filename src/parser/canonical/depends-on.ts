/**
 * `depends_on`: list → `{condition: service_started, required: true}` map, defaults in the long
 * syntax, plus the implicit dependencies compose-go adds from `links`, `service:` namespaces
 * (`network_mode`, `ipc`, `pid`, `uts`, `cgroup`) and `volumes_from`.
 */
import type { ServiceDependency } from '../../model/project.js';
import type { Path } from '../types.js';
import { toBool, toStr } from './scalars.js';
import { isObject, type CanonContext } from './table.js';

export function canonicalDependsOn(value: unknown, path: Path, c: CanonContext): unknown {
  const out: Record<string, ServiceDependency> = {};
  if (Array.isArray(value)) {
    for (const name of value) out[toStr(name)] = { condition: 'service_started', required: true };
    return out;
  }
  if (!isObject(value)) {
    c.ctx.report({ code: 'invalid_type', message: 'depends_on must be a list or a mapping', path });
    return undefined;
  }
  for (const [name, dep] of Object.entries(value)) {
    const d = isObject(dep) ? dep : {};
    if (!isObject(dep)) c.ctx.report({ code: 'invalid_type', message: `depends_on.${name} must be a mapping`, path: [...path, name] });
    const entry = { ...d, condition: (d.condition ?? 'service_started') as ServiceDependency['condition'], required: toBool(d.required) ?? true } as ServiceDependency;
    if (d.restart !== undefined && toBool(d.restart)) entry.restart = true;
    else delete entry.restart;
    out[name] = entry;
  }
  return out;
}

/** Add the dependencies compose-go's normalize infers; explicit entries are never overwritten. */
export function addImplicitDependencies(service: Record<string, unknown>): void {
  const deps = { ...((service.depends_on ?? {}) as Record<string, ServiceDependency>) };
  const add = (name: string, restart: boolean) => {
    if (!(name in deps)) deps[name] = restart ? { condition: 'service_started', restart: true, required: true } : { condition: 'service_started', required: true };
  };
  if (Array.isArray(service.links)) {
    for (const link of service.links) {
      const parts = toStr(link).split(':');
      add(parts.length === 2 ? parts[0]! : toStr(link), true);
    }
  }
  for (const ns of ['network_mode', 'ipc', 'pid', 'uts', 'cgroup']) {
    const ref = service[ns];
    if (typeof ref === 'string' && ref.startsWith('service:')) add(ref.slice('service:'.length), true);
  }
  if (Array.isArray(service.volumes_from)) {
    for (const v of service.volumes_from) {
      const s = toStr(v);
      if (!s.startsWith('container:')) add(s.split(':')[0]!, false);
    }
  }
  if (Object.keys(deps).length) service.depends_on = deps;
}
