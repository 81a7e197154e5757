/**
 * The one port to a container engine, in ncompose's own plain types.
 * Only src/engine/docker-engine.ts implements it against dockerode; tests may use a fake.
 */

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
}
