/**
 * The Engine port on the Docker Engine API: the ONLY file that imports dockerode. Plain JSON calls
 * (the hot path of up/down/ps) go through a small keep-alive HTTP client; the streaming ones
 * (pull, build, logs, exec, events) through dockerode, loaded only when one of them runs.
 * Every engine error leaves here as an EngineError with one clear line (`undefined` for 404s on
 * look-ups), so no caller ever sees a dockerode type.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type Docker from 'dockerode';
import { NcomposeError } from '../diagnostics.js';
import type { ContainerCreateBody, EndpointSettings, NetworkCreateBody, VolumeCreateBody } from './api-types.js';
import type {
  BuildRequest,
  ContainerDetails,
  ContainerFile,
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
import { EngineHttp } from './engine-http.js';
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

/**
 * The engine at the CLI's address. No ping (a round trip on every command): an unreachable engine
 * fails the first call with the same one line saying what to start. Four commands ping first: pull
 * and build (each step reports its own failure: the line would repeat per image), history and
 * rollback (the revision store falls back to local files, which would hide a missing engine).
 */
export function connectEngine(env: Record<string, string | undefined>): Engine {
  return new DockerEngine(resolveEngineAddress(env), env);
}

export class DockerEngine implements Engine {
  private readonly http: EngineHttp;
  private dockerode?: Promise<Docker>;

  constructor(
    readonly address: EngineAddress,
    private readonly env: Record<string, string | undefined> = {},
  ) {
    const tls = address.protocol === 'https' && env.DOCKER_CERT_PATH ? certs(env.DOCKER_CERT_PATH) : undefined;
    this.http = new EngineHttp({ ...address, tls });
  }

  /** dockerode, for the streaming calls only: its dependency tree is slow to load. */
  private docker(): Promise<Docker> {
    // require, not import(): the CLI bundle runs in a vm.Script, where import() has no loader.
    this.dockerode ??= Promise.resolve().then(() => {
      const Dockerode = createRequire(import.meta.url)('dockerode') as typeof Docker;
      const a = this.address;
      const tls = a.protocol === 'https' && this.env.DOCKER_CERT_PATH ? certs(this.env.DOCKER_CERT_PATH) : {};
      return a.socketPath ? new Dockerode({ socketPath: a.socketPath }) : new Dockerode({ host: a.host, port: a.port, protocol: a.protocol, ...tls });
    });
    return this.dockerode;
  }

