/**
 * Test support: build a model and an engine snapshot from the compact YAML of
 * fixtures/planner/*.yaml, and print a plan as one line per action.
 */
import type { ContainerState, ContainerSummary, Snapshot } from '../engine/engine.js';
import { configHash, hashableService, stableStringify } from '../model/config-hash.js';
import type { Project, ServiceConfig } from '../model/project.js';
import { maskChange } from './masking.js';
import { LABELS, containerName, imageRef, networkConfig, volumeConfig } from './names.js';
import type { Plan } from './plan-types.js';
import { formatValue } from './render-human.js';

export interface ContainerSpec {
  service: string;
  number?: number | null;
  state?: ContainerState;
  /** The engine's status text, e.g. `Exited (0) 2 minutes ago`. */
  status?: string;
  /** The service config the container was made from; default: the desired one. */
  from?: Partial<ServiceConfig>;
  /** Only the config-hash label, as docker compose leaves it. */
  hashOnly?: boolean;
  imageId?: string;
  name?: string;
  oneoff?: boolean;
}

export interface ObservedSpec {
  images?: Record<string, string>;
  /** Network keys of the project that exist. */
  networks?: string[];
  /** Engine names of networks that exist outside the project (external). */
  externalNetworks?: string[];
  volumes?: string[];
  externalVolumes?: string[];
  containers?: ContainerSpec[];
}

/** A canonical-looking model: every service gets compose-go's `command`/`entrypoint` nulls. */
export function modelFrom(raw: { name: string; services: Record<string, Partial<ServiceConfig>>; [k: string]: unknown }): Project {
  const services: Record<string, ServiceConfig> = {};
  for (const [n, s] of Object.entries(raw.services ?? {})) services[n] = withNulls(s);
  return { ...raw, services } as Project;
}

function withNulls(s: Partial<ServiceConfig>): ServiceConfig {
  return { command: null, entrypoint: null, ...s } as ServiceConfig;
}

export function snapshotFrom(project: Project, spec: ObservedSpec = {}): Snapshot {
  const images = { ...(spec.images ?? {}) };
  const label = { [LABELS.project]: project.name };
  return {
    project: project.name,
    images,
    networks: [
      ...(spec.networks ?? []).map((k) => ({ id: `net-${k}`, name: networkConfig(project, k).name, driver: 'bridge', labels: { ...label, [LABELS.network]: k }, internal: false, attachable: false })),
      ...(spec.externalNetworks ?? []).map((name) => ({ id: `net-${name}`, name, driver: 'bridge', labels: {}, internal: false, attachable: false })),
    ],
    volumes: [
      ...(spec.volumes ?? []).map((k) => ({ name: volumeConfig(project, k).name, driver: 'local', labels: { ...label, [LABELS.volume]: k } })),
      ...(spec.externalVolumes ?? []).map((name) => ({ name, driver: 'local', labels: {} })),
    ],
    containers: (spec.containers ?? []).map((c, i) => containerFrom(project, c, images, i)),
  };
}

function containerFrom(project: Project, c: ContainerSpec, images: Record<string, string>, i: number): ContainerSummary {
  const desired = project.services[c.service];
  const made = c.from ? withNulls(c.from) : desired ?? withNulls({ image: 'unknown:latest' });
  const n = c.number === undefined ? 1 : c.number;
  const ref = imageRef(project.name, c.service, made);
  const labels: Record<string, string> = {
    [LABELS.project]: project.name,
    [LABELS.service]: c.service,
    [LABELS.oneoff]: c.oneoff ? 'True' : 'False',
    [LABELS.configHash]: configHash(made),
  };
  if (n !== null) labels[LABELS.number] = String(n);
  if (!c.hashOnly) labels[LABELS.serviceConfig] = stableStringify(hashableService(made));
  return {
    id: `ctr${i}-${c.service}-${n}`,
    name: c.name ?? containerName(project.name, c.service, made, n ?? 0),
    image: ref,
    imageId: c.imageId ?? images[ref] ?? '',
    state: c.state ?? 'running',
    status: c.status ?? '',
    labels,
    created: 0,
    networks: [],
    ports: [],
  };
}

/** `action type name [cause]`, then one `  path: before → after` line per (masked) change. */
export function planLines(plan: Plan): string[] {
  return plan.actions.flatMap((a) => [
    `${a.action} ${a.type} ${a.name} [${a.cause}]`,
    ...a.changes.map(maskChange).map((ch) => `  ${ch.path}: ${formatValue(ch.before)} → ${formatValue(ch.after)}`),
  ]);
}
