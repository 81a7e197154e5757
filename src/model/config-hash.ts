/**
 * The per-service config hash stored in `com.docker.compose.config-hash`: a sha256 of the
 * canonical service without the fields that never need a recreate.
 */
import { createHash } from 'node:crypto';
import type { ServiceConfig } from './project.js';

/** Fields left out of the hash: changing them alone never recreates a container. */
export const HASH_EXCLUDED_FIELDS = ['build', 'pull_policy', 'scale', 'depends_on', 'profiles'] as const;

export function hashableService(service: ServiceConfig): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...service };
  for (const f of HASH_EXCLUDED_FIELDS) delete copy[f];
  if (service.deploy) {
    const { replicas: _replicas, ...deploy } = service.deploy;
    copy.deploy = Object.keys(deploy).length ? deploy : undefined;
  }
  return copy;
}

export function configHash(service: ServiceConfig): string {
  return createHash('sha256').update(stableStringify(hashableService(service))).digest('hex');
}

/** JSON with object keys sorted and undefined dropped: equal models give equal strings. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  // One string built in place (no per-level map/join arrays): plan hashes every service, 1000s at a time.
  let out = '';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + stableStringify(value[i]);
    return '[' + out + ']';
  }
  const obj = value as Record<string, unknown>;
  for (const k of Object.keys(obj).sort()) {
    if (obj[k] === undefined) continue;
    out += (out ? ',' : '') + JSON.stringify(k) + ':' + stableStringify(obj[k]);
  }
  return '{' + out + '}';
}
