/** The process: image, command, entrypoint, environment, user, tty, stop signal and grace, healthcheck. */
import { parseDuration } from '../../parser/canonical/units.js';
import type { HealthConfig } from '../../engine/api-types.js';
import type { HealthCheckConfig } from '../../model/project.js';
import { nanos, type Mapper } from './context.js';

export const mapProcess: Mapper = (ctx, spec) => {
  const { svc } = ctx;
  const b = spec.body;
  if (svc.command) b.Cmd = svc.command;
  if (svc.entrypoint) b.Entrypoint = svc.entrypoint;
  const env = Object.entries(svc.environment ?? {})
    .filter((e): e is [string, string] => e[1] !== null && e[1] !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .sort();
  if (env.length) b.Env = env;
  if (svc.user !== undefined) b.User = svc.user;
  if (svc.working_dir !== undefined) b.WorkingDir = svc.working_dir;
  if (svc.hostname !== undefined) b.Hostname = svc.hostname;
  if (svc.domainname !== undefined) b.Domainname = svc.domainname;
  if (svc.tty !== undefined) b.Tty = svc.tty;
  if (svc.stdin_open !== undefined) b.OpenStdin = svc.stdin_open;
  if (svc.stop_signal !== undefined) b.StopSignal = svc.stop_signal;
  const grace = nanos(svc.stop_grace_period, parseDuration);
  if (grace !== undefined) b.StopTimeout = Math.ceil(grace / 1e9);
  if (svc.init !== undefined) b.HostConfig.Init = svc.init;
  if (svc.mac_address !== undefined) b.MacAddress = svc.mac_address;
  if (svc.healthcheck) b.Healthcheck = toHealthConfig(svc.healthcheck);
  const expose = (svc.expose ?? []).flatMap(expandPorts);
  if (expose.length) b.ExposedPorts = { ...b.ExposedPorts, ...Object.fromEntries(expose.map((p) => [p, {}])) };
};

export function toHealthConfig(h: HealthCheckConfig): HealthConfig {
  if (h.disable) return { Test: ['NONE'] };
  const out: HealthConfig = {};
  if (h.test) out.Test = h.test;
  const set = (k: 'Interval' | 'Timeout' | 'StartPeriod' | 'StartInterval', v: string | undefined) => {
    const ns = nanos(v, parseDuration);
    if (ns !== undefined) out[k] = ns;
  };
  set('Interval', h.interval);
  set('Timeout', h.timeout);
  set('StartPeriod', h.start_period);
  set('StartInterval', h.start_interval);
  if (h.retries !== undefined) out.Retries = h.retries;
  return out;
}

/** `3000`, `3000/udp`, `3000-3002` → `3000/tcp`, … */
export function expandPorts(spec: string): string[] {
  const [range, proto = 'tcp'] = String(spec).split('/');
  const [lo, hi = lo] = range!.split('-').map(Number);
  if (!Number.isInteger(lo) || !Number.isInteger(hi)) return [];
  const out: string[] = [];
  for (let p = lo!; p <= hi!; p++) out.push(`${p}/${proto}`);
  return out;
}
