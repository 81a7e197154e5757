/** Named volumes: create the project's missing ones; external ones must exist and are never touched. */
import { serviceVolumes, volumeConfig } from './names.js';
import { reportMissingExternal } from './networks.js';
import type { PlanContext } from './options.js';
import type { PlanAction } from './plan-types.js';

/** Plans the named volumes the services in scope mount; returns volume key → its create action. */
export function planVolumes(ctx: PlanContext): Map<string, PlanAction> {
  const keys = new Set<string>();
  for (const s of ctx.scope) for (const k of serviceVolumes(ctx.project, ctx.project.services[s])) keys.add(k);
  const existing = new Set(ctx.snapshot.volumes.map((v) => v.name));
  const created = new Map<string, PlanAction>();
  for (const key of [...keys].sort()) {
    const cfg = volumeConfig(ctx.project, key);
    if (cfg.external) {
      if (!existing.has(cfg.name)) reportMissingExternal(ctx, 'volume', key, cfg.name);
      continue;
    }
    if (existing.has(cfg.name)) continue;
    const action: PlanAction = {
      id: `volume:${key}`,
      action: 'create',
      type: 'volume',
      name: cfg.name,
      cause: 'missing',
      changes: [],
      dependsOn: [],
      details: { key, driver: cfg.driver ?? 'local' },
    };
    ctx.actions.push(action);
    created.set(key, action);
  }
  return created;
}
