/** Orphans: project containers of services the model no longer has. Removed only with --remove-orphans. */
import type { ContainerSummary } from '../engine/engine.js';
import type { Project } from '../model/project.js';
import { removeAction } from './containers.js';
import { cmp } from './graph.js';
import { LABELS, isOneOff } from './names.js';
import type { PlanAction } from './plan-types.js';

export function findOrphans(project: Project, containers: ContainerSummary[], disabled: string[] = []): ContainerSummary[] {
  const known = new Set([...Object.keys(project.services), ...disabled]);
  return containers
    .filter((c) => !isOneOff(c.labels) && !known.has(c.labels[LABELS.service] ?? ''))
    .sort((a, b) => cmp(a.name, b.name));
}

/** Remove actions for orphans, or a warning naming them. */
export function planOrphans(orphans: ContainerSummary[], remove: boolean, warnings: string[]): PlanAction[] {
  if (!orphans.length) return [];
  if (!remove) {
    warnings.push(`orphan containers for services not in the project: ${orphans.map((c) => c.name).join(', ')} (--remove-orphans removes them)`);
    return [];
  }
  return orphans.map((c) => {
    const a = removeAction(c.labels[LABELS.service] ?? '', c, 'orphan');
    return { ...a, id: `container:${c.name}` };
  });
}
