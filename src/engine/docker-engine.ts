/**
 * The Engine port implemented on dockerode: the ONLY file that imports it.
 * Every engine error leaves here as an NcomposeError with one clear line (or `undefined` for 404s
 * on look-ups), so no caller ever sees a dockerode type.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Docker from 'dockerode';
import { NcomposeError } from '../diagnostics.js';
import type { ContainerCreateBody, EndpointSettings, NetworkCreateBody, VolumeCreateBody } from './api-types.js';
import { INLINE_DOCKERFILE, packContext } from './build-context.js';
import type {
  BuildRequest,
  ContainerDetails,
  ContainerState,
  ContainerSummary,
  Engine,
  EngineEvent,
  ExecRequest,
  ImageInfo,
  LogsOptions,
  NetworkSummary,
  VolumeSummary,
} from './engine.js';
import { EngineError, engineCall, engineLookup, toEngineError } from './engine-errors.js';
import { createDemuxer, createLineSplitter } from './stream-demux.js';

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

  // ---- mutations ------------------------------------------------------------------------

  async createNetwork(body: NetworkCreateBody): Promise<string> {
    const res = await this.call(`create network ${body.Name}`, () =>
      this.dial<{ Id: string }>('/networks/create', 'POST', { body: { CheckDuplicate: true, ...body } }),
    );
    return res.Id;
  }

  async removeNetwork(idOrName: string): Promise<void> {
    await this.ignoring([404], `remove network ${idOrName}`, () => this.docker.getNetwork(idOrName).remove());
  }

  async connectNetwork(network: string, container: string, endpoint: EndpointSettings = {}): Promise<void> {
    await this.call(`connect ${container} to network ${network}`, () =>
      this.docker.getNetwork(network).connect({ Container: container, EndpointConfig: endpoint }),
    );
  }

  async disconnectNetwork(network: string, container: string, force = false): Promise<void> {
    await this.ignoring([404], `disconnect ${container} from network ${network}`, () =>
      this.docker.getNetwork(network).disconnect({ Container: container, Force: force }),
    );
  }

  async createVolume(body: VolumeCreateBody): Promise<void> {
    await this.call(`create volume ${body.Name}`, () => this.dial('/volumes/create', 'POST', { body }));
  }

  async removeVolume(name: string, force = false): Promise<void> {
    await this.ignoring([404], `remove volume ${name}`, () => this.docker.getVolume(name).remove({ force }));
  }

  async createContainer(name: string, body: ContainerCreateBody): Promise<string> {
    const res = await this.call(`create container ${name}`, () =>
      this.dial<{ Id: string }>('/containers/create', 'POST', { query: { name }, body }),
    );
    return res.Id;
  }

  async startContainer(id: string): Promise<void> {
    await this.ignoring([304], `start container ${id}`, () => this.docker.getContainer(id).start());
  }

  async stopContainer(id: string, timeout?: number): Promise<void> {
    const opts = timeout === undefined ? {} : { t: timeout };
    await this.ignoring([304], `stop container ${id}`, () => this.docker.getContainer(id).stop(opts));
  }

  async killContainer(id: string, signal = 'SIGKILL'): Promise<void> {
    await this.ignoring([409], `kill container ${id}`, () => this.docker.getContainer(id).kill({ signal }));
  }

  async removeContainer(id: string, opts: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    await this.ignoring([404], `remove container ${id}`, () =>
      this.docker.getContainer(id).remove({ force: Boolean(opts.force), v: Boolean(opts.volumes) }),
    );
  }

  async renameContainer(id: string, name: string): Promise<void> {
    await this.call(`rename container ${id} to ${name}`, () => this.docker.getContainer(id).rename({ name }));
  }

  async inspectContainer(id: string): Promise<ContainerDetails | undefined> {
    const info = await this.lookup(`inspect container ${id}`, () => this.docker.getContainer(id).inspect());
    return info ? toContainerDetails(info) : undefined;
  }

  async waitContainer(id: string, condition: 'not-running' | 'next-exit' = 'not-running'): Promise<number> {
    const res = await this.call(`wait for container ${id}`, () => this.docker.getContainer(id).wait({ condition }));
    return (res as { StatusCode: number }).StatusCode;
  }

  async pullImage(ref: string, onProgress?: (line: string) => void): Promise<void> {
    const stream = await this.call(`pull ${ref}`, () => this.docker.pull(ref) as Promise<NodeJS.ReadableStream>);
    await this.followJson(stream, `pull ${ref}`, (m) => {
      const line = [m.id, m.status, m.progress].filter(Boolean).join(' ');
      if (line && onProgress) onProgress(line);
    });
  }

  async buildImage(req: BuildRequest, onOutput?: (line: string) => void): Promise<string> {
    const dockerfile = req.dockerfileInline !== undefined ? INLINE_DOCKERFILE : (req.dockerfile ?? 'Dockerfile');
    const tarball = packContext(req.context, dockerfile, req.dockerfileInline);
    const query: Record<string, unknown> = {
      t: req.tags, dockerfile, buildargs: req.args ?? {}, labels: req.labels ?? {}, target: req.target ?? '',
      nocache: Boolean(req.noCache), pull: Boolean(req.pull), rm: true, forcerm: true,
    };
    if (req.network) query.networkmode = req.network;
    if (req.shmSize) query.shmsize = req.shmSize;
    if (req.extraHosts?.length) query.extrahosts = req.extraHosts.join(',');
    if (req.cacheFrom?.length) query.cachefrom = JSON.stringify(req.cacheFrom);
    const stream = await this.call(`build ${req.tags[0] ?? req.context}`, () =>
      this.docker.buildImage(tarball as unknown as NodeJS.ReadableStream, query) as Promise<NodeJS.ReadableStream>,
    );
    let imageId = '';
    const lines = createLineSplitter((l) => onOutput?.(l));
    await this.followJson(stream, `build ${req.tags[0] ?? req.context}`, (m) => {
      if (typeof m.stream === 'string') lines.push(Buffer.from(m.stream));
      const aux = m.aux as { ID?: string } | undefined;
      if (aux?.ID) imageId = aux.ID;
    });
    lines.flush();
    if (!imageId && req.tags[0]) imageId = (await this.inspectImage(req.tags[0]))?.id ?? '';
    return imageId;
  }

  async removeImage(ref: string, force = false): Promise<void> {
    await this.ignoring([404], `remove image ${ref}`, () => this.docker.getImage(ref).remove({ force }));
  }

  async importImage(tarball: Buffer, ref: string): Promise<string> {
    const at = ref.lastIndexOf(':');
    const [repo, tag] = at > ref.lastIndexOf('/') ? [ref.slice(0, at), ref.slice(at + 1)] : [ref, 'latest'];
    let id = '';
    const stream = await this.call(`import image ${ref}`, () =>
      this.docker.importImage(tarball as unknown as NodeJS.ReadableStream, { repo, tag }) as Promise<NodeJS.ReadableStream>,
    );
    await this.followJson(stream, `import image ${ref}`, (m) => {
      if (typeof m.status === 'string' && m.status.startsWith('sha256:')) id = m.status;
    });
    return id;
  }

  async logs(id: string, opts: LogsOptions, onChunk: (stream: 'stdout' | 'stderr', text: string) => void): Promise<void> {
    const query = {
      follow: Boolean(opts.follow), stdout: true, stderr: true, timestamps: Boolean(opts.timestamps),
      tail: opts.tail === undefined ? 'all' : String(opts.tail), since: opts.since ?? 0, abortSignal: opts.signal,
    };
    const res = await this.call(`logs of ${id}`, () =>
      this.docker.getContainer(id).logs(query as unknown as Docker.ContainerLogsOptions & { follow: true }),
    );
    const sink = (s: 'stdout' | 'stderr', d: Buffer) => onChunk(s, d.toString('utf8'));
    const push = opts.tty ? (b: Buffer) => sink('stdout', b) : createDemuxer(sink);
    if (Buffer.isBuffer(res)) return push(res);
    await drain(res as NodeJS.ReadableStream, push, opts.signal);
  }

  async exec(id: string, req: ExecRequest): Promise<number> {
    const ex = await this.call(`exec in ${id}`, () =>
      this.docker.getContainer(id).exec({
        Cmd: req.cmd, User: req.user, WorkingDir: req.workingDir, Env: req.env, Tty: Boolean(req.tty),
        Privileged: Boolean(req.privileged), AttachStdin: Boolean(req.stdin), AttachStdout: true, AttachStderr: true,
      }),
    );
    const stream = (await this.call(`exec in ${id}`, () =>
      ex.start({ hijack: true, stdin: Boolean(req.stdin), Tty: Boolean(req.tty) }),
    )) as NodeJS.ReadWriteStream;
    if (req.stdin) req.stdin.pipe(stream);
    const push = req.tty ? (b: Buffer) => req.stdout(b) : createDemuxer((s, d) => (s === 'stderr' ? req.stderr(d) : req.stdout(d)));
    await drain(stream, push);
    const info = await this.call(`exec in ${id}`, () => ex.inspect());
    return info.ExitCode ?? 0;
  }

  async events(filters: Record<string, string[]>, onEvent: (e: EngineEvent) => void, signal: AbortSignal): Promise<void> {
    const stream = (await this.call('events', () =>
      this.docker.getEvents({ filters: JSON.stringify(filters), abortSignal: signal } as Docker.GetEventsOptions),
    )) as NodeJS.ReadableStream;
    const lines = createLineSplitter((l) => {
      if (!l.trim()) return;
      const m = JSON.parse(l) as { Type: string; Action: string; Actor?: { ID: string; Attributes?: Record<string, string> }; time: number };
      onEvent({ type: m.Type, action: m.Action, id: m.Actor?.ID ?? '', attributes: m.Actor?.Attributes ?? {}, time: m.time });
    });
    await drain(stream, (b) => lines.push(b), signal);
  }

  // ---- plumbing -------------------------------------------------------------------------

  /** A raw API call with the query and JSON body kept apart (dockerode would put the body in the query too). */
  private dial<T = unknown>(path: string, method: string, o: { query?: Record<string, unknown>; body?: unknown }): Promise<T> {
    const options: Record<string, unknown> = { _body: o.body ?? {} };
    if (o.query) options._query = o.query;
    return new Promise((resolve, reject) => {
      this.docker.modem.dial(
        { path: path + '?', method, options, statusCodes: { 200: true, 201: true, 204: true, 400: 'bad parameter', 403: 'forbidden', 404: 'not found', 409: 'conflict', 500: 'server error' } },
        (err: unknown, data: unknown) => (err ? reject(err) : resolve(data as T)),
      );
    });
  }

  /** A call whose listed HTTP statuses mean "already done" (304 started, 404 gone). */
  private async ignoring<T>(statuses: number[], what: string, fn: () => Promise<T>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      if (statuses.includes((e as { statusCode?: number }).statusCode ?? -1)) return;
      throw toEngineError(this.address.display, what, e);
    }
  }

  /** Reads a JSON-lines progress stream; an `error` message in it fails the call. */
  private async followJson(stream: NodeJS.ReadableStream, what: string, onMessage: (m: Record<string, unknown>) => void): Promise<void> {
    let failure: string | undefined;
    const lines = createLineSplitter((l) => {
      if (!l.trim()) return;
      let m: Record<string, unknown>;
      try {
        m = JSON.parse(l) as Record<string, unknown>;
      } catch {
        return;
      }
      if (m.error) failure = String((m.errorDetail as { message?: string } | undefined)?.message ?? m.error);
      else onMessage(m);
    });
    await drain(stream, (b) => lines.push(b));
    lines.flush();
    if (failure) throw new EngineError(`${what}: ${failure.trim()}`, 500);
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

function toContainerDetails(c: Docker.ContainerInspectInfo): ContainerDetails {
  const st = c.State as Docker.ContainerInspectInfo['State'] & { Health?: { Status: string; Log?: { Output: string; ExitCode: number }[] } };
  const log = st.Health?.Log;
  return {
    id: c.Id,
    name: c.Name.replace(/^\//, ''),
    image: c.Image,
    labels: c.Config?.Labels ?? {},
    tty: Boolean(c.Config?.Tty),
    state: {
      status: ((STATES as string[]).includes(st.Status) ? st.Status : 'dead') as ContainerState,
      running: st.Running,
      exitCode: st.ExitCode,
      error: st.Error ?? '',
      startedAt: st.StartedAt,
      finishedAt: st.FinishedAt,
      health: st.Health?.Status as ContainerDetails['state']['health'],
      healthLog: log?.length ? probeText(log[log.length - 1]) : undefined,
    },
    networks: Object.fromEntries(
      Object.entries(c.NetworkSettings?.Networks ?? {}).map(([n, e]) => [n, { ipAddress: e.IPAddress, aliases: (e.Aliases as string[] | null) ?? [] }]),
    ),
    mounts: (c.Mounts ?? []).map((m) => ({ type: m.Type, name: m.Name, source: m.Source, destination: m.Destination })),
  };
}

/** Feeds every chunk of a stream to `push` until it ends, fails, or `signal` aborts. */
function drain(stream: NodeJS.ReadableStream, push: (b: Buffer) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return resolve();
    const onAbort = () => {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      resolve();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (b: Buffer | string) => push(Buffer.isBuffer(b) ? b : Buffer.from(b)));
    stream.on('end', () => resolve());
    stream.on('close', () => resolve());
    stream.on('error', (e: Error) => (signal?.aborted ? resolve() : reject(e)));
  });
}

function probeText(p: { Output: string; ExitCode: number }): string {
  const out = p.Output.trim();
  return out ? `exit ${p.ExitCode}: ${out}` : `exit ${p.ExitCode}`;
}
