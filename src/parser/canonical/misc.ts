/** Smaller attribute families: extra_hosts, secrets/configs references, ulimits, devices, gpus, logging. */
import type { Path } from '../types.js';
import { toInt, toStr } from './scalars.js';
import { isObject, type CanonContext } from './table.js';

/** `HostsList`: `host:ip` / `host=ip` list or map → `{host: [ips]}`, IPv6 brackets stripped. */
export function canonicalExtraHosts(value: unknown, path: Path, c: CanonContext): unknown {
  const hosts: Record<string, string[]> = {};
  const add = (host: string, ips: string[]) => {
    if (!host || /[:=]/.test(host)) c.ctx.report({ code: 'invalid_extra_host', message: `bad host name '${host}'`, path });
    hosts[host] = [...(hosts[host] ?? []), ...ips.map(unbracket)];
  };
  if (Array.isArray(value)) {
    for (const e of value) {
      const s = toStr(e);
      const sep = s.includes('=') ? '=' : ':';
      const i = s.indexOf(sep);
      if (i < 0) c.ctx.report({ code: 'invalid_extra_host', message: `invalid additional host, missing IP: ${s}`, path });
      else add(s.slice(0, i), s.slice(i + 1).split(','));
    }
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) add(k, Array.isArray(v) ? v.map(toStr) : [toStr(v)]);
  } else {
    c.ctx.report({ code: 'invalid_type', message: 'extra_hosts must be a list or a mapping', path });
    return undefined;
  }
  return hosts;
}

function unbracket(ip: string): string {
  return ip.length > 2 && ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
}

/** Service `secrets`/`configs` entries: a name → `{source}`; secrets target defaults to /run/secrets/<source>. */
export function canonicalFileMount(value: unknown, path: Path, c: CanonContext, secret: boolean): unknown {
  const ref: Record<string, unknown> = typeof value === 'string' ? { source: value } : isObject(value) ? { ...value } : {};
  if (!isObject(value) && typeof value !== 'string') c.ctx.report({ code: 'invalid_type', message: 'expected a name or a mapping', path });
  if (secret && ref.target === undefined) ref.target = `/run/secrets/${toStr(ref.source)}`;
  for (const k of ['uid', 'gid']) if (ref[k] !== undefined) ref[k] = toStr(ref[k]);
  if (ref.mode !== undefined) ref.mode = fileMode(ref.mode) ?? ref.mode;
  return ref;
}

/** `FileMode`: a string is octal (`"0440"`), a number is taken as is. */
function fileMode(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^[0-7]+$/.test(v)) return Number.parseInt(v, 8);
  return undefined;
}

export function canonicalSecretMount(value: unknown, path: Path, c: CanonContext): unknown {
  return canonicalFileMount(value, path, c, true);
}

export function canonicalConfigMount(value: unknown, path: Path, c: CanonContext): unknown {
  return canonicalFileMount(value, path, c, false);
}

/** `ulimits`: a number → `{single}`, `{soft, hard}` kept (as integers). */
export function canonicalUlimits(value: Record<string, unknown>, path: Path, c: CanonContext): unknown {
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value)) {
    const single = toInt(v);
    if (single !== undefined) out[name] = { single };
    else if (isObject(v)) out[name] = { ...v, soft: toInt(v.soft) ?? v.soft, hard: toInt(v.hard) ?? v.hard };
    else c.ctx.report({ code: 'invalid_type', message: `ulimit ${name} must be a number or {soft, hard}`, path: [...path, name] });
  }
  return out;
}

export function canonicalUlimitsHandler(value: unknown, path: Path, c: CanonContext): unknown {
  if (isObject(value)) return canonicalUlimits(value, path, c);
  c.ctx.report({ code: 'invalid_type', message: 'ulimits must be a mapping', path });
  return undefined;
}

/** `devices`: `src[:dst[:perms]]` → `{source, target, permissions}` (target defaults to source, perms to rwm). */
export function canonicalDevice(value: unknown, path: Path, c: CanonContext): unknown {
  if (isObject(value)) return value;
  const parts = toStr(value).split(':');
  if (parts.length > 3) {
    c.ctx.report({ code: 'invalid_device', message: `confusing device mapping, please use long syntax: ${toStr(value)}`, path });
    return value;
  }
  const [source = '', target = '', permissions = 'rwm'] = parts;
  return { source, target: target || source, permissions };
}

/** `gpus: all` → `[{count: all}]`; a device request without count nor device_ids gets `count: all`. */
export function canonicalGpus(value: unknown): unknown {
  if (typeof value === 'string') return [{ count: 'all' }];
  return Array.isArray(value) ? value.map(deviceRequest) : value;
}

export function deviceRequest(v: unknown): unknown {
  if (!isObject(v)) return v;
  const out = { ...v };
  if (out.count === undefined && out.device_ids === undefined) out.count = 'all';
  else if (out.count !== undefined && out.count !== 'all') out.count = toInt(out.count) ?? out.count;
  return out;
}

/** `logging.options`: values are strings. */
export function canonicalLogging(value: unknown): unknown {
  if (!isObject(value) || !isObject(value.options)) return value;
  const options: Record<string, string> = {};
  for (const [k, v] of Object.entries(value.options)) options[k] = toStr(v);
  return { ...value, options };
}
