/**
 * The Engine port implemented on dockerode: the ONLY file that imports it.
 * Every engine error leaves here as an NcomposeError with one clear line (or `undefined` for 404s
 * on look-ups), so no caller ever sees a dockerode type.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Docker from 'dockerode';
import { NcomposeError } from '../diagnostics.js';
import type {
  ContainerState,
  ContainerSummary,
  Engine,
  ImageInfo,
  NetworkSummary,
  VolumeSummary,
} from './engine.js';
import { engineCall, engineLookup } from './engine-errors.js';

/** Where the engine is, as the docker CLI resolves it: DOCKER_HOST, else the default socket. */
export interface EngineAddress {
  socketPath?: string;
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  /** Human form for messages: `unix:///var/run/docker.sock`. */
  display: string;
}

export function resolveEngineAddress(env: Record<string, string | undefined>): EngineAddress {
  const raw = env.DOCKER_HOST?.trim();
  if (!raw) return { socketPath: '/var/run/docker.sock', display: 'unix:///var/run/docker.sock' };
  if (raw.startsWith('unix://')) {
    const socketPath = raw.slice('unix://'.length) || '/var/run/docker.sock';
    return { socketPath, display: `unix://${socketPath}` };
  }
  const m = /^(tcp|http|https):\/\/([^:/]+)(?::(\d+))?\/?$/.exec(raw);
  if (!m) throw new NcomposeError(`DOCKER_HOST=${raw} is not understood: use unix:///path/to/docker.sock or tcp://host:port`);
  const tls = m[1] === 'https' || (env.DOCKER_TLS_VERIFY ?? '') !== '';
  const port = m[3] ? Number(m[3]) : tls ? 2376 : 2375;
  return { host: m[2], port, protocol: tls ? 'https' : 'http', display: `${m[1]}://${m[2]}:${port}` };
}

/** Connect and ping once; an unreachable engine is one line saying what to start. */
export async function connectEngine(env: Record<string, string | undefined>): Promise<Engine> {
  const engine = new DockerEngine(resolveEngineAddress(env), env);
  await engine.ping();
  return engine;
}

export class DockerEngine implements Engine {
  private readonly docker: Docker;

  constructor(
    readonly address: EngineAddress,
    env: Record<string, string | undefined> = {},
  ) {
    const tls = address.protocol === 'https' && env.DOCKER_CERT_PATH ? certs(env.DOCKER_CERT_PATH) : {};
    this.docker = address.socketPath
      ? new Docker({ socketPath: address.socketPath })
      : new Docker({ host: address.host, port: address.port, protocol: address.protocol, ...tls });
  }

  private call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    return engineCall(this.address.display, what, fn);
  }

  private lookup<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
    return engineLookup(this.address.display, what, fn);
  }

  async ping(): Promise<void> {
    await this.call('ping', () => this.docker.ping());
  }

  async listContainers(opts: { all: boolean; labels?: string[]; names?: string[] }): Promise<ContainerSummary[]> {
    const filters: Record<string, string[]> = {};
    if (opts.labels?.length) filters.label = opts.labels;
    if (opts.names?.length) filters.name = opts.names;
    const list = await this.call('list containers', () =>
      this.docker.listContainers({ all: opts.all, filters: JSON.stringify(filters) }),
    );
    return list.map(toContainerSummary);
  }

  async listNetworks(opts: { labels?: string[]; names?: string[] }): Promise<NetworkSummary[]> {
    const filters: Record<string, string[]> = {};
    if (opts.labels?.length) filters.label = opts.labels;
    if (opts.names?.length) filters.name = opts.names;
    const list = await this.call('list networks', () => this.docker.listNetworks({ filters: JSON.stringify(filters) }));
    // The name filter matches substrings: keep exact names only.
    const exact = opts.names?.length ? list.filter((n) => opts.names!.includes(n.Name)) : list;
    return exact.map((n) => ({
      id: n.Id,
      name: n.Name,
      driver: n.Driver,
      labels: n.Labels ?? {},
      internal: Boolean(n.Internal),
      attachable: Boolean(n.Attachable),
    }));
  }

  async listVolumes(opts: { labels?: string[]; names?: string[] }): Promise<VolumeSummary[]> {
    const filters: Record<string, string[]> = {};
    if (opts.labels?.length) filters.label = opts.labels;
    if (opts.names?.length) filters.name = opts.names;
    const res = await this.call('list volumes', () => this.docker.listVolumes({ filters: JSON.stringify(filters) }));
    const list = res.Volumes ?? [];
    const exact = opts.names?.length ? list.filter((v) => opts.names!.includes(v.Name)) : list;
    return exact.map((v) => ({ name: v.Name, driver: v.Driver, labels: (v.Labels as Record<string, string> | null) ?? {} }));
  }

  async inspectImage(ref: string): Promise<ImageInfo | undefined> {
    const info = await this.lookup(`inspect image ${ref}`, () => this.docker.getImage(ref).inspect());
    if (!info) return undefined;
    return { id: info.Id, tags: info.RepoTags ?? [], labels: info.Config?.Labels ?? {} };
  }
}

const STATES: ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

function toContainerSummary(c: Docker.ContainerInfo): ContainerSummary {
  const state = (STATES as string[]).includes(c.State) ? (c.State as ContainerState) : 'dead';
  return {
    id: c.Id,
    name: (c.Names?.[0] ?? '').replace(/^\//, ''),
    image: c.Image,
    imageId: c.ImageID,
    state,
    status: c.Status,
    health: healthFromStatus(c.Status),
    labels: c.Labels ?? {},
    created: c.Created,
    networks: Object.keys(c.NetworkSettings?.Networks ?? {}).sort(),
    ports: (c.Ports ?? []).map((p) => ({
      privatePort: p.PrivatePort,
      publicPort: p.PublicPort || undefined,
      ip: p.IP || undefined,
      type: p.Type,
    })),
  };
}

/** The list call carries health only in its status text: "Up 3 seconds (healthy)". */
function healthFromStatus(status: string): ContainerSummary['health'] {
  if (/\(healthy\)/.test(status)) return 'healthy';
  if (/\(unhealthy\)/.test(status)) return 'unhealthy';
  if (/\(health: starting\)/.test(status)) return 'starting';
  return undefined;
}

function certs(dir: string): { ca: Buffer; cert: Buffer; key: Buffer } {
  const read = (f: string) => readFileSync(path.join(dir, f));
  return { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') };
}
