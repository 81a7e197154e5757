/**
 * The state a plan produces, computed without an engine: what `up` would leave behind if every
 * action succeeded. Property tests plan again against it and expect no changes.
 */
import { createHash } from 'node:crypto';
import type { ContainerSummary, Snapshot } from '../engine/engine.js';
import { hashableService, stableStringify } from '../model/config-hash.js';
import type { Project } from '../model/project.js';
import { LABELS } from './names.js';
import type { Plan, PlanAction } from './plan-types.js';

export function applyPlanToSnapshot(plan: Plan, snapshot: Snapshot, model: Project): Snapshot {
  const next: Snapshot = structuredClone(snapshot);
  for (const a of plan.actions) APPLY[a.type](next, a, model);
  return next;
}

const APPLY: Record<PlanAction['type'], (s: Snapshot, a: PlanAction, m: Project) => void> = {
  network(s, a, m) {
    if (a.action === 'create') s.networks.push({ id: fakeId('net', a.name), name: a.name, driver: String(a.details?.driver ?? 'bridge'), labels: { [LABELS.project]: m.name, [LABELS.network]: String(a.details?.key) }, internal: false, attachable: false });
    if (a.action === 'remove') s.networks = s.networks.filter((n) => n.name !== a.name);
  },
  volume(s, a, m) {
    if (a.action === 'create') s.volumes.push({ name: a.name, driver: String(a.details?.driver ?? 'local'), labels: { [LABELS.project]: m.name, [LABELS.volume]: String(a.details?.key) } });
    if (a.action === 'remove') s.volumes = s.volumes.filter((v) => v.name !== a.name);
  },
  image(s, a) {
    // A pull or build of a present image is modelled as yielding the same image.
    if (a.action === 'pull' || a.action === 'build') s.images[a.name] ??= fakeId('img', a.name);
    if (a.action === 'remove') delete s.images[a.name];
  },
  container(s, a, m) {
    if (a.action === 'remove' || a.action === 'recreate') s.containers = s.containers.filter((c) => c.id !== a.existingId);
    if (a.action === 'create' || a.action === 'recreate') s.containers.push(newContainer(s, a, m));
    if (a.action === 'start') for (const c of s.containers) if (c.id === a.existingId) c.state = 'running';
  },
};

function newContainer(s: Snapshot, a: PlanAction, m: Project): ContainerSummary {
  const service = a.service!;
  const svc = m.services[service];
  const ref = String(a.details?.image);
  return {
    id: fakeId('ctr', `${a.name}/${a.id}/${s.containers.length}/${a.details?.oldName ?? ''}/${a.action}`),
    name: a.name,
    image: ref,
    imageId: s.images[ref] ?? '',
    state: 'running',
    status: 'Up',
    labels: {
      [LABELS.project]: m.name,
      [LABELS.service]: service,
      [LABELS.number]: String(a.number),
      [LABELS.oneoff]: 'False',
      [LABELS.configHash]: String(a.details?.configHash),
      [LABELS.serviceConfig]: stableStringify(hashableService(svc)),
    },
    created: 0,
    networks: [],
    ports: [],
  };
}

function fakeId(kind: string, seed: string): string {
  return 'sha256:' + createHash('sha256').update(`${kind}:${seed}`).digest('hex');
}
