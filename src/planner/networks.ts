/** Networks: create the project's missing ones; external ones must exist and are never touched. */
import { LABELS, networkConfig, serviceNetworks } from './names.js';
import type { PlanContext } from './options.js';
import type { PlanAction } from './plan-types.js';

/** Plans the networks the services in scope join; returns network key → its create action. */
export function planNetworks(ctx: PlanContext): Map<string, PlanAction> {
  const keys = new Set<string>();
  for (const s of ctx.scope) for (const k of serviceNetworks(ctx.project.services[s])) keys.add(k);
  const created = new Map<string, PlanAction>();
  for (const key of [...keys].sort()) {
    const cfg = networkConfig(ctx.project, key);
    const found = ctx.snapshot.networks.find((n) => n.name === cfg.name);
    if (cfg.external) {
      if (!found) reportMissingExternal(ctx, 'network', key, cfg.name);
      continue;
    }
    if (found) {
      if (found.labels[LABELS.project] !== ctx.project.name) {
        ctx.warnings.push(`network ${cfg.name} exists but was not created by project ${ctx.project.name}; it is used as is`);
      }
      continue;
    }
    const action: PlanAction = {
      id: `network:${key}`,
      action: 'create',
      type: 'network',
      name: cfg.name,
      cause: 'missing',
      changes: [],
      dependsOn: [],
      details: { key, driver: cfg.driver ?? 'bridge' },
    };
    ctx.actions.push(action);
    created.set(key, action);
  }
  return created;
}

export function reportMissingExternal(ctx: PlanContext, kind: 'network' | 'volume', key: string, name: string): void {
  if (ctx.opts.offline) {
    ctx.warnings.push(`external ${kind} ${name} is not checked (offline): it must exist before up`);
    return;
  }
  const path = [`${kind}s`, key];
  ctx.errors.push({
    code: `external_${kind}_missing`,
    severity: 'error',
    message: `external ${kind} ${name} does not exist: create it first (docker ${kind} create ${name})`,
    path: path.join('.'),
    range: ctx.opts.locate?.(path),
  });
}
