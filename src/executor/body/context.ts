/** What every attribute mapper gets: the service, its replica, and how to resolve other containers. */
import type { ContainerCreateBody, EndpointSettings } from '../../engine/api-types.js';
import type { ContainerFile } from '../../engine/engine.js';
import type { IncludedValues, Project, ServiceConfig } from '../../model/project.js';

export interface BodyContext {
  project: Project;
  workingDir: string;
  configFiles: string[];
  service: string;
  svc: ServiceConfig;
  number: number;
  containerName: string;
  /** The image id the container runs (for the com.docker.compose.image label). */
  imageId?: string;
  configHash: string;
  /** Container ids of a service, replica 1 first: resolves `service:x` and volumes_from. */
  containersOf(service: string): string[];
  /** Container names of a service, for links. */
  namesOf(service: string): string[];
  /** Volumes of the container this one replaces, reused unless `-V`. */
  previousMounts?: { type: string; name?: string; destination: string }[];
  version: string;
  /** The project's environment (shell and .env): secrets and configs from `environment` read it, */
  environment: Record<string, string>;
  /** except those an included file defines, which read the include's environment. */
  includedValues?: IncludedValues;
}

/** The mapped body plus the networks to connect after create (API 1.41 takes one at create). */
export interface ContainerSpec {
  body: ContainerCreateBody;
  extraNetworks: { network: string; endpoint: EndpointSettings }[];
  /** Attributes accepted but not applied, one warning each. */
  unapplied: string[];
  /** Written into the container after create, before start. */
  files: ContainerFile[];
}

/** One family of attributes: fills its part of the spec. */
export type Mapper = (ctx: BodyContext, spec: ContainerSpec) => void;

export function nanos(duration: string | undefined, parse: (v: unknown) => bigint | undefined): number | undefined {
  if (duration === undefined) return undefined;
  const ns = parse(duration);
  return ns === undefined ? undefined : Number(ns);
}
