// PLACEHOLDER (replaced by the interpolation work): no substitution yet.
import type { LoadContext, RawMap } from './types.js';
export function interpolateTree(raw: RawMap, _ctx: LoadContext, _file: string): RawMap {
  return raw;
}
