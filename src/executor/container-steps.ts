/**
 * Container actions in two phases, so creates run before their dependencies are up:
 * `create` (create, or create under a temporary name for a recreate, and connect extra networks)
 * and `start` (wait for depends_on conditions, replace the old container, start).
 */
import type { PlanAction } from '../planner/plan-types.js';
import { configHash } from '../model/config-hash.js';
import { imageRef } from '../planner/names.js';
import { buildContainerSpec } from './body/index.js';
import type { ExecContext } from './context.js';
import { waitForDependencies } from './dependencies.js';
import { deferAliases, rollReplica, throwIfInterrupted } from './rolling-steps.js';

/** Container ids made by the create phase, by action id, until the start phase takes them. */
const created = new WeakMap<ExecContext, Map<string, string>>();

function createdOf(ctx: ExecContext): Map<string, string> {
  let m = created.get(ctx);
  if (!m) created.set(ctx, (m = new Map()));
  return m;
}

export async function createPhase(ctx: ExecContext, a: PlanAction): Promise<void> {
  const service = a.service!;
  const svc = ctx.project.services[service];
  if (!svc) throw new Error(`service ${service} is not in the model`);
  const number = a.number ?? 1;
  const recreate = a.action === 'recreate' && a.existingId;
  const previous = recreate && !ctx.options.renewAnonVolumes ? await ctx.engine.inspectContainer(a.existingId!) : undefined;
  const ref = imageRef(ctx.project.name, service, svc);
  const spec = buildContainerSpec({
    project: ctx.project, workingDir: ctx.workingDir, configFiles: ctx.configFiles, service, svc, number,
    containerName: a.name, imageId: ctx.registry.images.get(ref), configHash: String(a.details?.configHash ?? configHash(svc)),
    containersOf: (s) => ctx.registry.containersOf(s), namesOf: (s) => ctx.registry.namesOf(s),
    previousMounts: previous?.mounts, version: ctx.options.version, environment: ctx.environment, includedValues: ctx.includedValues,
  });
  for (const u of spec.unapplied) warnOnce(ctx, `service ${service}: ${u} is accepted but not applied`);
  if (recreate && a.details?.rolling) deferAliases(ctx, a, spec);
  const resource = `container ${a.name}`;
  ctx.progress({ resource, service, status: recreate ? 'Recreating' : 'Creating' });
  const name = recreate ? `${a.existingId!.slice(0, 12)}_${a.name}` : a.name;
  const id = await ctx.engine.createContainer(name, spec.body);
  try {
    for (const n of spec.extraNetworks) await ctx.engine.connectNetwork(n.network, id, n.endpoint);
    if (spec.files.length) await ctx.engine.copyFilesIn(id, spec.files);
  } catch (e) {
    await ctx.engine.removeContainer(id, { force: true, volumes: true });
    throw e;
  }
  // From now on `service:x` references resolve to the new container.
  if (recreate) ctx.registry.drop(a.existingId!);
  ctx.registry.put(a.id, { id, name, service, number });
  createdOf(ctx).set(a.id, id);
  ctx.progress({ resource, service, status: recreate ? 'Recreated' : 'Created' });
}

export async function startPhase(ctx: ExecContext, a: PlanAction): Promise<void> {
  const service = a.service!;
  const resource = `container ${a.name}`;
  if (a.action === 'recreate' && a.existingId && a.details?.rolling && !ctx.options.noStart) return rollReplica(ctx, a, createdOf(ctx).get(a.id)!);
  if (a.action === 'recreate' && a.existingId) await replaceOld(ctx, a);
  const id = a.action === 'start' ? a.existingId! : createdOf(ctx).get(a.id)!;
  if (a.action === 'start') ctx.registry.byAction.set(a.id, id);
  // A restore plan gives a backup its name back before starting it.
  if (typeof a.details?.rename === 'string') await renameBack(ctx, id, a.details.rename);
  if (ctx.options.noStart) return;
  await waitForDependencies(ctx, a);
  throwIfInterrupted(ctx, a);
  ctx.progress({ resource, service, status: 'Starting' });
  await ctx.engine.startContainer(id);
  ctx.progress({ resource, service, status: 'Started' });
}

