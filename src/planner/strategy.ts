/**
 * Update strategy per service: stop-first (the default: stop the old replica, start the new one)
 * or rolling start-first (`deploy.update_config.order: start-first`, or `up --strategy rolling`):
 * the new replica starts beside the old one, takes over its network aliases once healthy, then
 * the old one stops. Replicas roll in batches of `parallelism`, `delay` apart; the batches are
 * plain `dependsOn` edges, so the executor only follows the plan.
 */
import type { ServiceConfig } from '../model/project.js';
import { parseDuration } from '../parser/canonical/units.js';
import type { PlanAction } from './plan-types.js';

export type UpdateStrategy = 'rolling' | 'stop-first';
export type FailureAction = 'rollback' | 'pause' | 'continue';

/** What a start-first recreate carries in `details.rolling`. */
export interface RollingDetails {
  order: 'start-first';
  /** 0 for the first batch; later batches wait `delayMs` before starting. */
  batch: number;
  delayMs: number;
  failureAction: FailureAction;
}

export function applyUpdateStrategy(services: Record<string, ServiceConfig>, actions: PlanAction[], strategy: UpdateStrategy | undefined, warnings: string[]): void {
  const byService = new Map<string, PlanAction[]>();
  for (const a of actions) {
    if (a.type !== 'container' || a.action !== 'recreate' || !a.service) continue;
    byService.set(a.service, [...(byService.get(a.service) ?? []), a]);
  }
  for (const [name, recreates] of [...byService].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const svc = services[name];
    if (!svc || !wantsRolling(svc, strategy)) continue;
    const blocker = overlapBlocker(svc);
    if (blocker) {
      warnings.push(`service ${name}: ${blocker}, so two replicas cannot run at once: updated stop-first, not rolling`);
      continue;
    }
    rollInBatches(svc, recreates);
  }
}

function wantsRolling(svc: ServiceConfig, strategy: UpdateStrategy | undefined): boolean {
  if (strategy) return strategy === 'rolling';
  return svc.deploy?.update_config?.order === 'start-first';
}

/** Why an old and a new replica of this service cannot overlap; undefined when they can. */
export function overlapBlocker(svc: ServiceConfig): string | undefined {
  if (svc.container_name) return `it sets container_name ${svc.container_name}`;
  const fixed = (svc.ports ?? []).find((p) => p.published !== undefined && p.published !== '' && p.published !== '0');
  if (fixed) return `it publishes the fixed host port ${fixed.host_ip ? `${fixed.host_ip}:` : ''}${fixed.published}`;
  if (svc.network_mode !== undefined) return `it uses network_mode ${svc.network_mode}`;
  const ip = Object.entries(svc.networks ?? {}).find(([, n]) => n?.ipv4_address || n?.ipv6_address);
  if (ip) return `it has a static IP on network ${ip[0]}`;
  return undefined;
}

function rollInBatches(svc: ServiceConfig, recreates: PlanAction[]): void {
  const uc = svc.deploy?.update_config;
  const size = uc?.parallelism && uc.parallelism > 0 ? uc.parallelism : uc?.parallelism === 0 ? recreates.length : 1;
  const ns = parseDuration(uc?.delay);
  const delayMs = ns === undefined ? 0 : Number(ns / 1_000_000n);
  const fa = uc?.failure_action;
  const failureAction: FailureAction = fa === 'pause' || fa === 'continue' ? fa : 'rollback';
  const sorted = [...recreates].sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  sorted.forEach((a, i) => {
    const batch = Math.floor(i / size);
    const rolling: RollingDetails = { order: 'start-first', batch, delayMs, failureAction };
    a.details = { ...a.details, rolling };
    if (batch === 0) return;
    const previous = sorted.slice((batch - 1) * size, batch * size).map((p) => p.id);
    a.dependsOn = [...new Set([...a.dependsOn, ...previous])];
    // `continue`: a failed replica does not stop the next batch.
    if (failureAction === 'continue') a.details.softDependsOn = previous;
  });
}
