/**
 * The down plan: every container of the project in reverse dependency order (dependents first),
 * then its networks; named volumes only with -v; images only with --rmi. External: never.
 */
import type { Snapshot } from '../engine/engine.js';
import type { Project } from '../model/project.js';
import { removeAction } from './containers.js';
import { adjacency, cmp, serviceEdges } from './graph.js';
import { LABELS, imageRef, networkConfig, volumeConfig } from './names.js';
import { findOrphans, planOrphans } from './orphans.js';
import { assemblePlan } from './plan.js';
import type { Plan, PlanAction } from './plan-types.js';
import { sortActions } from './toposort.js';

export interface DownOptions {
  volumes?: boolean;
  rmi?: 'local' | 'all';
  removeOrphans?: boolean;
  disabledServices?: string[];
  includeModel?: boolean;
}

export function planDown(project: Project, snapshot: Snapshot, opts: DownOptions = {}): Plan {
  const warnings: string[] = [];
  const orphans = new Set(findOrphans(project, snapshot.containers, opts.disabledServices).map((c) => c.id));
  const own = snapshot.containers.filter((c) => !orphans.has(c.id)).sort((a, b) => cmp(a.name, b.name));
  const containers = own.map((c) => removeAction(c.labels[LABELS.service] ?? '', c, 'down')).map((a, i) => ({ ...a, id: `container:${own[i].name}` }));
  orderDependentsFirst(project, containers);
  const orphanActs = planOrphans(snapshot.containers.filter((c) => orphans.has(c.id)), Boolean(opts.removeOrphans), warnings);
  const allContainers = [...containers, ...orphanActs];
  const after = allContainers.map((a) => a.id);
  const actions = [
    ...allContainers,
    ...downNetworks(project, snapshot, after),
    ...(opts.volumes ? downVolumes(project, snapshot, after) : []),
    ...(opts.rmi ? downImages(project, snapshot, opts.rmi, after) : []),
  ];
  return assemblePlan(project, snapshot, 'down', sortActions(actions), warnings, opts);
}

/** A container is removed after the containers of every service that depends on it. */
function orderDependentsFirst(project: Project, acts: PlanAction[]): void {
  const dependents = new Map<string, string[]>();
  for (const [from, tos] of adjacency(project, serviceEdges(project))) {
    for (const to of tos) if (to !== from) dependents.set(to, [...(dependents.get(to) ?? []), from]);
  }
  const byService = new Map<string, string[]>();
  for (const a of acts) byService.set(a.service ?? '', [...(byService.get(a.service ?? '') ?? []), a.id]);
  for (const a of acts) {
    a.dependsOn = [...(dependents.get(a.service ?? '') ?? [])].sort(cmp).flatMap((d) => byService.get(d) ?? []);
  }
}

function removal(type: 'network' | 'volume' | 'image', key: string, name: string, dependsOn: string[], details: Record<string, unknown>): PlanAction {
  return { id: `${type}:${key}`, action: 'remove', type, name, cause: 'down', changes: [], dependsOn: [...dependsOn], details };
}

/** Declared non-external networks that exist, and any other network carrying the project label. */
function downNetworks(project: Project, snapshot: Snapshot, after: string[]): PlanAction[] {
  const out = new Map<string, PlanAction>();
  const declared = new Set(Object.keys(project.networks ?? {}).concat('default'));
  for (const key of [...declared].sort()) {
    const cfg = networkConfig(project, key);
    const found = snapshot.networks.find((n) => n.name === cfg.name);
    if (cfg.external || !found) continue;
    out.set(found.name, { ...removal('network', key, found.name, after, { key }), existingId: found.id });
  }
  for (const n of snapshot.networks) {
    if (n.labels[LABELS.project] !== project.name || out.has(n.name)) continue;
    const key = n.labels[LABELS.network] ?? n.name;
    out.set(n.name, { ...removal('network', key, n.name, after, { key }), existingId: n.id });
  }
  return [...out.values()].sort((a, b) => cmp(a.name, b.name));
}

function downVolumes(project: Project, snapshot: Snapshot, after: string[]): PlanAction[] {
  const out = new Map<string, PlanAction>();
  for (const key of Object.keys(project.volumes ?? {}).sort()) {
    const cfg = volumeConfig(project, key);
    if (cfg.external || !snapshot.volumes.some((v) => v.name === cfg.name)) continue;
    out.set(cfg.name, removal('volume', key, cfg.name, after, { key }));
  }
  for (const v of snapshot.volumes) {
    if (v.labels[LABELS.project] !== project.name || out.has(v.name)) continue;
    out.set(v.name, removal('volume', v.labels[LABELS.volume] ?? v.name, v.name, after, { key: v.labels[LABELS.volume] ?? v.name }));
  }
  return [...out.values()].sort((a, b) => cmp(a.name, b.name));
}

/** --rmi all: every image the services use; local: only images named by compose (no `image:`). */
function downImages(project: Project, snapshot: Snapshot, rmi: 'local' | 'all', after: string[]): PlanAction[] {
  const refs = new Set<string>();
  for (const [name, svc] of Object.entries(project.services)) {
    if (rmi === 'local' && svc.image) continue;
    const ref = imageRef(project.name, name, svc);
    if (snapshot.images[ref]) refs.add(ref);
  }
  return [...refs].sort().map((ref) => ({ ...removal('image', ref, ref, after, { ref }), existingId: snapshot.images[ref] }));
}

