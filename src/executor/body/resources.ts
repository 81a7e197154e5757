/** Resources: memory, cpus, pids, deploy.resources, ulimits, sysctls, shm, devices, blkio. */
import type { HostConfig } from '../../engine/api-types.js';
import type { Mapper } from './context.js';

export const mapResources: Mapper = (ctx, spec) => {
  const { svc } = ctx;
  const hc = spec.body.HostConfig;
  const limits = svc.deploy?.resources?.limits;
  const reservations = svc.deploy?.resources?.reservations;
  setIf(hc, 'Memory', svc.mem_limit ?? limits?.memory);
  setIf(hc, 'MemoryReservation', svc.mem_reservation ?? reservations?.memory);
  setIf(hc, 'MemorySwap', svc.memswap_limit);
  setIf(hc, 'MemorySwappiness', svc.mem_swappiness);
  const cpus = svc.cpus ?? limits?.cpus;
  if (cpus !== undefined) hc.NanoCpus = Math.round(Number(cpus) * 1e9);
  setIf(hc, 'CpuShares', svc.cpu_shares);
  setIf(hc, 'CpuPeriod', svc.cpu_period);
  setIf(hc, 'CpuQuota', svc.cpu_quota);
  setIf(hc, 'CpuRealtimePeriod', svc.cpu_rt_period);
  setIf(hc, 'CpuRealtimeRuntime', svc.cpu_rt_runtime);
  setIf(hc, 'CpusetCpus', svc.cpuset);
  setIf(hc, 'CpuCount', svc.cpu_count);
  setIf(hc, 'CpuPercent', svc.cpu_percent);
  setIf(hc, 'PidsLimit', svc.pids_limit ?? limits?.pids);
  setIf(hc, 'OomKillDisable', svc.oom_kill_disable);
  setIf(hc, 'OomScoreAdj', svc.oom_score_adj);
  setIf(hc, 'ShmSize', svc.shm_size);
  if (svc.ulimits) {
    hc.Ulimits = Object.entries(svc.ulimits)
      .map(([Name, u]) => ({ Name, Soft: u.single ?? u.soft ?? 0, Hard: u.single ?? u.hard ?? 0 }))
      .sort((a, b) => a.Name.localeCompare(b.Name));
  }
  if (svc.sysctls) hc.Sysctls = svc.sysctls;
  if (svc.devices?.length) {
    hc.Devices = svc.devices.map((d) => ({ PathOnHost: d.source, PathInContainer: d.target, CgroupPermissions: d.permissions || 'rwm' }));
  }
  if (svc.device_cgroup_rules) hc.DeviceCgroupRules = svc.device_cgroup_rules;
  if (svc.storage_opt) hc.StorageOpt = svc.storage_opt;
  const weight = (svc.blkio_config as { weight?: number } | undefined)?.weight;
  if (weight !== undefined) hc.BlkioWeight = weight;
  const blkioRest = Object.keys(svc.blkio_config ?? {}).filter((k) => k !== 'weight');
  for (const k of blkioRest) spec.unapplied.push(`blkio_config.${k}`);
  if (reservations?.cpus !== undefined) spec.unapplied.push('deploy.resources.reservations.cpus');
  if (reservations?.devices?.length || svc.gpus?.length) mapGpus(ctx.svc.gpus, reservations?.devices, hc);
  if (reservations?.generic_resources?.length) spec.unapplied.push('deploy.resources.reservations.generic_resources');
};

function setIf<K extends keyof HostConfig>(hc: HostConfig, key: K, value: HostConfig[K] | undefined): void {
  if (value !== undefined && value !== null) hc[key] = value;
}

/** `gpus: all` / reservations.devices → DeviceRequests. */
function mapGpus(gpus: unknown[] | undefined, devices: unknown[] | undefined, hc: HostConfig): void {
  const reqs = [...(gpus ?? []), ...(devices ?? [])] as { driver?: string; count?: number | string; device_ids?: string[]; capabilities?: string[]; options?: Record<string, string> }[];
  hc.DeviceRequests = reqs.map((d) => ({
    Driver: d.driver ?? '',
    Count: d.count === 'all' || d.count === undefined ? (d.device_ids?.length ? 0 : -1) : Number(d.count),
    DeviceIDs: d.device_ids ?? [],
    Capabilities: [d.capabilities ?? ['gpu']],
    Options: d.options ?? {},
  }));
}
