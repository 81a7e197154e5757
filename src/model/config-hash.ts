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
  if (Array.isArray(value)) return '[' + value.map(stableStringify).join(',') + ']';
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + stableStringify((value as Record<string, unknown>)[k])).join(',') + '}';
}