  private call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    return engineCall(this.address.display, what, fn);
  }

  private lookup<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
    return engineLookup(this.address.display, what, fn);
  }

  /** A JSON call; statuses in `ok` succeed, `done` (304 already started, 404 gone...) succeed with nothing. */
  private api<T = unknown>(what: string, method: string, path: string, o: { query?: Record<string, unknown>; body?: unknown; ok?: number[]; done?: number[] } = {}): Promise<T | undefined> {
    return this.call(what, async () => {
      try {
        return await this.http.json<T>(what, method, path, o);
      } catch (e) {
        if (e instanceof EngineError && (o.done ?? []).includes(e.status)) return undefined;
        throw e;
      }
    });
  }

  async ping(): Promise<void> {
    await this.call('ping', async () => {
      const res = await this.http.request('GET', '/_ping');
      if (res.status !== 200) throw new EngineError(`ping: HTTP ${res.status}`, res.status);
    });
  }

  async listContainers(opts: { all: boolean; labels?: string[]; names?: string[] }): Promise<ContainerSummary[]> {
    const list = await this.api<Docker.ContainerInfo[]>('list containers', 'GET', '/containers/json', { query: { all: opts.all, filters: filters(opts) } });
    return (list ?? []).map(toContainerSummary);
  }

  async listNetworks(opts: { labels?: string[]; names?: string[] }): Promise<NetworkSummary[]> {
    const list = (await this.api<Docker.NetworkInspectInfo[]>('list networks', 'GET', '/networks', { query: { filters: filters(opts) } })) ?? [];
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
    const res = await this.api<{ Volumes: Docker.VolumeInspectInfo[] | null }>('list volumes', 'GET', '/volumes', { query: { filters: filters(opts) } });
    const list = res?.Volumes ?? [];
    const exact = opts.names?.length ? list.filter((v) => opts.names!.includes(v.Name)) : list;
    return exact.map((v) => ({ name: v.Name, driver: v.Driver, labels: (v.Labels as Record<string, string> | null) ?? {} }));
  }

  async inspectImage(ref: string): Promise<ImageInfo | undefined> {
    const info = await this.lookup(`inspect image ${ref}`, () => this.http.json<Docker.ImageInspectInfo>(`inspect image ${ref}`, 'GET', `/images/${encodeURIComponent(ref)}/json`));
    if (!info) return undefined;
    return { id: info.Id, tags: info.RepoTags ?? [], labels: info.Config?.Labels ?? {} };
  }

  // ---- mutations ------------------------------------------------------------------------

  async createNetwork(body: NetworkCreateBody): Promise<string> {
    const res = await this.api<{ Id: string }>(`create network ${body.Name}`, 'POST', '/networks/create', { body: { CheckDuplicate: true, ...body } });
    return res!.Id;
  }

  async removeNetwork(idOrName: string): Promise<void> {
    await this.api(`remove network ${idOrName}`, 'DELETE', `/networks/${encodeURIComponent(idOrName)}`, { done: [404] });
  }

  async connectNetwork(network: string, container: string, endpoint: EndpointSettings = {}): Promise<void> {
    await this.api(`connect ${container} to network ${network}`, 'POST', `/networks/${encodeURIComponent(network)}/connect`, {
      body: { Container: container, EndpointConfig: endpoint },
    });
  }

  async disconnectNetwork(network: string, container: string, force = false): Promise<void> {
    await this.api(`disconnect ${container} from network ${network}`, 'POST', `/networks/${encodeURIComponent(network)}/disconnect`, {
      body: { Container: container, Force: force }, done: [404],
    });
  }

  async createVolume(body: VolumeCreateBody): Promise<void> {
    await this.api(`create volume ${body.Name}`, 'POST', '/volumes/create', { body });
  }

  async removeVolume(name: string, force = false): Promise<void> {
    await this.api(`remove volume ${name}`, 'DELETE', `/volumes/${encodeURIComponent(name)}`, { query: { force }, done: [404] });
  }

  async createContainer(name: string, body: ContainerCreateBody): Promise<string> {
    const res = await this.api<{ Id: string }>(`create container ${name}`, 'POST', '/containers/create', { query: { name }, body });
    return res!.Id;
  }

  async startContainer(id: string): Promise<void> {
    await this.api(`start container ${id}`, 'POST', `/containers/${id}/start`, { done: [304] });
  }

  async stopContainer(id: string, timeout?: number): Promise<void> {
    await this.api(`stop container ${id}`, 'POST', `/containers/${id}/stop`, { query: { t: timeout }, done: [304] });
  }

  async killContainer(id: string, signal = 'SIGKILL'): Promise<void> {
    await this.api(`kill container ${id}`, 'POST', `/containers/${id}/kill`, { query: { signal }, done: [409] });
  }

  async removeContainer(id: string, opts: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    await this.api(`remove container ${id}`, 'DELETE', `/containers/${id}`, { query: { force: Boolean(opts.force), v: Boolean(opts.volumes) }, done: [404] });
  }

  async renameContainer(id: string, name: string): Promise<void> {
    await this.api(`rename container ${id} to ${name}`, 'POST', `/containers/${id}/rename`, { query: { name } });
  }

  async copyFilesIn(id: string, files: ContainerFile[]): Promise<void> {
    const { filesArchive } = await import('./file-archive.js');
    const tarball = await filesArchive(files);
    const docker = await this.docker();
    await this.call(`copy files into container ${id}`, () => docker.getContainer(id).putArchive(tarball, { path: '/' }) as Promise<unknown>);
  }

  async inspectContainer(id: string): Promise<ContainerDetails | undefined> {
    const info = await this.lookup(`inspect container ${id}`, () => this.http.json<Docker.ContainerInspectInfo>(`inspect container ${id}`, 'GET', `/containers/${id}/json`));
    return info ? toContainerDetails(info) : undefined;
  }

  async waitContainer(id: string, condition: 'not-running' | 'next-exit' = 'not-running'): Promise<number> {
    const res = await this.api<{ StatusCode: number }>(`wait for container ${id}`, 'POST', `/containers/${id}/wait`, { query: { condition } });
    return res!.StatusCode;
  }

  async pullImage(ref: string, onProgress?: (line: string) => void): Promise<void> {
    const docker = await this.docker();
    const stream = await this.call(`pull ${ref}`, () => docker.pull(ref) as Promise<NodeJS.ReadableStream>);
    await this.followJson(stream, `pull ${ref}`, (m) => {
      const line = [m.id, m.status, m.progress].filter(Boolean).join(' ');
      if (line && onProgress) onProgress(line);
    });
  }

  async buildImage(req: BuildRequest, onOutput?: (line: string) => void): Promise<string> {
    // Loaded on first build: tar-fs and its streams cost every other command ~10 ms of start-up.
    const { INLINE_DOCKERFILE, packContext } = await import('./build-context.js');
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
    const docker = await this.docker();
    const stream = await this.call(`build ${req.tags[0] ?? req.context}`, () =>
      docker.buildImage(tarball as unknown as NodeJS.ReadableStream, query) as Promise<NodeJS.ReadableStream>,
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
    await this.api(`remove image ${ref}`, 'DELETE', `/images/${encodeURIComponent(ref)}`, { query: { force }, done: [404] });
  }

  async importImage(tarball: Buffer, ref: string): Promise<string> {
    const at = ref.lastIndexOf(':');
    const [repo, tag] = at > ref.lastIndexOf('/') ? [ref.slice(0, at), ref.slice(at + 1)] : [ref, 'latest'];
    let id = '';
    const docker = await this.docker();
    const stream = await this.call(`import image ${ref}`, () =>
      docker.importImage(tarball as unknown as NodeJS.ReadableStream, { repo, tag }) as Promise<NodeJS.ReadableStream>,
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
    const docker = await this.docker();
    const res = await this.call(`logs of ${id}`, () =>
      docker.getContainer(id).logs(query as unknown as Docker.ContainerLogsOptions & { follow: true }),
    );
    const sink = (s: 'stdout' | 'stderr', d: Buffer) => onChunk(s, d.toString('utf8'));
    const push = opts.tty ? (b: Buffer) => sink('stdout', b) : createDemuxer(sink);
    if (Buffer.isBuffer(res)) return push(res);
    await drain(res as NodeJS.ReadableStream, push, opts.signal);
  }

  async exec(id: string, req: ExecRequest): Promise<number> {
    const docker = await this.docker();
    const ex = await this.call(`exec in ${id}`, () =>
      docker.getContainer(id).exec({
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
    const docker = await this.docker();
    const stream = (await this.call('events', () =>
      docker.getEvents({ filters: JSON.stringify(filters), abortSignal: signal } as Docker.GetEventsOptions),
    )) as NodeJS.ReadableStream;
    const lines = createLineSplitter((l) => {
      if (!l.trim()) return;
      const m = JSON.parse(l) as { Type: string; Action: string; Actor?: { ID: string; Attributes?: Record<string, string> }; time: number };
      onEvent({ type: m.Type, action: m.Action, id: m.Actor?.ID ?? '', attributes: m.Actor?.Attributes ?? {}, time: m.time });
    });
    await drain(stream, (b) => lines.push(b), signal);
  }

  // ---- plumbing -------------------------------------------------------------------------

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

/** The list filters of the Engine API: `{"label": [...], "name": [...]}`. */
function filters(opts: { labels?: string[]; names?: string[] }): Record<string, string[]> {
  const f: Record<string, string[]> = {};
  if (opts.labels?.length) f.label = opts.labels;
  if (opts.names?.length) f.name = opts.names;
  return f;
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
