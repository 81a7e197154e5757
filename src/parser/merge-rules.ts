/**
 * Per-path merge rules of compose (compose-go `override/merge.go` mergeSpecials), as an ordered
 * table: the first pattern matching a model path decides how a base and an override value merge.
 */
import type { Path, RawMap, RawValue } from './types.js';
import { ResetTag, isMap } from './types.js';

/** What a rule may call back into: the generic mapping merge and error reporting. */
export interface MergeContext {
  mergeMappings(base: RawMap, override: RawMap, path: Path): RawMap;
  /** Drop !reset items / unwrap !override inside a value taken as a whole. */
  clean(v: RawValue): RawValue;
  fail(path: Path, message: string): void;
}

export type Merger = (base: RawValue, override: RawValue, path: Path, mc: MergeContext) => RawValue;

/** `a.*.b` → ['a', '*', 'b']; `*` matches exactly one segment. */
export function matchesPattern(pattern: readonly string[], path: Path): boolean {
  if (pattern.length !== path.length) return false;
  return pattern.every((p, i) => p === '*' || p === String(path[i]));
}

/** The override value replaces the base value as a whole (command, entrypoint, healthcheck.test). */
const replace: Merger = (_base, override, _path, mc) => mc.clean(override);

/**
 * `K=V` lists and mappings merged by key; the later file wins per key, even with no value
 * (`- K` unsets an inherited `K=1`, as compose's list merge does). Result: a mapping.
 */
const mergeByKey: Merger = (base, override, _path, mc) => {
  if (override === null) return base;
  const out = copyMap(toKeyMap(mc.clean(base)));
  for (const [k, v] of Object.entries(toKeyMap(override))) {
    if (v instanceof ResetTag) delete out[k];
    else out[k] = mc.clean(v);
  }
  return out;
};

/** Lists (or a single string) appended; made unique by key later (merge-unique.ts). */
const appendSequence: Merger = (base, override, _path, mc) => {
  return [...toSequence(mc.clean(base)), ...toSequence(mc.clean(override))];
};

/** Lists appended, dropping override entries already present verbatim (compose mergeExtraHosts). */
const mergeExtraHosts: Merger = (base, override, _path, mc) => {
  const left = toHostSequence(mc.clean(base));
  const right = toHostSequence(mc.clean(override)).filter((v) => !left.includes(v));
  return [...left, ...right];
};

/** A list of names becomes a mapping of name → null, then mappings merge key by key. */
const mergeNameMap: Merger = (base, override, path, mc) => {
  if (override === null) return base;
  return mc.mergeMappings(toNameMap(base, () => null), toNameMap(override, () => null), path);
};

/** depends_on: a list of names means `{condition: service_started, required: true}` each. */
const mergeDependsOn: Merger = (base, override, path, mc) => {
  if (override === null) return base;
  const dflt = (): RawMap => ({ condition: 'service_started', required: true });
  return mc.mergeMappings(toNameMap(base, dflt), toNameMap(override, dflt), path);
};

/** Logging options merge only when both sides name the same driver (or one names none). */
const mergeLogging: Merger = (base, override, path, mc) => {
  if (!isMap(override)) return override === null ? base : mc.clean(override);
  if (!isMap(base)) return mc.clean(override);
  const sameDriver = !('driver' in base) || !('driver' in override) || base.driver === override.driver;
  return sameDriver ? mc.mergeMappings(base, override, path) : mc.clean(override);
};

/** `build: ./dir` is `build: {context: ./dir}` before merging. */
const mergeBuild: Merger = (base, override, path, mc) => {
  const toBuild = (v: RawValue): RawMap | undefined => (typeof v === 'string' ? { context: v } : isMap(v) ? (v as RawMap) : undefined);
  const b = toBuild(base);
  const o = toBuild(override);
  if (!o) return b ?? base;
  return b ? mc.mergeMappings(b, o, path) : mc.clean(o);
};

/** One ulimit: the override replaces it whole (compose merges the override with itself). */
const mergeUlimit: Merger = (_base, override, _path, mc) => mc.clean(override);

