/**
 * Containers, service by service in dependency order: keep, start, recreate, scale up/down.
 * Scale-down removes outdated containers first, then the highest numbers (as compose does).
 */
import type { ContainerSummary } from '../engine/engine.js';
import { configHash } from '../model/config-hash.js';
import type { ServiceConfig } from '../model/project.js';
import { cmp, dependsOnEntries, serviceOrder } from './graph.js';
import { containerName, containerNumber, imageRef, replicaCount, serviceNetworks, serviceVolumes } from './names.js';
import type { PlanContext } from './options.js';
import type { PlanAction } from './plan-types.js';
import { outdatedReason, type DesiredService, type RecreateReason } from './recreate.js';

/** Resource key (network/volume key, image ref) → the action that makes it. */
export interface ResourceActions {
  networks: Map<string, PlanAction>;
  volumes: Map<string, PlanAction>;
  images: Map<string, PlanAction>;
}

export function planContainers(ctx: PlanContext, res: ResourceActions): void {
  for (const name of serviceOrder(ctx.adj)) if (ctx.scope.has(name)) planService(ctx, name, res);
}

function planService(ctx: PlanContext, name: string, res: ResourceActions): void {
  const svc = ctx.project.services[name];
  const want = desiredService(ctx, name, res);
  const count = replicas(ctx, name, svc);
  const reasonOf = reasonFor(ctx, name, want);
  const { valid: existing, invalid } = splitByNumber(ctx.containersByService.get(name) ?? []);
  const reasons = new Map(existing.map((c) => [c.id, reasonOf(c)]));
  const sorted = [...existing].sort(
    (a, b) => Number(!!reasons.get(b.id)) - Number(!!reasons.get(a.id)) || (numberOf(b) - numberOf(a)) || cmp(b.name, a.name),
  );
  const excess = Math.max(0, existing.length - count);
  // By name: a duplicate's number is its kept twin's, and action ids must stay unique.
  const dupes = invalid.map((c) => ({ ...removeAction(name, c, 'invalid_number'), id: `container:${c.name}` }));
  const acts: PlanAction[] = [...dupes];
  acts.push(...sorted.slice(0, excess).map((c) => removeAction(name, c, 'scale_down')));
  const kept = sorted.slice(excess).sort((a, b) => numberOf(a) - numberOf(b) || cmp(a.name, b.name));
  const base = containerBase(ctx, name, want, res);
  for (const c of kept) acts.push(keptAction(ctx, name, c, reasons.get(c.id), base));
  let next = Math.max(0, ...kept.map(numberOf)) + 1;
  for (let i = kept.length; i < count; i++, next++) {
    const cname = containerName(ctx.project.name, name, svc, next);
    acts.push(base(next, cname, { action: 'create', cause: kept.length ? 'scale_up' : 'missing', changes: [] }));
  }
  // A duplicate left by an interrupted recreate may hold the temporary name a recreate would use.
  for (const a of acts) if (a.action !== 'remove' && dupes.length) a.dependsOn.push(...dupes.map((d) => d.id));
  addWaitFor(ctx, name, acts);
  ctx.actions.push(...acts);
  ctx.byService.set(name, acts);
}

function desiredService(ctx: PlanContext, name: string, res: ResourceActions): DesiredService {
  const svc = ctx.project.services[name];
  const ref = imageRef(ctx.project.name, name, svc);
  const imageId = ctx.snapshot.images[ref];
  const act = res.images.get(ref)?.action;
  const pending = !imageId && (act === 'pull' || act === 'build') ? act : undefined;
  return { svc, hash: configHash(svc), ref, imageId, imagePending: pending };
}

function replicas(ctx: PlanContext, name: string, svc: ServiceConfig): number {
  const n = replicaCount(name, svc, ctx.opts.scale);
  if (svc.container_name && n > 1) {
    const path = ['services', name, 'container_name'];
    ctx.errors.push({
      code: 'container_name_with_replicas',
      severity: 'error',
      message: `service ${name} sets container_name, so it cannot run ${n} replicas`,
      path: path.join('.'),
      range: ctx.opts.locate?.(path),
    });
    return 1;
  }
  return n;
}

/** The reason to recreate one container under the policy (--force-recreate / --no-recreate / diverged). */
function reasonFor(ctx: PlanContext, name: string, want: DesiredService): (c: ContainerSummary) => RecreateReason | undefined {
  const parentRecreated = serviceParentRecreated(ctx, want.svc);
  return (c) => {
    if (ctx.opts.noRecreate) return undefined;
    if (ctx.opts.forceRecreate && ctx.targets.has(name)) return { cause: 'force_recreate', changes: [] };
    const r = outdatedReason(c, want);
    if (r) return r;
    if (!parentRecreated) return undefined;
    const { path, value } = parentRecreated;
    return { cause: 'dependency_recreated', changes: [{ path, before: value, after: `${value} (recreated)` }] };
  };
}

/** A `service:` parent (network_mode, ipc, pid) whose first container is created or recreated. */
function serviceParentRecreated(ctx: PlanContext, svc: ServiceConfig): { path: string; value: string } | undefined {
  for (const kind of ['network_mode', 'ipc', 'pid'] as const) {
    const v = svc[kind];
    if (typeof v !== 'string' || !v.startsWith('service:')) continue;
    const acts = (ctx.byService.get(v.slice(8)) ?? []).filter((a) => a.action !== 'remove');
    const first = acts.sort((a, b) => (a.number ?? 0) - (b.number ?? 0))[0];
    if (first && (first.action === 'recreate' || first.action === 'create')) return { path: kind, value: v };
  }
  return undefined;
}

