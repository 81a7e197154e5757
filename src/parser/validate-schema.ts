// PLACEHOLDER (replaced by the validation work).
import type { LoadContext, RawMap } from './types.js';
export function validateSchema(_raw: RawMap, _ctx: LoadContext): void {}
