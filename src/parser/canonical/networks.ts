/**
 * Networks and the other top-level resources: service `networks` list → map, the implicit
 * `default` network (added only when a service uses it), `external`, and names
 * `<project>_<key>` (external resources keep their key or `name`).
 */
import type { Path } from '../types.js';
import { absHostPath } from './paths.js';
import { stringMap, toBool, toInt, toStr } from './scalars.js';
import { isObject, type CanonContext } from './table.js';

/** `services.*.networks` (and `models`): a list of names → a map with null values. */
export function canonicalNameMap(value: unknown, path: Path, c: CanonContext): unknown {
  if (Array.isArray(value)) return Object.fromEntries(value.map((n) => [toStr(n), null]));
  if (!isObject(value)) {
    c.ctx.report({ code: 'invalid_type', message: 'expected a list or a mapping', path });
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = isObject(v) ? serviceNetwork(v) : null;
  return out;
}

function serviceNetwork(v: Record<string, unknown>): Record<string, unknown> {
  const out = { ...v };
  for (const k of ['priority', 'gw_priority']) if (out[k] !== undefined) out[k] = toInt(out[k]) ?? out[k];
  if (out.driver_opts !== undefined) out.driver_opts = stringMap(out.driver_opts) ?? out.driver_opts;
  return out;
}

/** Services without `network_mode` (or `provider`) and without networks join `default`. */
export function addDefaultNetwork(doc: Record<string, unknown>): void {
  const services = (doc.services ?? {}) as Record<string, Record<string, unknown>>;
  let used = false;
  for (const s of Object.values(services)) {
    if (!isObject(s) || 'provider' in s || 'network_mode' in s) continue;
    const nets = s.networks;
    if (!isObject(nets) || Object.keys(nets).length === 0) {
      s.networks = { default: null };
      used = true;
    } else if ('default' in nets) used = true;
  }
  const networks = isObject(doc.networks) ? doc.networks : {};
  if (used && !('default' in networks)) networks.default = null;
  if (Object.keys(networks).length) doc.networks = networks;
}

/** `networks.*`, `volumes.*`, `secrets.*`, `configs.*`: null → {}, external, name, typed fields. */
export function canonicalResource(value: unknown, path: Path, c: CanonContext): unknown {
  const kind = String(path[0]);
  const key = String(path[1]);
  const r: Record<string, unknown> = isObject(value) ? { ...value } : {};
  if (value !== null && value !== undefined && !isObject(value)) c.ctx.report({ code: 'invalid_type', message: `${kind}.${key} must be a mapping`, path });
  externalName(r, path, c);
  if (r.name === undefined || r.name === null) r.name = r.external === true ? key : `${c.projectName}_${key}`;
  else r.name = toStr(r.name);
  for (const k of ['labels', 'driver_opts']) if (r[k] !== undefined) r[k] = stringMap(r[k]) ?? r[k];
  if (kind === 'networks') network(r);
  if ((kind === 'secrets' || kind === 'configs') && typeof r.file === 'string') r.file = absHostPath(r.file, c);
  // compose-go's ResolveEnvironment: an `environment` source gives the content (never printed by config).
  if ((kind === 'secrets' || kind === 'configs') && typeof r.environment === 'string' && r.environment in c.env) r.content = c.env[r.environment];
  if (kind === 'volumes') bindDevice(r, c);
  return r;
}

/** `external: {name: x}` (deprecated) → `external: true, name: x`. */
function externalName(r: Record<string, unknown>, path: Path, c: CanonContext): void {
  if (r.external === undefined) return;
  if (isObject(r.external)) {
    const extName = r.external.name;
    r.external = true;
    if (extName !== undefined) {
      c.ctx.report({ code: 'external_name_deprecated', severity: 'warning', message: 'external.name is deprecated: set name and external: true', path: [...path, 'external', 'name'] });
      if (r.name !== undefined && r.name !== extName) c.ctx.report({ code: 'external_name_conflict', message: 'name and external.name conflict; only use name', path: [...path, 'name'] });
      else r.name = toStr(extName);
    }
  } else r.external = toBool(r.external) ?? r.external;
  if (r.external === false) delete r.external;
}

function network(r: Record<string, unknown>): void {
  r.ipam = isObject(r.ipam) ? { ...r.ipam } : {};
  for (const k of ['internal', 'attachable', 'enable_ipv4', 'enable_ipv6']) if (r[k] !== undefined) r[k] = toBool(r[k]) ?? r[k];
  for (const k of ['internal', 'attachable']) if (r[k] === false) delete r[k];
}

/** A local volume with `o: bind` is a bind mount in disguise: its device is a host path. */
function bindDevice(r: Record<string, unknown>, c: CanonContext): void {
  const opts = r.driver_opts as Record<string, string> | undefined;
  if (r.driver === 'local' && opts && opts.o === 'bind' && typeof opts.device === 'string') {
    r.driver_opts = { ...opts, device: absHostPath(opts.device, c) };
  }
}
