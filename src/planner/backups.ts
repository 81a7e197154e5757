/**
 * Backups: during an atomic `up`, a replaced (or removed) container is stopped and renamed to
 * `<name>_prev_<id12>` instead of being removed, so a failed `up` can give it its name back.
 * A backup left behind by an interrupted `up` is not a replica: the next plan removes it.
 */
import type { ContainerSummary } from '../engine/engine.js';
import { LABELS } from './names.js';
import type { PlanAction } from './plan-types.js';

const BACKUP = /_prev_[0-9a-f]{12}$/;

export function backupName(name: string, id: string): string {
  return `${name}_prev_${id.replace(/^sha256:/, '').slice(0, 12)}`;
}

export function isBackupName(name: string): boolean {
  return BACKUP.test(name);
}

/** The project's containers split into replicas and backups. */
export function splitBackups(containers: ContainerSummary[]): { live: ContainerSummary[]; backups: ContainerSummary[] } {
  const live: ContainerSummary[] = [];
  const backups: ContainerSummary[] = [];
  for (const c of containers) (isBackupName(c.name) ? backups : live).push(c);
  return { live, backups };
}

/** A backup an earlier `up` left (it was interrupted or killed): removed, its named volumes kept. */
export function staleBackupAction(c: ContainerSummary): PlanAction {
  const service = c.labels[LABELS.service] ?? '';
  return {
    id: `container:${c.name}`,
    action: 'remove',
    type: 'container',
    name: c.name,
    service,
    cause: 'stale_backup',
    changes: [],
    dependsOn: [],
    existingId: c.id,
    details: { service, containerName: c.name, state: c.state },
  };
}

/** Atomic: every container this plan replaces or removes is kept as a backup until the `up` is verified. */
export function keepBackups(actions: PlanAction[]): void {
  for (const a of actions) {
    if (a.type !== 'container' || !a.existingId || a.cause === 'stale_backup') continue;
    if (a.action !== 'recreate' && a.action !== 'remove') continue;
    const current = String(a.details?.oldName ?? a.details?.containerName ?? a.name);
    a.details = { ...a.details, backupName: backupName(current, a.existingId) };
  }
}
