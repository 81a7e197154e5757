/**
 * Observe: a read-only snapshot of what the engine holds for one project, by the
 * `com.docker.compose.project` label (plus the external networks/volumes the model names),
 * and the image ids the model's references resolve to. Nothing here changes the engine.
 */
import { createHash } from 'node:crypto';
import { stableStringify } from '../model/config-hash.js';
import type { Project } from '../model/project.js';
import { LABELS, imageRef, networkConfig, volumeConfig } from '../planner/names.js';
import type { ContainerSummary, Engine, NetworkSummary, Snapshot, VolumeSummary } from './engine.js';

/** The read half of the Engine port: all that observing needs. */
export type EngineReader = Pick<Engine, 'listContainers' | 'listNetworks' | 'listVolumes' | 'inspectImage'>;

export function emptySnapshot(project: string): Snapshot {
  return { project, containers: [], networks: [], volumes: [], images: {} };
}

export async function observe(engine: EngineReader, project: Project): Promise<Snapshot> {
  const label = [`${LABELS.project}=${project.name}`];
  const extNets = Object.keys(project.networks ?? {}).filter((k) => project.networks![k].external).map((k) => networkConfig(project, k).name);
  const extVols = Object.keys(project.volumes ?? {}).filter((k) => project.volumes![k].external).map((k) => volumeConfig(project, k).name);
  const [containers, networks, external, volumes, externalVols, images] = await Promise.all([
    engine.listContainers({ all: true, labels: label }),
    engine.listNetworks({ labels: label }),
    extNets.length ? engine.listNetworks({ names: extNets }) : Promise.resolve([]),
    engine.listVolumes({ labels: label }),
    extVols.length ? engine.listVolumes({ names: extVols }) : Promise.resolve([]),
    resolveImages(engine, project),
  ]);
  return {
    project: project.name,
    containers: [...containers].sort((a, b) => cmp(a.name, b.name)),
    networks: uniqueBy([...networks, ...external], (n) => n.id || n.name).sort((a, b) => cmp(a.name, b.name)),
    volumes: uniqueBy([...volumes, ...externalVols], (v) => v.name).sort((a, b) => cmp(a.name, b.name)),
    images,
  };
}

/** Every image reference the model names (services of all profiles in it) → image id, when present. */
async function resolveImages(engine: EngineReader, project: Project): Promise<Record<string, string>> {
  const refs = [...new Set(Object.entries(project.services).map(([n, s]) => imageRef(project.name, n, s)))].sort();
  const infos = await Promise.all(refs.map((r) => engine.inspectImage(r)));
  const out: Record<string, string> = {};
  refs.forEach((r, i) => {
    if (infos[i]) out[r] = infos[i]!.id;
  });
  return out;
}

/**
 * A hash of the state a plan depends on. Status text and health are left out: they change
 * with time alone ("Up 3 seconds"), and a saved plan must not go stale by waiting.
 */
export function fingerprintSnapshot(s: Snapshot): string {
  const view = {
    containers: s.containers.map((c: ContainerSummary) => [c.id, c.name, c.state, c.imageId, c.labels]).sort(byFirst),
    networks: s.networks.map((n: NetworkSummary) => [n.id, n.name, n.labels]).sort(byFirst),
    volumes: s.volumes.map((v: VolumeSummary) => [v.name, v.driver, v.labels]).sort(byFirst),
    images: s.images,
  };
  return 'sha256:' + createHash('sha256').update(stableStringify(view)).digest('hex');
}

function byFirst(a: unknown[], b: unknown[]): number {
  return cmp(String(a[0]), String(b[0]));
}

function uniqueBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(key(x)) && (seen.add(key(x)), true));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
