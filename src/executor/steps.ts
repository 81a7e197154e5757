/**
 * Plan actions → walk steps. A container create/recreate becomes two steps: `<id>#create`, which
 * needs only resources and the containers its body names (service:x, volumes_from, links), and
 * `<id>`, which needs every dependency of the plan. So creates never wait for dependencies to start.
 */
import type { Project, ServiceConfig } from '../model/project.js';
import type { PlanAction } from '../planner/plan-types.js';
import type { WalkNode } from './walk.js';

export interface Step extends WalkNode {
  action: PlanAction;
  phase: 'create' | 'run';
}

export function expandSteps(actions: PlanAction[], project: Project): Step[] {
  const byId = new Map(actions.map((a) => [a.id, a]));
  const twoPhase = (a: PlanAction | undefined) => a?.type === 'container' && (a.action === 'create' || a.action === 'recreate');
  const steps: Step[] = [];
  for (const a of actions) {
    const soft = Array.isArray(a.details?.softDependsOn) ? (a.details.softDependsOn as string[]) : [];
    const optional = [...(a.waitFor ?? []).filter((w) => !w.required).map((w) => w.action), ...soft];
    if (!twoPhase(a)) {
      steps.push({ id: a.id, dependsOn: a.dependsOn, optional, action: a, phase: 'run' });
      continue;
    }
    const svc = a.service ? project.services[a.service] : undefined;
    const referenced = svc ? referencedServices(svc, project) : new Set<string>();
    const createDeps = a.dependsOn.filter((d) => {
      const dep = byId.get(d);
      // A duplicate replica (left by an interrupted recreate) may hold the temporary name this create uses.
      if (dep?.action === 'remove' && dep.cause === 'invalid_number') return true;
      return !dep || dep.type !== 'container' || (dep.service !== undefined && referenced.has(dep.service));
    }).map((d) => (twoPhase(byId.get(d)) ? `${d}#create` : d));
    steps.push({ id: `${a.id}#create`, dependsOn: createDeps, action: a, phase: 'create' });
    steps.push({ id: a.id, dependsOn: [`${a.id}#create`, ...a.dependsOn], optional, action: a, phase: 'run' });
  }
  return steps;
}

/** Services whose container ids or names the create body needs. */
export function referencedServices(svc: ServiceConfig, project: Project): Set<string> {
  const out = new Set<string>();
  for (const v of [svc.network_mode, svc.ipc, svc.pid]) if (v?.startsWith('service:')) out.add(v.slice('service:'.length));
  for (const v of svc.volumes_from ?? []) {
    const name = v.split(':')[0]!;
    if (project.services[name]) out.add(name);
  }
  for (const l of svc.links ?? []) out.add(l.split(':')[0]!);
  return out;
}
