/** The project as compose prints it: top-level keys in compose's order, everything else sorted. */
import { stringify } from 'yaml';
import type { Project } from './project.js';

const TOP_LEVEL_ORDER = ['name', 'services', 'networks', 'volumes', 'secrets', 'configs', 'models'];

export function orderedProject(project: Project): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(project);
  for (const k of TOP_LEVEL_ORDER) if (k in project && project[k as keyof Project] !== undefined) out[k] = sortDeep(project[k as keyof Project]);
  for (const k of keys.filter((k) => !TOP_LEVEL_ORDER.includes(k)).sort()) out[k] = sortDeep((project as unknown as Record<string, unknown>)[k]);
  return out;
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = sortDeep(x);
  }
  return out;
}

export function projectToJson(project: Project): string {
  return JSON.stringify(orderedProject(project), null, 2) + '\n';
}

export function projectToYaml(project: Project): string {
  // Quote strings that YAML would read back as another type, so the output round-trips.
  return stringify(orderedProject(project), { lineWidth: 0, nullStr: 'null', aliasDuplicateObjects: false });
}
