/**
 * `services.*.build`: a string is the context; defaults `context: .` and `dockerfile: Dockerfile`
 * (unless `dockerfile_inline`); contexts made absolute; args resolved from the project
 * environment (an unresolved bare arg is dropped, as compose-go's normalize does).
 */
import type { Path } from '../types.js';
import { canonicalExtraHosts, canonicalFileMount, canonicalUlimits } from './misc.js';
import { absContextPath, absHostPath } from './paths.js';
import { stringList, stringMap, toBool, toStr } from './scalars.js';
import { isObject, type CanonContext } from './table.js';
import { parseBytes } from './units.js';

const STRING_LISTS = ['cache_from', 'cache_to', 'tags', 'platforms', 'no_cache_filter', 'entitlements'];
const BOOLEANS = ['no_cache', 'pull', 'privileged'];

export function canonicalBuild(value: unknown, path: Path, c: CanonContext): unknown {
  if (typeof value === 'string') value = { context: value };
  if (!isObject(value)) {
    c.ctx.report({ code: 'invalid_type', message: 'build must be a string or a mapping', path });
    return undefined;
  }
  const b: Record<string, unknown> = { ...value };
  b.context = absContextPath(toStr(b.context ?? '.'), c);
  if (b.dockerfile === undefined && b.dockerfile_inline === undefined) b.dockerfile = 'Dockerfile';
  if (b.args !== undefined) b.args = buildArgs(b.args, c);
  if (b.labels !== undefined) b.labels = stringMap(b.labels) ?? b.labels;
  if (b.additional_contexts !== undefined) b.additional_contexts = additionalContexts(b.additional_contexts, c);
  if (b.ssh !== undefined) b.ssh = sshKeys(b.ssh, [...path, 'ssh'], c);
  for (const k of STRING_LISTS) if (b[k] !== undefined) b[k] = stringList(b[k]) ?? b[k];
  for (const k of BOOLEANS) if (b[k] !== undefined) b[k] = toBool(b[k]) ?? b[k];
  // provenance/sbom: `true` and `mode=max` alike are passed on as strings.
  for (const k of ['provenance', 'sbom']) if (b[k] !== undefined && b[k] !== null) b[k] = toStr(b[k]);
  if (b.shm_size !== undefined) b.shm_size = parseBytes(b.shm_size) ?? b.shm_size;
  if (b.extra_hosts !== undefined) b.extra_hosts = canonicalExtraHosts(b.extra_hosts, [...path, 'extra_hosts'], c);
  if (Array.isArray(b.secrets)) b.secrets = b.secrets.map((s, i) => canonicalFileMount(s, [...path, 'secrets', i], c, false));
  if (isObject(b.ulimits)) b.ulimits = canonicalUlimits(b.ulimits, [...path, 'ulimits'], c);
  return b;
}

function buildArgs(value: unknown, c: CanonContext): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((e) => {
        const s = toStr(e);
        const i = s.indexOf('=');
        return i < 0 ? [s, null] : [s.slice(0, i), s.slice(i + 1)];
      })
    : Object.entries(isObject(value) ? value : {});
  for (const [k, v] of entries) {
    if (v !== null && v !== undefined) out[k] = toStr(v);
    else if (k in c.env) out[k] = c.env[k]!;
  }
  return out;
}

function additionalContexts(value: unknown, c: CanonContext): unknown {
  const map = stringMap(value);
  if (!map) return value;
  for (const k of Object.keys(map)) map[k] = absContextPath(map[k]!, c);
  return map;
}

/** `ssh`: `default` or `id=path` entries (list or map), paths resolved; kept as `id=path` strings. */
function sshKeys(value: unknown, path: Path, c: CanonContext): unknown {
  const entries: [string, string | null][] = [];
  if (Array.isArray(value)) {
    for (const e of value) {
      const s = toStr(e);
      const i = s.indexOf('=');
      if (i < 0 && s !== 'default') c.ctx.report({ code: 'invalid_ssh', message: `invalid ssh key "${s}"`, path });
      entries.push(i < 0 ? [s, null] : [s.slice(0, i), s.slice(i + 1)]);
    }
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) entries.push([k, v === null || v === undefined ? null : toStr(v)]);
  } else return value;
  return entries.map(([id, p]) => (p === null || p === '' ? id : `${id}=${absHostPath(p, c)}`));
}
