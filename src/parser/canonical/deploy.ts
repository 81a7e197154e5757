/** `services.*.deploy`: resources (cpus, bytes), device requests, durations and counts typed. */
import type { Path } from '../types.js';
import { duration } from './command.js';
import { deviceRequest } from './misc.js';
import { stringMap, toFloat, toInt } from './scalars.js';
import { isObject, type CanonContext } from './table.js';
import { parseBytes } from './units.js';

export function canonicalDeploy(value: unknown, path: Path, c: CanonContext): unknown {
  if (!isObject(value)) {
    c.ctx.report({ code: 'invalid_type', message: 'deploy must be a mapping', path });
    return undefined;
  }
  const d: Record<string, unknown> = { ...value };
  if (d.replicas !== undefined) d.replicas = toInt(d.replicas) ?? d.replicas;
  if (d.labels !== undefined) d.labels = stringMap(d.labels) ?? d.labels;
  if (isObject(d.resources)) d.resources = resources(d.resources);
  // compose-go's Resources and Placement are structs: empty ones are no different from absent ones.
  for (const k of ['resources', 'placement']) if (isObject(d[k]) && Object.keys(d[k] as object).length === 0) delete d[k];
  if (isObject(d.restart_policy)) d.restart_policy = restartPolicy(d.restart_policy, [...path, 'restart_policy'], c);
  for (const k of ['update_config', 'rollback_config']) {
    if (isObject(d[k])) d[k] = updateConfig(d[k] as Record<string, unknown>, [...path, k], c);
  }
  return d;
}

function resources(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...r };
  for (const k of ['limits', 'reservations']) {
    const spec = out[k];
    if (!isObject(spec)) continue;
    const s: Record<string, unknown> = { ...spec };
    if (s.cpus !== undefined) s.cpus = toFloat(s.cpus) ?? s.cpus;
    if (s.memory !== undefined) s.memory = parseBytes(s.memory) ?? s.memory;
    if (s.pids !== undefined) s.pids = toInt(s.pids) ?? s.pids;
    if (Array.isArray(s.devices)) s.devices = s.devices.map(deviceRequest);
    out[k] = s;
  }
  return out;
}

function restartPolicy(p: Record<string, unknown>, path: Path, c: CanonContext): Record<string, unknown> {
  const out: Record<string, unknown> = { ...p };
  for (const k of ['delay', 'window']) if (out[k] !== undefined) out[k] = duration(out[k], [...path, k], c);
  if (out.max_attempts !== undefined) out.max_attempts = toInt(out.max_attempts) ?? out.max_attempts;
  return out;
}

function updateConfig(u: Record<string, unknown>, path: Path, c: CanonContext): Record<string, unknown> {
  const out: Record<string, unknown> = { ...u };
  for (const k of ['delay', 'monitor']) if (out[k] !== undefined) out[k] = duration(out[k], [...path, k], c);
  if (out.parallelism !== undefined) out.parallelism = toInt(out.parallelism) ?? out.parallelism;
  if (out.max_failure_ratio !== undefined) out.max_failure_ratio = toFloat(out.max_failure_ratio) ?? out.max_failure_ratio;
  return out;
}
