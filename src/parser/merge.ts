// PLACEHOLDER (replaced by the include/extends/merge work): shallow merge.
import type { LoadContext, RawMap } from './types.js';
export function mergeModels(base: RawMap, override: RawMap, _ctx: LoadContext): RawMap {
  return { ...base, ...override };
}
export function resolveResets(raw: RawMap): RawMap {
  return raw;
}
