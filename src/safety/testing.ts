/**
 * Test doubles for the safety units: an in-memory engine holding just what the lock and the
 * revision store touch (named containers with the 409/404 semantics of a real engine, labelled
 * volumes, images), and a host probe playing any host, boot and set of live processes.
 */
import { EngineError } from '../engine/engine-errors.js';
import type { ContainerSummary, ImageInfo, VolumeSummary } from '../engine/engine.js';
import type { ContainerCreateBody, VolumeCreateBody } from '../engine/api-types.js';
import type { HostProbe } from './lock-holder.js';

export class SafetyFakeEngine {
  readonly containers = new Map<string, { id: string; name: string; labels: Record<string, string>; image: string; imageId: string }>();
  readonly volumes = new Map<string, VolumeSummary>();
  readonly images = new Map<string, string>();
  readonly calls: string[] = [];
  failVolumeCreate = false;
  private seq = 0;

  async createContainer(name: string, body: ContainerCreateBody): Promise<string> {
    this.calls.push(`create ${name}`);
    await Promise.resolve();
    if (!this.images.has(body.Image)) throw new EngineError(`No such image: ${body.Image}`, 404);
    if ([...this.containers.values()].some((c) => c.name === name)) throw new EngineError(`Conflict: ${name} is in use`, 409);
    const id = `c${++this.seq}`;
    this.containers.set(id, { id, name, labels: { ...body.Labels }, image: body.Image, imageId: this.images.get(body.Image)! });
    return id;
  }

  async removeContainer(id: string): Promise<void> {
    this.calls.push(`remove ${id}`);
    await Promise.resolve();
    this.containers.delete(id);
  }

  async listContainers(opts: { all: boolean; labels?: string[]; names?: string[] }): Promise<ContainerSummary[]> {
    await Promise.resolve();
    return [...this.containers.values()]
      .filter((c) => !opts.names?.length || opts.names.some((n) => c.name.includes(n)))
      .filter((c) => matches(c.labels, opts.labels))
      .map((c) => ({ id: c.id, name: c.name, image: c.image, imageId: c.imageId, state: 'created', status: 'Created', labels: c.labels, created: 0, networks: [], ports: [] }));
  }

  async importImage(_tar: Buffer, ref: string): Promise<string> {
    this.calls.push(`import ${ref}`);
    this.images.set(ref, `sha256:${ref}`);
    return `sha256:${ref}`;
  }

  async inspectImage(ref: string): Promise<ImageInfo | undefined> {
    const id = this.images.get(ref) ?? ([...this.images.values()].includes(ref) ? ref : undefined);
    return id ? { id, tags: [], labels: {} } : undefined;
  }

  async listVolumes(opts: { labels?: string[] }): Promise<VolumeSummary[]> {
    return [...this.volumes.values()].filter((v) => matches(v.labels, opts.labels));
  }

  async createVolume(body: VolumeCreateBody): Promise<void> {
    if (this.failVolumeCreate) throw new EngineError('create volume: disk full', 500);
    // Like the engine: an existing name succeeds silently and keeps its old labels.
    if (!this.volumes.has(body.Name)) this.volumes.set(body.Name, { name: body.Name, driver: 'local', labels: { ...(body.Labels ?? {}) } });
  }

  async removeVolume(name: string): Promise<void> {
    this.volumes.delete(name);
  }

  /** A project container as the executor would leave it. */
  addServiceContainer(project: string, service: string, n: number, imageId: string): void {
    const id = `c${++this.seq}`;
    const labels = { 'com.docker.compose.project': project, 'com.docker.compose.service': service, 'com.docker.compose.container-number': String(n) };
    this.containers.set(id, { id, name: `${project}-${service}-${n}`, labels, image: imageId, imageId });
  }
}

function matches(labels: Record<string, string>, filters: string[] = []): boolean {
  return filters.every((f) => {
    const [k, v] = f.split('=');
    return v === undefined ? k in labels : labels[k] === v;
  });
}

/** A host with a hostname, a boot id and live pid → start time. */
export function fakeHost(hostname: string, bootId: string, live: Record<number, string>): HostProbe {
  return { hostname: () => hostname, bootId: () => bootId, processStart: (pid) => live[pid] };
}
