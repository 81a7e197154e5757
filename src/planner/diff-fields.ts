/** Leaf-by-leaf differences between two service configs: `environment.RELEASE: v1 → v2`. */
import { stableStringify } from '../model/config-hash.js';
import type { FieldChange } from './plan-types.js';

type Json = unknown;

/** Objects recurse by sorted key; arrays of objects by index; anything else compares whole. */
export function diffFields(before: Json, after: Json, prefix = ''): FieldChange[] {
  if (isObject(before) || isObject(after)) {
    if ((isObject(before) || before == null) && (isObject(after) || after == null)) return diffObjects(before, after, prefix);
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length && before.some(isObject)) {
    return before.flatMap((b, i) => diffFields(b, after[i], join(prefix, String(i))));
  }
  if (stableStringify(before ?? null) === stableStringify(after ?? null)) return [];
  return [{ path: prefix, before: before ?? null, after: after ?? null }];
}

function diffObjects(before: Json, after: Json, prefix: string): FieldChange[] {
  const b = (before ?? {}) as Record<string, Json>;
  const a = (after ?? {}) as Record<string, Json>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys.flatMap((k) => diffFields(b[k], a[k], join(prefix, k)));
}

function isObject(v: Json): v is Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}
