// PLACEHOLDER (replaced by the canonical-form work): passes the raw model through.
import type { Project } from '../../model/project.js';
import type { LoadContext, RawMap } from '../types.js';
export function canonicalize(raw: RawMap, _ctx: LoadContext, name: string): Project {
  return { ...(raw as unknown as Project), name, services: (raw.services ?? {}) as unknown as Project['services'] };
}
