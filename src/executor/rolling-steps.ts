/**
 * A start-first (rolling) replica, as the plan's `details.rolling` says: start the new container
 * beside the old one without the service's network aliases, wait until it is healthy, give it
 * the aliases, take the old one out of DNS, stop it, then keep it as a backup (atomic `up`) or
 * remove it, and give the new one its name. A new replica that fails is removed; the old one
 * never stopped, so it keeps serving.
 */
import type { EndpointSettings } from '../engine/api-types.js';
import type { PlanAction } from '../planner/plan-types.js';
import type { RollingDetails } from '../planner/strategy.js';
import type { ContainerSpec } from './body/index.js';
import { StepError, type ExecContext } from './context.js';
import { waitForDependencies } from './dependencies.js';
import { formatLogLines, lastLogLines } from './last-logs.js';
import { healthTiming } from './wait-conditions.js';

type Endpoints = { network: string; endpoint: EndpointSettings }[];

/** The endpoints (with aliases) each rolling container joins once healthy, by action id. */
const deferred = new WeakMap<ExecContext, Map<string, Endpoints>>();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Create phase: the new replica joins its networks without aliases, so no traffic reaches it yet. */
export function deferAliases(ctx: ExecContext, a: PlanAction, spec: ContainerSpec): void {
  const eps: Endpoints = [];
  for (const [network, ep] of Object.entries(spec.body.NetworkingConfig?.EndpointsConfig ?? {})) {
    eps.push({ network, endpoint: structuredClone(ep) });
    ep.Aliases = [];
  }
  for (const n of spec.extraNetworks) {
    eps.push({ network: n.network, endpoint: structuredClone(n.endpoint) });
    n.endpoint = { ...n.endpoint, Aliases: [] };
  }
  const map = deferred.get(ctx) ?? new Map<string, Endpoints>();
  deferred.set(ctx, map.set(a.id, eps));
}

export function throwIfInterrupted(ctx: ExecContext, a: PlanAction): void {
  if (ctx.options.signal?.aborted) throw new StepError(`interrupted before ${a.name} started`, a.id);
}

export async function rollReplica(ctx: ExecContext, a: PlanAction, newId: string): Promise<void> {
  const r = a.details!.rolling as RollingDetails;
  const service = a.service!;
  const resource = `container ${a.name}`;
  if (r.batch > 0 && r.delayMs > 0) await sleep(r.delayMs);
  await waitForDependencies(ctx, a);
  throwIfInterrupted(ctx, a);
  ctx.progress({ resource, service, status: 'Starting' });
  await ctx.engine.startContainer(newId);
  ctx.progress({ resource, service, status: 'Waiting' });
  const failure = await waitHealthy(ctx, service, newId);
  if (failure) {
    const logs = formatLogLines(a.name, await lastLogLines(ctx.engine, newId));
    await ctx.engine.removeContainer(newId, { force: true, volumes: true });
    ctx.registry.drop(newId);
    throw new StepError(`new replica of ${a.name} ${failure}; the old replica kept running${logs}`, a.id);
  }
  ctx.progress({ resource, service, status: 'Healthy' });
  for (const { network, endpoint } of deferred.get(ctx)?.get(a.id) ?? []) {
    await ctx.engine.disconnectNetwork(network, newId, true);
    await ctx.engine.connectNetwork(network, newId, endpoint);
  }
  await retireOld(ctx, a);
  await ctx.engine.renameContainer(newId, a.name);
  ctx.registry.rename(newId, a.name);
  ctx.progress({ resource, service, status: 'Started' });
}

/** Out of DNS first (disconnect), then stop; a backup gets its endpoints back so a restore can just start it. */
async function retireOld(ctx: ExecContext, a: PlanAction): Promise<void> {
  const oldId = a.existingId!;
  const info = await ctx.engine.inspectContainer(oldId);
  const nets = Object.entries(info?.networks ?? {});
  for (const [network] of nets) await ctx.engine.disconnectNetwork(network, oldId, true);
  await ctx.engine.stopContainer(oldId, ctx.options.timeout);
  const backup = a.details?.backupName;
  if (typeof backup !== 'string') {
    await ctx.engine.removeContainer(oldId, { force: true });
    return;
  }
  for (const [network, ep] of nets) await ctx.engine.connectNetwork(network, oldId, { Aliases: ep.aliases });
  await ctx.engine.renameContainer(oldId, backup);
}

/** undefined once running (and healthy, with a healthcheck); else why not. */
async function waitHealthy(ctx: ExecContext, service: string, id: string): Promise<string | undefined> {
  const { pollMs, deadlineMs } = healthTiming(ctx.project.services[service]?.healthcheck);
  const limitMs = ctx.options.waitTimeout ? ctx.options.waitTimeout * 1000 : deadlineMs;
  const deadline = Date.now() + limitMs;
  for (;;) {
    const info = await ctx.engine.inspectContainer(id);
    if (!info) return 'disappeared';
    const s = info.state;
    if (!s.running) return `exited with code ${s.exitCode}`;
    if (s.health === 'unhealthy') return `is unhealthy${s.healthLog ? ` (last probe: ${s.healthLog.split('\n')[0]!.slice(0, 200)})` : ''}`;
    if (s.health === undefined || s.health === 'none' || s.health === 'healthy') return undefined;
    if (ctx.options.signal?.aborted) return 'was interrupted before it was healthy';
    if (Date.now() > deadline) return `was not healthy within ${Math.round(limitMs / 1000)}s`;
    await sleep(pollMs);
  }
}