interface ContainerFields {
  action: PlanAction['action'];
  cause: PlanAction['cause'];
  changes: PlanAction['changes'];
  existingId?: string;
  /** Recreate: the name the old container has now. */
  oldName?: string;
  /** Kept as is: the container keeps the name it has. */
  engineName?: string;
}

type BaseFn = (n: number, cname: string, f: ContainerFields) => PlanAction;

/** Container actions of one service share their dependencies; built as literals (no spreads: 1000s per plan). */
function containerBase(ctx: PlanContext, name: string, want: DesiredService, res: ResourceActions): BaseFn {
  const svc = want.svc;
  const dependsOn: string[] = [];
  const image = res.images.get(want.ref);
  if (image) dependsOn.push(image.id);
  for (const k of serviceNetworks(svc)) if (res.networks.has(k)) dependsOn.push(res.networks.get(k)!.id);
  for (const k of serviceVolumes(ctx.project, svc)) if (res.volumes.has(k)) dependsOn.push(res.volumes.get(k)!.id);
  for (const dep of ctx.adj.get(name) ?? []) {
    for (const a of ctx.byService.get(dep) ?? []) if (a.action !== 'remove') dependsOn.push(a.id);
  }
  return (n, cname, f) => {
    const engineName = f.engineName ?? cname;
    const details: Record<string, unknown> = { service: name, number: n, containerName: engineName, configHash: want.hash, image: want.ref };
    if (want.imageId) details.imageId = want.imageId;
    if (f.oldName) details.oldName = f.oldName;
    const a: PlanAction = { id: `container:${name}-${n}`, action: f.action, type: 'container', name: engineName, service: name, number: n, cause: f.cause, changes: f.changes, dependsOn: dependsOn.slice(), details };
    if (f.existingId) a.existingId = f.existingId;
    return a;
  };
}

function keptAction(ctx: PlanContext, name: string, c: ContainerSummary, reason: RecreateReason | undefined, base: BaseFn): PlanAction {
  const n = numberOf(c);
  const cname = containerName(ctx.project.name, name, ctx.project.services[name], n);
  // A recreate interrupted before its rename leaves `<id12>_<name>`: converge by recreating it.
  if (!reason && isTempName(c.name, cname)) reason = { cause: 'interrupted_recreate', changes: [] };
  if (reason) return base(n, cname, { action: 'recreate', cause: reason.cause, changes: reason.changes, existingId: c.id, oldName: c.name });
  // A one-shot others wait on with service_completed_successfully, exited 0: its job is done.
  const running = c.state === 'running' || c.state === 'paused' || c.state === 'restarting' || completedOneShot(ctx, name, c);
  const f = running ? ({ action: 'noop', cause: 'up_to_date' } as const) : ({ action: 'start', cause: 'stopped' } as const);
  return base(n, cname, { ...f, changes: [], existingId: c.id, engineName: c.name });
}

export function removeAction(service: string, c: ContainerSummary, cause: string): PlanAction {
  const n = containerNumber(c.labels);
  return {
    id: Number.isNaN(n) ? `container:${c.name}` : `container:${service}-${n}`,
    action: 'remove',
    type: 'container',
    name: c.name,
    service,
    ...(Number.isNaN(n) ? {} : { number: n }),
    cause,
    changes: [],
    dependsOn: [],
    existingId: c.id,
    details: { service, containerName: c.name, state: c.state, ...(Number.isNaN(n) ? {} : { number: n }) },
  };
}

type Wait = NonNullable<PlanAction['waitFor']>[number];

/** depends_on conditions for every replica of each dependency in scope. */
function addWaitFor(ctx: PlanContext, name: string, acts: PlanAction[]): void {
  const waits: Wait[] = [];
  for (const [dep, d] of dependsOnEntries(ctx.project.services[name])) {
    if (!ctx.scope.has(dep) || dep === name) continue;
    for (const a of ctx.byService.get(dep) ?? []) {
      if (a.action === 'remove') continue;
      const w: Wait = { action: a.id, service: dep, condition: d.condition, required: d.required };
      if (d.restart) w.restart = true;
      waits.push(w);
    }
  }
  if (!waits.length) return;
  // Replicas share the (read-only) entries; each gets its own array.
  for (const a of acts) if (a.action !== 'remove') a.waitFor = waits.slice();
}

/** Containers without a number label, or repeating one, cannot be kept as a replica. */
function splitByNumber(all: ContainerSummary[]): { valid: ContainerSummary[]; invalid: ContainerSummary[] } {
  const seen = new Set<number>();
  const valid: ContainerSummary[] = [];
  const invalid: ContainerSummary[] = [];
  // The properly named replica wins over a temporary one left by an interrupted recreate.
  const rank = (c: ContainerSummary) => (/^[0-9a-f]{12}_/.test(c.name) ? 1 : 0);
  for (const c of [...all].sort((a, b) => rank(a) - rank(b) || cmp(a.name, b.name))) {
    const n = containerNumber(c.labels);
    if (Number.isNaN(n) || seen.has(n)) invalid.push(c);
    else (seen.add(n), valid.push(c));
  }
  return { valid, invalid };
}

function isTempName(actual: string, expected: string): boolean {
  return actual !== expected && /^[0-9a-f]{12}_/.test(actual) && actual.slice(13) === expected;
}

function numberOf(c: ContainerSummary): number {
  const n = containerNumber(c.labels);
  return Number.isNaN(n) ? 0 : n;
}

/** Exited with code 0, and some service waits for it with service_completed_successfully. */
function completedOneShot(ctx: PlanContext, name: string, c: ContainerSummary): boolean {
  if (c.state !== 'exited' || !/^Exited \(0\)/.test(c.status)) return false;
  return Object.values(ctx.project.services).some((s) => s.depends_on?.[name]?.condition === 'service_completed_successfully');
}
