// PLACEHOLDER (replaced by the include/extends/merge work).
import type { LoadContext, RawMap } from './types.js';
export function applyIncludes(raw: RawMap, _ctx: LoadContext, _file: string, _stack: string[]): RawMap {
  const { include: _include, ...rest } = raw;
  return rest as RawMap;
}
