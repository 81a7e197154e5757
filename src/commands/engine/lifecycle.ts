/**
 * start / stop / restart / rm as small plans over the existing containers, so they run through
 * the same executor: concurrent, dependency-ordered (starts after dependencies, stops before
 * them), with depends_on conditions on start and the same progress output.
 */
import type { ContainerSummary } from '../../engine/engine.js';
import type { Project } from '../../model/project.js';
import { adjacency, dependsOnEntries, serviceEdges } from '../../planner/graph.js';
import type { Plan, PlanAction } from '../../planner/plan-types.js';
import { summarize } from '../../planner/plan.js';

type Kind = 'start' | 'stop' | 'remove';

const serviceOf = (c: ContainerSummary) => c.labels['com.docker.compose.service'] ?? '';

export function lifecyclePlan(project: Project, containers: ContainerSummary[], kinds: Kind[], fingerprint = ''): Plan {
  const deps = adjacency(project, serviceEdges(project));
  const dependents = new Map<string, string[]>();
  for (const [from, tos] of deps) for (const to of tos) dependents.set(to, [...(dependents.get(to) ?? []), from]);
  const actions: PlanAction[] = [];
  for (const kind of kinds) {
    for (const c of containers) actions.push(action(kind, c, kinds, containers, kind === 'start' ? deps : dependents, project));
  }
  return { formatVersion: 1, project: project.name, command: 'up', fingerprint, actions, summary: summarize(actions) };
}

function action(kind: Kind, c: ContainerSummary, kinds: Kind[], all: ContainerSummary[], edges: Map<string, string[]>, project: Project): PlanAction {
  const svc = serviceOf(c);
  const related = new Set(edges.get(svc) ?? []);
  const dependsOn = all.filter((o) => related.has(serviceOf(o))).map((o) => `${kind}:${o.name}`);
  if (kind === 'start' && kinds.includes('stop')) dependsOn.push(`stop:${c.name}`);
  const a: PlanAction = {
    id: `${kind}:${c.name}`, action: kind, type: 'container', name: c.name, service: svc, cause: kind, changes: [],
    dependsOn, existingId: c.id,
  };
  if (kind === 'start') {
    const waits = dependsOnEntries(project.services[svc] ?? { command: null, entrypoint: null });
    a.waitFor = waits.flatMap(([dep, d]) =>
      all.filter((o) => serviceOf(o) === dep).map((o) => ({ action: `start:${o.name}`, service: dep, condition: d.condition, required: d.required })),
    );
  }
  return a;
}