/** Stop and remove the old container, then give the new one its name. */
async function replaceOld(ctx: ExecContext, a: PlanAction): Promise<void> {
  const id = createdOf(ctx).get(a.id)!;
  const oldId = a.existingId!;
  try {
    await ctx.engine.stopContainer(oldId, ctx.options.timeout);
    // Atomic up: the old container stays, stopped and renamed, until the up is verified.
    if (typeof a.details?.backupName === 'string') await ctx.engine.renameContainer(oldId, a.details.backupName);
    else await ctx.engine.removeContainer(oldId, { force: true });
  } catch (e) {
    await ctx.engine.removeContainer(id, { force: true, volumes: true });
    throw e;
  }
  await ctx.engine.renameContainer(id, a.name);
  ctx.registry.rename(id, a.name);
}

/** An up-to-date container: nothing to do, unless a dependency with `restart: true` changed. */
export async function keepContainer(ctx: ExecContext, a: PlanAction): Promise<void> {
  const id = a.existingId!;
  ctx.registry.byAction.set(a.id, id);
  const changed = (a.waitFor ?? []).some((w) => (w as { restart?: boolean }).restart && isChange(ctx.actions.get(w.action)));
  if (!changed || ctx.options.noStart) return;
  const resource = `container ${a.name}`;
  ctx.progress({ resource, service: a.service, status: 'Restarting' });
  await ctx.engine.stopContainer(id, ctx.options.timeout);
  await waitForDependencies(ctx, a);
  await ctx.engine.startContainer(id);
  ctx.progress({ resource, service: a.service, status: 'Started' });
}

function isChange(a: PlanAction | undefined): boolean {
  return a !== undefined && (a.action === 'create' || a.action === 'recreate' || a.action === 'start');
}

export async function removeContainer(ctx: ExecContext, a: PlanAction): Promise<void> {
  const resource = `container ${a.name}`;
  const id = a.existingId ?? a.name;
  // A backup the commit removes was stopped when it was set aside.
  if (a.details?.stopped !== true) {
    ctx.progress({ resource, service: a.service, status: 'Stopping' });
    await ctx.engine.stopContainer(id, ctx.options.timeout);
  }
  ctx.registry.drop(id);
  if (typeof a.details?.backupName === 'string') {
    await ctx.engine.renameContainer(id, a.details.backupName);
    return ctx.progress({ resource, service: a.service, status: 'Stopped' });
  }
  ctx.progress({ resource, service: a.service, status: 'Removing' });
  await ctx.engine.removeContainer(id, { force: true, volumes: Boolean(ctx.options.removeVolumes) });
  ctx.progress({ resource, service: a.service, status: 'Removed' });
}

export async function stopContainer(ctx: ExecContext, a: PlanAction): Promise<void> {
  const resource = `container ${a.name}`;
  ctx.progress({ resource, service: a.service, status: 'Stopping' });
  await ctx.engine.stopContainer(a.existingId ?? a.name, ctx.options.timeout);
  if (typeof a.details?.rename === 'string') await renameBack(ctx, a.existingId ?? a.name, a.details.rename);
  ctx.progress({ resource, service: a.service, status: 'Stopped' });
}

async function renameBack(ctx: ExecContext, id: string, name: string): Promise<void> {
  await ctx.engine.renameContainer(id, name);
  ctx.registry.rename(id, name);
}

const warned = new WeakMap<ExecContext, Set<string>>();

function warnOnce(ctx: ExecContext, msg: string): void {
  const set = warned.get(ctx) ?? new Set<string>();
  warned.set(ctx, set);
  if (set.has(msg)) return;
  set.add(msg);
  ctx.warn(msg);
}
