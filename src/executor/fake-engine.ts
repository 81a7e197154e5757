/**
 * An in-memory Engine for executor unit tests only: containers, networks, volumes and images as
 * maps, a call log, and per-service scripts (exit code, health, delays). Real behaviour is proven
 * on a real engine in test/e2e.
 */
import type { ContainerCreateBody } from '../engine/api-types.js';
import { EngineError } from '../engine/engine-errors.js';
import type { ContainerDetails, ContainerFile, ContainerSummary, Engine } from '../engine/engine.js';

export interface ServiceScript {
  /** After start: exit with this code (one-shot). */
  exitCode?: number;
  health?: 'healthy' | 'unhealthy';
  /** ms until the exit or the health status. */
  after?: number;
  failStart?: string;
}

interface FakeContainer {
  id: string;
  name: string;
  body: ContainerCreateBody;
  state: 'created' | 'running' | 'exited';
  exitCode: number;
  health?: 'starting' | 'healthy' | 'unhealthy';
  startedAt: number;
  finishedAt: number;
  /** Files written with copyFilesIn, by path. */
  files?: Map<string, ContainerFile>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class FakeEngine implements Engine {
  readonly calls: string[] = [];
  readonly containers = new Map<string, FakeContainer>();
  readonly networks = new Set<string>();
  readonly volumes = new Set<string>();
  readonly images = new Map<string, string>([['busybox', 'sha256:busybox']]);
  scripts: Record<string, ServiceScript> = {};
  latency = 1;
  private seq = 0;
  private clock = 0;

  private async op(call: string): Promise<void> {
    this.calls.push(call);
    await sleep(this.latency);
  }

  private find(idOrName: string): FakeContainer {
    const c = this.containers.get(idOrName) ?? [...this.containers.values()].find((x) => x.name === idOrName);
    if (!c) throw new EngineError(`No such container: ${idOrName}`, 404);
    return c;
  }

  async ping() {}
  async listContainers(): Promise<ContainerSummary[]> {
    return [];
  }
  async listNetworks() {
    return [];
  }
  async listVolumes() {
    return [];
  }
  async inspectImage(ref: string) {
    const id = this.images.get(ref);
    return id ? { id, tags: [ref], labels: {} } : undefined;
  }
  async createNetwork(body: { Name: string }) {
    await this.op(`createNetwork ${body.Name}`);
    this.networks.add(body.Name);
    return `net-${body.Name}`;
  }
  async removeNetwork(name: string) {
    await this.op(`removeNetwork ${name}`);
    this.networks.delete(name);
  }
  async connectNetwork(network: string, container: string) {
    await this.op(`connectNetwork ${network} ${this.find(container).name}`);
  }
  async disconnectNetwork() {}
  async createVolume(body: { Name: string }) {
    await this.op(`createVolume ${body.Name}`);
    this.volumes.add(body.Name);
  }
  async removeVolume(name: string) {
    await this.op(`removeVolume ${name}`);
    this.volumes.delete(name);
  }
  async createContainer(name: string, body: ContainerCreateBody) {
    await this.op(`create ${name}`);
    if (!this.images.has(body.Image)) throw new EngineError(`create container ${name}: No such image: ${body.Image}`, 404);
    if ([...this.containers.values()].some((c) => c.name === name)) throw new EngineError(`Conflict. The container name "/${name}" is already in use`, 409);
    const id = `id${++this.seq}`.padEnd(16, '0');
    this.containers.set(id, { id, name, body, state: 'created', exitCode: 0, startedAt: 0, finishedAt: 0 });
    return id;
  }
  async startContainer(id: string) {
    const c = this.find(id);
    await this.op(`start ${c.name}`);
    const script = this.scripts[c.body.Labels['com.docker.compose.service'] ?? ''] ?? {};
    if (script.failStart) throw new EngineError(`start container ${c.name}: ${script.failStart}`, 500);
    c.state = 'running';
    c.startedAt = ++this.clock;
    if (c.body.Healthcheck) c.health = 'starting';
    const after = script.after ?? 5;
    if (script.exitCode !== undefined) setTimeout(() => this.exit(c, script.exitCode!), after);
    if (script.health) setTimeout(() => (c.health = script.health), after);
  }
  private exit(c: FakeContainer, code: number) {
    c.state = 'exited';
    c.exitCode = code;
    c.finishedAt = ++this.clock;
  }
  async stopContainer(id: string) {
    const c = this.find(id);
    await this.op(`stop ${c.name}`);
    if (c.state === 'running') this.exit(c, 0);
  }
  async killContainer(id: string) {
    this.exit(this.find(id), 137);
  }
  async removeContainer(id: string) {
    const c = this.containers.get(id) ?? [...this.containers.values()].find((x) => x.name === id);
    await this.op(`remove ${c?.name ?? id}`);
    if (c) this.containers.delete(c.id);
  }
  async renameContainer(id: string, name: string) {
    const c = this.find(id);
    await this.op(`rename ${c.name} ${name}`);
    c.name = name;
  }
  async copyFilesIn(id: string, files: ContainerFile[]) {
    const c = this.find(id);
    await this.op(`copy ${files.map((f) => f.path).join(',')} into ${c.name}`);
    c.files ??= new Map();
    for (const f of files) c.files.set(f.path, f);
  }
  async inspectContainer(id: string): Promise<ContainerDetails | undefined> {
    const c = this.containers.get(id);
    if (!c) return undefined;
    return {
      id: c.id, name: c.name, image: c.body.Image, labels: c.body.Labels, tty: false,
      state: {
        status: c.state, running: c.state === 'running', exitCode: c.exitCode, error: '',
        startedAt: String(c.startedAt), finishedAt: String(c.finishedAt), health: c.health,
      },
      networks: {}, mounts: [],
    };
  }
  async waitContainer(id: string) {
    const c = this.find(id);
    while (c.state !== 'exited') await sleep(2);
    return c.exitCode;
  }
  async pullImage(ref: string) {
    await this.op(`pull ${ref}`);
    this.images.set(ref, `sha256:${ref}`);
  }
  async buildImage(req: { tags: string[] }) {
    await this.op(`build ${req.tags[0]}`);
    this.images.set(req.tags[0]!, `sha256:${req.tags[0]}`);
    return `sha256:${req.tags[0]}`;
  }
  async removeImage(ref: string) {
    this.images.delete(ref);
  }
  async importImage(_tarball: Buffer, ref: string) {
    this.images.set(ref, `sha256:${ref}`);
    return `sha256:${ref}`;
  }
  async logs() {}
  async exec() {
    return 0;
  }
  async events() {}
}
