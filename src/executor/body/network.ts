/**
 * Networking: network_mode (`service:x` → `container:<id>`), networks with aliases and static IPs,
 * links, ipc/pid/uts, dns, extra_hosts. API 1.41 takes one network at create; the rest are
 * connected before start.
 */
import type { EndpointSettings } from '../../engine/api-types.js';
import type { ServiceNetworkConfig } from '../../model/project.js';
import { networkConfig, serviceNetworks } from '../../planner/names.js';
import type { BodyContext, Mapper } from './context.js';

export const mapNetwork: Mapper = (ctx, spec) => {
  const { svc } = ctx;
  const hc = spec.body.HostConfig;
  if (svc.ipc !== undefined) hc.IpcMode = resolveServiceRef(ctx, svc.ipc);
  if (svc.pid !== undefined) hc.PidMode = resolveServiceRef(ctx, svc.pid);
  if (svc.uts !== undefined) hc.UTSMode = svc.uts;
  if (svc.dns) hc.Dns = svc.dns;
  if (svc.dns_opt) hc.DnsOptions = svc.dns_opt;
  if (svc.dns_search) hc.DnsSearch = svc.dns_search;
  if (svc.extra_hosts) hc.ExtraHosts = Object.entries(svc.extra_hosts).flatMap(([h, ips]) => ips.map((ip) => `${h}:${ip}`));
  if (svc.network_mode !== undefined) {
    hc.NetworkMode = resolveServiceRef(ctx, svc.network_mode);
    if (svc.links?.length) hc.Links = links(ctx);
    return;
  }
  const keys = orderedNetworks(ctx);
  const endpoints = keys.map((k, i) => ({ network: networkConfig(ctx.project, k).name, endpoint: endpoint(ctx, svc.networks?.[k] ?? null, i === 0, spec.unapplied, k) }));
  const [first, ...rest] = endpoints;
  if (!first) return;
  hc.NetworkMode = first.network;
  spec.body.NetworkingConfig = { EndpointsConfig: { [first.network]: first.endpoint } };
  spec.extraNetworks = rest;
};

/** `service:x` → `container:<id of x's first replica>`; anything else as written. */
export function resolveServiceRef(ctx: BodyContext, mode: string): string {
  if (!mode.startsWith('service:')) return mode;
  const target = mode.slice('service:'.length);
  const id = ctx.containersOf(target)[0];
  if (!id) throw new Error(`service ${ctx.service} uses ${mode}, but service ${target} has no container`);
  return `container:${id}`;
}

/** Highest priority first, then by key, as compose connects them. */
function orderedNetworks(ctx: BodyContext): string[] {
  const prio = (k: string) => ctx.svc.networks?.[k]?.priority ?? 0;
  return serviceNetworks(ctx.svc).sort((a, b) => prio(b) - prio(a) || a.localeCompare(b));
}

function endpoint(ctx: BodyContext, cfg: ServiceNetworkConfig | null, primary: boolean, unapplied: string[], key: string): EndpointSettings {
  const aliases = [ctx.service, ctx.containerName, ...(cfg?.aliases ?? [])];
  const e: EndpointSettings = { Aliases: [...new Set(aliases)] };
  const ipam: NonNullable<EndpointSettings['IPAMConfig']> = {};
  if (cfg?.ipv4_address) ipam.IPv4Address = cfg.ipv4_address;
  if (cfg?.ipv6_address) ipam.IPv6Address = cfg.ipv6_address;
  if (cfg?.link_local_ips) ipam.LinkLocalIPs = cfg.link_local_ips;
  if (Object.keys(ipam).length) e.IPAMConfig = ipam;
  if (cfg?.driver_opts) e.DriverOpts = cfg.driver_opts;
  if (cfg?.mac_address) unapplied.push(`networks.${key}.mac_address (needs Engine API 1.44; use the service's mac_address)`);
  if (cfg?.interface_name) unapplied.push(`networks.${key}.interface_name`);
  if (cfg?.gw_priority !== undefined) unapplied.push(`networks.${key}.gw_priority`);
  if (primary && (ctx.svc.links?.length || ctx.svc.external_links?.length)) e.Links = links(ctx);
  return e;
}

/** `svc[:alias]` → `<container>:<alias>` for each replica; external_links as written. */
function links(ctx: BodyContext): string[] {
  const out: string[] = [];
  for (const l of ctx.svc.links ?? []) {
    const [svc, alias = svc] = l.split(':') as [string, string | undefined];
    for (const name of ctx.namesOf(svc)) out.push(`${name}:${alias}`);
  }
  for (const l of ctx.svc.external_links ?? []) {
    const [name, alias = name] = l.split(':') as [string, string | undefined];
    out.push(`${name}:${alias}`);
  }
  return out;
}
