/**
 * The canonical service → an Engine API container create body, one attribute family per file.
 * Pure: every engine-side reference (other containers, old volumes) comes in through the context.
 */
import { imageRef } from '../../planner/names.js';
import type { BodyContext, ContainerSpec, Mapper } from './context.js';
import { mapLabels } from './labels.js';
import { mapMounts } from './mounts.js';
import { mapNetwork } from './network.js';
import { mapPorts } from './ports.js';
import { mapProcess } from './process.js';
import { mapResources } from './resources.js';
import { mapSecurity } from './security.js';
import { mapUnapplied } from './unapplied.js';

export type { BodyContext, ContainerSpec } from './context.js';

const MAPPERS: Mapper[] = [mapProcess, mapPorts, mapMounts, mapNetwork, mapResources, mapSecurity, mapUnapplied, mapLabels];

export function buildContainerSpec(ctx: BodyContext): ContainerSpec {
  const spec: ContainerSpec = {
    body: { Image: imageRef(ctx.project.name, ctx.service, ctx.svc), Labels: {}, HostConfig: {} },
    extraNetworks: [],
    unapplied: [],
    files: [],
  };
  for (const map of MAPPERS) map(ctx, spec);
  return spec;
}