/** ipam.config entries are paired by subnet, following compose's mergeIPAMConfig step by step. */
const mergeIpamConfig: Merger = (base, override, path, mc) => {
  if (!Array.isArray(base) || !Array.isArray(override)) {
    mc.fail(path, `cannot merge ${path.join('.')}: both sides must be lists`);
    return mc.clean(override);
  }
  const out: RawMap[] = [];
  const indexOf = (subnet: RawValue | undefined) => out.findIndex((c) => c.subnet === subnet);
  for (const original of base) {
    let right: RawMap = isMap(original) ? copyMap(original as RawMap) : emptyMap();
    for (const entry of override) {
      const left = isMap(entry) ? (mc.clean(entry) as RawMap) : emptyMap();
      if (left.subnet !== right.subnet && indexOf(left.subnet) < 0) {
        out.push(left);
        continue;
      }
      right = mc.mergeMappings(right, left, path);
      const at = indexOf(right.subnet);
      if (at >= 0) out[at] = right;
      else out.push(right);
    }
  }
  return out;
};

/** Ordered: first match wins. Paths not listed merge generically (maps deep, lists appended, scalars replaced). */
export const MERGE_RULES: readonly (readonly [string, Merger])[] = [
  ['services.*.command', replace],
  ['services.*.entrypoint', replace],
  ['services.*.healthcheck.test', replace],
  ['services.*.environment', mergeByKey],
  ['services.*.labels', mergeByKey],
  ['services.*.annotations', mergeByKey],
  ['services.*.sysctls', mergeByKey],
  ['services.*.deploy.labels', mergeByKey],
  ['services.*.build.args', mergeByKey],
  ['services.*.build.labels', mergeByKey],
  ['services.*.build.additional_contexts', mergeByKey],
  ['networks.*.labels', mergeByKey],
  ['volumes.*.labels', mergeByKey],
  ['services.*.env_file', appendSequence],
  ['services.*.label_file', appendSequence],
  ['services.*.dns', appendSequence],
  ['services.*.dns_opt', appendSequence],
  ['services.*.dns_search', appendSequence],
  ['services.*.tmpfs', appendSequence],
  ['services.*.extra_hosts', mergeExtraHosts],
  ['services.*.build.extra_hosts', mergeExtraHosts],
  ['services.*.build', mergeBuild],
  ['services.*.depends_on', mergeDependsOn],
  ['services.*.networks', mergeNameMap],
  ['services.*.models', mergeNameMap],
  ['services.*.logging', mergeLogging],
  ['services.*.ulimits.*', mergeUlimit],
  ['networks.*.ipam.config', mergeIpamConfig],
];

const COMPILED = MERGE_RULES.map(([p, m]) => [p.split('.'), m] as const);

export function findMergeRule(path: Path): Merger | undefined {
  for (const [pattern, merger] of COMPILED) if (matchesPattern(pattern, path)) return merger;
  return undefined;
}

/** `[K=V, K]` or `{K: V}` → `{K: V, K: null}`; a lone string counts as a one-item list. */
export function toKeyMap(v: RawValue): RawMap {
  if (isMap(v)) return v as RawMap;
  const out = emptyMap();
  const items = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  for (const item of items) {
    if (item === null || typeof item === 'object') continue;
    const s = String(item);
    const eq = s.indexOf('=');
    if (eq < 0) out[s] = null;
    else out[s.slice(0, eq)] = s.slice(eq + 1);
  }
  return out;
}

function toSequence(v: RawValue): RawValue[] {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) return [];
  return [v];
}

/** extra_hosts mapping → `host=ip` strings, sorted as compose does; lists kept as they are. */
function toHostSequence(v: RawValue): RawValue[] {
  if (!isMap(v)) return toSequence(v);
  const out: string[] = [];
  for (const [k, val] of Object.entries(v as RawMap)) {
    if (val === null) out.push(k);
    else if (Array.isArray(val)) for (const ip of val) out.push(`${k}=${String(ip)}`);
    else out.push(`${k}=${String(val)}`);
  }
  return out.sort();
}

function toNameMap(v: RawValue, dflt: () => RawValue): RawMap {
  if (isMap(v)) return v as RawMap;
  const out = emptyMap();
  if (Array.isArray(v)) for (const item of v) if (typeof item === 'string') out[item] = dflt();
  return out;
}

/** Maps without a prototype, so a compose key named `__proto__` stays a plain key. */
export function emptyMap(): RawMap {
  return Object.create(null) as RawMap;
}

export function copyMap(m: RawMap): RawMap {
  return Object.assign(emptyMap(), m);
}
