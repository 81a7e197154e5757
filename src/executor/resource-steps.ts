/** Networks, volumes and images: one engine call per action, labelled as compose labels them. */
import type { NetworkCreateBody } from '../engine/api-types.js';
import { LABELS, networkConfig, volumeConfig } from '../planner/names.js';
import type { PlanAction } from '../planner/plan-types.js';
import { COMPOSE_LABELS } from './body/labels.js';
import type { ExecContext } from './context.js';

export async function runNetworkAction(ctx: ExecContext, a: PlanAction): Promise<void> {
  const resource = `network ${a.name}`;
  if (a.action === 'remove') {
    ctx.progress({ resource, status: 'Removing' });
    await ctx.engine.removeNetwork(a.existingId ?? a.name);
    ctx.progress({ resource, status: 'Removed' });
    return;
  }
  if (a.action !== 'create') return;
  const key = String(a.details?.key ?? a.id.replace(/^network:/, ''));
  ctx.progress({ resource, status: 'Creating' });
  await ctx.engine.createNetwork(networkBody(ctx, key, a.name));
  ctx.progress({ resource, status: 'Created' });
}

export function networkBody(ctx: ExecContext, key: string, name: string): NetworkCreateBody {
  const cfg = networkConfig(ctx.project, key);
  const body: NetworkCreateBody = {
    Name: name,
    Driver: cfg.driver ?? 'bridge',
    Labels: { ...(cfg.labels ?? {}), [LABELS.project]: ctx.project.name, [LABELS.network]: key, [COMPOSE_LABELS.version]: ctx.options.version },
  };
  if (cfg.driver_opts) body.Options = cfg.driver_opts;
  if (cfg.internal !== undefined) body.Internal = cfg.internal;
  if (cfg.attachable !== undefined) body.Attachable = cfg.attachable;
  if (cfg.enable_ipv6 !== undefined) body.EnableIPv6 = cfg.enable_ipv6;
  const ipam = cfg.ipam ?? {};
  if (ipam.driver || ipam.config?.length || ipam.options) {
    body.IPAM = {
      Driver: ipam.driver ?? 'default',
      Config: (ipam.config ?? []).map((p) => ({ Subnet: p.subnet, Gateway: p.gateway, IPRange: p.ip_range, AuxiliaryAddresses: p.aux_addresses })),
      ...(ipam.options ? { Options: ipam.options } : {}),
    };
  }
  return body;
}

export async function runVolumeAction(ctx: ExecContext, a: PlanAction): Promise<void> {
  const resource = `volume ${a.name}`;
  if (a.action === 'remove') {
    ctx.progress({ resource, status: 'Removing' });
    await ctx.engine.removeVolume(a.name);
    ctx.progress({ resource, status: 'Removed' });
    return;
  }
  if (a.action !== 'create') return;
  const key = String(a.details?.key ?? a.id.replace(/^volume:/, ''));
  const cfg = volumeConfig(ctx.project, key);
  ctx.progress({ resource, status: 'Creating' });
  await ctx.engine.createVolume({
    Name: a.name,
    Driver: cfg.driver ?? 'local',
    DriverOpts: cfg.driver_opts ?? {},
    Labels: { ...(cfg.labels ?? {}), [LABELS.project]: ctx.project.name, [LABELS.volume]: key, [COMPOSE_LABELS.version]: ctx.options.version },
  });
  ctx.progress({ resource, status: 'Created' });
}

export async function runImageAction(ctx: ExecContext, a: PlanAction): Promise<void> {
  const ref = String(a.details?.ref ?? a.name);
  const resource = `image ${ref}`;
  if (a.action === 'remove') {
    ctx.progress({ resource, status: 'Removing' });
    await ctx.engine.removeImage(ref);
    ctx.progress({ resource, status: 'Removed' });
  } else if (a.action === 'pull') {
    ctx.progress({ resource, status: 'Pulling', service: a.service });
    await ctx.engine.pullImage(ref, (line) => ctx.progress({ resource, status: 'Pulling', service: a.service, detail: line }));
    const info = await ctx.engine.inspectImage(ref);
    if (info) ctx.registry.images.set(ref, info.id);
    ctx.progress({ resource, status: 'Pulled', service: a.service });
  } else if (a.action === 'build') {
    await buildImage(ctx, a, ref, resource);
  }
}

async function buildImage(ctx: ExecContext, a: PlanAction, ref: string, resource: string): Promise<void> {
  const service = String(a.service ?? a.details?.service);
  const b = ctx.project.services[service]?.build;
  if (!b) throw new Error(`service ${service} has no build section`);
  ctx.progress({ resource, status: 'Building', service });
  const args = Object.fromEntries(Object.entries(b.args ?? {}).filter((e): e is [string, string] => e[1] !== null));
  const id = await ctx.engine.buildImage(
    {
      context: b.context,
      dockerfile: b.dockerfile,
      dockerfileInline: b.dockerfile_inline,
      tags: [ref, ...(b.tags ?? [])],
      args,
      target: b.target,
      labels: { ...(b.labels ?? {}), [LABELS.project]: ctx.project.name, [LABELS.service]: service },
      noCache: b.no_cache,
      pull: b.pull,
      network: b.network,
      shmSize: b.shm_size,
      cacheFrom: b.cache_from,
      extraHosts: Object.entries(b.extra_hosts ?? {}).flatMap(([h, ips]) => ips.map((ip) => `${h}:${ip}`)),
    },
    (line) => ctx.options.onBuildOutput?.(service, line),
  );
  if (id) ctx.registry.images.set(ref, id);
  ctx.progress({ resource, status: 'Built', service });
}
