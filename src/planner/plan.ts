/**
 * The planner: desired model + engine snapshot + options → a plan. Pure: no I/O, no clock,
 * same inputs give the same plan. Per-kind planners live in their own files.
 */
import { NcomposeError, type Diagnostic } from '../diagnostics.js';
import type { ContainerSummary, Snapshot } from '../engine/engine.js';
import { fingerprintSnapshot } from '../engine/observe.js';
import type { Project } from '../model/project.js';
import { planContainers } from './containers.js';
import { findCycles } from '../model/cycles.js';
import { cycleDiagnostic } from './cycles.js';
import { adjacency, edgesByService, serviceEdges, serviceScope } from './graph.js';
import { planImages } from './images.js';
import { LABELS, isOneOff } from './names.js';
import { planNetworks } from './networks.js';
import type { PlanContext, PlanOptions } from './options.js';
import { findOrphans, planOrphans } from './orphans.js';
import { PLAN_FORMAT_VERSION, type Plan, type PlanAction, type PlanSummary } from './plan-types.js';
import { sortActions } from './toposort.js';
import { keepBackups, splitBackups, staleBackupAction } from './backups.js';
import { applyUpdateStrategy } from './strategy.js';
import { planVolumes } from './volumes.js';

export type { PlanOptions } from './options.js';

export function plan(desired: Project, snapshot: Snapshot, opts: PlanOptions = {}): Plan {
  const ctx = createContext(desired, snapshot, opts);
  const images = planImages(ctx);
  const networks = planNetworks(ctx);
  const volumes = planVolumes(ctx);
  planContainers(ctx, { images, networks, volumes });
  const { live, backups } = splitBackups(snapshot.containers);
  const orphans = findOrphans(desired, live, opts.disabledServices);
  ctx.actions.push(...planOrphans(orphans, Boolean(opts.removeOrphans), ctx.warnings), ...backups.map(staleBackupAction));
  applyUpdateStrategy(desired.services, ctx.actions, opts.strategy, ctx.warnings);
  if (opts.atomic) keepBackups(ctx.actions);
  if (ctx.errors.length) throw new PlanError(ctx.errors);
  return assemblePlan(desired, snapshot, 'up', sortActions(uniqueIds(ctx.actions)), ctx.warnings, opts);
}

/** A plan that cannot be made (cycle, missing external resource, …): diagnostics, exit 1. */
export class PlanError extends NcomposeError {
  constructor(diagnostics: Diagnostic[]) {
    super(`cannot plan: ${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'}`, diagnostics);
    this.name = 'PlanError';
  }
}

function createContext(project: Project, snapshot: Snapshot, opts: PlanOptions): PlanContext {
  const edges = serviceEdges(project);
  const adj = adjacency(project, edges);
  const cycles = findCycles(edgesByService(project, edges), (e) => e.to);
  if (cycles.length) throw new PlanError(cycles.map((c) => cycleDiagnostic(c.edges, opts.locate)));
  const targets = opts.services ?? [];
  const unknown = targets.filter((s) => !project.services[s]);
  if (unknown.length) {
    throw new PlanError(unknown.map((s) => ({ code: 'no_such_service', severity: 'error', message: `no such service: ${s}` })));
  }
  const scope = serviceScope(adj, targets, Boolean(opts.noDeps));
  return {
    project,
    snapshot,
    opts,
    edges,
    adj,
    scope,
    targets: targets.length ? new Set(targets) : new Set(scope),
    containersByService: groupByService(splitBackups(snapshot.containers).live),
    actions: [],
    byService: new Map(),
    warnings: [],
    errors: [],
  };
}

function groupByService(containers: ContainerSummary[]): Map<string, ContainerSummary[]> {
  const out = new Map<string, ContainerSummary[]>();
  for (const c of containers) {
    if (isOneOff(c.labels)) continue;
    const s = c.labels[LABELS.service] ?? '';
    out.set(s, [...(out.get(s) ?? []), c]);
  }
  return out;
}

/** Ids are unique by construction; this only guards odd engine states (two orphans, one name). */
function uniqueIds(actions: PlanAction[]): PlanAction[] {
  const seen = new Set<string>();
  for (const a of actions) {
    let id = a.id;
    for (let i = 2; seen.has(id); i++) id = `${a.id}#${i}`;
    a.id = id;
    seen.add(id);
  }
  return actions;
}

export function assemblePlan(project: Project, snapshot: Snapshot, command: Plan['command'], actions: PlanAction[], warnings: string[], opts: object): Plan {
  const { locate: _locate, includeModel, ...options } = opts as { locate?: unknown; includeModel?: boolean };
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    project: project.name,
    command,
    fingerprint: fingerprintSnapshot(snapshot),
    actions: actions.map(orderKeys),
    summary: summarize(actions),
    ...(warnings.length ? { warnings } : {}),
    ...(includeModel === false ? {} : { model: project }),
    options: JSON.parse(JSON.stringify(options)) as Record<string, unknown>,
  };
}

const ACTION_KEYS = ['id', 'action', 'type', 'name', 'service', 'number', 'cause', 'changes', 'dependsOn', 'waitFor', 'existingId', 'details'];

/** One key order for every action, so JSON plans diff cleanly. */
function orderKeys(a: PlanAction): PlanAction {
  const out: Record<string, unknown> = {};
  for (const k of ACTION_KEYS) if ((a as unknown as Record<string, unknown>)[k] !== undefined) out[k] = (a as unknown as Record<string, unknown>)[k];
  return out as unknown as PlanAction;
}

export function summarize(actions: PlanAction[]): PlanSummary {
  const s: PlanSummary = { create: 0, recreate: 0, remove: 0, start: 0, stop: 0, pull: 0, build: 0, noop: 0 };
  for (const a of actions) s[a.action]++;
  return s;
}

/** Anything but noop is a change (`--detailed-exitcode` 2). */
export function hasChanges(p: Plan): boolean {
  return p.actions.some((a) => a.action !== 'noop');
}
