/**
 * Stage 4 (merge): several `-f` files (and extends bases, include conflicts) merged as compose does:
 * per-path rules from merge-rules.ts, then maps deep, lists appended, scalars replaced; `!reset`
 * removes, `!override` replaces. resolveResets then drops leftover markers and makes keyed lists
 * unique (merge-unique.ts), which compose does after every file, a single one too.
 */
import { copyMap, emptyMap, findMergeRule, type MergeContext } from './merge-rules.js';
import { enforceUnicity } from './merge-unique.js';
import type { LoadContext, Path, RawMap, RawValue } from './types.js';
import { OverrideTag, ResetTag, formatPath, isMap } from './types.js';

/** Merge `override` onto `base` (both raw models of whole files). */
export function mergeModels(base: RawMap, override: RawMap, ctx: LoadContext): RawMap {
  return mergeAt(base, override, [], ctx);
}

/** Merge two raw values found at `path` (e.g. a service onto its extends base at ['services', name]). */
export function mergeAt<T extends RawValue>(base: T, override: RawValue, path: Path, ctx: LoadContext): T {
  const mc = mergeContext(ctx);
  return mergeValue(stripMarkers(base), override, path, mc) as T;
}

/** The model with markers gone and keyed lists unique: what compose holds after loading a file. */
export function resolveResets(raw: RawMap): RawMap {
  return enforceUnicity(stripMarkers(raw)) as RawMap;
}

function mergeContext(ctx: LoadContext): MergeContext {
  const mc: MergeContext = {
    mergeMappings: (b, o, p) => mergeMappings(b, o, p, mc),
    clean: stripMarkers,
    fail: (path, message) => ctx.report({ code: 'merge_type_mismatch', message, path }),
  };
  return mc;
}

function mergeValue(base: RawValue, override: RawValue, path: Path, mc: MergeContext): RawValue {
  if (override instanceof ResetTag) return null;
  if (override instanceof OverrideTag) return stripMarkers(override.value as RawValue);
  const rule = findMergeRule(path);
  if (rule) return rule(base, override, path, mc);
  if (override === null) return base;
  if (isMap(base)) {
    if (isMap(override)) return mergeMappings(base as RawMap, override as RawMap, path, mc);
    mc.fail(path, `cannot override ${formatPath(path)}: a mapping cannot be merged with ${describe(override)}`);
    return stripMarkers(override);
  }
  if (Array.isArray(base)) {
    if (Array.isArray(override)) return [...base, ...(stripMarkers(override) as RawValue[])];
    mc.fail(path, `cannot override ${formatPath(path)}: a list cannot be merged with ${describe(override)}`);
    return stripMarkers(override);
  }
  return stripMarkers(override);
}

/** Key by key: `!reset` deletes, `!override` replaces, new keys are added, shared keys merge. */
function mergeMappings(base: RawMap, override: RawMap, path: Path, mc: MergeContext): RawMap {
  const out = copyMap(base);
  for (const [k, v] of Object.entries(override)) {
    if (v instanceof ResetTag) delete out[k];
    else if (v instanceof OverrideTag) out[k] = stripMarkers(v.value as RawValue);
    else if (!Object.hasOwn(out, k)) out[k] = stripMarkers(v);
    else out[k] = mergeValue(out[k]!, v, [...path, k], mc);
  }
  return out;
}

/** A value with `!reset` keys and items dropped and `!override` unwrapped; unchanged parts are shared. */
export function stripMarkers(v: RawValue): RawValue {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof OverrideTag) return stripMarkers(v.value as RawValue);
  if (v instanceof ResetTag) return null;
  if (Array.isArray(v)) return stripList(v);
  let out: RawMap | undefined;
  for (const k in v) {
    const x = v[k]!;
    const y = x instanceof ResetTag ? undefined : stripMarkers(x);
    if (y === x) continue;
    out ??= copyMap(v);
    if (y === undefined) delete out[k];
    else out[k] = y;
  }
  return out ?? v;
}

function stripList(v: RawValue[]): RawValue[] {
  let out: RawValue[] | undefined;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    const y = x instanceof ResetTag ? undefined : stripMarkers(x);
    if (out === undefined && y === x) continue;
    out ??= v.slice(0, i);
    if (y !== undefined) out.push(y);
  }
  return out ?? v;
}

function describe(v: RawValue): string {
  if (Array.isArray(v)) return 'a list';
  if (isMap(v)) return 'a mapping';
  return `a ${typeof v}`;
}
