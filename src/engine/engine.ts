/**
 * The one port to a container engine, in ncompose's own plain types.
 * Only src/engine/docker-engine.ts implements it against dockerode; tests may use a fake.
 */

import type { ContainerCreateBody, EndpointSettings, NetworkCreateBody, VolumeCreateBody } from './api-types.js';

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerSummary {
  id: string;
  name: string; // without the leading slash
  image: string; // the reference it was created from
  imageId: string;
  state: ContainerState;
  status: string; // human text, e.g. "Up 3 seconds (healthy)"
  health?: 'starting' | 'healthy' | 'unhealthy' | 'none';
  labels: Record<string, string>;
  created: number; // unix seconds
  networks: string[];
  ports: { privatePort: number; publicPort?: number; ip?: string; type: string }[];
}

export interface NetworkSummary {
  id: string;
  name: string;
  driver: string;
  labels: Record<string, string>;
  internal: boolean;
  attachable: boolean;
}

export interface VolumeSummary {
  name: string;
  driver: string;
  labels: Record<string, string>;
}

export interface ImageInfo {
  id: string;
  tags: string[];
  labels: Record<string, string>;
}

/** A read-only view of everything the engine holds for one project. */
export interface Snapshot {
  project: string;
  containers: ContainerSummary[];
  networks: NetworkSummary[];
  volumes: VolumeSummary[];
  /** Image reference → image id, for every image the desired model names. Missing = not present. */
  images: Record<string, string>;
}

export interface Engine {
  ping(): Promise<void>;
  listContainers(opts: { all: boolean; labels?: string[]; names?: string[] }): Promise<ContainerSummary[]>;
  listNetworks(opts: { labels?: string[]; names?: string[] }): Promise<NetworkSummary[]>;
  listVolumes(opts: { labels?: string[]; names?: string[] }): Promise<VolumeSummary[]>;
  inspectImage(ref: string): Promise<ImageInfo | undefined>;

  // Mutations (the executor's). Bodies are the Engine API's JSON shape, see api-types.ts.
  createNetwork(body: NetworkCreateBody): Promise<string>;
  removeNetwork(idOrName: string): Promise<void>;
  connectNetwork(network: string, container: string, endpoint?: EndpointSettings): Promise<void>;
  disconnectNetwork(network: string, container: string, force?: boolean): Promise<void>;
  createVolume(body: VolumeCreateBody): Promise<void>;
  removeVolume(name: string, force?: boolean): Promise<void>;
  /** Returns the new container's id. */
  createContainer(name: string, body: ContainerCreateBody): Promise<string>;
  startContainer(id: string): Promise<void>;
  /** `timeout` in seconds before SIGKILL; undefined = the container's own StopTimeout. */
  stopContainer(id: string, timeout?: number): Promise<void>;
  killContainer(id: string, signal?: string): Promise<void>;
  removeContainer(id: string, opts?: { force?: boolean; volumes?: boolean }): Promise<void>;
  renameContainer(id: string, name: string): Promise<void>;
  /** Writes files into a container that exists (PUT /containers/{id}/archive at `/`); missing parents are made. */
  copyFilesIn(id: string, files: ContainerFile[]): Promise<void>;
  inspectContainer(id: string): Promise<ContainerDetails | undefined>;
  /** Resolves with the exit code once the container is not running. */
  waitContainer(id: string, condition?: 'not-running' | 'next-exit'): Promise<number>;
  pullImage(ref: string, onProgress?: (line: string) => void): Promise<void>;
  buildImage(req: BuildRequest, onOutput?: (line: string) => void): Promise<string>;
  removeImage(ref: string, force?: boolean): Promise<void>;
  /** Imports a root filesystem tarball as image `ref` (POST /images/create?fromSrc=-); returns its id. */
  importImage(tarball: Buffer, ref: string): Promise<string>;
  /** Streams demuxed output until the end (or forever with follow, until `signal` aborts). */
  logs(id: string, opts: LogsOptions, onChunk: (stream: 'stdout' | 'stderr', text: string) => void): Promise<void>;
  exec(id: string, req: ExecRequest): Promise<number>;
  /** Calls onEvent for each engine event matching `filters` until `signal` aborts. */
  events(filters: Record<string, string[]>, onEvent: (e: EngineEvent) => void, signal: AbortSignal): Promise<void>;
}

export interface ContainerDetails {
  id: string;
  name: string;
  image: string; // image id
  labels: Record<string, string>;
  tty: boolean;
  state: {
    status: ContainerState;
    running: boolean;
    exitCode: number;
    error: string;
    startedAt: string; // RFC 3339, '0001-01-01T00:00:00Z' when never
    finishedAt: string;
    health?: 'starting' | 'healthy' | 'unhealthy' | 'none';
    /** Output of the last health probe, for error messages. */
    healthLog?: string;
  };
  /** Network name → endpoint. */
  networks: Record<string, { ipAddress: string; aliases: string[] }>;
  mounts: { type: string; name?: string; source: string; destination: string }[];
}

export interface BuildRequest {
  /** Absolute path of the build context directory. */
  context: string;
  dockerfile?: string;
  /** Content of an inline Dockerfile: written into the context tar. */
  dockerfileInline?: string;
  tags: string[];
  args?: Record<string, string>;
  target?: string;
  labels?: Record<string, string>;
  noCache?: boolean;
  pull?: boolean;
  network?: string;
  extraHosts?: string[];
  shmSize?: number;
  cacheFrom?: string[];
}

export interface LogsOptions {
  follow?: boolean;
  tail?: number | 'all';
  timestamps?: boolean;
  /** Unix seconds or an RFC 3339 time. */
  since?: string | number;
  /** The container was created with a TTY: its stream is raw, not multiplexed. */
  tty?: boolean;
  signal?: AbortSignal;
}

export interface ExecRequest {
  cmd: string[];
  user?: string;
  workingDir?: string;
  env?: string[];
  tty?: boolean;
  privileged?: boolean;
  /** Attach these streams; without stdin, nothing is sent. */
  stdin?: NodeJS.ReadableStream;
  stdout: (text: Buffer) => void;
  stderr: (text: Buffer) => void;
}

export interface EngineEvent {
  type: string;
  action: string;
  id: string;
  attributes: Record<string, string>;
  time: number;
}

/** A file written into a container before it starts: secrets and configs given by `environment` or `content`. */
export interface ContainerFile {
  /** Absolute path in the container. */
  path: string;
  content: string;
  mode: number;
  uid: number;
  gid: number;
}
