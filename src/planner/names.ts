/** Engine names and labels, as `docker compose` spells them, so both tools see the same resources. */
import type { NetworkConfig, Project, ServiceConfig, VolumeConfig } from '../model/project.js';

export const LABELS = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  number: 'com.docker.compose.container-number',
  oneoff: 'com.docker.compose.oneoff',
  configHash: 'com.docker.compose.config-hash',
  network: 'com.docker.compose.network',
  volume: 'com.docker.compose.volume',
  /** ncompose's own: the hashable service as JSON, so a recreate can list the fields that changed. */
  serviceConfig: 'ncompose.service-config',
} as const;

/** `<project>-<service>-<n>`, or `container_name` (which allows one replica only). */
export function containerName(project: string, service: string, svc: ServiceConfig, n: number): string {
  return svc.container_name ?? `${project}-${service}-${n}`;
}

/** The image a service runs: `image:`, else the name compose gives a built image. */
export function imageRef(project: string, service: string, svc: ServiceConfig): string {
  return svc.image ?? `${project}-${service}`;
}

/** The default network compose adds when a service declares none. */
export function defaultNetwork(project: string): NetworkConfig {
  return { name: `${project}_default`, ipam: {} };
}

export function networkConfig(project: Project, key: string): NetworkConfig {
  const cfg = project.networks?.[key];
  if (cfg) return { ...cfg, name: cfg.name ?? (cfg.external ? key : `${project.name}_${key}`) };
  return key === 'default' ? defaultNetwork(project.name) : { name: `${project.name}_${key}`, ipam: {} };
}

export function volumeConfig(project: Project, key: string): VolumeConfig {
  const cfg = project.volumes?.[key];
  return { ...(cfg ?? {}), name: cfg?.name ?? (cfg?.external ? key : `${project.name}_${key}`) };
}

/** Network keys a service joins: its `networks:`, else `default`, none with a network_mode. */
export function serviceNetworks(svc: ServiceConfig): string[] {
  if (svc.network_mode) return [];
  const keys = svc.networks ? Object.keys(svc.networks) : [];
  return keys.length ? keys.sort() : ['default'];
}

/** Named volumes (top-level keys) a service mounts. */
export function serviceVolumes(project: Project, svc: ServiceConfig): string[] {
  const out = new Set<string>();
  for (const m of svc.volumes ?? []) {
    // Short syntax only survives in a model the canonical stage has not seen; read it anyway.
    const source = typeof m === 'string' ? (m as string).split(':')[0] : m.type === 'volume' ? m.source : undefined;
    if (source && project.volumes?.[source]) out.add(source);
  }
  return [...out].sort();
}

/** Replicas: `--scale`, then `scale`, then `deploy.replicas`, else 1. */
export function replicaCount(service: string, svc: ServiceConfig, scale: Record<string, number> = {}): number {
  if (scale[service] !== undefined) return scale[service];
  if (typeof svc.scale === 'number') return svc.scale;
  if (typeof svc.deploy?.replicas === 'number') return svc.deploy.replicas;
  return 1;
}

/** A container's replica number from its label; NaN when absent or garbled. */
export function containerNumber(labels: Record<string, string>): number {
  const n = Number(labels[LABELS.number]);
  return Number.isInteger(n) && n > 0 ? n : NaN;
}

export function isOneOff(labels: Record<string, string>): boolean {
  return (labels[LABELS.oneoff] ?? '').toLowerCase() === 'true';
}
