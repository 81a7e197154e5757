/**
 * The two ends of an atomic `up`, each a plan of its own computed from engine snapshots alone:
 * - restore: the engine back to the snapshot taken before the `up` (remove the containers it
 *   made, give backups their names back, start what ran, stop what did not);
 * - commit: remove the backups the forward plan made, once the new containers are verified.
 * Pure, like `plan()`: no I/O, same inputs give the same plan.
 */
import type { ContainerSummary, Snapshot } from '../engine/engine.js';
import { emptySnapshot } from '../engine/observe.js';
import type { Project } from '../model/project.js';
import { isBackupName } from './backups.js';
import { cmp } from './graph.js';
import { LABELS, isOneOff } from './names.js';
import { assemblePlan } from './plan.js';
import type { Plan, PlanAction } from './plan-types.js';
import { sortActions } from './toposort.js';

const DEPENDS_ON = 'com.docker.compose.depends_on';

export interface RestorePlan {
  plan: Plan;
  /** Containers that ran before but are gone (removed without a backup): they cannot come back. */
  lost: string[];
}

export function planRestore(before: Snapshot, now: Snapshot): RestorePlan {
  const was = new Map(replicas(before).map((c) => [c.id, c]));
  const is = new Map(replicas(now).map((c) => [c.id, c]));
  const removes = [...is.values()].filter((c) => !was.has(c.id)).map((c) => containerAction(c, 'remove', c.name));
  const holding = new Map(removes.map((r) => [r.name, r.id]));
  const restores: PlanAction[] = [];
  const lost: string[] = [];
  for (const b of was.values()) {
    const n = is.get(b.id);
    if (!n) {
      if (!isBackupName(b.name)) lost.push(b.name);
      continue;
    }
    const running = isRunning(b.state);
    if (n.name === b.name && running === isRunning(n.state)) continue;
    const a = { ...containerAction(b, running ? 'start' : 'stop', b.name), id: `container:${b.name}#restore` };
    if (n.name !== b.name) a.details = { ...a.details, rename: b.name };
    if (holding.has(b.name)) a.dependsOn.push(holding.get(b.name)!);
    restores.push(a);
  }
  orderStarts(restores);
  const plan = assemblePlan(projectOf(now), now, 'up', sortActions([...removes, ...restores]), [], { includeModel: false, restore: true });
  return { plan, lost: lost.sort(cmp) };
}

/** Soft failure (failure_action pause/continue): only the containers the up made but never started go. */
export function planDiscard(before: Snapshot, now: Snapshot): Plan {
  const { plan } = planRestore(before, now);
  const created = new Set(now.containers.filter((c) => c.state === 'created').map((c) => c.id));
  return { ...plan, actions: plan.actions.filter((a) => a.action === 'remove' && created.has(a.existingId!)).map((a) => ({ ...a, dependsOn: [] })) };
}

/** The backups the forward plan made, except for actions that did not complete. */
export function planCommit(forward: Plan, incomplete: Set<string>): Plan {
  const removes: PlanAction[] = [];
  for (const a of forward.actions) {
    const backup = a.details?.backupName;
    if (typeof backup !== 'string' || !a.existingId || incomplete.has(a.id)) continue;
    removes.push({
      id: `container:${backup}`, action: 'remove', type: 'container', name: backup, service: a.service, cause: 'commit',
      changes: [], dependsOn: [], existingId: a.existingId, details: { service: a.service, containerName: backup, stopped: true },
    });
  }
  const empty = emptySnapshot(forward.project);
  return assemblePlan(projectOf(empty), empty, 'up', removes, [], { includeModel: false, commit: true });
}

function replicas(s: Snapshot): ContainerSummary[] {
  return s.containers.filter((c) => !isOneOff(c.labels) && c.labels[LABELS.service]).sort((a, b) => cmp(a.name, b.name));
}

function isRunning(state: ContainerSummary['state']): boolean {
  return state === 'running' || state === 'restarting' || state === 'paused';
}

function containerAction(c: ContainerSummary, action: 'remove' | 'start' | 'stop', name: string): PlanAction {
  const service = c.labels[LABELS.service]!;
  const number = Number(c.labels[LABELS.number]);
  return {
    id: `container:${c.name}`,
    action,
    type: 'container',
    name,
    service,
    ...(Number.isInteger(number) && number > 0 ? { number } : {}),
    cause: 'rollback',
    changes: [],
    dependsOn: [],
    existingId: c.id,
    details: { service, containerName: name, ...(c.labels[DEPENDS_ON] ? { dependsOnLabel: c.labels[DEPENDS_ON] } : {}) },
  };
}

/** Restored containers start after the restored containers of the services they depended on. */
function orderStarts(restores: PlanAction[]): void {
  const starts = restores.filter((a) => a.action === 'start');
  for (const a of starts) {
    const deps = dependsOnLabel(a);
    for (const d of starts) if (d !== a && deps.has(d.service!)) a.dependsOn.push(d.id);
  }
}

function dependsOnLabel(a: PlanAction): Set<string> {
  const raw = String(a.details?.dependsOnLabel ?? '');
  return new Set(raw.split(',').filter(Boolean).map((e) => e.split(':')[0]!));
}

function projectOf(s: Snapshot): Project {
  return { name: s.project, services: {} } as unknown as Project;
}
