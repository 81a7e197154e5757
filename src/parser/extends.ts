// PLACEHOLDER (replaced by the include/extends/merge work).
import type { LoadContext, RawMap } from './types.js';
export function applyExtends(raw: RawMap, _ctx: LoadContext, _file: string): RawMap {
  return raw;
}
